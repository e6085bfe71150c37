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
    }
}
