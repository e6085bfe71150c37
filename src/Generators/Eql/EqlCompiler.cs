using System.Linq;
using AzureRules.Generators.Diagnostics;
using AzureRules.Generators.Emit;
using AzureRules.Generators.Eql.Binding;
using AzureRules.Generators.Eql.Emit;
using AzureRules.Generators.Eql.Syntax;
using AzureRules.Generators.Model;
using Microsoft.CodeAnalysis;

namespace AzureRules.Generators.Eql;

/// <summary>
/// Compiles an Elasticsearch EQL query into the members of the rule's detection class: parse
/// (<see cref="EqlParser"/>), check (<see cref="EqlChecker"/>), and for event queries emit
/// (<see cref="EqlEmitter"/>; sequences and samples <see cref="EqlJoinEmitter"/>).
/// </summary>
internal static class EqlCompiler
{
    public static CompiledQuery Compile(RuleDefinition rule, Project.CustomSchemas? schemas = null)
    {
        var text = rule.Query?.Text ?? "";
        var (query, error) = EqlParser.Parse(text);
        if (query is null)
        {
            var syntax = QueryDiagnostic.Create(DiagnosticDescriptors.EqlSyntaxError, error!.Start, error.Length, error.Message);
            return CompiledQuery.NotExecutable(new[] { syntax }.ToEquatableArray(), "the EQL query has a syntax error");
        }
        var diagnostics = EqlChecker.Check(query, rule.LookBack, Elastic.RuleFieldTypes.For(rule, schemas ?? Project.CustomSchemas.Empty)).ToEquatableArray();
        if (diagnostics.Items.Any(d => DiagnosticDescriptors.Get(d.Id).DefaultSeverity == DiagnosticSeverity.Error))
            return CompiledQuery.NotExecutable(diagnostics, "the EQL query has errors");
        return query switch
        {
            EqlEventQuery events => new CompiledQuery(diagnostics, EqlEmitter.BaseClass, EqlEmitter.EmitMembers(events, rule.EventCategoryOverride), null, EquatableArray<string>.Empty),
            EqlSequenceQuery sequence => new CompiledQuery(diagnostics, EqlJoinEmitter.BaseClass, EqlJoinEmitter.EmitMembers(sequence, rule.EventCategoryOverride), null, EquatableArray<string>.Empty),
            EqlSampleQuery sample => new CompiledQuery(diagnostics, EqlJoinEmitter.BaseClass, EqlJoinEmitter.EmitMembers(sample, rule.EventCategoryOverride), null, EquatableArray<string>.Empty),
            _ => CompiledQuery.NotExecutable(diagnostics, "unknown EQL query form"),
        };
    }
}
