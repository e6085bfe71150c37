using System.Text;
using AzureRules.Sdk.Kusto.Scalars;

namespace AzureRules.Sdk.Kusto.Operators;

/// <summary>
/// How parse-kv finds pairs. With <see cref="PairDelimiter"/> and <see cref="KvDelimiter"/>: pairs split at
/// the pair delimiter, key from value at the first kv delimiter (outside quotes); <see cref="Greedy"/> makes
/// a value run on over pair delimiters until the next segment holding a kv delimiter. Without delimiters: a
/// listed key, standing as a word, followed by non-alphanumeric characters, then its value (the alphanumeric
/// run or a quoted text). With <see cref="Regex"/>: every match, group 1 the key, group 2 the value.
/// <see cref="Quotes"/> are one- or two-character strings (opening and closing quote); <see cref="Escapes"/>
/// escape the next character inside quotes.
/// </summary>
public sealed record KustoParseKvOptions(string? PairDelimiter, string? KvDelimiter, string[] Quotes, string[] Escapes, bool Greedy, string? Regex);

public static partial class KustoOperators
{
    /// <summary>
    /// <c>parse-kv Source as (Key:type, …) with (…)</c>: one column per listed key (replacing a column of the same
    /// name), holding the first value found for it, trimmed and converted to the key's type; a key not found is
    /// null (an empty string for a string key).
    /// </summary>
    public static KustoTable ParseKv(KustoTable input, KustoBinder source, KustoColumn[] keys, KustoParseKvOptions options)
    {
        var layout = input.Layout;
        var evaluate = source(layout);
        var names = new List<string>(layout.Names);
        var targets = new int[keys.Length];
        for (var k = 0; k < keys.Length; k++)
        {
            var slot = names.IndexOf(keys[k].Name);
            if (slot < 0) { slot = names.Count; names.Add(keys[k].Name); }
            targets[k] = slot;
        }
        var regex = options.Regex is null ? null : KustoStrings.Regex(options.Regex);
        var wanted = new HashSet<string>(keys.Select(k => k.Name), StringComparer.Ordinal);
        var width = layout.Count;
        var rows = new List<KustoValue[]>();
        foreach (var row in input.Stream())
        {
            var output = new KustoValue[names.Count];
            Array.Copy(row, output, width);
            var text = KustoStrings.Text(evaluate(row));
            var found = regex is not null ? RegexPairs(text, regex, wanted)
                : options.PairDelimiter is not null && options.KvDelimiter is not null ? DelimitedPairs(text, options, wanted)
                : UndelimitedPairs(text, options, keys);
            for (var k = 0; k < keys.Length; k++)
                output[targets[k]] = found.TryGetValue(keys[k].Name, out var value)
                    ? KustoConvert.To(keys[k].Type, KustoValue.From(value))
                    : KustoValue.NullOf(keys[k].Type);
            rows.Add(output);
        }
        var known = new KustoType?[names.Count];
        for (var c = 0; c < width; c++) known[c] = null;
        foreach (var (key, slot) in keys.Zip(targets)) known[slot] = key.Type;
        return KustoTable.WithInferredTypes(names, rows, known);
    }

