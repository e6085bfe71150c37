using AzureRules.Sdk.Engine;
using AzureRules.Sdk.Events;
using Xunit;

namespace AzureRules.Sdk.Tests.Engine;

public sealed class ElasticSchedulingTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("azr-engine").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Events(params string[] lines)
    {
        var path = Path.Combine(_folder, "events.jsonl");
        File.WriteAllLines(path, lines);
        return path;
    }

    private static string Event(string time, string outcome, string index = "logs-azure.activitylogs-default", string? id = null)
        => $"{{\"@timestamp\":\"{time}\",\"_index\":\"{index}\"{(id is null ? "" : $",\"_id\":\"{id}\"")},\"event\":{{\"outcome\":\"{outcome}\"}}}}";

    [Fact]
    public void Overlapping_look_back_windows_alert_once_per_event()
    {
        // interval 5m with a 25m look-back: each event is inside five executions' windows
        var rule = FieldEqualsDetection.Create("event.outcome", "success", TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(25), indices: "logs-azure*");
        var path = Events(Event("2026-11-20T10:01:00Z", "success"), Event("2026-11-20T10:31:00Z", "failure"));

        var result = new DetectionEngine([rule]).Run(EventSource.JsonLines(path));

        var alert = Assert.Single(result.Alerts);
        Assert.Equal(DateTimeOffset.Parse("2026-11-20T10:05:00Z"), alert.Timestamp);
        Assert.Equal(1, result.Rules.Single().Matches);
        Assert.True(result.Rules.Single().Executions >= 7);
    }

    [Fact]
    public void Events_outside_the_index_patterns_are_not_seen()
    {
        var rule = FieldEqualsDetection.Create("event.outcome", "success", TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(10), indices: ["filebeat-*", "logs-azure*"]);
        var path = Events(Event("2026-11-20T10:01:00Z", "success", index: "winlogbeat-8"), Event("2026-11-20T10:02:00Z", "success", index: "filebeat-8.1"));

        var result = new DetectionEngine([rule]).Run(EventSource.JsonLines(path));

        var alert = Assert.Single(result.Alerts);
        Assert.Equal(2, alert.Events[0].LineNumber);
    }

    [Fact]
    public void Max_signals_caps_one_execution_and_the_next_window_picks_up_the_rest()
    {
        var rule = FieldEqualsDetection.Create("event.outcome", "success", TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(10), maxAlerts: 2, indices: "*");
        var path = Events(
            Event("2026-11-20T10:01:00Z", "success"), Event("2026-11-20T10:02:00Z", "success"), Event("2026-11-20T10:03:00Z", "success"));

        var result = new DetectionEngine([rule]).Run(EventSource.JsonLines(path));

        Assert.Equal(3, result.Alerts.Count);
        Assert.Equal(2, result.Alerts.Count(a => a.Timestamp == DateTimeOffset.Parse("2026-11-20T10:05:00Z")));
        Assert.Equal(DateTimeOffset.Parse("2026-11-20T10:10:00Z"), result.Alerts[2].Timestamp);
    }

    [Fact]
    public void A_look_back_shorter_than_the_interval_leaves_gaps_and_reports_the_missed_matches()
    {
        var rule = FieldEqualsDetection.Create("event.outcome", "success", TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(2), indices: "*");
        var path = Events(Event("2026-11-20T10:01:00Z", "success"), Event("2026-11-20T10:09:00Z", "success"));

        var result = new DetectionEngine([rule]).Run(EventSource.JsonLines(path));

        var alert = Assert.Single(result.Alerts);
        Assert.Equal(2, alert.Events[0].LineNumber);
        Assert.Equal(1, result.Rules.Single().MatchesNotAlerted);
    }

    [Fact]
    public void Documents_with_the_same_id_alert_once()
    {
        var rule = FieldEqualsDetection.Create("event.outcome", "success", TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(10), indices: "*");
        var path = Events(Event("2026-11-20T10:01:00Z", "success", id: "a"), Event("2026-11-20T10:02:00Z", "success", id: "a"));

        var result = new DetectionEngine([rule]).Run(EventSource.JsonLines(path));

        Assert.Single(result.Alerts);
    }

    [Fact]
    public void Malformed_lines_are_reported_with_file_and_line_and_the_run_goes_on()
    {
        var rule = FieldEqualsDetection.Create("event.outcome", "success", TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(10), indices: "*");
        var path = Events(
            Event("2026-11-20T10:01:00Z", "success"),
            "{\"@timestamp\": \"2026-11-20T10:02:00Z\", \"event\": {",
            "not json at all",
            "{\"@timestamp\": \"yesterday\"}",
            Event("2026-11-20T10:03:00Z", "success"));

        var result = new DetectionEngine([rule]).Run(EventSource.JsonLines(path));

        Assert.Equal(2, result.Alerts.Count);
        Assert.Equal([2, 3, 4], result.Errors.Select(e => e.LineNumber));
        Assert.All(result.Errors, e => Assert.Equal(path, e.SourceFile));
        Assert.Contains("not a date", result.Errors[2].Message);
    }
}
