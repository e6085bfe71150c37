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
