using AzureRules.Generators.Model;

namespace AzureRules.Generators.Emit;

/// <summary>Sends a rule's query to the compiler of its language.</summary>
internal static class QueryCompilers
{
    public static CompiledQuery Compile(RuleDefinition rule)
    {
        if (rule.Query is null)
            return CompiledQuery.NotExecutable(EquatableArray<Diagnostics.QueryDiagnostic>.Empty,
                rule.Kind == "machine_learning" ? "machine learning rules run on Elastic's anomaly detection jobs, not on a query" : "the rule has no query");
        return rule.Language switch
        {
            QueryLanguage.Kusto => Kusto.KustoCompiler.Compile(rule),
            QueryLanguage.Kuery => Kuery.KueryCompiler.Compile(rule),
            QueryLanguage.Eql => Eql.EqlCompiler.Compile(rule),
            QueryLanguage.Esql => Esql.EsqlCompiler.Compile(rule),
            QueryLanguage.Lucene => CompiledQuery.NotExecutable(EquatableArray<Diagnostics.QueryDiagnostic>.Empty, "Lucene queries are not supported yet"),
            _ => CompiledQuery.NotExecutable(EquatableArray<Diagnostics.QueryDiagnostic>.Empty, "the rule's query language is not known"),
        };
    }
}
