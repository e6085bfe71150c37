using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace AzureRules.Sdk.Esql;

public static partial class EsqlFunctions
{
    private static object? Str(object? value, Func<string, object?> apply) => Single(value, out var v) ? apply(Text(v)) : null;

    /// <summary>LENGTH: the number of characters (code points, as Java counts them).</summary>
    public static object? Length(object? s) => Str(s, t => CodePoints(t));

    private static int CodePoints(string text)
    {
        var count = 0;
        for (var i = 0; i < text.Length; i++, count++)
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
        return count;
    }

    public static object? ByteLength(object? s) => Str(s, t => Encoding.UTF8.GetByteCount(t));
    public static object? BitLength(object? s) => Str(s, t => Encoding.UTF8.GetByteCount(t) * 8);

    /// <summary>CONCAT: null if any argument is null.</summary>
    public static object? Concat(params object?[] parts)
    {
        var builder = new StringBuilder();
        foreach (var part in parts)
        {
            if (!Single(part, out var value)) return null;
            builder.Append(Text(value));
        }
        return builder.ToString();
    }

    public static object? Contains(object? s, object? sub) => Singles(s, sub, out var a, out var b) ? Text(a).Contains(Text(b), StringComparison.Ordinal) : null;
    public static object? StartsWith(object? s, object? prefix) => Singles(s, prefix, out var a, out var b) ? Text(a).StartsWith(Text(b), StringComparison.Ordinal) : null;
    public static object? EndsWith(object? s, object? suffix) => Singles(s, suffix, out var a, out var b) ? Text(a).EndsWith(Text(b), StringComparison.Ordinal) : null;

    public static object? ToLower(object? s) => Str(s, t => t.ToLowerInvariant());
    public static object? ToUpper(object? s) => Str(s, t => t.ToUpperInvariant());

    // Java's String.trim-like whitespace: ES|QL trims Unicode whitespace
    public static object? Trim(object? s) => Str(s, t => t.Trim());
    public static object? Ltrim(object? s) => Str(s, t => t.TrimStart());
    public static object? Rtrim(object? s) => Str(s, t => t.TrimEnd());

    public static object? Reverse(object? s) => Str(s, t =>
    {
        var elements = new List<string>();
        var e = StringInfo.GetTextElementEnumerator(t);
        while (e.MoveNext()) elements.Add((string)e.Current);
        elements.Reverse();
        return string.Concat(elements);
    });

    public static object? Left(object? s, object? n)
    {
        if (!Singles(s, n, out var a, out var b)) return null;
        var text = Text(a);
        var count = Math.Clamp(Int(b), 0, text.Length);
        return text[..count];
    }

    public static object? Right(object? s, object? n)
    {
        if (!Singles(s, n, out var a, out var b)) return null;
        var text = Text(a);
        var count = Math.Clamp(Int(b), 0, text.Length);
        return text[(text.Length - count)..];
    }

    public static object? Repeat(object? s, object? n)
    {
        if (!Singles(s, n, out var a, out var b)) return null;
        var count = Int(b);
        if (count < 0) return EsqlWarnings.Null("java.lang.IllegalArgumentException: Number parameter cannot be negative, found [" + count + "]");
        return string.Concat(Enumerable.Repeat(Text(a), count));
    }

    public static object? Space(object? n)
    {
        if (!Single(n, out var v)) return null;
        var count = Int(v);
        return count < 0 ? EsqlWarnings.Null("java.lang.IllegalArgumentException: Number parameter cannot be negative, found [" + count + "]") : new string(' ', count);
    }

    /// <summary>SPLIT: a multi-value of the parts (a one-part result is a single value).</summary>
    public static object? Split(object? s, object? delimiter)
    {
        if (!Singles(s, delimiter, out var a, out var b)) return null;
        var parts = Text(a).Split(Text(b));
        return EsqlMulti.Of(parts);
    }

    /// <summary>LOCATE(string, substring, start): the 1-based position of the substring, 0 when absent.</summary>
    public static object? Locate(object? s, object? sub, object? start = null)
    {
        if (!Singles(s, sub, out var a, out var b)) return null;
        var text = Text(a);
        var from = 0;
        if (start is not null)
        {
            if (!Single(start, out var st)) return null;
            from = Math.Max(Int(st), 1) - 1;
        }
        if (from > text.Length) return 0;
        return text.IndexOf(Text(b), from, StringComparison.Ordinal) + 1;
    }

