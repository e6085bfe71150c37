using Xunit;

namespace AzureRules.Generators.Tests.Pipeline;

/// <summary>The generator never throws: bad files become diagnostics on them and the other rules still generate.</summary>
public sealed class RobustnessTests
{
    public static TheoryData<string, string> BrokenFiles => new()
    {
        { "broken.yaml", "id: [unclosed\nname: x\n  query: |\n" },
        { "broken.toml", "[rule\nname = \"x\"" },
        { "broken.json", "{\"rule_id\": " },
        { "broken.ndjson", "{}\n{not json}\n" },
        { "empty.yaml", "" },
        { "scalar.yaml", "just a string" },
        { "list.toml", "a = [1, 2,, 3]" },
        { "binary.yaml", "\u0000\u0001\u0002\uFFFE\uD800" },
        { "page.md", "---\n---\n# Title [x]\n**Rule type**: query\n## Rule query\n```js\n" },
        { "unknown.xml", "<rule/>" },
    };

    [Theory]
    [MemberData(nameof(BrokenFiles))]
    public void A_broken_file_is_a_diagnostic_on_it_and_the_good_rule_still_generates(string name, string text)
    {
        var good = new GeneratorHarness.RuleText("/repo/Rules/good.toml", RuleSamples.ElasticToml("11111111-1111-1111-1111-111111111111", "Good Rule"));
        var bad = new GeneratorHarness.RuleText("/repo/Rules/" + name, text);

        var run = GeneratorHarness.Run(GeneratorHarness.CreateDriver(good, bad));

        Assert.Empty(run.CompileErrors);
        Assert.DoesNotContain(run.Diagnostics, d => d.Id == "AR0001");
        Assert.Contains(run.Output.SyntaxTrees, t => t.FilePath.EndsWith("GoodRule.g.cs"));
        if (!name.EndsWith(".md"))
            Assert.Contains(run.Diagnostics, d => d.Location.GetLineSpan().Path == "/repo/Rules/" + name && d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
    }

    [Fact]
    public void Duplicate_rule_ids_are_an_error_at_the_second_file()
    {
        const string id = "33333333-3333-3333-3333-333333333333";
        var a = new GeneratorHarness.RuleText("/repo/Rules/a.toml", RuleSamples.ElasticToml(id, "First"));
        var b = new GeneratorHarness.RuleText("/repo/Rules/b.yaml", RuleSamples.SentinelYaml(id, "Second"));

        var run = GeneratorHarness.Run(GeneratorHarness.CreateDriver(a, b));

        var duplicate = Assert.Single(run.Diagnostics, d => d.Id == "AR0106");
        var span = duplicate.Location.GetLineSpan();
        Assert.Equal("/repo/Rules/b.yaml", span.Path);
        Assert.Equal(0, span.StartLinePosition.Line);
        Assert.Equal(4, span.StartLinePosition.Character);
    }

    [Fact]
    public void Rules_with_the_same_name_get_distinct_class_names()
    {
        var a = new GeneratorHarness.RuleText("/repo/Rules/a.toml", RuleSamples.ElasticToml("44444444-4444-4444-4444-444444444444", "Same Name"));
        var b = new GeneratorHarness.RuleText("/repo/Rules/b.toml", RuleSamples.ElasticToml("55555555-5555-5555-5555-555555555555", "Same Name"));

        var run = GeneratorHarness.Run(GeneratorHarness.CreateDriver(a, b));

        Assert.Empty(run.CompileErrors);
        Assert.Contains(run.Output.SyntaxTrees, t => t.FilePath.EndsWith("SameName_44444444.g.cs"));
        Assert.Contains(run.Output.SyntaxTrees, t => t.FilePath.EndsWith("SameName_55555555.g.cs"));
    }
}
