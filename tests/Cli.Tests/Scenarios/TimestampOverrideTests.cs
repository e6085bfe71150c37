using AzureRules.Cli.Compilation;
using AzureRules.Sdk.Engine;
using AzureRules.Sdk.Events;
using Xunit;

namespace AzureRules.Cli.Tests.Scenarios;

/// <summary>
/// An Elastic rule's <c>timestamp_override</c> places events in its executions by that field
/// (Kibana's range on the primary timestamp), falling back to <c>@timestamp</c> for events without it
/// unless <c>timestamp_override_fallback_disabled</c>.
/// </summary>
public sealed class TimestampOverrideTests
{
    private static string Rule(string timeSettings) => $"""
        [metadata]
        creation_date = "2024/01/01"
        maturity = "production"
        updated_date = "2024/01/01"

        [rule]
        author = ["Elastic"]
        description = "A test rule."
        from = "now-6m"
        index = ["logs-*"]
        language = "kuery"
        license = "Elastic License v2"
        name = "Override test"
        risk_score = 47
        rule_id = "5f0e3a62-6d0c-4c1e-9a51-7f0d2f1b9c11"
        severity = "medium"
        type = "query"
        {timeSettings}

        query = '''
        event.action : "x"
        '''
        """;

    // --at 10:21 with a 6-minute look-back: the window is [10:15, 10:21]
    private static readonly string[] Events =
    [
        """{"_id":"ingested-in-window","@timestamp":"2026-11-20T10:00:00Z","event":{"action":"x","ingested":"2026-11-20T10:20:00Z"}}""",
        """{"_id":"no-ingested","@timestamp":"2026-11-20T10:18:00Z","event":{"action":"x"}}""",
        """{"_id":"ingested-before-window","@timestamp":"2026-11-20T10:19:00Z","event":{"action":"x","ingested":"2026-11-20T09:00:00Z"}}""",
    ];

    private static string[] AlertedIds(string timeSettings)
    {
        var library = RuleLibrary.FromFiles([("/rules/override.toml", Rule(timeSettings))]);
        var rule = Assert.Single(library.Detections);
        Assert.True(rule.IsExecutable, rule.NotExecutableReason);
        // the file name is the index of events without _index or data_stream
        var path = Path.Combine(Directory.CreateTempSubdirectory("override").FullName, "logs-test.jsonl");
        File.WriteAllLines(path, Events);
        try
        {
            var result = new DetectionEngine([rule]).Run(EventSource.JsonLines(path), ReplayBounds.Once(DateTimeOffset.Parse("2026-11-20T10:21:00Z")));
            Assert.Empty(result.Errors);
            return [.. result.Alerts.Select(a => a.Events[0].EventId).Order(StringComparer.Ordinal)];
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }

    [Fact]
    public void Without_an_override_events_are_placed_by_their_timestamp()
        => Assert.Equal(["ingested-before-window", "no-ingested"], AlertedIds(""));

    [Fact]
    public void The_override_field_places_events_and_events_without_it_fall_back_to_their_timestamp()
        => Assert.Equal(["ingested-in-window", "no-ingested"], AlertedIds("timestamp_override = \"event.ingested\""));

    [Fact]
    public void With_the_fallback_disabled_events_without_the_override_field_are_not_searched()
        => Assert.Equal(["ingested-in-window"], AlertedIds("timestamp_override = \"event.ingested\"\ntimestamp_override_fallback_disabled = true"));
}
