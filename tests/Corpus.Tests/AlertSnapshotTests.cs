using System.Text;
using AzureRules.Cli.Commands;
using AzureRules.Cli.Compilation;
using AzureRules.Sdk.Alerts;
using AzureRules.Sdk.Engine;
using AzureRules.Sdk.Events;
using AzureRules.Tests;
using Xunit;
using Xunit.Abstractions;

namespace AzureRules.Corpus.Tests;

/// <summary>
/// The alerts of the whole Elastic corpus and the seed rules over every sample event set and over
/// generated ECS and endpoint events, compared line by line with a committed snapshot
/// (<c>AlertSnapshot/*.jsonl</c>, the alert JSON `azrules run` prints). Rewriting the event path
/// (issue 14: one pass per event) must leave them exactly as they were. A change of semantics
/// elsewhere updates the snapshot on purpose: <c>AZRULES_UPDATE_ALERT_SNAPSHOT=1</c>, then review the diff.
/// </summary>
public sealed class AlertSnapshotTests(ITestOutputHelper output)
{
    private static readonly string Root = SharedMaterial.RepositoryRoot;

    /// <summary>Each set is a run of its own (one compile for all), so each replays only its own time span.</summary>
    private static IEnumerable<(string Name, string[] Paths)> EventSets(string generated) =>
    [
        ("samples-events", [Path.Combine(Root, "samples", "events")]),
        ("eql-sequence", [Path.Combine(Root, "samples", "scenarios", "eql-sequence", "events.jsonl")]),
        ("new_terms", [Path.Combine(Root, "samples", "scenarios", "new_terms")]),
        ("threat_match", [Path.Combine(Root, "samples", "scenarios", "threat_match")]),
        ("threshold", [Path.Combine(Root, "samples", "scenarios", "threshold")]),
        ("esql", [Path.Combine(Root, "samples", "scenarios", "esql", "events")]),
        ("generated-ecs", [Path.Combine(generated, "ecs.jsonl")]),
        ("generated-endpoint", [Path.Combine(generated, "endpoint.jsonl")]),
    ];

    [SharedFact("corpus", "elastic", "rules")]
    public void Corpus_and_seed_alerts_over_the_samples_match_the_snapshot()
    {
        var generated = Directory.CreateTempSubdirectory("azrules-snapshot-").FullName;
        try
        {
            EcsEventGenerator.Run(["1000", Path.Combine(generated, "ecs.jsonl")]);
            EndpointEventGenerator.Run(["1000", Path.Combine(generated, "endpoint.jsonl")]);
            var library = ElasticCorpusLibrary.Get();
            var update = Environment.GetEnvironmentVariable("AZRULES_UPDATE_ALERT_SNAPSHOT") == "1";
            var differences = new List<string>();
            foreach (var (name, paths) in EventSets(generated))
            {
                var result = new DetectionEngine(library.Detections).Run(EventSource.JsonLines(paths));
                // file paths in sources are made relative, so the snapshot does not depend on the checkout
                var actual = result.Alerts.Select(a => AlertJson.ToJsonLine(a).Replace(Root + "/", "").Replace(generated + "/", "generated/")).ToList();
                var file = Path.Combine(Root, "tests", "Corpus.Tests", "AlertSnapshot", name + ".jsonl");
                output.WriteLine($"{name}: {actual.Count} alerts");
                if (update) File.WriteAllLines(file, actual, new UTF8Encoding(false));
                var expected = File.Exists(file) ? File.ReadAllLines(file) : [];
                for (var i = 0; i < Math.Max(expected.Length, actual.Count); i++)
                {
                    var want = i < expected.Length ? expected[i] : "(no alert)";
                    var got = i < actual.Count ? actual[i] : "(no alert)";
                    if (want != got) differences.Add($"{name} alert {i + 1}:\n  expected {want}\n  actual   {got}");
                }
            }
            Assert.True(differences.Count == 0, $"{differences.Count} alerts differ from the snapshot:\n" + string.Join("\n", differences.Take(10)));
        }
        finally
        {
            Directory.Delete(generated, recursive: true);
        }
    }
}
