using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using AzureRules.Sdk.Text;

namespace AzureRules.Sdk.Events;

/// <summary>
/// Decides, once per line and before any rule sees it, whether an event line is an event, with
/// Elasticsearch's ingest rules where they are defined (an attacker writes event lines, so nothing in
/// one may throw inside a rule or the alert writer):
/// <list type="bullet">
/// <item>bytes that are not UTF-8 reject the line, as Elasticsearch's JSON parser rejects the document
/// ("Invalid UTF-8 start byte");</item>
/// <item>an escaped lone surrogate (<c>"\ud800"</c>) is replaced with U+FFFD, as Lucene does when it
/// indexes such a string, so the rest of the event is still seen by the rules;</item>
/// <item>a key twice in one object rejects the line ("Duplicate field"), as Elasticsearch does by
/// default (strict duplicate detection);</item>
/// <item>a number beyond the range of a double rejects the line, as Elasticsearch's numeric fields
/// accept only finite values — it never becomes "Infinity";</item>
/// <item>nesting deeper than <see cref="MaxDepth"/> rejects the line.</item>
/// </list>
/// </summary>
public static class EventLineCheck
{
    /// <summary>How deep objects and arrays may nest in an event (System.Text.Json's default).</summary>
    public const int MaxDepth = 64;

    internal static readonly JsonReaderOptions ReaderOptions = new() { CommentHandling = JsonCommentHandling.Skip, MaxDepth = MaxDepth };

    /// <summary>
    /// Checks a line; returns the reason it is not an event, or null. Lone surrogate escapes in
    /// <paramref name="line"/> are rewritten in place to <c>\uFFFD</c> (same length).
    /// </summary>
    public static string? Check(Span<byte> line) => EventLineReader.ForThread.Check(line);

    /// <summary>System.Text.Json's message without its own "LineNumber: 0 | BytePositionInLine: …", with a 1-based byte.</summary>
    internal static string Describe(JsonException ex)
    {
        var message = ex.Message;
        var at = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        var column = ex.BytePositionInLine is { } position ? $" (at byte {position + 1})" : "";
        return (at > 0 ? message[..at] : message).TrimEnd('.', ' ') + column;
    }

    internal static int InvalidUtf8Position(ReadOnlySpan<byte> line)
    {
        var offset = 0;
        while (offset < line.Length)
        {
            if (System.Text.Rune.DecodeFromUtf8(line[offset..], out _, out var consumed) != System.Buffers.OperationStatus.Done) return offset;
            offset += consumed;
        }
        return offset;
    }

    /// <summary>
    /// Rewrites <c>\uD800</c>–<c>\uDFFF</c> escapes that are not a high-low pair to <c>\uFFFD</c>.
    /// Backslashes only occur inside JSON strings, so the escapes can be found without tracking quotes;
    /// an escaped backslash (<c>\\</c>) is skipped as a unit so <c>\\ud800</c> stays literal text.
    /// </summary>
    internal static void ReplaceLoneSurrogates(Span<byte> line)
    {
        var i = 0;
        while (i < line.Length - 1)
        {
            if (line[i] != (byte)'\\') { i++; continue; }
            if (line[i + 1] != (byte)'u' || !TryHex4(line, i + 2, out var unit)) { i += 2; continue; }
            if (char.IsHighSurrogate((char)unit))
            {
                if (i + 12 <= line.Length && line[i + 6] == (byte)'\\' && line[i + 7] == (byte)'u'
                    && TryHex4(line, i + 8, out var low) && char.IsLowSurrogate((char)low))
                {
                    i += 12;
                    continue;
                }
                WriteReplacement(line, i);
            }
            else if (char.IsLowSurrogate((char)unit))
            {
                WriteReplacement(line, i);
            }
            i += 6;
        }
    }

    private static bool TryHex4(ReadOnlySpan<byte> line, int start, out int value)
    {
        value = 0;
        if (start + 4 > line.Length) return false;
        for (var k = 0; k < 4; k++)
        {
            var digit = HexDigit(line[start + k]);
            if (digit < 0) return false;
            value = value * 16 + digit;
        }
        return true;
    }

    private static int HexDigit(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => -1,
    };

    private static void WriteReplacement(Span<byte> line, int at) => "\\uFFFD"u8.CopyTo(line[at..]);
}
