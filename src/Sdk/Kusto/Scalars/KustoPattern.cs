using System.Text.RegularExpressions;

namespace AzureRules.Sdk.Kusto.Scalars;

/// <summary>
/// A pattern the query spells as a literal (<c>matches regex "…"</c>, <c>like "…"</c>), compiled once per
/// rule class through <see cref="AzureRules.Sdk.Text.RuleRegex"/> (non-backtracking, with a match
/// timeout) and held in a static field, so rows only match. A malformed pattern does not fail the class:
/// every match throws the pattern's error, as the same pattern computed per row would.
/// </summary>
public sealed class KustoPattern
{
    private readonly Regex? _regex;
    private readonly ArgumentException? _error;

    private KustoPattern(Func<Regex> build)
    {
        try { _regex = build(); }
        catch (ArgumentException e) { _error = e; }
    }

    /// <summary><c>matches regex</c>: Kusto regexes are RE2.</summary>
    public static KustoPattern Regex(string pattern) => new(() => KustoStrings.Regex(pattern));

    /// <summary>SQL-style <c>like</c>: % any run, _ one character, the whole text.</summary>
    public static KustoPattern Like(string pattern, bool caseSensitive) => new(() => KustoStrings.Regex(KustoStrings.LikeRegex(pattern, caseSensitive)));

    public KustoValue Match(KustoValue text)
    {
        if (_regex is null) throw new ArgumentException(_error!.Message, _error);
        return KustoValue.From(_regex.IsMatch(KustoStrings.Text(text)));
    }
}
