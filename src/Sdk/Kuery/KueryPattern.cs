namespace AzureRules.Sdk.Kuery;

/// <summary>
/// A Kibana KQL wildcard value, compiled once: <c>*</c> matches any run of characters (none too);
/// <c>\*</c> and <c>\\</c> are a literal star and backslash. Keyword fields match the whole value,
/// case-sensitively; text fields match each analysed term with <see cref="IgnoreCase"/>.
/// </summary>
public sealed class KueryPattern
{
    // the pattern split at its wildcards: value = [Parts[0]] * [Parts[1]] * … * [Parts[^1]]
    private readonly string[] _parts;

    public KueryPattern(string pattern, bool ignoreCase = false)
    {
        IgnoreCase = ignoreCase;
        var parts = new List<string>();
        var current = new System.Text.StringBuilder();
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length) current.Append(pattern[++i]);
            else if (c == '*') { parts.Add(current.ToString()); current.Clear(); }
            else current.Append(c);
        }
        parts.Add(current.ToString());
        _parts = ignoreCase ? [.. parts.Select(p => p.ToLowerInvariant())] : [.. parts];
        MinimumLength = _parts.Sum(p => p.Length);
    }

    public bool IgnoreCase { get; }
    private int MinimumLength { get; }
    private StringComparison Comparison => IgnoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    public bool IsMatch(ReadOnlySpan<char> value)
    {
        if (value.Length < MinimumLength) return false;
        var first = _parts[0];
        if (_parts.Length == 1) return value.Equals(first, Comparison);
        if (!value.StartsWith(first, Comparison)) return false;
        var last = _parts[^1];
        if (!value.EndsWith(last, Comparison)) return false;
        // the middle parts, leftmost first, between the fixed prefix and suffix
        var middle = value[first.Length..(value.Length - last.Length)];
        for (var i = 1; i < _parts.Length - 1; i++)
        {
            var part = _parts[i];
            if (part.Length == 0) continue;
            var at = middle.IndexOf(part, Comparison);
            if (at < 0) return false;
            middle = middle[(at + part.Length)..];
        }
        return true;
    }
}
