namespace AzureRules.Sdk.Esql;

/// <summary>
/// MATCH(field, query) and <c>field : query</c> without options. On a keyword (or any non-text) field
/// Elasticsearch runs a term query: some value equals the query. On a text field it analyses both
/// sides (standard analyser: lower-cased word tokens) and, with the default OR operator, matches when
/// the field has any of the query's tokens. With options (fuzziness, …): <see cref="EsqlFuzzyMatch"/>.
/// </summary>
public static partial class EsqlFunctions
{
    public static object? Match(object? value, object? query)
    {
        if (value is null || !Single(query, out var q)) return false;
        return All(value).Any(v => EsqlCompare.Equal(v, q) is true);
    }

    public static object? MatchText(object? value, object? query)
    {
        if (value is null || !Single(query, out var q)) return false;
        var wanted = Tokens(Text(q)).ToHashSet(StringComparer.Ordinal);
        return All(value).Any(v => Tokens(Text(v)).Any(wanted.Contains));
    }

    /// <summary>The standard analyser, approximately: runs of letters and digits (apostrophes and dots between them kept), lower-cased.</summary>
    internal static IEnumerable<string> StandardTokens(string text) => Tokens(text);

    private static IEnumerable<string> Tokens(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_'
                || (text[i] is '\'' or '.' && start >= 0 && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1])));
            if (inWord && start < 0) start = i;
            else if (!inWord && start >= 0)
            {
                yield return text[start..i].ToLowerInvariant();
                start = -1;
            }
        }
    }
}
