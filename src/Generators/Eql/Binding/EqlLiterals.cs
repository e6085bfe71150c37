using System;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace AzureRules.Generators.Eql.Binding;

/// <summary>Compile-time reading of constants whose form the runtime relies on: dates, regexes, CIDR blocks.</summary>
internal static class EqlLiterals
{
    private static readonly DateTimeOffset Epoch = new(1970, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>A date constant compared with a date field: epoch milliseconds or ISO 8601 (UTC unless it says otherwise).</summary>
    public static bool TryParseDate(string text, out long epochMillis)
    {
        epochMillis = 0;
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out epochMillis)) return true;
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date))
            return false;
        epochMillis = (long)Math.Floor((date - Epoch).TotalMilliseconds);
        return true;
    }

    /// <summary>
    /// A Lucene regular expression (what Elasticsearch's <c>regex</c> runs) as a .NET pattern. Lucene
    /// lets a backslash escape any character (<c>\_</c> is '_'), which .NET rejects for characters that
    /// are not metacharacters; letters keep their .NET meaning (<c>\d</c>, <c>\s</c>, <c>\w</c>).
    /// Lucene patterns are anchored: the runtime anchors the whole pattern.
    /// </summary>
    public static string ToDotNetRegex(string lucene)
    {
        var result = new System.Text.StringBuilder(lucene.Length + 8);
        var inClass = false;
        char? previous = null; // the literal character of the class element just written, if it is one
        for (var i = 0; i < lucene.Length; i++)
        {
            var c = lucene[i];
            if (c == '\\' && i + 1 < lucene.Length)
            {
                var next = lucene[++i];
                if (char.IsLetterOrDigit(next))
                {
                    result.Append('\\').Append(next);
                    previous = null;
                }
                else
                {
                    // .NET takes a backslash before any non-word character as that character ('_' is a word character)
                    if (next == '_') result.Append(next);
                    else result.Append('\\').Append(next);
                    previous = next;
                }
                continue;
            }
            if (!inClass)
            {
                if (c == '[') { inClass = true; previous = null; if (i + 1 < lucene.Length && lucene[i + 1] == '^') result.Append(c).Append(lucene[++i]); else result.Append(c); continue; }
                result.Append(c);
                continue;
            }
            if (c == ']') { inClass = false; result.Append(c); continue; }
            if (c == '-' && previous is { } from && LiteralAt(lucene, i + 1) is { } to && from > to)
            {
                // a reversed range such as [_-.] can only mean a literal '-': Lucene authors write it so
                result.Append("\\-");
                previous = '-';
                continue;
            }
            result.Append(c);
            previous = c == '-' ? null : c;
        }
        return result.ToString();
    }

    private static char? LiteralAt(string pattern, int i)
    {
        if (i >= pattern.Length || pattern[i] == ']') return null;
        if (pattern[i] != '\\') return pattern[i];
        return i + 1 < pattern.Length && !char.IsLetterOrDigit(pattern[i + 1]) ? pattern[i + 1] : null;
    }

    /// <summary>Null when the pattern compiles as the runtime will compile it, else the reason.</summary>
    public static string? ValidateRegex(string pattern)
    {
        try
        {
            _ = new Regex("^(?:" + ToDotNetRegex(pattern) + ")$", RegexOptions.CultureInvariant);
            return null;
        }
        catch (ArgumentException e)
        {
            return e.Message;
        }
    }

    public static bool IsValidCidr(string text)
    {
        var slash = text.IndexOf('/');
        var address = slash < 0 ? text : text.Substring(0, slash);
        if (!IPAddress.TryParse(address, out var ip)) return false;
        if (slash < 0) return true;
        var bits = ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128;
        return int.TryParse(text.Substring(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var prefix) && prefix <= bits;
    }
}
