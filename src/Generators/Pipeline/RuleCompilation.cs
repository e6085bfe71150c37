using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using AzureRules.Generators.Diagnostics;
using AzureRules.Generators.Emit;
using AzureRules.Generators.Model;

namespace AzureRules.Generators.Pipeline;

/// <summary>
/// The per-rule half of the compiler: checks a rule read from a file and compiles its query. The
/// source generator runs it once per rule file; the CLI's ad-hoc queries run the very same step.
/// It never throws: a failure becomes an AR0001 diagnostic on the rule's file.
/// </summary>
internal static class RuleCompilation
{
    /// <param name="schemas">The project's custom tables and fields, validated like the built-in ones.</param>
    public static CompiledRule Compile(RuleDefinition rule, string sourceFile, Project.CustomSchemas? schemas = null)
    {
        var diagnostics = ImmutableArray.CreateBuilder<RuleDiagnostic>();
        diagnostics.AddRange(rule.Diagnostics);
        CompiledQuery query;
        try
        {
            query = QueryCompilers.Compile(rule, schemas ?? Project.CustomSchemas.Empty);
            if (rule.Query is { } text)
                diagnostics.AddRange(query.Diagnostics.Select(d => d.ToRuleDiagnostic(text)));
            diagnostics.AddRange(query.RuleDiagnostics);
            diagnostics.AddRange(RuleChecks.Check(rule, query));
        }
        catch (Exception ex)
        {
            query = CompiledQuery.NotExecutable(EquatableArray<QueryDiagnostic>.Empty, "the rule compiler failed on it");
            diagnostics.Add(RuleDiagnostic.Create(DiagnosticDescriptors.InternalError, rule.Name.Span, Describe(ex)));
        }
        if (!query.IsExecutable && query.NotExecutableReason is { } reason)
            diagnostics.Add(RuleDiagnostic.Create(DiagnosticDescriptors.NotExecutable, rule.Query?.MapSpan(0, 0) ?? rule.Name.Span, reason));
        var id = Formats.RuleFileReader.ClassIdOf(rule);
        return new CompiledRule(rule, id, sourceFile, query, diagnostics.ToImmutable());
    }

    /// <summary>An exception as a one-line message: type, message and where it was thrown.</summary>
    public static string Describe(Exception ex)
    {
        var frame = ex.StackTrace?.Split('\n').FirstOrDefault()?.Trim() ?? "";
        return $"{ex.GetType().Name}: {ex.Message} {frame}".Trim();
    }
}

/// <summary>The rule-level checks that run after the query is compiled (they may need its output columns).</summary>
internal static class RuleChecks
{
    public static IEnumerable<RuleDiagnostic> Check(RuleDefinition rule, CompiledQuery query)
    {
        _ = query;
        var diagnostics = Mitre.ThreatChecks.Check(rule);
        return rule.Family == RuleFamily.Sentinel
            ? diagnostics.Concat(Sentinel.SentinelRuleChecks.Check(rule))
            : diagnostics.Concat(Elastic.ElasticRuleChecks.Check(rule));
    }
}
