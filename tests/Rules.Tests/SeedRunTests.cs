using AzureRules.Rules;
using AzureRules.Sdk.Engine;
using AzureRules.Sdk.Events;
using AzureRules.Tests;
using Xunit;

namespace AzureRules.Rules.Tests;

/// <summary>The seed rules, as compiled by `dotnet build`, over the bundled sample events.</summary>
public sealed class SeedRunTests
{
    private static readonly string Samples = Path.Combine(SharedMaterial.RepositoryRoot, "samples", "events");

    private static EngineResult Run() => new DetectionEngine(GeneratedRules.All).Run(EventSource.JsonLines(Samples));

    [Fact]
    public void The_elastic_seed_fires_once_per_matching_event_and_never_on_a_near_miss()
    {
        var result = Run();
        var alerts = result.Alerts.Where(a => a.Rule is AzureStorageAccountKeyRegenerated).ToList();

        // evt-1 (Success), evt-2 (success), evt-3 (dotted keys in a filebeat index); never SUCCESS,
        // a lower-cased operation name, a failure, an index outside filebeat-*/logs-azure*, or another operation
        Assert.Equal(["evt-1", "evt-2", "evt-3"], alerts.Select(a => a.Events.Single().EventId).Order());
        Assert.All(alerts, a => Assert.Equal(["T1528"], a.Metadata.Techniques.Select(t => t.Id)));
        Assert.Empty(result.Errors);
    }

    [Fact]
    public void Each_alert_is_raised_by_the_first_execution_whose_window_holds_the_event()
    {
        var alerts = Run().Alerts.Where(a => a.Rule is AzureStorageAccountKeyRegenerated).OrderBy(a => a.Timestamp).ToList();
        Assert.Equal(
            [DateTimeOffset.Parse("2026-11-20T10:05:00Z"), DateTimeOffset.Parse("2026-11-20T10:10:00Z"), DateTimeOffset.Parse("2026-11-20T11:05:00Z")],
            alerts.Select(a => a.Timestamp));
        Assert.All(alerts, a => Assert.Equal(TimeSpan.FromMinutes(25), a.WindowEnd - a.WindowStart));
    }
}

public sealed class SentinelSeedRunTests
{
    [Fact]
    public void The_sentinel_seed_returns_exactly_the_rows_kusto_semantics_give()
    {
        var samples = Path.Combine(SharedMaterial.RepositoryRoot, "samples", "events");
        var result = new DetectionEngine(GeneratedRules.All).Run(EventSource.JsonLines(samples));

        // hunting query: one execution over the whole replay
        var alert = Assert.Single(result.Alerts, a => a.Metadata.Name == "Storage Account Key Enumeration");
        var row = Assert.Single(alert.Rows);
        Assert.Equal(["TimeGenerated", "IPCustomEntity", "UserRoles", "AccountCustomEntity", "TargetResourceName", "count_"], row.Select(p => p.Key));
        Assert.Equal("2026-11-20T09:20:00.0000000Z", (string?)row["TimeGenerated"]);
        Assert.Equal("203.0.113.7", (string?)row["IPCustomEntity"]);
        // UserRoles reads the original dynamic InitiatedBy (every expression of one extend binds to its input)
        Assert.Equal("203.0.113.7", (string?)row["UserRoles"]);
        Assert.Equal("alice@contoso.com", (string?)row["AccountCustomEntity"]);
        Assert.Equal("global administrator", (string?)row["TargetResourceName"]);
        // 2 successful sign-ins from the address × 1 successful ListKeys × 1 role change = 2 joined rows
        Assert.Equal(2, (long)row["count_"]!);
    }
}
