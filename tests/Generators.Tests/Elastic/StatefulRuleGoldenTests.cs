using System.Runtime.CompilerServices;
using AzureRules.Generators.Tests.Pipeline;
using Xunit;

namespace AzureRules.Generators.Tests.Elastic;

/// <summary>
/// The generated classes of a threshold, a new_terms and an indicator match rule, pinned as golden files
/// (<c>Golden/*.g.cs.txt</c>): their typed settings, the query with its filters, and the indicator
/// matcher. Set <c>AZURERULES_UPDATE_GOLDEN=1</c> to rewrite them after an intended change, then review the diff.
/// </summary>
public sealed class StatefulRuleGoldenTests
{
    private static string Rule(string type, string keys, string tables) => $"""
        [metadata]
        creation_date = "2024/01/01"
        maturity = "production"
        updated_date = "2024/01/01"

        [rule]
        author = ["Elastic"]
        description = "A {type} rule."
        from = "now-9m"
        index = ["logs-*"]
        language = "kuery"
        license = "Elastic License v2"
        name = "Golden {type}"
        risk_score = 47
        rule_id = "00000000-0000-0000-0000-00000000000{type.Length % 10}"
        severity = "medium"
        type = "{type}"
        {keys}
        query = '''
        event.outcome:success and user.name:*
        '''
        {tables}
        """;

    public static TheoryData<string, string> Rules => new()
    {
        { "threshold", Rule("threshold", "", """
            [[rule.filters]]
            [rule.filters.meta]
            negate = true
            [rule.filters.query.wildcard."process.executable"]
            case_insensitive = true
            value = "C:\\\\Windows\\\\*.exe"

            [rule.threshold]
            field = ["user.name", "host.name"]
            value = 10
            [[rule.threshold.cardinality]]
            field = "source.ip"
            value = 3
            """) },
        { "new_terms", Rule("new_terms", "", """
            [rule.new_terms]
            field = "new_terms_fields"
            value = ["user.name", "host.name"]
            [[rule.new_terms.history_window_start]]
            field = "history_window_start"
            value = "now-14d"
            """) },
        { "threat_match", Rule("threat_match", """
            threat_index = ["logs-ti_*"]
            threat_indicator_path = "threat.indicator"
            threat_query = '@timestamp >= "now-30d/d" and event.module:ti_*'
            """, """
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
            [[rule.threat_mapping.entries]]
            field = "destination.port"
            type = "mapping"
            value = "threat.indicator.port"
            [[rule.threat_mapping]]
            [[rule.threat_mapping.entries]]
            field = "url.full"
            type = "mapping"
            value = "threat.indicator.url.full"
            """) },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public void Generated_class_matches_its_golden_file(string type, string toml)
    {
        var (driver, diagnostics, errors, _) = GeneratorHarness.Run(GeneratorHarness.CreateDriver(new GeneratorHarness.RuleText($"/repo/Rules/{type}.toml", toml)));
        Assert.Empty(errors);
        Assert.DoesNotContain(diagnostics, d => d.Id == "AR0120");
        var generated = driver.GetRunResult().GeneratedTrees.Single(t => !t.FilePath.EndsWith("GeneratedRules.g.cs", StringComparison.Ordinal) && !t.FilePath.EndsWith("GeneratedRuleTests.g.cs", StringComparison.Ordinal));
        var text = generated.GetText().ToString().ReplaceLineEndings("\n");

        var golden = Path.Combine(GoldenFolder(), type + ".g.cs.txt");
        if (Environment.GetEnvironmentVariable("AZURERULES_UPDATE_GOLDEN") == "1") File.WriteAllText(golden, text);
        Assert.True(File.Exists(golden), $"no golden file {golden}: run with AZURERULES_UPDATE_GOLDEN=1");
        Assert.Equal(File.ReadAllText(golden).ReplaceLineEndings("\n"), text);
    }

    private static string GoldenFolder([CallerFilePath] string thisFile = "") => Path.Combine(Path.GetDirectoryName(thisFile)!, "Golden");
}
