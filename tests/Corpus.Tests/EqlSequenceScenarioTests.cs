using AzureRules.Cli.Compilation;
using AzureRules.Sdk.Engine;
using AzureRules.Sdk.Events;
using AzureRules.Tests;
using Xunit;

namespace AzureRules.Corpus.Tests;

/// <summary>
/// The documented scenario of <c>samples/scenarios/eql-sequence</c>: a corpus sequence rule, compiled
/// from its TOML file as the CLI does, fires once on the two events that make the sequence and not
/// on the near misses (beyond maxspan, another key, the wrong order).
/// </summary>
public sealed class EqlSequenceScenarioTests
{
    private const string RuleFile = "rules_building_block/defense_evasion_dotnet_clickonce_dfsvc_netcon.toml";

    [SharedFact("corpus", "elastic", "rules", "rules_building_block", "defense_evasion_dotnet_clickonce_dfsvc_netcon.toml")]
    public void TheClickOnceSequenceFiresOnceAndTheNearMissesDoNot()
    {
        var path = SharedMaterial.Path("corpus", "elastic", "rules", RuleFile)!;
        var library = RuleLibrary.FromFiles([(path, File.ReadAllText(path))]);
        var rule = Assert.Single(library.Detections);
        Assert.True(rule.IsExecutable, rule.NotExecutableReason);

        var events = Path.Combine(SharedMaterial.RepositoryRoot, "samples", "scenarios", "eql-sequence", "events.jsonl");
        var result = new DetectionEngine(library.Detections).Run(EventSource.JsonLines(events));

        Assert.Empty(result.Errors);
        var alert = Assert.Single(result.Alerts);
        // the building-block events in order, each with its file and line
        Assert.Equal([1, 2], alert.Events.Select(e => e.LineNumber));
        Assert.Equal(["seq-1", "seq-2"], alert.Rows.Select(r => (string?)r["_id"]));
        // the alert comes from the first execution whose look-back holds both events
        Assert.True(alert.WindowStart <= DateTimeOffset.Parse("2026-11-20T10:00:00Z") && alert.WindowEnd >= DateTimeOffset.Parse("2026-11-20T10:00:03Z"));
        Assert.Equal(8, result.Rules.Single().Matches);

        // Kibana's alert group: one building block per event, in order, carrying the group id and index
        Assert.NotNull(alert.GroupId);
        Assert.Equal(64, alert.GroupId!.Length);
        Assert.Equal([0, 1], alert.BuildingBlocks.Select(b => (int)b["kibana.alert.group.index"]!));
        Assert.All(alert.BuildingBlocks, b => Assert.Equal("default", (string?)b["kibana.alert.building_block_type"]));
        Assert.All(alert.BuildingBlocks, b => Assert.Equal(alert.GroupId, (string?)b["kibana.alert.group.id"]));
        Assert.Equal(["seq-1", "seq-2"], alert.BuildingBlocks.Select(b => (string?)b["_id"]));
        var json = AzureRules.Sdk.Alerts.AlertJson.ToJson(alert);
        Assert.Equal(alert.GroupId, (string?)json["kibana.alert.group.id"]);
        Assert.Equal(2, json["buildingBlocks"]!.AsArray().Count);

        // the same events make the same group id on a re-run (alerts are stable across replays)
        var again = new DetectionEngine(library.Detections).Run(EventSource.JsonLines(events));
        Assert.Equal(alert.GroupId, Assert.Single(again.Alerts).GroupId);
    }
}