    /// <summary>SUBSTRING(string, start, length): start is 1-based, negative counts from the end.</summary>
    public static object? Substring(object? s, object? start, object? length = null)
    {
        if (!Singles(s, start, out var a, out var b)) return null;
        var text = Text(a);
        var codePoints = text.EnumerateRunes().Select(r => r.ToString()).ToArray();
        var begin = Int(b);
        begin = begin < 0 ? Math.Max(codePoints.Length + begin, 0) : Math.Max(begin - 1, 0);
        if (begin >= codePoints.Length) return "";
        var count = codePoints.Length - begin;
        if (length is not null)
        {
            if (!Single(length, out var l)) return null;
            count = Math.Clamp(Int(l), 0, count);
        }
        return string.Concat(codePoints.Skip(begin).Take(count));
    }

    /// <summary>REPLACE(string, regex, replacement): a Java regular expression, run without backtracking.</summary>
    public static object? Replace(object? s, object? pattern, object? replacement)
    {
        if (!Single(s, out var a) || !Single(pattern, out var p) || !Single(replacement, out var r)) return null;
        try
        {
            return EsqlRegex.Get(Text(p), anchored: false).Replace(Text(a), JavaReplacement(Text(r)));
        }
        catch (ArgumentException ex)
        {
            return EsqlWarnings.Null("java.util.regex.PatternSyntaxException: " + ex.Message);
        }
    }

    /// <summary>Java writes group references as <c>$1</c> and a literal dollar as <c>\$</c>; .NET as <c>$1</c> and <c>$$</c>.</summary>
    private static string JavaReplacement(string replacement)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < replacement.Length; i++)
        {
            var c = replacement[i];
            if (c == '\\' && i + 1 < replacement.Length) { var next = replacement[++i]; builder.Append(next == '$' ? "$$" : next.ToString()); }
            else builder.Append(c);
        }
        return builder.ToString();
    }

    public static object? ToBase64(object? s) => Str(s, t => Convert.ToBase64String(Encoding.UTF8.GetBytes(t)));

    public static object? FromBase64(object? s) => Str(s, t =>
    {
        try { return Encoding.UTF8.GetString(Convert.FromBase64String(t)); }
        catch (FormatException) { return EsqlWarnings.Null("java.lang.IllegalArgumentException: invalid base64 input"); }
    });

    public static object? UrlEncode(object? s) => Str(s, t => Uri.EscapeDataString(t).Replace("%20", "+"));
    public static object? UrlEncodeComponent(object? s) => Str(s, Uri.EscapeDataString);
    public static object? UrlDecode(object? s) => Str(s, t => System.Net.WebUtility.UrlDecode(t));

    public static object? Md5(object? s) => Str(s, t => Hex(MD5.HashData(Encoding.UTF8.GetBytes(t))));
    public static object? Sha1(object? s) => Str(s, t => Hex(SHA1.HashData(Encoding.UTF8.GetBytes(t))));
    public static object? Sha256(object? s) => Str(s, t => Hex(SHA256.HashData(Encoding.UTF8.GetBytes(t))));

    public static object? Hash(object? algorithm, object? s)
    {
        if (!Singles(algorithm, s, out var a, out var v)) return null;
        var bytes = Encoding.UTF8.GetBytes(Text(v));
        return Text(a).ToUpperInvariant().Replace("-", "") switch
        {
            "MD5" => Hex(MD5.HashData(bytes)),
            "SHA1" => Hex(SHA1.HashData(bytes)),
            "SHA256" => Hex(SHA256.HashData(bytes)),
            "SHA384" => Hex(SHA384.HashData(bytes)),
            "SHA512" => Hex(SHA512.HashData(bytes)),
            var other => EsqlWarnings.Null($"java.security.NoSuchAlgorithmException: {other} MessageDigest not available"),
        };
    }

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);

    /// <summary>JSON_EXTRACT(json, path): the value at a dotted path (<c>a.b[0].c</c>, optionally <c>$.</c>-prefixed) as a string.</summary>
    public static object? JsonExtract(object? json, object? path)
    {
        if (!Singles(json, path, out var j, out var p)) return null;
        try
        {
            using var document = JsonDocument.Parse(Text(j));
            var element = document.RootElement;
            var text = Text(p);
            if (text.StartsWith("$.", StringComparison.Ordinal)) text = text[2..];
            else if (text == "$") text = "";
            foreach (var segment in Regex.Matches(text, @"[^.\[\]]+|\[(\d+)\]", RegexOptions.None, TimeSpan.FromSeconds(1)).Cast<Match>())
            {
                if (segment.Groups[1].Success)
                {
                    var index = int.Parse(segment.Groups[1].Value, CultureInfo.InvariantCulture);
                    if (element.ValueKind != JsonValueKind.Array || index >= element.GetArrayLength()) return null;
                    element = element[index];
                }
                else if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty(segment.Value, out var child)) element = child;
                else if (element.ValueKind == JsonValueKind.Array && int.TryParse(segment.Value, out var i) && i < element.GetArrayLength()) element = element[i];
                else return null;
            }
            return element.ValueKind switch
            {
                JsonValueKind.String => element.GetString(),
                JsonValueKind.Null => null,
                _ => element.GetRawText(),
            };
        }
        catch (JsonException ex)
        {
            return EsqlWarnings.Null("java.lang.IllegalArgumentException: invalid JSON: " + ex.Message);
        }
    }

    /// <summary><c>value LIKE pattern</c>: <c>*</c> any run, <c>?</c> one character, <c>\</c> escapes; the whole string must match.</summary>
    public static object? Like(object? value, EsqlLikePattern pattern)
    {
        if (!Single(value, out var v)) return null;
        return pattern.IsMatch(Text(v));
    }

    public static object? LikeAny(object? value, params EsqlLikePattern[] patterns)
    {
        if (!Single(value, out var v)) return null;
        var text = Text(v);
        return patterns.Any(p => p.IsMatch(text));
    }
}

