using AzureRules.Generators.Model;

namespace AzureRules.Generators.Emit;

/// <summary>Sends a rule's query to the compiler of its language.</summary>
internal static class QueryCompilers
{
    public static CompiledQuery Compile(RuleDefinition rule, Project.CustomSchemas schemas)
    {
        if (rule.Query is null)
            return CompiledQuery.NotExecutable(EquatableArray<Diagnostics.QueryDiagnostic>.Empty,
                rule.Kind == "machine_learning" ? "machine learning rules run on Elastic's anomaly detection jobs, not on a query" : "the rule has no query");
        var compiled = CompileQuery(rule, schemas);
        // Elastic rule types other than query and eql decide on more than one event matching the
        // query (a count per group, a new value, an indicator match): their query is validated, but
        // running it alone would alert on every match — a wrong answer, so the rule says it cannot run
        if (rule.Family == RuleFamily.Elastic && compiled.IsExecutable && !RunsAsEventQuery(rule.Kind))
            return CompiledQuery.NotExecutable(compiled.Diagnostics, $"Elastic '{rule.Kind}' rules are validated but cannot run yet (only query and eql rules run)")
                with { OutputColumns = compiled.OutputColumns, RuleDiagnostics = compiled.RuleDiagnostics };
        return compiled;
    }

    /// <summary>Elastic rule types whose alerts are exactly what their query returns (events, or ES|QL result rows).</summary>
    private static bool RunsAsEventQuery(string kind) => kind is "query" or "saved_query" or "eql" or "esql";

    private static CompiledQuery CompileQuery(RuleDefinition rule, Project.CustomSchemas schemas)
    {
        return rule.Language switch
        {
            QueryLanguage.Kusto => Kusto.KustoCompiler.Compile(rule, schemas.KustoGlobals),
            QueryLanguage.Kuery => Kuery.KueryCompiler.Compile(rule, schemas),
            QueryLanguage.Eql => Eql.EqlCompiler.Compile(rule, schemas),
            QueryLanguage.Esql => Esql.EsqlCompiler.Compile(rule),
            QueryLanguage.Lucene => CompiledQuery.NotExecutable(EquatableArray<Diagnostics.QueryDiagnostic>.Empty, "Lucene queries are not supported yet"),
            _ => CompiledQuery.NotExecutable(EquatableArray<Diagnostics.QueryDiagnostic>.Empty, "the rule's query language is not known"),
        };
    }
}
