using System;
using System.Collections.Immutable;
using System.Linq;
using AzureRules.Generators.Diagnostics;
using AzureRules.Generators.Emit;
using AzureRules.Generators.Kuery.Binding;
using AzureRules.Generators.Kuery.Emit;
using AzureRules.Generators.Prefilter;
using AzureRules.Generators.Kuery.Parsing;
using AzureRules.Generators.Formats.Elastic;
using AzureRules.Generators.Model;
using Microsoft.CodeAnalysis;

namespace AzureRules.Generators.Kuery;

/// <summary>
/// Compiles a Kibana KQL query into the members of the rule's detection class: parse (AR0401), bind
/// against the Elastic field catalog (AR0402-AR0406), emit a <c>Matches</c> override.
/// </summary>
internal static class KueryCompiler
{
    public const string BaseClass = "global::AzureRules.Sdk.Detections.ElasticEventDetection";

    public static CompiledQuery Compile(RuleDefinition rule, Project.CustomSchemas? schemas = null)
        => Compile(rule.Query?.Text ?? "", Elastic.RuleFieldTypes.For(rule, schemas ?? Project.CustomSchemas.Empty));

    /// <summary>Compiles a query against the given field types (the catalog, or a test's mapping).</summary>
    public static CompiledQuery Compile(string query, IKueryFieldTypes types)
    {
        try
        {
            var parsed = KueryParser.Parse(query);
            if (parsed.Root is null)
            {
                var error = parsed.Error!;
                var diagnostic = QueryDiagnostic.Create(DiagnosticDescriptors.KuerySyntaxError, error.Offset, SyntaxErrorLength(query, error.Offset), error.Message);
                return CompiledQuery.NotExecutable(ImmutableArray.Create(diagnostic).ToEquatableArray(), "the query has a syntax error");
            }
            var (bound, diagnostics) = KueryBinder.Bind(parsed.Root, types);
            var list = diagnostics.ToEquatableArray();
            if (diagnostics.Any(d => DiagnosticDescriptors.Get(d.Id).DefaultSeverity == DiagnosticSeverity.Error))
                return CompiledQuery.NotExecutable(list, "Elasticsearch would reject the query (see the errors)");
            return new CompiledQuery(list, BaseClass, KueryEmitter.Emit(bound), null, EquatableArray<string>.Empty);
        }
        catch (Exception exception)
        {
            // the generator never throws: an unexpected failure is a diagnostic on the query
            var diagnostic = QueryDiagnostic.Create(DiagnosticDescriptors.InternalError, 0, 0, exception.GetType().Name + ": " + exception.Message);
            return CompiledQuery.NotExecutable(ImmutableArray.Create(diagnostic).ToEquatableArray(), "the Kibana KQL compiler failed");
        }
    }

    public const string ThreatMatchBaseClass = "global::AzureRules.Sdk.Detections.ThreatMatchDetection";

    /// <summary>
    /// Compiles an Elastic rule's KQL: its query ANDed with its Kibana filters as <c>Matches</c>, and for
    /// an indicator match rule also its threat query ANDed with its threat filters as <c>MatchesIndicator</c>.
    /// Diagnostics are the query's; the threat query's errors make the rule not executable, saying why.
    /// </summary>
    public static CompiledQuery CompileRule(RuleDefinition rule, Project.CustomSchemas? schemas = null)
    {
        var types = Elastic.RuleFieldTypes.For(rule, schemas ?? Project.CustomSchemas.Empty);
        var query = rule.Query?.Text ?? "";
        try
        {
            var (main, diagnostics, failure) = ParseAndBind(query, types);
            var list = diagnostics.ToEquatableArray();
            if (main is null) return CompiledQuery.NotExecutable(list, failure!);
            var (filters, unsupported) = KueryFilterBinder.Bind(rule.Filters, types);
            if (unsupported is not null) return CompiledQuery.NotExecutable(list, "filters: " + unsupported);
            var matches = filters is null ? main : new BoundAnd(ImmutableArray.Create(main, filters));
            if (rule.Kind != "threat_match")
                return new CompiledQuery(list, BaseClass, KueryEmitter.Emit(matches) + PrefilterTerm.EmitOverride(KueryPrefilter.Terms(matches)), null, EquatableArray<string>.Empty);

            if (rule.ThreatLanguage != QueryLanguage.Kuery)
                return CompiledQuery.NotExecutable(list, $"threat_language '{ElasticVocabulary.LanguageName(rule.ThreatLanguage)}' is not supported yet (only kuery)");
            var (threat, threatDiagnostics, threatFailure) = ParseAndBind(rule.ThreatQuery?.Text ?? "", types);
            // the threat query's diagnostics point into the rule file, like the query's
            var threatRuleDiagnostics = rule.ThreatQuery is { } threatText
                ? threatDiagnostics.Select(d => d.ToRuleDiagnostic(threatText)).ToEquatableArray()
                : EquatableArray<RuleDiagnostic>.Empty;
            if (threat is null)
                return CompiledQuery.NotExecutable(list, "threat_query: " + threatFailure) with { RuleDiagnostics = threatRuleDiagnostics };
            var (threatFilters, threatUnsupported) = KueryFilterBinder.Bind(rule.ThreatFilters, types);
            if (threatUnsupported is not null) return CompiledQuery.NotExecutable(list, "threat_filters: " + threatUnsupported);
            var (indicatorQuery, since) = IndicatorWindow.Split(threat);
            var indicators = threatFilters is null ? indicatorQuery : new BoundAnd(ImmutableArray.Create(indicatorQuery, threatFilters));
            var members = KueryEmitter.Emit([("Matches", matches), ("MatchesIndicator", indicators)]);
            if (since is not null) members += "\npublic override string? IndicatorSince => " + CSharpLiteral.String(since) + ";\n";
            return new CompiledQuery(list, ThreatMatchBaseClass, members, null, EquatableArray<string>.Empty) { RuleDiagnostics = threatRuleDiagnostics };
        }
        catch (Exception exception)
        {
            var diagnostic = QueryDiagnostic.Create(DiagnosticDescriptors.InternalError, 0, 0, exception.GetType().Name + ": " + exception.Message);
            return CompiledQuery.NotExecutable(ImmutableArray.Create(diagnostic).ToEquatableArray(), "the Kibana KQL compiler failed");
        }
    }

    private static (BoundKuery? Bound, ImmutableArray<QueryDiagnostic> Diagnostics, string? Failure) ParseAndBind(string query, IKueryFieldTypes types)
    {
        var parsed = KueryParser.Parse(query);
        if (parsed.Root is null)
        {
            var error = parsed.Error!;
            var diagnostic = QueryDiagnostic.Create(DiagnosticDescriptors.KuerySyntaxError, error.Offset, SyntaxErrorLength(query, error.Offset), error.Message);
            return (null, ImmutableArray.Create(diagnostic), "the query has a syntax error");
        }
        var (bound, diagnostics) = KueryBinder.Bind(parsed.Root, types);
        if (diagnostics.Any(d => DiagnosticDescriptors.Get(d.Id).DefaultSeverity == DiagnosticSeverity.Error))
            return (null, diagnostics, "Elasticsearch would reject the query (see the errors)");
        return (bound, diagnostics, null);
    }

    // the offending character, or an empty span at the end of the query
    private static int SyntaxErrorLength(string query, int offset) => offset < query.Length ? 1 : 0;
}
