using AzureRules.Sdk.Detections;
using Xunit;

namespace AzureRules.Sdk.Tests.Engine;

public sealed class ThresholdRunnerTests : StatefulRuleTestBase
{
    private static string Login(string time, string id, string user, string host = "h1")
        => Event(time, id, $"\"user\":{{\"name\":\"{user}\"}},\"host\":{{\"name\":\"{host}\"}}");

    [Fact]
    public void A_bucket_alerts_at_exactly_the_threshold_value_and_not_one_below()
    {
        var rule = MatchAllDetection.Threshold(["user.name"], 3);
        var result = Run(rule, [Login("10:01:00", "1", "alice"), Login("10:02:00", "2", "alice"), Login("10:03:00", "3", "alice"),
                                Login("10:01:00", "4", "bob"), Login("10:02:00", "5", "bob")]);

        var alert = Assert.Single(result.Alerts);
        var thresholdResult = alert.Rows[0]["kibana.alert.threshold_result"]!;
        Assert.Equal(3, (int)thresholdResult["count"]!);
        Assert.Equal("user.name", (string)thresholdResult["terms"]![0]!["field"]!);
        Assert.Equal("alice", (string)thresholdResult["terms"]![0]!["value"]!);
        Assert.Equal("2026-11-20T10:01:00.000Z", (string)thresholdResult["from"]!);
        Assert.Equal("2026-11-20T10:03:00.000Z", (string)alert.Rows[0]["@timestamp"]!);
        Assert.Equal(["1", "2", "3"], alert.Events.Select(e => e.EventId));
    }

    [Fact]
    public void Overlapping_executions_do_not_count_a_bucket_twice()
    {
        // interval 5m, look-back 10m: the 10:05 and 10:10 executions both see 10:01-10:03
        var rule = MatchAllDetection.Threshold(["user.name"], 2);
        var result = Run(rule, [Login("10:01:00", "1", "alice"), Login("10:03:00", "2", "alice"), Login("10:07:00", "3", "alice")]);

        var alert = Assert.Single(result.Alerts);
        Assert.Equal(At("10:05:00"), alert.Timestamp);
    }

    [Fact]
    public void After_an_alert_only_newer_events_of_the_bucket_count()
    {
        var rule = MatchAllDetection.Threshold(["user.name"], 2);
        var result = Run(rule, [Login("10:01:00", "1", "alice"), Login("10:03:00", "2", "alice"),
                                Login("10:07:00", "3", "alice"), Login("10:08:00", "4", "alice")]);

        Assert.Equal(2, result.Alerts.Count);
        Assert.Equal(["3", "4"], result.Alerts[1].Events.Select(e => e.EventId));
        Assert.Equal(At("10:10:00"), result.Alerts[1].Timestamp);
    }

    [Fact]
    public void Cardinality_needs_enough_distinct_values_in_the_bucket()
    {
        var rule = MatchAllDetection.Threshold(["user.name"], 1, [new ThresholdCardinality("host.name", 3)]);
        var result = Run(rule, [Login("10:01:00", "1", "alice", "h1"), Login("10:02:00", "2", "alice", "h2"), Login("10:03:00", "3", "alice", "h3"),
                                Login("10:01:00", "4", "bob", "h1"), Login("10:02:00", "5", "bob", "h1"), Login("10:03:00", "6", "bob", "h2")]);

        var alert = Assert.Single(result.Alerts);
        var cardinality = alert.Rows[0]["kibana.alert.threshold_result"]!["cardinality"]![0]!;
        Assert.Equal("host.name", (string)cardinality["field"]!);
        Assert.Equal(3, (int)cardinality["value"]!);
        Assert.Equal("alice", (string)alert.Rows[0]["user.name"]!);
    }

    [Fact]
    public void Several_fields_group_by_their_combination_and_arrays_join_several_buckets()
    {
        var rule = MatchAllDetection.Threshold(["user.name", "host.name"], 2);
        var result = Run(rule, [
            Event("10:01:00", "1", "\"user\":{\"name\":\"alice\"},\"host\":{\"name\":[\"h1\",\"h2\"]}"),
            Login("10:02:00", "2", "alice", "h1"),
            Login("10:03:00", "3", "alice", "h2"),
            Login("10:03:00", "4", "alice", "h3"),
            Event("10:03:30", "5", "\"user\":{\"name\":\"alice\"}")]); // no host.name: in no bucket

        Assert.Equal(2, result.Alerts.Count);
        Assert.Equal([["alice", "h1"], ["alice", "h2"]],
            result.Alerts.Select(a => a.Rows[0]["kibana.alert.threshold_result"]!["terms"]!.AsArray().Select(t => (string)t!["value"]!).ToArray()));
    }

    [Fact]
    public void Without_fields_every_matching_event_is_one_bucket()
    {
        var rule = MatchAllDetection.Threshold([], 3);
        var result = Run(rule, [Login("10:01:00", "1", "alice"), Login("10:02:00", "2", "bob"), Login("10:03:00", "3", "carol")]);

        var alert = Assert.Single(result.Alerts);
        Assert.Empty(alert.Rows[0]["kibana.alert.threshold_result"]!["terms"]!.AsArray());
        Assert.Equal(3, (int)alert.Rows[0]["kibana.alert.threshold_result"]!["count"]!);
    }

    [Fact]
    public void Max_signals_caps_the_buckets_of_one_execution()
    {
        var rule = MatchAllDetection.Threshold(["user.name"], 1, maxAlerts: 2);
        var result = Run(rule, [Login("10:01:00", "1", "carol"), Login("10:01:00", "2", "alice"), Login("10:01:00", "3", "bob")]);

        // 10:05 takes the first two in key order, 10:10 the third
        Assert.Equal(["alice", "bob", "carol"], result.Alerts.Select(a => (string)a.Rows[0]["user.name"]!));
        Assert.Equal(At("10:10:00"), result.Alerts[2].Timestamp);
    }
}
