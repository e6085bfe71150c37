using AzureRules.Generators.Emit;
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
    /// <param name="keys">Lines of [rule] keys, placed before the rule's tables.</param>
    private static CompiledRule Compile(string type, string block, string keys = "")
    {
        var toml = RuleSamples.ElasticToml("11111111-1111-1111-1111-111111111111", "R").Replace("type = \"query\"", $"type = \"{type}\"\n{keys}") + block;
        var rule = Assert.Single(ElasticTomlReader.Read("/r/rule.toml", toml).Rules);
        return RuleCompilation.Compile(rule, "rule.toml");
    }

    [Theory]
    [InlineData("threshold", "\n[rule.threshold]\nfield = [\"user.name\"]\nvalue = 25\n")]
    [InlineData("new_terms", "\n[rule.new_terms]\nfield = \"new_terms_fields\"\nvalue = [\"user.name\"]\n[[rule.new_terms.history_window_start]]\nfield = \"history_window_start\"\nvalue = \"now-7d\"\n")]
    public void Threshold_and_new_terms_rules_with_their_settings_are_executable(string type, string block)
    {
        var compiled = Compile(type, block);

        Assert.True(compiled.Query.IsExecutable, compiled.Query.NotExecutableReason);
        Assert.DoesNotContain(compiled.Diagnostics, d => d.Id == "AR0120");
    }

    [Theory]
    [InlineData("new_terms", "\n[rule.new_terms]\nfield = \"new_terms_fields\"\nvalue = [\"user.name\"]\n", "history_window_start is missing")]
    [InlineData("new_terms", "\n[rule.new_terms]\nfield = \"new_terms_fields\"\nvalue = [\"a\", \"b\", \"c\", \"d\"]\n[[rule.new_terms.history_window_start]]\nfield = \"history_window_start\"\nvalue = \"now-7d\"\n", "one to 3 fields")]
    [InlineData("new_terms", "\n[rule.new_terms]\nfield = \"new_terms_fields\"\nvalue = [\"user.name\"]\n[[rule.new_terms.history_window_start]]\nfield = \"history_window_start\"\nvalue = \"now-1m\"\n", "earlier than from")]
    [InlineData("threshold", "\n[rule.threshold]\nfield = [\"user.name\"]\n", "threshold.value")]
    [InlineData("threat_match", "", "threat_index is missing")]
    public void Incomplete_settings_say_why_the_rule_cannot_run(string type, string block, string reason)
    {
        var compiled = Compile(type, block);

        Assert.False(compiled.Query.IsExecutable);
        Assert.Contains(reason, compiled.Query.NotExecutableReason);
        Assert.Contains(compiled.Diagnostics, d => d.Id == "AR0120");
    }

    private const string ThreatMatchKeys = """
        threat_index = ["logs-ti_*"]
        threat_indicator_path = "threat.indicator"
        threat_query = '@timestamp >= "now-30d/d" and event.module:ti_*'
        """;

    private const string ThreatMatchBlock = """

        [[rule.threat_filters]]
        [rule.threat_filters.meta]
        negate = false
        [rule.threat_filters.query.match_phrase]
        "event.category" = "threat"

        [[rule.threat_mapping]]
        [[rule.threat_mapping.entries]]
        field = "source.ip"
        type = "mapping"
        value = "threat.indicator.ip"
        """;

    [Fact]
    public void An_indicator_match_rule_compiles_both_queries_and_takes_the_indicator_window_out_of_the_threat_query()
    {
        var compiled = Compile("threat_match", ThreatMatchBlock, ThreatMatchKeys);

        Assert.True(compiled.Query.IsExecutable, compiled.Query.NotExecutableReason);
        Assert.Equal("global::AzureRules.Sdk.Detections.ThreatMatchDetection", compiled.Query.BaseClass);
        Assert.Contains("public override bool MatchesIndicator(", compiled.Query.Members);
        Assert.Contains("IndicatorSince => \"now-30d/d\"", compiled.Query.Members);
        Assert.DoesNotContain("KueryMatch.DateRange", compiled.Query.Members); // the window is the runner's
        Assert.Contains("\"event.category\"", compiled.Query.Members);       // the threat filter is compiled in
        Assert.Equal(["source.ip"], compiled.Rule.ThreatMapping.Single().Entries.Select(e => e.Field));
    }

    [Fact]
    public void A_threat_mapping_item_of_negated_entries_only_cannot_run()
    {
        var negatedOnly = ThreatMatchBlock.Replace("value = \"threat.indicator.ip\"", "value = \"threat.indicator.ip\"\nnegate = true");
        var compiled = Compile("threat_match", negatedOnly, ThreatMatchKeys);

        Assert.True(compiled.Rule.ThreatMapping.Single().Entries.Single().Negate, negatedOnly);
        Assert.False(compiled.Query.IsExecutable);
        Assert.Contains("only negated entries", compiled.Query.NotExecutableReason);
    }

    [Fact]
    public void A_threat_query_error_points_into_the_rule_file()
    {
        var compiled = Compile("threat_match", ThreatMatchBlock, ThreatMatchKeys.Replace("event.module:ti_*", "event.module:(ti_*"));

        Assert.False(compiled.Query.IsExecutable);
        Assert.Contains("threat_query", compiled.Query.NotExecutableReason);
        var error = Assert.Single(compiled.Diagnostics, d => d.Id == "AR0401");
        Assert.True(error.Span.Start.Line > 10);
    }

    [Fact]
    public void Kibana_filters_are_part_of_the_query_and_unknown_clauses_stop_the_rule()
    {
        const string wildcard = """

            [[rule.filters]]
            [rule.filters.meta]
            negate = true
            [rule.filters.query.wildcard."file.path"]
            case_insensitive = true
            value = "?:\\\\Windows\\\\*"
            """;
        var compiled = Compile("query", wildcard);
        Assert.True(compiled.Query.IsExecutable, compiled.Query.NotExecutableReason);
        Assert.Contains("new(\"?:\\\\Windows\\\\*\", ignoreCase: true)", compiled.Query.Members);
        Assert.Contains("!M", compiled.Query.Members);

        var unknown = Compile("query", wildcard.Replace("wildcard", "regexp"));
        Assert.False(unknown.Query.IsExecutable);
        Assert.Contains("'regexp' is not supported", unknown.Query.NotExecutableReason);
    }

    [Fact]
    public void A_query_rule_is_executable()
    {
        var rule = Assert.Single(ElasticTomlReader.Read("/r/rule.toml", RuleSamples.ElasticToml("11111111-1111-1111-1111-111111111111", "R")).Rules);
        Assert.True(RuleCompilation.Compile(rule, "rule.toml").Query.IsExecutable);
    }
}