    private static Dictionary<string, string> RegexPairs(string text, System.Text.RegularExpressions.Regex regex, HashSet<string> wanted)
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (System.Text.RegularExpressions.Match match in regex.Matches(text))
        {
            if (match.Groups.Count < 3) break;
            var key = match.Groups[1].Value.Trim();
            if (wanted.Contains(key)) found.TryAdd(key, match.Groups[2].Value.Trim());
        }
        return found;
    }

    private static Dictionary<string, string> DelimitedPairs(string text, KustoParseKvOptions options, HashSet<string> wanted)
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        string? lastKey = null;
        foreach (var segment in SplitOutsideQuotes(text, options.PairDelimiter!, options.Quotes, options.Escapes))
        {
            var at = IndexOutsideQuotes(segment, options.KvDelimiter!, options.Quotes, options.Escapes);
            if (at < 0)
            {
                // greedy: a segment without a key belongs to the previous value
                if (options.Greedy && lastKey is not null && segment.Trim().Length > 0)
                    found[lastKey] = found[lastKey] + options.PairDelimiter + Unquote(segment.Trim(), options.Quotes, options.Escapes);
                continue;
            }
            var key = Unquote(segment[..at].Trim(), options.Quotes, options.Escapes);
            var value = Unquote(segment[(at + options.KvDelimiter!.Length)..].Trim(), options.Quotes, options.Escapes);
            lastKey = null;
            if (wanted.Contains(key) && found.TryAdd(key, value)) lastKey = key;
        }
        return found;
    }

    private static Dictionary<string, string> UndelimitedPairs(string text, KustoParseKvOptions options, KustoColumn[] keys)
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            if (key.Name.Length == 0) continue;
            for (var at = text.IndexOf(key.Name, StringComparison.Ordinal); at >= 0; at = text.IndexOf(key.Name, at + 1, StringComparison.Ordinal))
            {
                var end = at + key.Name.Length;
                if (at > 0 && char.IsLetterOrDigit(text[at - 1])) continue;
                if (end >= text.Length || char.IsLetterOrDigit(text[end])) continue;
                var start = end;
                while (start < text.Length && !char.IsLetterOrDigit(text[start]) && QuoteAt(text, start, options.Quotes) is null) start++;
                if (start >= text.Length) break;
                string value;
                if (QuoteAt(text, start, options.Quotes) is { } quote)
                {
                    var close = ClosingQuote(text, start + 1, quote, options.Escapes);
                    value = Unescape(text[(start + 1)..(close < 0 ? text.Length : close)], options.Escapes);
                }
                else
                {
                    var stop = start;
                    while (stop < text.Length && char.IsLetterOrDigit(text[stop])) stop++;
                    value = text[start..stop];
                }
                found[key.Name] = value.Trim();
                break;
            }
        }
        return found;
    }

    /// <summary>The quote pair (opening, closing) that opens at <paramref name="index"/>, if any.</summary>
    private static (char Open, char Close)? QuoteAt(string text, int index, string[] quotes)
    {
        foreach (var quote in quotes)
            if (quote.Length > 0 && text[index] == quote[0]) return (quote[0], quote.Length > 1 ? quote[1] : quote[0]);
        return null;
    }

    private static int ClosingQuote(string text, int from, (char Open, char Close) quote, string[] escapes)
    {
        for (var i = from; i < text.Length; i++)
        {
            if (IsEscape(text[i], escapes)) { i++; continue; }
            if (text[i] == quote.Close) return i;
        }
        return -1;
    }

    private static bool IsEscape(char c, string[] escapes)
    {
        foreach (var escape in escapes) if (escape.Length > 0 && escape[0] == c) return true;
        return false;
    }

    private static int IndexOutsideQuotes(string text, string delimiter, string[] quotes, string[] escapes)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (QuoteAt(text, i, quotes) is { } quote)
            {
                var close = ClosingQuote(text, i + 1, quote, escapes);
                if (close < 0) return -1;
                i = close;
                continue;
            }
            if (string.CompareOrdinal(text, i, delimiter, 0, delimiter.Length) == 0) return i;
        }
        return -1;
    }

    private static IEnumerable<string> SplitOutsideQuotes(string text, string delimiter, string[] quotes, string[] escapes)
    {
        while (true)
        {
            var at = delimiter.Length == 0 ? -1 : IndexOutsideQuotes(text, delimiter, quotes, escapes);
            if (at < 0) { yield return text; yield break; }
            yield return text[..at];
            text = text[(at + delimiter.Length)..];
        }
    }

    private static string Unquote(string text, string[] quotes, string[] escapes)
    {
        if (text.Length >= 2 && QuoteAt(text, 0, quotes) is { } quote && text[^1] == quote.Close)
            return Unescape(text[1..^1], escapes);
        return text;
    }

    private static string Unescape(string text, string[] escapes)
    {
        if (escapes.Length == 0) return text;
        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (IsEscape(text[i], escapes) && i + 1 < text.Length) i++;
            result.Append(text[i]);
        }
        return result.ToString();
    }
}
