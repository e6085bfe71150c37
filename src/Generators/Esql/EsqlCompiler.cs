using System;
using System.Collections.Generic;
using AzureRules.Generators.Diagnostics;
using AzureRules.Generators.Emit;
using System.Linq;
using AzureRules.Generators.Esql.Binding;
using AzureRules.Generators.Esql.Emit;
using AzureRules.Generators.Esql.Parsing;
using AzureRules.Generators.Esql.Syntax;
using AzureRules.Generators.Model;

namespace AzureRules.Generators.Esql;

/// <summary>
/// The ES|QL front end: parses the rule's query (Parsing/), checks its columns and functions against the
/// pipeline and the ECS catalog (Binding/), and, when Elasticsearch would accept the query, writes it as
/// C# over the ES|QL runtime (Emit/). A construct the runtime lacks makes the rule not executable, with the reason.
/// </summary>
internal static class EsqlCompiler
{
    public static CompiledQuery Compile(RuleDefinition rule)
    {
        if (rule.Query is null) return CompiledQuery.NotExecutable(EquatableArray<QueryDiagnostic>.Empty, "the rule has no query");
        var analysis = Analyze(rule.Query.Text);
        var diagnostics = analysis.Diagnostics.ToEquatableArray();
        var columns = analysis.OutputColumns.ToEquatableArray();
        if (analysis.Diagnostics.Any(d => DiagnosticDescriptors.Get(d.Id).DefaultSeverity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error))
            return CompiledQuery.NotExecutable(diagnostics, "Elasticsearch would reject the ES|QL query (see the errors)") with { OutputColumns = columns };
        try
        {
            var members = EsqlEmitter.EmitMembers(analysis.Query);
            return new CompiledQuery(diagnostics, EsqlEmitter.BaseClass, members, null, columns);
        }
        catch (EsqlNotExecutableException notExecutable)
        {
            return CompiledQuery.NotExecutable(diagnostics, notExecutable.Message) with { OutputColumns = columns };
        }
    }

    /// <summary>Parses and binds one query; diagnostics are in query offsets, sorted by position.</summary>
    public static EsqlAnalysis Analyze(string text)
    {
        var diagnostics = new List<QueryDiagnostic>();
        try
        {
            var query = EsqlParser.Parse(text, diagnostics);
            var columns = EsqlBinder.Bind(query, diagnostics);
            diagnostics.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : string.CompareOrdinal(a.Id, b.Id));
            return new EsqlAnalysis(query, diagnostics, columns);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // the generator must never throw: an internal failure is one diagnostic, not a crashed build
            diagnostics.Add(QueryDiagnostic.Create(DiagnosticDescriptors.InternalError, 0, 0, "ES|QL: " + exception.Message));
            return new EsqlAnalysis(new EsqlQuery(Array.Empty<EsqlCommand>()), diagnostics, Array.Empty<string>());
        }
    }
}

/// <summary>What the front end found in one query: the syntax tree, the diagnostics, the output columns.</summary>
internal sealed record EsqlAnalysis(EsqlQuery Query, IReadOnlyList<QueryDiagnostic> Diagnostics, IReadOnlyList<string> OutputColumns);
