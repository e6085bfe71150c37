using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using AzureRules.Generators.Kuery.Syntax;

namespace AzureRules.Generators.Kuery.Translation;

/// <summary>
/// Kibana's <c>toKqlExpression</c> over its own tree: every <c>and</c>/<c>or</c> parenthesised with
/// upper-case keywords, <c>field: value</c> with a space, <c>NOT x</c>, <c>path: { query }</c>; quoted
/// values keep their quotes, other values are escaped with Kibana's <c>escapeKuery</c>, wildcard values
/// with query-string escaping (as Kibana does), numbers and booleans as JavaScript prints them.
/// </summary>
internal static class KibanaKqlFormatter
{
    public static string Format(KueryNode node) => node switch
    {
        KueryOr or => "(" + string.Join(" OR ", or.Operands.Select(Format)) + ")",
        KueryAnd and => "(" + string.Join(" AND ", and.Operands.Select(Format)) + ")",
        KueryNot not => "NOT " + Format(not.Operand),
        KueryIs { Field: null } free => Value(free.Value),
        KueryIs @is => EscapeKuery(@is.Field!.Name) + ": " + Value(@is.Value),
        KueryRange range => EscapeKuery(range.Field.Name) + " " + KueryFormatter.Operator(range.Operator) + " " + Value(range.Value),
        KueryNested nested => EscapeKuery(nested.Field.Name) + ": { " + Format(nested.Query) + " }",
        _ => "",
    };

    private static string Value(KueryLiteral literal)
    {
        if (literal.Quoted) return "\"" + literal.Text.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
        if (literal.HasWildcard) return QueryStringSyntax.FromWildcardPattern(literal.Pattern);
        if (literal.AsBoolean is { } boolean) return boolean ? "true" : "false";
        if (double.TryParse(literal.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            && !double.IsInfinity(number) && literal.Text.Trim() == literal.Text)
            return number.ToString("R", CultureInfo.InvariantCulture);
        return EscapeKuery(literal.Text);
    }

    private static readonly Regex Keyword = new(@"(\s+)(and|or|not)(\s+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    private static readonly Regex LeadingNot = new(@"^not(\s+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>Kibana's escapeKuery: special characters, keywords between spaces, and control whitespace.</summary>
    private static string EscapeKuery(string text)
    {
        var builder = new StringBuilder();
        foreach (var c in text)
        {
            if ("\\():<>\"*".IndexOf(c) >= 0) builder.Append('\\');
            builder.Append(c);
        }
        var escaped = Keyword.Replace(builder.ToString(), "$1\\$2$3");
        escaped = LeadingNot.Replace(escaped, "\\not$1");
        return escaped.Replace("\t", "\\t").Replace("\r", "\\r").Replace("\n", "\\n");
    }
}
