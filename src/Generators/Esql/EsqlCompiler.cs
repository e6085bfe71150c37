using System;
using System.Collections.Generic;
using AzureRules.Generators.Diagnostics;
using AzureRules.Generators.Emit;
using AzureRules.Generators.Esql.Binding;
using AzureRules.Generators.Esql.Parsing;
using AzureRules.Generators.Esql.Syntax;
using AzureRules.Generators.Model;

namespace AzureRules.Generators.Esql;

/// <summary>
/// The ES|QL front end: parses the rule's query (Parsing/), checks its columns and functions against the
/// pipeline and the ECS catalog (Binding/), and reports what it finds. The runtime cannot execute ES|QL
/// yet, so the result is always not executable; its diagnostics and output columns are real.
/// </summary>
internal static class EsqlCompiler
{
    public const string NotExecutableReason = "ES|QL queries are parsed and validated but cannot run yet";

    public static CompiledQuery Compile(RuleDefinition rule)
    {
        if (rule.Query is null) return CompiledQuery.NotExecutable(EquatableArray<QueryDiagnostic>.Empty, "the rule has no query");
        var analysis = Analyze(rule.Query.Text);
        return CompiledQuery.NotExecutable(analysis.Diagnostics.ToEquatableArray(), NotExecutableReason)
            with { OutputColumns = analysis.OutputColumns.ToEquatableArray() };
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
