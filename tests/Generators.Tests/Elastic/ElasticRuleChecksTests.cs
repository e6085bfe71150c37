using AzureRules.Generators.Formats.Elastic;
using AzureRules.Generators.Pipeline;
using AzureRules.Generators.Tests.Pipeline;
using Xunit;

namespace AzureRules.Generators.Tests.Elastic;

public sealed class ElasticRuleChecksTests
{
    private static IEnumerable<Diagnostics.RuleDiagnostic> Diagnostics(string toml)
    {
        var rule = Assert.Single(ElasticTomlReader.Read("/r/rule.toml", toml).Rules);
        return RuleCompilation.Compile(rule, "rule.toml").Diagnostics;
    }

    [Fact]
    public void A_risk_score_off_the_severity_convention_is_a_warning_at_the_score()
    {
        var toml = RuleSamples.ElasticToml("11111111-1111-1111-1111-111111111111", "R").Replace("risk_score = 47", "risk_score = 50");
        var diagnostic = Assert.Single(Diagnostics(toml), d => d.Id == "AR0801");
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Warning, diagnostic.DefaultSeverity);
        Assert.Equal((13, 13), (diagnostic.Span.Start.Line, diagnostic.Span.Start.Column));
        Assert.Equal(["50", "medium", "47"], diagnostic.Arguments.Items.ToArray());
    }

    [Fact]
    public void The_conventional_score_is_not_reported()
        => Assert.DoesNotContain(Diagnostics(RuleSamples.ElasticToml("11111111-1111-1111-1111-111111111111", "R")), d => d.Id == "AR0801");
}

public sealed class ElasticRuleTypeTests
{
    [Theory]
    [InlineData("threshold", "\n[rule.threshold]\nfield = [\"user.name\"]\nvalue = 25\n")]
    [InlineData("new_terms", "\n[rule.new_terms]\nfield = \"new_terms_fields\"\nvalue = [\"user.name\"]\n")]
    public void Rule_types_beyond_single_events_are_validated_but_not_executable(string type, string block)
    {
        var toml = RuleSamples.ElasticToml("11111111-1111-1111-1111-111111111111", "R").Replace("type = \"query\"", $"type = \"{type}\"") + block;
        var rule = Assert.Single(ElasticTomlReader.Read("/r/rule.toml", toml).Rules);

        var compiled = RuleCompilation.Compile(rule, "rule.toml");

        Assert.False(compiled.Query.IsExecutable);
        Assert.Contains($"'{type}' rules are validated but cannot run yet", compiled.Query.NotExecutableReason);
        Assert.Contains(compiled.Diagnostics, d => d.Id == "AR0120");
    }

    [Fact]
    public void A_query_rule_is_executable()
    {
        var rule = Assert.Single(ElasticTomlReader.Read("/r/rule.toml", RuleSamples.ElasticToml("11111111-1111-1111-1111-111111111111", "R")).Rules);
        Assert.True(RuleCompilation.Compile(rule, "rule.toml").Query.IsExecutable);
    }
}
