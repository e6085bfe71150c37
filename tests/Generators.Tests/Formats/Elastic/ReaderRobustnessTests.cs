using AzureRules.Generators.Formats.Elastic;
using AzureRules.Generators.Formats.Toml;
using AzureRules.Tests;
using Xunit;

namespace AzureRules.Generators.Tests.Formats.Elastic;

/// <summary>The generator must never throw: every prefix of real files, and hostile nesting, give diagnostics.</summary>
public sealed class ReaderRobustnessTests
{
    [SharedFact("seeds", "000_3beacc10db38649b.txt")]
    public void Every_prefix_of_the_seed_page_reads_without_throwing()
    {
        var text = File.ReadAllText(SharedMaterial.Path("seeds", "000_3beacc10db38649b.txt")!);
        for (var length = 0; length <= text.Length; length++)
        {
            var prefix = text.Substring(0, length);
            ElasticDocPageReader.LooksLike(prefix);
            var file = ElasticDocPageReader.Read("page.md", prefix);
            Assert.True(file.Rules.Count + file.Diagnostics.Count > 0);
        }
    }

    [SharedFact("corpus", "elastic", "kibana-json")]
    public void Every_prefix_of_a_toml_rule_and_a_kibana_rule_reads_without_throwing()
    {
        var toml = Directory.GetFiles(SharedMaterial.Path("corpus", "elastic", "rules")!, "*.toml", SearchOption.AllDirectories)
            .OrderBy(f => f, StringComparer.Ordinal).First(f => File.ReadAllText(f).Contains("subtechnique", StringComparison.Ordinal));
        var tomlText = File.ReadAllText(toml);
        for (var length = 0; length <= tomlText.Length; length += 7)
        {
            var file = ElasticTomlReader.Read("r.toml", tomlText.Substring(0, length));
            Assert.True(file.Rules.Count + file.Diagnostics.Count > 0);
        }
        var json = File.ReadAllText(Directory.GetFiles(SharedMaterial.Path("corpus", "elastic", "kibana-json", "prebuilt-integrations-package")!).Order().First());
        for (var length = 0; length <= json.Length; length += 3)
        {
            var file = KibanaJsonReader.Read("r.json", json.Substring(0, length));
            Assert.True(file.Rules.Count + file.Diagnostics.Count > 0);
        }
    }

    [Fact]
    public void Hostile_nesting_is_an_error()
    {
        Assert.Contains("nested deeper", TomlParser.Parse("a = " + new string('[', 50_000)).Error!.Message, StringComparison.Ordinal);
        Assert.Contains("nested deeper", TomlParser.Parse("a = " + string.Concat(Enumerable.Repeat("{b = ", 50_000))).Error!.Message, StringComparison.Ordinal);
        Assert.Equal("AR0101", Assert.Single(ElasticTomlReader.Read("r.toml", "a = " + new string('[', 50_000)).Diagnostics).Id);
    }

    [Fact]
    public void Wrong_value_types_are_diagnostics()
    {
        var file = ElasticTomlReader.Read("r.toml", """
            [metadata]
            creation_date = 2020-01-01
            maturity = "production"
            updated_date = "2020/01/01"
            [rule]
            author = "Elastic"
            description = 1
            name = ["n"]
            risk_score = 1.5
            rule_id = true
            severity = { level = "low" }
            type = "query"
            query = 42
            tags = [1, "ok"]
            interval = 5
            from = []
            threat = "none"
            """);
        var rule = Assert.Single(file.Rules);
        var found = rule.Diagnostics.Select(d => $"{d.Id}@{d.Span.Start.Line + 1},{d.Span.Start.Column + 1}").Order(StringComparer.Ordinal);
        Assert.Equal(["AR0103@10,11", "AR0103@11,12", "AR0103@13,9", "AR0103@14,9", "AR0103@15,12", "AR0103@16,8", "AR0103@17,10", "AR0103@6,10", "AR0103@7,15", "AR0103@8,8", "AR0110@9,14"], found);
    }
}