/// <summary>A LIKE or RLIKE pattern, compiled once when the rule loads.</summary>
public sealed class EsqlLikePattern
{
    private readonly Eql.EqlWildcard? _wildcard;
    private readonly Lazy<Regex>? _regex;

    // the regex is built on first use: a bad pattern fails the query run that uses it, not the rule's loading
    private EsqlLikePattern(Eql.EqlWildcard? wildcard, Func<Regex>? regex)
    {
        _wildcard = wildcard;
        _regex = regex is null ? null : new Lazy<Regex>(regex);
    }

    /// <summary>A LIKE pattern. Without escapes the shared wildcard matcher runs it; with escapes, a non-backtracking regex.</summary>
    public static EsqlLikePattern Wildcard(string pattern, bool ignoreCase = false)
    {
        if (!pattern.Contains('\\')) return new(new Eql.EqlWildcard(pattern, ignoreCase), null);
        var builder = new StringBuilder();
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length) builder.Append(Regex.Escape(pattern[++i].ToString()));
            else if (c == '*') builder.Append(".*");
            else if (c == '?') builder.Append('.');
            else builder.Append(Regex.Escape(c.ToString()));
        }
        return new(null, () => EsqlRegex.Create("^(?:" + builder + ")$", ignoreCase ? RegexOptions.IgnoreCase : 0));
    }

    /// <summary>An RLIKE pattern: a Lucene regular expression, which always matches the whole string.</summary>
    public static EsqlLikePattern Regular(string pattern, bool ignoreCase = false)
        => new(null, () => EsqlRegex.Create("^(?:" + pattern + ")$", ignoreCase ? RegexOptions.IgnoreCase : 0));

    public bool IsMatch(string text) => _wildcard?.IsMatch(text) ?? _regex!.Value.IsMatch(text);
}

/// <summary>Regular expressions from queries: non-backtracking (linear time on attacker-controlled values), cached by pattern.</summary>
public static class EsqlRegex
{
    public const RegexOptions Options = RegexOptions.NonBacktracking | RegexOptions.CultureInvariant | RegexOptions.Singleline;

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string, bool), Regex> Cache = new();

    public static Regex Get(string pattern, bool anchored)
        => Cache.GetOrAdd((pattern, anchored), key => Create(key.Item2 ? "^(?:" + key.Item1 + ")$" : key.Item1));

    /// <summary>Time limit for the rare pattern the non-backtracking engine cannot take (its automaton would be too large).</summary>
    public static TimeSpan Timeout => AzureRules.Sdk.Text.RuleRegex.MatchTimeout;

    /// <summary>
    /// Compiles without backtracking; a pattern whose automaton exceeds .NET's size limit (large GROK
    /// alternations such as IPV6) falls back to the backtracking engine with a match timeout.
    /// </summary>
    public static Regex Create(string pattern, RegexOptions extra = RegexOptions.None)
        // the one builder of rule regexes (non-backtracking, else backtracking with the match timeout)
        => AzureRules.Sdk.Text.RuleRegex.Create(pattern, (Options & ~RegexOptions.NonBacktracking) | extra);
}
