using System.Globalization;
using System.Text;

namespace AzureRules.Sdk.Text;

/// <summary>
/// Text from rules and events made safe for a terminal: rule names, messages and event values are
/// written by others, and an ESC, OSC, NUL, BEL or newline in them would otherwise move the cursor,
/// retitle the window or forge extra output lines. Control characters (C0, DEL, C1), lone surrogates
/// and the Unicode line/paragraph separators and bidirectional overrides become visible escapes
/// (<c>\e</c>, <c>\n</c>, <c>\u202E</c>…); everything else is kept as it is.
/// </summary>
public static class ConsoleText
{
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text)) return text ?? "";
        var i = 0;
        while (i < text.Length && !NeedsEscape(text, i)) i++;
        if (i == text.Length) return text;

        var builder = new StringBuilder(text.Length + 16).Append(text, 0, i);
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
                continue;
            }
            if (!NeedsEscape(text, i)) { builder.Append(c); continue; }
            builder.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '\u001B' => "\\e",
                '\0' => "\\0",
                _ => "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
            });
        }
        return builder.ToString();
    }

    private static bool NeedsEscape(string text, int i)
    {
        var c = text[i];
        if (c < ' ' || c is >= '\u007F' and <= '\u009F') return true;
        if (c is '\u2028' or '\u2029' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069')) return true;
        if (char.IsHighSurrogate(c)) return i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]);
        if (char.IsLowSurrogate(c)) return i == 0 || !char.IsHighSurrogate(text[i - 1]);
        return false;
    }
}
