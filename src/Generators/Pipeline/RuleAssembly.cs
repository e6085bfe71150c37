using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using AzureRules.Generators.Diagnostics;
using AzureRules.Generators.Emit;
using AzureRules.Generators.Model;

namespace AzureRules.Generators.Pipeline;

/// <summary>A rule with the class name it gets in the assembly.</summary>
internal sealed record NamedRule(CompiledRule Rule, string Namespace, string ClassName);

/// <summary>
/// Every rule of the assembly: unique class names and the cross-rule check (duplicate ids).
/// Rules are ordered by file path and position so names are stable whatever order files arrive in.
/// </summary>
internal sealed record RuleAssembly(string Namespace, EquatableArray<NamedRule> Rules, EquatableArray<RuleDiagnostic> Diagnostics)
{
    public static RuleAssembly Build(ImmutableArray<CompiledFile> files, string @namespace)
    {
        var rules = files
            .SelectMany(f => f.Rules)
            .OrderBy(r => r.Rule.FilePath, StringComparer.Ordinal)
            .ThenBy(r => r.Rule.Name.Span.Start.Offset)
            .ToList();
        var names = ClassNames.AssignUnique(rules.Select(r => (r.Rule.Name.Value, r.RuleId)).ToList());

        var diagnostics = ImmutableArray.CreateBuilder<RuleDiagnostic>();
        var firstById = new Dictionary<string, CompiledRule>(StringComparer.OrdinalIgnoreCase);
        foreach (var rule in rules)
        {
            if (rule.RuleId.Length == 0) continue;
            if (firstById.TryGetValue(rule.RuleId, out var first))
            {
                var span = rule.Rule.Id?.Span ?? rule.Rule.Name.Span;
                diagnostics.Add(RuleDiagnostic.Create(DiagnosticDescriptors.DuplicateRuleId, span, rule.RuleId, first.Rule.FilePath));
            }
            else
            {
                firstById[rule.RuleId] = rule;
            }
        }
        var named = rules.Select((r, i) => new NamedRule(r, @namespace, names[i])).ToImmutableArray();
        return new RuleAssembly(@namespace, named, diagnostics.ToImmutable());
    }
}
