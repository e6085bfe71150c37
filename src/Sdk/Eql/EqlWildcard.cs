namespace AzureRules.Sdk.Eql;

/// <summary>
/// One wildcard pattern (<c>*</c> any run, <c>?</c> one character), split at compile time into the
/// common shapes (prefix*, *suffix, *infix*) so that most patterns are one string search per value.
/// </summary>
public sealed class EqlWildcard
{
    private enum Shape { Prefix, Suffix, Infix, General }

    private readonly string _pattern;
    private readonly string _literal;
    private readonly Shape _shape;
    private readonly StringComparison _comparison;

    public EqlWildcard(string pattern, bool ignoreCase)
    {
        _pattern = pattern;
        _comparison = ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        var inner = pattern.Trim('*');
        var leading = pattern.StartsWith('*');
        var trailing = pattern.EndsWith('*');
        _literal = inner;
        if (inner.Length == 0 || HasWildcards(inner)) _shape = Shape.General;
        else if (leading && trailing) _shape = Shape.Infix;
        else if (trailing) _shape = Shape.Prefix;
        else if (leading) _shape = Shape.Suffix;
        else _shape = Shape.General;
    }

    public static bool HasWildcards(string pattern) => pattern.AsSpan().IndexOfAny('*', '?') >= 0;

    public bool IsMatch(string text) => _shape switch
    {
        Shape.Prefix => text.StartsWith(_literal, _comparison),
        Shape.Suffix => text.EndsWith(_literal, _comparison),
        Shape.Infix => text.Contains(_literal, _comparison),
        _ => MatchGeneral(text),
    };

    // Linear-time glob matching: on a mismatch, retry from the last '*' one character further on.
    private bool MatchGeneral(string text)
    {
        var ignoreCase = _comparison == StringComparison.OrdinalIgnoreCase;
        int p = 0, t = 0, star = -1, resume = 0;
        while (t < text.Length)
        {
            if (p < _pattern.Length && (_pattern[p] == '?' || Same(_pattern[p], text[t], ignoreCase)) && _pattern[p] != '*')
            {
                p++;
                t++;
            }
            else if (p < _pattern.Length && _pattern[p] == '*')
            {
                star = p++;
                resume = t;
            }
            else if (star >= 0)
            {
                p = star + 1;
                t = ++resume;
            }
            else return false;
        }
        while (p < _pattern.Length && _pattern[p] == '*') p++;
        return p == _pattern.Length;
    }

    private static bool Same(char a, char b, bool ignoreCase)
        => a == b || (ignoreCase && char.ToUpperInvariant(a) == char.ToUpperInvariant(b));
}
