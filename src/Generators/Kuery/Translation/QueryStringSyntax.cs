using System.Text;

namespace AzureRules.Generators.Kuery.Translation;

/// <summary>Elasticsearch query-string syntax, as Kibana writes a KQL wildcard value into it.</summary>
internal static class QueryStringSyntax
{
    // query_string's reserved characters (Elasticsearch reference, "Reserved characters")
    private const string Reserved = "+-=&|><!(){}[]^\"~*?:\\/";

    /// <summary>
    /// A KQL wildcard pattern (<see cref="Kuery.Syntax.KueryLiteral.Pattern"/>: <c>*</c> the wildcard,
    /// <c>\*</c> and <c>\\</c> literal) as query-string text: the wildcard kept, every literal reserved
    /// character escaped. Whitespace is not escaped (Kibana does not either).
    /// </summary>
    public static string FromWildcardPattern(string pattern)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '*')
            {
                builder.Append('*');
                continue;
            }
            if (c == '\\' && i + 1 < pattern.Length) c = pattern[++i];
            if (Reserved.IndexOf(c) >= 0) builder.Append('\\');
            builder.Append(c);
        }
        return builder.ToString();
    }
}
