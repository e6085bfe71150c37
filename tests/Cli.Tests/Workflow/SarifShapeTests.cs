using System.Text.Json;
using Xunit;

namespace AzureRules.Cli.Tests.Workflow;

/// <summary>
/// validate --format sarif against what the SARIF 2.1.0 schema requires (version and runs at the top;
/// tool.driver.name in each run; message on each result; reportingDescriptor.id; region lines ≥ 1)
/// and what code scanning reads (rules with name, shortDescription, helpUri, defaultConfiguration.level;
/// results pointing at the rule file's region).
/// </summary>
public sealed class SarifShapeTests : IDisposable
{
    private readonly RuleRepository _repo = new();

    public void Dispose() => _repo.Dispose();

    [Fact]
    public void Sarif_has_the_required_shape_a_rule_for_every_AR_id_and_results_at_the_rule_files_region()
    {
        _repo.Write("Rules/broken.toml", File.ReadAllText(Path.Combine(_repo.Root, "Rules/regen.toml"))
            .Replace("22222222-2222-2222-2222-222222222222", "44444444-4444-4444-4444-444444444444").Replace("severity = \"low\"", "severity = \"extreme\""));
        var result = AzrulesProcess.Run(_repo.Root, "validate", "Rules", "--format", "sarif");
        Assert.Equal(1, result.ExitCode);
        using var sarif = JsonDocument.Parse(result.Output);
        var root = sarif.RootElement;
        Assert.Equal("2.1.0", root.GetProperty("version").GetString());
        Assert.EndsWith("sarif-2.1.0.json", root.GetProperty("$schema").GetString());
        var run = Assert.Single(root.GetProperty("runs").EnumerateArray());
        var driver = run.GetProperty("tool").GetProperty("driver");
        Assert.Equal("azrules", driver.GetProperty("name").GetString());

        var rules = driver.GetProperty("rules").EnumerateArray().ToList();
        var ids = rules.Select(r => r.GetProperty("id").GetString()!).ToList();
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        foreach (var id in new[] { "AR0001", "AR0101", "AR0109", "AR0202", "AR0402", "AR1001", "AR1003" }) Assert.Contains(id, ids);
        foreach (var rule in rules)
        {
            Assert.Matches("^AR[0-9]{4}$", rule.GetProperty("id").GetString());
            Assert.Matches("^[A-Z][A-Za-z0-9]+$", rule.GetProperty("name").GetString());
            Assert.NotEmpty(rule.GetProperty("shortDescription").GetProperty("text").GetString()!);
            Assert.True(Uri.TryCreate(rule.GetProperty("helpUri").GetString(), UriKind.Absolute, out _));
            Assert.Contains(rule.GetProperty("defaultConfiguration").GetProperty("level").GetString(), new[] { "none", "note", "warning", "error" });
        }
        Assert.Equal("InvalidSeverity", rules.Single(r => r.GetProperty("id").GetString() == "AR0109").GetProperty("name").GetString());

        var results = run.GetProperty("results").EnumerateArray().ToList();
        var error = Assert.Single(results, r => r.GetProperty("ruleId").GetString() == "AR0109");
        Assert.Equal("error", error.GetProperty("level").GetString());
        Assert.Equal("AR0109", ids[error.GetProperty("ruleIndex").GetInt32()]);
        Assert.NotEmpty(error.GetProperty("message").GetProperty("text").GetString()!);
        var location = Assert.Single(error.GetProperty("locations").EnumerateArray()).GetProperty("physicalLocation");
        Assert.Equal("Rules/broken.toml", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
        var region = location.GetProperty("region");
        Assert.Equal(17, region.GetProperty("startLine").GetInt32());
        Assert.True(region.GetProperty("startColumn").GetInt32() >= 1);
        foreach (var any in results)
            Assert.True(any.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32() >= 1);
    }
}
