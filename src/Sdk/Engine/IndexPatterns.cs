namespace AzureRules.Sdk.Engine;

/// <summary>
/// Elastic index patterns as a rule lists them: wildcards (<c>logs-azure*</c>), and exclusions
/// written with a leading '-' (<c>-logs-test*</c>). An index matches when it matches some
/// inclusion and no exclusion.
/// </summary>
public sealed class IndexPatterns(IReadOnlyList<string> patterns)
{
    private readonly string[] _include = [.. patterns.Where(p => !p.StartsWith('-'))];
    private readonly string[] _exclude = [.. patterns.Where(p => p.StartsWith('-')).Select(p => p[1..])];

    public bool Matches(string index)
        => _include.Any(p => Wildcard(p, index)) && !_exclude.Any(p => Wildcard(p, index));

    /// <summary>Glob match with '*' (any run) — the only wildcard index patterns have.</summary>
    public static bool Wildcard(string pattern, string text)
    {
        int p = 0, t = 0, star = -1, mark = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && pattern[p] == '*') { star = p++; mark = t; }
            else if (p < pattern.Length && pattern[p] == text[t]) { p++; t++; }
            else if (star >= 0) { p = star + 1; t = ++mark; }
            else return false;
        }
        while (p < pattern.Length && pattern[p] == '*') p++;
        return p == pattern.Length;
    }
}
