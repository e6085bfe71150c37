using AzureRules.Sdk.Engine;
using Xunit;

namespace AzureRules.Sdk.Tests.Engine;

public sealed class NewTermsRunnerTests : StatefulRuleTestBase
{
    private static string Process(string day, string time, string id, string host, string process)
        => $"{{\"@timestamp\":\"2026-11-{day}T{time}Z\",\"_index\":\"logs-test\",\"_id\":\"{id}\",\"host\":{{\"name\":\"{host}\"}},\"process\":{{\"name\":{process}}}}}";

    private static readonly ReplayBounds LastDay = ReplayBounds.Between(DateTimeOffset.Parse("2026-11-20T00:00:00Z"), null);

    [Fact]
    public void A_term_seen_in_the_history_window_does_not_alert_and_a_new_one_alerts_once()
    {
        var rule = MatchAllDetection.NewTerms(["process.name"], TimeSpan.FromDays(7));
        var result = Run(rule, [
            Process("15", "10:00:00", "old", "h1", "\"cmd.exe\""),
            Process("20", "10:01:00", "1", "h1", "\"cmd.exe\""),
            Process("20", "10:02:00", "2", "h1", "\"evil.exe\""),
            Process("20", "10:03:00", "3", "h2", "\"evil.exe\"")], LastDay);

        var alert = Assert.Single(result.Alerts);
        Assert.Equal("2", alert.Events[0].EventId); // the first event with the term
        Assert.Equal(["evil.exe"], alert.Rows[0]["kibana.alert.new_terms"]!.AsArray().Select(v => (string)v!));
    }

    [Fact]
    public void A_term_last_seen_just_before_the_history_window_is_new_again_and_one_just_inside_is_not()
    {
        // execution 10:05 on the 20th: history window starts 10:05 on the 13th
        var rule = MatchAllDetection.NewTerms(["process.name"], TimeSpan.FromDays(7));
        var result = Run(rule, [
            Process("13", "10:04:59", "a-old", "h1", "\"a.exe\""),
            Process("13", "10:05:00", "b-old", "h1", "\"b.exe\""),
            Process("20", "10:01:00", "a", "h1", "\"a.exe\""),
            Process("20", "10:01:00", "b", "h1", "\"b.exe\"")], LastDay);

        Assert.Equal(["a"], result.Alerts.Select(a => a.Events[0].EventId));
    }

    [Fact]
    public void Several_fields_make_a_combination_the_term()
    {
        var rule = MatchAllDetection.NewTerms(["host.name", "process.name"], TimeSpan.FromDays(7));
        var result = Run(rule, [
            Process("18", "10:00:00", "old1", "h1", "\"cmd.exe\""),
            Process("18", "10:00:00", "old2", "h2", "\"ssh\""),
            Process("20", "10:01:00", "1", "h1", "\"ssh\""),
            Process("20", "10:01:00", "2", "h2", "\"ssh\"")], LastDay);

        var alert = Assert.Single(result.Alerts);
        Assert.Equal(["h1", "ssh"], alert.Rows[0]["kibana.alert.new_terms"]!.AsArray().Select(v => (string)v!));
    }

    [Fact]
    public void An_array_with_two_new_values_raises_one_alert_per_value()
    {
        var rule = MatchAllDetection.NewTerms(["process.name"], TimeSpan.FromDays(7));
        var result = Run(rule, [
            Process("18", "10:00:00", "old", "h1", "\"cmd.exe\""),
            Process("20", "10:01:00", "1", "h1", "[\"cmd.exe\",\"a.exe\",\"b.exe\"]")], LastDay);

        Assert.Equal(2, result.Alerts.Count);
        Assert.All(result.Alerts, a => Assert.Equal("1", a.Events[0].EventId));
        Assert.Equal(["a.exe", "b.exe"], result.Alerts.Select(a => (string)a.Rows[0]["kibana.alert.new_terms"]![0]!));
    }

    [Fact]
    public void Overlapping_look_backs_alert_a_new_term_once()
    {
        // look-back 9m with interval 5m: 10:04 is in the windows of 10:05 and 10:10
        var rule = MatchAllDetection.NewTerms(["process.name"], TimeSpan.FromDays(7), lookBackMinutes: 9);
        var result = Run(rule, [Process("20", "10:04:00", "1", "h1", "\"a.exe\""), Process("20", "10:06:00", "2", "h1", "\"a.exe\"")]);

        var alert = Assert.Single(result.Alerts);
        Assert.Equal(DateTimeOffset.Parse("2026-11-20T10:05:00Z"), alert.Timestamp);
    }

    [Fact]
    public void A_missing_field_makes_no_term()
    {
        var rule = MatchAllDetection.NewTerms(["host.name", "user.name"], TimeSpan.FromDays(7));
        var result = Run(rule, [Process("20", "10:01:00", "1", "h1", "\"a.exe\"")]);

        Assert.Empty(result.Alerts);
        Assert.Equal(1, result.Rules.Single().Matches);
    }
}
