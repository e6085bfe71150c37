using System.Runtime.CompilerServices;
using AzureRules.Generators.Tests.Pipeline;
using AzureRules.Tests;
using Xunit;

namespace AzureRules.Generators.Tests.Kusto.Emit;

/// <summary>
/// The C# the generator writes for the two seed rules (the Elastic documentation page with its Kibana KQL
/// query, and the Sentinel page whose Kusto query joins three tables), pinned as golden files so a change
/// of shape shows in review as a diff. Set <c>AZURERULES_UPDATE_GOLDEN=1</c> to rewrite them after an
/// intended change, then review the diff.
/// </summary>
public sealed class SeedRuleGoldenTests
{
    [Theory]
    [InlineData("000_3beacc10db38649b.txt")]
    [InlineData("002_0f1a9acc9a6e630d.txt")]
    public void Generated_class_of_a_seed_rule_matches_its_golden_file(string seed)
    {
        var path = Path.Combine(SharedMaterial.RepositoryRoot, "src", "Rules", "Rules", "seeds", seed);
        var (driver, diagnostics, errors, _) = GeneratorHarness.Run(GeneratorHarness.CreateDriver(new GeneratorHarness.RuleText("/repo/Rules/seeds/" + seed, File.ReadAllText(path))));
        Assert.Empty(errors);
        Assert.DoesNotContain(diagnostics, d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
        var generated = driver.GetRunResult().GeneratedTrees.Single(t => !t.FilePath.EndsWith("GeneratedRules.g.cs", StringComparison.Ordinal) && !t.FilePath.EndsWith("GeneratedRuleTests.g.cs", StringComparison.Ordinal));
        var text = generated.GetText().ToString().ReplaceLineEndings("\n");

        var golden = Path.Combine(GoldenFolder(), Path.GetFileNameWithoutExtension(seed) + ".g.cs.txt");
        if (Environment.GetEnvironmentVariable("AZURERULES_UPDATE_GOLDEN") == "1") File.WriteAllText(golden, text);
        Assert.True(File.Exists(golden), $"no golden file {golden}: run with AZURERULES_UPDATE_GOLDEN=1");
        Assert.Equal(File.ReadAllText(golden).ReplaceLineEndings("\n"), text);
    }

    private static string GoldenFolder([CallerFilePath] string thisFile = "") => Path.Combine(Path.GetDirectoryName(thisFile)!, "Golden");
}
