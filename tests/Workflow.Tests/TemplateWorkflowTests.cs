using System.Text.Json;
using System.Xml.Linq;
using AzureRules.Tests;
using Xunit;

namespace AzureRules.Workflow.Tests;

/// <summary>
/// A new team's workflow, from packages only (no ProjectReference to this repository anywhere):
/// every package is packed to a temporary folder feed under a version unique to this run (so the
/// global package cache never serves a stale build, and this run's versions are removed from it
/// afterwards), the template is installed from the feed into a private template hive, a rule
/// repository is created with <c>dotnet new azurerules</c>, restored against the feed plus this
/// machine's NuGet sources, built, tested, broken on purpose, and checked with the azrules tool
/// installed from the feed.
/// </summary>
public sealed class TemplateWorkflowTests : IDisposable
{
    private static readonly string[] Packages = ["AzureRules.Generators", "AzureRules.Sdk", "AzureRules.Testing", "azrules", "AzureRules.Templates"];
    private readonly string _root = Directory.CreateTempSubdirectory("azurerules-e2e-").FullName;
    private readonly string _version = $"0.0.0-e2e.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}";

    [Fact]
    public void A_repository_from_the_template_builds_tests_and_validates_with_packages_from_a_feed()
    {
        var feed = Pack();
        foreach (var package in Packages)
            Assert.True(File.Exists(Path.Combine(feed, $"{package}.{_version}.nupkg")), $"{package} was not packed:\n{string.Join("\n", Directory.GetFiles(feed))}");

        var hive = Path.Combine(_root, "hive");
        var work = Path.Combine(_root, "work");
        Directory.CreateDirectory(work);
        Succeeds(DotnetProcess.Dotnet(work, "new", "install", Path.Combine(feed, $"AzureRules.Templates.{_version}.nupkg"), "--debug:custom-hive", hive));
        Succeeds(DotnetProcess.Dotnet(work, "new", "azurerules", "-n", "Contoso.Detections", "-o", "repo", "--debug:custom-hive", hive));
        var repo = Path.Combine(work, "repo");
        File.WriteAllText(Path.Combine(repo, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="azurerules-e2e" value="{feed}" />
              </packageSources>
            </configuration>
            """);

        // the repository references the packages, never this repository's projects
        foreach (var project in Directory.EnumerateFiles(repo, "*.csproj", SearchOption.AllDirectories))
            Assert.DoesNotContain("AzureRules.", string.Join("\n", XDocument.Load(project).Descendants("ProjectReference").Select(e => (string?)e.Attribute("Include"))));
        Assert.Contains(_version, File.ReadAllText(Path.Combine(repo, "Directory.Build.props")));
        Assert.True(File.Exists(Path.Combine(repo, ".github", "workflows", "detections.yml")));
        Assert.True(File.Exists(Path.Combine(repo, "rules.globalconfig")));

        Succeeds(DotnetProcess.Dotnet(repo, "build", "Contoso.Detections.slnx"));
        var test = DotnetProcess.Dotnet(repo, "test", "Contoso.Detections.slnx", "--no-build");
        Succeeds(test);
        Assert.Contains("Passed:     5", test.Output);

        // a rule error fails the build at its line and column
        var rule = Path.Combine(repo, "Rules", "sentinel", "MultipleFailedSignins.yaml");
        var ruleText = File.ReadAllText(rule);
        File.WriteAllText(rule, ruleText.Replace("severity: Medium", "severity: Extreme"));
        var broken = DotnetProcess.Dotnet(repo, "build", "Contoso.Detections.slnx");
        Assert.NotEqual(0, broken.ExitCode);
        Assert.Contains("MultipleFailedSignins.yaml(6,11): error AR0109", broken.Output);
        File.WriteAllText(rule, ruleText);

        // one failing case fails dotnet test, saying what differs
        var tests = Path.Combine(repo, "Rules", "sentinel", "MultipleFailedSignins.tests.yaml");
        var testsText = File.ReadAllText(tests);
        File.WriteAllText(tests, testsText.Replace("FailedSignins: 12", "FailedSignins: 13"));
        var failing = DotnetProcess.Dotnet(repo, "test", "Contoso.Detections.slnx");
        Assert.NotEqual(0, failing.ExitCode);
        Assert.Contains("FailedSignins: expected 13, got 12", failing.Output);
        File.WriteAllText(tests, testsText);

        // the azrules tool from the feed
        var tools = Path.Combine(_root, "tools");
        Succeeds(DotnetProcess.Dotnet(repo, "tool", "install", "azrules", "--version", _version, "--tool-path", tools, "--add-source", feed));
        var azrules = Path.Combine(tools, OperatingSystem.IsWindows() ? "azrules.exe" : "azrules");
        var sarifPath = Path.Combine(_root, "azrules.sarif");
        Succeeds(DotnetProcess.Run(repo, TimeSpan.FromMinutes(2), azrules, "validate", "Rules", "--format", "sarif", "--output", sarifPath));
        using (var sarif = JsonDocument.Parse(File.ReadAllText(sarifPath)))
        {
            Assert.Equal("2.1.0", sarif.RootElement.GetProperty("version").GetString());
            Assert.Equal(_version, sarif.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("semanticVersion").GetString());
        }
        var junit = Path.Combine(_root, "rules-junit.xml");
        var run = DotnetProcess.Run(repo, TimeSpan.FromMinutes(2), azrules, "test", "Rules", "--junit", junit);
        Succeeds(run);
        Assert.Equal("5", XDocument.Load(junit).Root!.Attribute("tests")!.Value);
        Assert.Equal(2, DotnetProcess.Run(repo, TimeSpan.FromMinutes(1), azrules, "validate", "NoSuchFolder").ExitCode);
    }

    /// <summary>Packs every package from a copy of the sources (the checkout's own bin folders may be in use by other tests).</summary>
    private string Pack()
    {
        var source = Path.Combine(_root, "source");
        var repositoryRoot = SharedMaterial.RepositoryRoot;
        foreach (var file in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "README.md" })
            File.Copy(Path.Combine(repositoryRoot, file), Path.Combine(source, file).EnsureDirectory());
        foreach (var folder in new[] { "src", "templates" })
            CopyTree(Path.Combine(repositoryRoot, folder), Path.Combine(source, folder));
        // the packable projects of AzureRules.sln (the sln itself also lists tests and samples, which are not packed)
        var projects = new[] { "src/Sdk/AzureRules.Sdk.csproj", "src/Generators/AzureRules.Generators.csproj", "src/Testing/AzureRules.Testing.csproj", "src/Cli/azrules.csproj", "templates/AzureRules.Templates/AzureRules.Templates.csproj" };
        File.WriteAllText(Path.Combine(source, "Packages.slnx"),
            "<Solution>\n" + string.Concat(projects.Select(p => $"  <Project Path=\"{p}\" />\n")) + "</Solution>\n");
        var feed = Path.Combine(_root, "feed");
        Succeeds(DotnetProcess.Dotnet(source, "pack", "Packages.slnx", "-o", feed, $"-p:Version={_version}"));
        return feed;
    }

    private static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            var parts = relative.Split(Path.DirectorySeparatorChar);
            if (parts.Any(p => p is "bin" or "obj")) continue;
            File.Copy(file, Path.Combine(to, relative).EnsureDirectory());
        }
    }

    private static void Succeeds(ProcessResult result) => Assert.True(result.ExitCode == 0, result.ToString());

    public void Dispose()
    {
        // this run's package versions leave the global package cache; the folders leave /tmp
        var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        foreach (var package in Packages)
        {
            var folder = Path.Combine(cache, package.ToLowerInvariant(), _version);
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

internal static class PathExtensions
{
    public static string EnsureDirectory(this string file)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        return file;
    }
}
