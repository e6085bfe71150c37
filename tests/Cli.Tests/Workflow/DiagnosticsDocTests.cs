using AzureRules.Cli.Reports;
using AzureRules.Tests;
using Xunit;

namespace AzureRules.Cli.Tests.Workflow;

/// <summary>docs/diagnostics.md, where SARIF's helpUri points, lists every AR id as the compiler defines it.</summary>
public sealed class DiagnosticsDocTests
{
    [Fact]
    public void The_diagnostics_page_is_the_one_the_descriptors_write()
    {
        var path = Path.Combine(SharedMaterial.RepositoryRoot, "docs", "diagnostics.md");
        var expected = DiagnosticsMarkdown.Write();
        if (Environment.GetEnvironmentVariable("AZURERULES_UPDATE_DOCS") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, expected);
        }
        Assert.True(File.Exists(path), "docs/diagnostics.md is missing: AZURERULES_UPDATE_DOCS=1 dotnet test tests/Cli.Tests --filter DiagnosticsDoc");
        Assert.Equal(expected, File.ReadAllText(path).ReplaceLineEndings("\n"));
        foreach (var entry in DiagnosticCatalog.All)
        {
            Assert.Contains($"\n## {entry.Id}\n", expected);
            Assert.EndsWith($"docs/diagnostics.md#{entry.Id.ToLowerInvariant()}", entry.HelpUri);
        }
    }
}
