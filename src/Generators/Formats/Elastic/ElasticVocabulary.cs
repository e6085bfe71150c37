using AzureRules.Generators.Model;

namespace AzureRules.Generators.Formats.Elastic;

/// <summary>The closed value sets of Elastic security rules (Kibana's detection engine API).</summary>
internal static class ElasticVocabulary
{
    public const string DefaultInterval = "5m";
    public const string DefaultFrom = "now-6m";
    public const int DefaultMaxSignals = 100;

    public static readonly string[] RuleTypes =
        ["query", "eql", "esql", "threshold", "new_terms", "machine_learning", "threat_match", "saved_query"];

    public static readonly string[] Severities = ["low", "medium", "high", "critical"];

    public static readonly string[] Languages = ["kuery", "lucene", "eql", "esql"];

    public static bool IsRuleType(string type) => System.Array.IndexOf(RuleTypes, type) >= 0;

    /// <summary>Rule types whose alerts come from a query in the rule (all but machine learning and saved queries).</summary>
    public static bool RequiresQuery(string type) => type is "query" or "eql" or "esql" or "threshold" or "new_terms" or "threat_match";

    public static QueryLanguage? ParseLanguage(string language) => language switch
    {
        "kuery" => QueryLanguage.Kuery,
        "lucene" => QueryLanguage.Lucene,
        "eql" => QueryLanguage.Eql,
        "esql" => QueryLanguage.Esql,
        _ => null,
    };

    /// <summary>The language a rule type implies when the file does not say (Kibana defaults query rules to KQL).</summary>
    public static QueryLanguage DefaultLanguage(string type) => type switch
    {
        "eql" => QueryLanguage.Eql,
        "esql" => QueryLanguage.Esql,
        "machine_learning" => QueryLanguage.None,
        _ => QueryLanguage.Kuery,
    };

    public static string LanguageName(QueryLanguage language) => language switch
    {
        QueryLanguage.Kuery => "kuery",
        QueryLanguage.Lucene => "lucene",
        QueryLanguage.Eql => "eql",
        QueryLanguage.Esql => "esql",
        _ => "",
    };

    public static string OneOf(string[] values)
        => values.Length == 1 ? values[0] : string.Join(", ", values, 0, values.Length - 1) + " or " + values[values.Length - 1];
}
