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
        if (rule.Family != RuleFamily.Elastic || !compiled.IsExecutable || RunsAsEventQuery(rule.Kind)) return compiled;
        // threshold, new_terms and threat_match decide on more than one event matching the query; the
        // runtime runs them when their type-specific settings are complete and their query is KQL
        var reason = rule.Kind is "threshold" or "new_terms" or "threat_match"
            ? (rule.Language == QueryLanguage.Kuery ? ElasticRuleTypeChecks.WhyNotExecutable(rule) : $"Elastic '{rule.Kind}' rules run with Kibana KQL queries only")
            : $"Elastic '{rule.Kind}' rules are validated but cannot run yet";
        return reason is null ? compiled
            : CompiledQuery.NotExecutable(compiled.Diagnostics, reason) with { OutputColumns = compiled.OutputColumns, RuleDiagnostics = compiled.RuleDiagnostics };
    }

    /// <summary>Elastic rule types whose alerts are exactly what their query returns (events, or ES|QL result rows).</summary>
    private static bool RunsAsEventQuery(string kind) => kind is "query" or "saved_query" or "eql" or "esql";

    private static CompiledQuery CompileQuery(RuleDefinition rule, Project.CustomSchemas schemas)
    {
        return rule.Language switch
        {
            QueryLanguage.Kusto => Kusto.KustoCompiler.Compile(rule, schemas.KustoGlobals),
            // Elastic rules: the query with the rule's Kibana filters (and an indicator match's threat query)
            QueryLanguage.Kuery => Kuery.KueryCompiler.CompileRule(rule, schemas),
            QueryLanguage.Eql => Eql.EqlCompiler.Compile(rule, schemas),
            QueryLanguage.Esql => Esql.EsqlCompiler.Compile(rule),
            QueryLanguage.Lucene => CompiledQuery.NotExecutable(EquatableArray<Diagnostics.QueryDiagnostic>.Empty, "Lucene queries are not supported yet"),
            _ => CompiledQuery.NotExecutable(EquatableArray<Diagnostics.QueryDiagnostic>.Empty, "the rule's query language is not known"),
        };
    }
}
