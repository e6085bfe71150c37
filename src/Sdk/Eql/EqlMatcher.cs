using System.Text.RegularExpressions;

namespace AzureRules.Sdk.Eql;

public enum EqlMatchMode : byte
{
    /// <summary><c>==</c>, <c>in</c>, <c>in~</c>: the whole string, no wildcards.</summary>
    Exact,
    /// <summary><c>:</c>, <c>like</c>, <c>like~</c>: <c>*</c> any run of characters, <c>?</c> one character.</summary>
    Wildcard,
    /// <summary><c>regex</c>, <c>regex~</c>: the whole string must match (Lucene regular expressions are anchored).</summary>
    Regex,
}

/// <summary>
/// A precompiled set of string patterns; a string matches if any pattern matches. Compiled rules hold
/// one per predicate in a static field, so nothing is parsed per event.
/// </summary>
public sealed class EqlMatcher
{
    private readonly HashSet<string>? _exact;
    private readonly EqlWildcard[] _wildcards;
    private readonly Regex[] _regexes;

    public EqlMatcher(EqlMatchMode mode, bool ignoreCase, params string[] patterns)
    {
        var comparer = ignoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
        var exact = new HashSet<string>(comparer);
        var wildcards = new List<EqlWildcard>();
        var regexes = new List<Regex>();
        foreach (var pattern in patterns)
        {
            if (mode == EqlMatchMode.Regex)
                regexes.Add(AzureRules.Sdk.Text.RuleRegex.Create("^(?:" + pattern + ")$",
                    RegexOptions.CultureInvariant | RegexOptions.Singleline | (ignoreCase ? RegexOptions.IgnoreCase : RegexOptions.None)));
            else if (mode == EqlMatchMode.Wildcard && EqlWildcard.HasWildcards(pattern))
                wildcards.Add(new EqlWildcard(pattern, ignoreCase));
            else
                exact.Add(pattern);
        }
        _exact = exact.Count > 0 ? exact : null;
        _wildcards = [.. wildcards];
        _regexes = [.. regexes];
    }

    public bool IsMatch(string text)
    {
        if (_exact is not null && _exact.Contains(text)) return true;
        foreach (var wildcard in _wildcards)
            if (wildcard.IsMatch(text)) return true;
        foreach (var regex in _regexes)
            if (regex.IsMatch(text)) return true;
        return false;
    }
}
