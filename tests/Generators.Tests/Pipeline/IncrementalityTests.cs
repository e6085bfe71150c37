using Microsoft.CodeAnalysis;
using Xunit;

namespace AzureRules.Generators.Tests.Pipeline;

/// <summary>Editing one rule file re-runs only that rule's part of the pipeline.</summary>
public sealed class IncrementalityTests
{
    [Fact]
    public void Editing_one_rule_file_recompiles_only_that_file()
    {
        var toml = new GeneratorHarness.RuleText("/repo/Rules/a.toml", RuleSamples.ElasticToml("11111111-1111-1111-1111-111111111111", "Rule A"));
        var yaml = new GeneratorHarness.RuleText("/repo/Rules/b.yaml", RuleSamples.SentinelYaml("22222222-2222-2222-2222-222222222222", "Rule B"));
        var first = GeneratorHarness.Run(GeneratorHarness.CreateDriver(toml, yaml));
        Assert.Empty(first.CompileErrors);

        var edited = new GeneratorHarness.RuleText("/repo/Rules/b.yaml", RuleSamples.SentinelYaml("22222222-2222-2222-2222-222222222222", "Rule B renamed"));
        var driver = first.Driver.ReplaceAdditionalText(yaml, edited);
        driver = driver.RunGenerators(GeneratorHarness.EmptyCompilation());

        var steps = driver.GetRunResult().Results.Single().TrackedSteps;
        var compiled = steps[RuleGenerator.Steps.CompiledFiles].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.Equal(1, compiled.Count(r => r == IncrementalStepRunReason.Modified));
        Assert.Equal(1, compiled.Count(r => r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));

        // the unchanged rule's class is not regenerated: its named-rule output is unchanged
        var named = steps[RuleGenerator.Steps.NamedRules].SelectMany(s => s.Outputs).ToList();
        Assert.Contains(named, o => o.Reason == IncrementalStepRunReason.Unchanged && o.Value.ToString()!.Contains("Rule A"));
        Assert.Contains(named, o => o.Reason is IncrementalStepRunReason.Modified or IncrementalStepRunReason.New && o.Value.ToString()!.Contains("Rule B renamed"));
    }

    [Fact]
    public void Running_again_without_changes_caches_every_file()
    {
        var toml = new GeneratorHarness.RuleText("/repo/Rules/a.toml", RuleSamples.ElasticToml("11111111-1111-1111-1111-111111111111", "Rule A"));
        var driver = GeneratorHarness.Run(GeneratorHarness.CreateDriver(toml)).Driver;
        driver = driver.RunGenerators(GeneratorHarness.EmptyCompilation());
        var reasons = driver.GetRunResult().Results.Single().TrackedSteps[RuleGenerator.Steps.CompiledFiles]
            .SelectMany(s => s.Outputs).Select(o => o.Reason);
        Assert.All(reasons, r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, r.ToString()));
    }
}
