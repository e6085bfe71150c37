using System.Diagnostics;
using AzureRules.Cli.Commands;
using AzureRules.Cli.Compilation;
using AzureRules.Generators.Formats.Elastic;
using AzureRules.Sdk.Detections;
using AzureRules.Sdk.Engine;
using AzureRules.Sdk.Events;

namespace AzureRules.Benchmarks;

/// <summary>
/// Elastic threshold and new_terms rules through the whole engine (read, match, keep state, replay
/// every execution) over a JSON-lines file, one run, timed; peak memory is the process's (run it under
/// <c>/usr/bin/time -v</c> for the kernel's figure).
/// <c>corpus RULES_PATH… EVENTS</c> runs the corpus's threshold and new_terms rules (on generated
/// activity-log events few of them match, as in production); <c>synthetic EVENTS</c> runs rules whose
/// query matches every event, so their state sees all of them: threshold by user with cardinality,
/// threshold without fields, new_terms on a high-cardinality address and on a user/address pair.
/// </summary>
internal static class ElasticStatefulThroughput
{
    public static int Run(string[] args)
    {
        if (args.Length < 2 || args[0] is not ("corpus" or "synthetic"))
        {
            Console.Error.WriteLine("usage: elastic-stateful corpus RULES_PATH... EVENTS | elastic-stateful synthetic EVENTS");
            return 2;
        }
        var eventsFile = args[^1];
        var rules = args[0] == "corpus" ? CorpusRules(args[1..^1]) : SyntheticRules();
        foreach (var kind in rules.GroupBy(r => r.Metadata.Kind)) Console.WriteLine($"{kind.Count(),4} {kind.Key} rules");

        var clock = Stopwatch.StartNew();
        var result = new DetectionEngine(rules).Run(EventSource.JsonLines(eventsFile));
        clock.Stop();

        Console.WriteLine($"{result.EventsRead:N0} events in {clock.Elapsed.TotalSeconds:0.00}s: {result.EventsRead / clock.Elapsed.TotalSeconds:N0} events/s");
        Console.WriteLine($"executions {result.Rules.Sum(r => r.Executions):N0}, matching events {result.Rules.Sum(r => (long)r.Matches):N0}, alerts {result.Alerts.Count:N0}, not run {result.Rules.Count(r => r.Skipped is not null)}");
        using var process = Process.GetCurrentProcess();
        Console.WriteLine($"peak working set {process.PeakWorkingSet64 / 1e6:0} MB, managed heap after the run {GC.GetTotalMemory(forceFullCollection: false) / 1e6:0} MB");
        return 0;
    }

    /// <summary>The threshold and new_terms rules among the files (the others are not even compiled).</summary>
    private static List<Detection> CorpusRules(string[] paths)
    {
        var files = RuleFiles.Read(paths).Where(f => !f.Path.EndsWith(".toml", StringComparison.OrdinalIgnoreCase)
            || ElasticTomlReader.Read(f.Path, f.Text).Rules.Any(r => r.Kind is "threshold" or "new_terms")).ToList();
        var library = RuleLibrary.FromFiles(files);
        return [.. library.Detections.Where(d => d.Metadata.Kind is "threshold" or "new_terms")];
    }

    private static List<Detection> SyntheticRules() =>
    [
        MatchAll.Rule("threshold", r => r with { Threshold = new ThresholdSettings(["user.name"], 50, [new ThresholdCardinality("source.ip", 40)]) }),
        MatchAll.Rule("threshold", r => r with { Threshold = new ThresholdSettings([], 1000, []) }),
        MatchAll.Rule("new_terms", r => r with { NewTerms = new NewTermsSettings(["source.ip"], TimeSpan.FromDays(7)) }),
        MatchAll.Rule("new_terms", r => r with { NewTerms = new NewTermsSettings(["user.name", "source.ip"], TimeSpan.FromDays(7)) }),
    ];

    private sealed class MatchAll(RuleMetadata metadata) : ElasticEventDetection(metadata)
    {
        public override bool Matches(EventView e) => true;

        public static MatchAll Rule(string kind, Func<RuleMetadata, RuleMetadata> settings) => new(settings(new RuleMetadata
        {
            Id = Guid.NewGuid(), Name = $"synthetic {kind}", Family = RuleFamily.Elastic, Kind = kind,
            Interval = TimeSpan.FromMinutes(5), LookBack = TimeSpan.FromMinutes(9), MaxAlerts = 100, Indices = ["logs-*"],
        }));
    }
}
