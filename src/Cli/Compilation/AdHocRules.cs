using AzureRules.Generators.Diagnostics;
using AzureRules.Generators.Model;

namespace AzureRules.Cli.Compilation;

/// <summary>
/// A query typed on the command line (or taken from a conformance case) as a rule definition, so it
/// goes through the same per-rule compile step and emitter as a rule file.
/// </summary>
internal static class AdHocRules
{
    public const string QueryPath = "<query>";

    public static RuleDefinition Create(QueryLanguage language, string query, string name = "Ad-hoc query", string? path = null)
    {
        path ??= QueryPath;
        var start = SourceSpan.At(path, SourcePosition.Start);
        return new RuleDefinition
        {
            FilePath = path,
            Format = language == QueryLanguage.Kusto ? RuleFormat.SentinelYaml : RuleFormat.KibanaJson,
            Kind = language switch
            {
                QueryLanguage.Kusto => "Hunting",
                QueryLanguage.Eql => "eql",
                QueryLanguage.Esql => "esql",
                _ => "query",
            },
            Id = new Located<string>(NameBasedId(path + "\n" + name + "\n" + query), start),
            Name = new Located<string>(name, start),
            Language = language,
            Query = QueryText.Verbatim(query, path, SourcePosition.Start),
        };
    }

    private static string NameBasedId(string text)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text));
        return new Guid(hash.AsSpan(0, 16)).ToString();
    }
}
