using AzureRules.Cli.Commands;
using AzureRules.Cli.Compilation;
using AzureRules.Sdk.Engine;
using AzureRules.Sdk.Events;
using AzureRules.Tests;
using Xunit;

namespace AzureRules.Cli.Tests.Scenarios;

/// <summary>
/// The scenarios in <c>samples/scenarios</c> (see its README): real corpus rules of each stateful
/// Elastic type, compiled from <c>../shared/corpus/elastic/rules</c>, over event files shaped like the
/// Elastic Azure integration's, that must fire exactly on the documented events and not on the near misses.
/// </summary>
public sealed class ElasticStatefulScenarioTests
{
    private static string Scenario(string folder) => Path.Combine(SharedMaterial.RepositoryRoot, "samples", "scenarios", folder);

    private static EngineResult Run(string rule, string scenario, ReplayBounds? bounds = null)
    {
        var path = Path.GetFullPath(Path.Combine(SharedMaterial.Path("corpus", "elastic", "rules", "rules", "integrations")!, rule));
        var library = RuleLibrary.FromFiles(RuleFiles.Read([path]));
        var detection = Assert.Single(library.Detections);
        Assert.True(detection.IsExecutable, detection.NotExecutableReason);
        return new DetectionEngine([detection]).Run(EventSource.JsonLines(Scenario(scenario)), bounds ?? ReplayBounds.All);
    }

    private static string[] AlertedIds(EngineResult result)
        => [.. result.Alerts.Select(a => a.Events[0].EventId)];

    [SharedFact("corpus", "elastic", "rules")]
    public void Threshold_snapshot_deletions_by_one_user_over_three_resources_fire_once()
    {
        var result = Run(Path.Combine("azure", "impact_azure_compute_vm_snapshot_deletions.toml"), "threshold");

        var alert = Assert.Single(result.Alerts);
        Assert.Equal(DateTimeOffset.Parse("2026-11-20T10:05:00Z"), alert.Timestamp);
        Assert.Equal(["th-1", "th-2", "th-3"], alert.Events.Select(e => e.EventId));
        var thresholdResult = alert.Rows[0]["kibana.alert.threshold_result"]!;
        Assert.Equal(3, (int)thresholdResult["count"]!);
        Assert.Equal("alice@contoso.com", (string)thresholdResult["terms"]![0]!["value"]!);
        Assert.Equal(3, (int)thresholdResult["cardinality"]![0]!["value"]!);
    }

    [SharedFact("corpus", "elastic", "rules")]
    public void New_terms_user_and_resource_group_combinations_fire_once_when_new_within_the_replay_range()
    {
        // --from: history before the range still counts, executions before it do not run
        var result = Run(Path.Combine("azure", "impact_azure_compute_vm_snapshot_deletion.toml"), "new_terms",
            ReplayBounds.Between(DateTimeOffset.Parse("2026-11-20T00:00:00Z"), null));

        Assert.Equal(["nt-4", "nt-6"], AlertedIds(result));
        Assert.Equal(["alice@contoso.com", "rg-dev"], result.Alerts[0].Rows[0]["kibana.alert.new_terms"]!.AsArray().Select(v => (string)v!));
    }

    [SharedFact("corpus", "elastic", "rules")]
    public void New_terms_without_bounds_also_alerts_on_the_first_sightings_of_the_history()
    {
        var result = Run(Path.Combine("azure", "impact_azure_compute_vm_snapshot_deletion.toml"), "new_terms");

        Assert.Equal(["nt-1", "nt-2", "nt-4", "nt-6"], AlertedIds(result));
    }

    [SharedFact("corpus", "elastic", "rules")]
    public void Indicator_match_on_a_sign_in_address_fires_with_its_enrichment_and_not_for_expired_or_filtered_indicators()
    {
        var result = Run(Path.Combine("..", "threat_intel", "threat_intel_indicator_match_address.toml"), "threat_match");

        var alert = Assert.Single(result.Alerts);
        Assert.Equal("si-1", alert.Events[0].EventId);
        Assert.Equal("ti-1", alert.Events[1].EventId);
        var enrichment = alert.Rows[0]["threat"]!["enrichments"]![0]!;
        Assert.Equal("198.51.100.23", (string)enrichment["matched"]!["atomic"]!);
        Assert.Equal("source.ip", (string)enrichment["matched"]!["field"]!);
        Assert.Equal("indicator_match_rule", (string)enrichment["matched"]!["type"]!);
        Assert.Equal("198.51.100.23", (string)enrichment["indicator"]!["ip"]!);
    }

    [SharedFact("corpus", "elastic", "rules")]
    public void At_runs_each_rule_once_with_its_look_back_ending_there()
    {
        var rule = Path.Combine("azure", "impact_azure_compute_vm_snapshot_deletions.toml");
        var at = Run(rule, "threshold", ReplayBounds.Once(DateTimeOffset.Parse("2026-11-20T10:04:00Z")));
        Assert.Equal(1, at.Rules.Single().Executions);
        Assert.Equal(DateTimeOffset.Parse("2026-11-20T10:04:00Z"), Assert.Single(at.Alerts).Timestamp);

        var before = Run(rule, "threshold", ReplayBounds.Once(DateTimeOffset.Parse("2026-11-20T10:02:30Z")));
        Assert.Empty(before.Alerts); // two deletions so far: cardinality 2 of 3
    }
}
