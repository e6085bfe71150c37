using AzureRules.Sdk.Detections;
using Xunit;

namespace AzureRules.Sdk.Tests.Engine;

public sealed class ThreatMatchRunnerTests : StatefulRuleTestBase
{
    private static string Indicator(string day, string id, string ip, string? port = null)
        => $"{{\"@timestamp\":\"2026-11-{day}T08:00:00Z\",\"_index\":\"ti-feed\",\"_id\":\"{id}\",\"event\":{{\"kind\":\"enrichment\"}},"
         + $"\"threat\":{{\"feed\":{{\"name\":\"feed\"}},\"indicator\":{{\"ip\":\"{ip}\"{(port is null ? "" : $",\"port\":{port}")}}}}}}}";

    private static string Connection(string time, string id, string ip, int port = 443)
        => Event(time, id, $"\"event\":{{\"kind\":\"event\"}},\"destination\":{{\"ip\":\"{ip}\",\"port\":{port}}}");

    private static readonly ThreatMappingGroup IpOnly = new([new ThreatMappingEntry("destination.ip", "threat.indicator.ip")]);
    private static readonly ThreatMappingGroup IpAndPort = new([
        new ThreatMappingEntry("destination.ip", "threat.indicator.ip"),
        new ThreatMappingEntry("destination.port", "threat.indicator.port")]);

    [Fact]
    public void An_event_sharing_a_mapped_value_with_an_indicator_alerts_with_its_enrichment()
    {
        var rule = KindThreatMatchDetection.Create([IpOnly]);
        var result = Run(rule, [Indicator("19", "ti-1", "198.51.100.1"), Connection("10:01:00", "c1", "198.51.100.1"), Connection("10:02:00", "c2", "10.0.0.1")]);

        var alert = Assert.Single(result.Alerts);
        Assert.Equal(["c1", "ti-1"], alert.Events.Select(e => e.EventId));
        var enrichment = Assert.Single(alert.Rows[0]["threat"]!["enrichments"]!.AsArray())!;
        Assert.Equal("198.51.100.1", (string)enrichment["matched"]!["atomic"]!);
        Assert.Equal("destination.ip", (string)enrichment["matched"]!["field"]!);
        Assert.Equal("ti-1", (string)enrichment["matched"]!["id"]!);
        Assert.Equal("ti-feed", (string)enrichment["matched"]!["index"]!);
        Assert.Equal("198.51.100.1", (string)enrichment["indicator"]!["ip"]!);
        Assert.Equal("feed", (string)enrichment["feed"]!["name"]!);
    }

    [Fact]
    public void Entries_of_one_item_must_all_hold_for_the_same_indicator()
    {
        var rule = KindThreatMatchDetection.Create([IpAndPort]);
        var result = Run(rule, [
            Indicator("19", "ti-1", "198.51.100.1", "8080"),
            Indicator("19", "ti-2", "198.51.100.2", "443"),
            Connection("10:01:00", "c1", "198.51.100.1", 443),  // ip of ti-1, port of ti-2: no
            Connection("10:02:00", "c2", "198.51.100.1", 8080)]); // both of ti-1

        Assert.Equal(["c2"], result.Alerts.Select(a => a.Events[0].EventId));
        Assert.Equal(2, result.Alerts[0].Rows[0]["threat"]!["enrichments"]!.AsArray().Count); // one per matched entry
    }

    [Fact]
    public void Items_are_alternatives()
    {
        var byPort = new ThreatMappingGroup([new ThreatMappingEntry("destination.port", "threat.indicator.port")]);
        var rule = KindThreatMatchDetection.Create([IpOnly, byPort]);
        var result = Run(rule, [
            Indicator("19", "ti-1", "198.51.100.1", "4444"),
            Connection("10:01:00", "c1", "198.51.100.1", 443),
            Connection("10:02:00", "c2", "10.0.0.1", 4444),
            Connection("10:03:00", "c3", "10.0.0.1", 443)]);

        Assert.Equal(["c1", "c2"], result.Alerts.Select(a => a.Events[0].EventId));
    }

    [Fact]
    public void Indicators_outside_their_own_window_or_not_yet_read_do_not_match()
    {
        var rule = KindThreatMatchDetection.Create([IpOnly], since: "now-7d/d");
        var result = Run(rule, [
            Indicator("12", "ti-old", "198.51.100.9"),      // before 2026-11-13T00:00 (now-7d/d at 10:05 on the 20th)
            Connection("10:01:00", "c1", "198.51.100.9"),
            Event("10:02:00", "c2", "\"event\":{\"kind\":\"event\"},\"destination\":{\"ip\":\"198.51.100.7\"}"),
            $"{{\"@timestamp\":\"2026-11-20T10:20:00Z\",\"_index\":\"ti-feed\",\"_id\":\"ti-future\",\"event\":{{\"kind\":\"enrichment\"}},\"threat\":{{\"indicator\":{{\"ip\":\"198.51.100.7\"}}}}}}"]);

        // c2's indicator arrives at 10:20: the executions that see c2 (10:05) ran before it existed
        Assert.Empty(result.Alerts);
    }

    [Fact]
    public void A_negated_entry_excludes_indicators_sharing_its_value()
    {
        var notPort = new ThreatMappingGroup([
            new ThreatMappingEntry("destination.ip", "threat.indicator.ip"),
            new ThreatMappingEntry("destination.port", "threat.indicator.port", Negate: true)]);
        var rule = KindThreatMatchDetection.Create([notPort]);
        var result = Run(rule, [
            Indicator("19", "ti-1", "198.51.100.1", "443"),
            Connection("10:01:00", "c1", "198.51.100.1", 443),
            Connection("10:02:00", "c2", "198.51.100.1", 22)]);

        Assert.Equal(["c2"], result.Alerts.Select(a => a.Events[0].EventId));
    }
}
