using System;
using System.Collections.Immutable;
using System.Linq;
using AzureRules.Generators.Diagnostics;
using AzureRules.Generators.Emit;
using AzureRules.Generators.Kuery.Binding;
using AzureRules.Generators.Kuery.Emit;
using AzureRules.Generators.Kuery.Parsing;
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

    // the offending character, or an empty span at the end of the query
    private static int SyntaxErrorLength(string query, int offset) => offset < query.Length ? 1 : 0;
}
