using System.Xml.Linq;
using AzureRules.Tests;
using Xunit;

namespace AzureRules.Cli.Tests.Workflow;

/// <summary>
/// samples/Contoso.Detections is the template filled in (`dotnet new azurerules -n Contoso.Detections`
/// from the packed template): file for file the template's content, with the version stamped.
/// </summary>
public sealed class TemplateSampleTests
{
    [Fact]
    public void The_sample_is_the_template_filled_in_at_the_repository_version()
    {
        var root = SharedMaterial.RepositoryRoot;
        var template = Path.Combine(root, "templates", "AzureRules.Templates", "content", "azurerules");
        var sample = Path.Combine(root, "samples", "Contoso.Detections");
        var version = XDocument.Load(Path.Combine(root, "Directory.Build.props")).Descendants("VersionPrefix").Single().Value;

        var templateFiles = Files(template).Where(f => !f.StartsWith(".template.config", StringComparison.Ordinal)).ToList();
        Assert.Equal(templateFiles, Files(sample));
        foreach (var file in templateFiles)
            Assert.Equal(File.ReadAllText(Path.Combine(template, file)).Replace("AZURERULES_VERSION", version).TrimEnd(),
                File.ReadAllText(Path.Combine(sample, file)).TrimEnd());
    }

    private static List<string> Files(string folder)
        => [.. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/'))
            .Where(f => !f.Split('/').Any(p => p is "bin" or "obj"))
            .Order(StringComparer.Ordinal)];
}
