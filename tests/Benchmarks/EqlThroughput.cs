using System.Diagnostics;
using AzureRules.Cli.Commands;
using AzureRules.Cli.Compilation;
using AzureRules.Sdk.Detections;
using AzureRules.Sdk.Engine;
using AzureRules.Sdk.Eql;
using AzureRules.Sdk.Eql.Join;
using AzureRules.Sdk.Events;

namespace AzureRules.Benchmarks;

/// <summary>
/// Every EQL rule found under the given paths (event queries, sequences and samples) run by the
/// engine over a JSON-lines file, once, as <c>azrules run</c> would: compile time, then events per
/// second through <see cref="DetectionEngine.Run"/>. Peak memory is measured from outside
/// (<c>/usr/bin/time -v</c>), so the process does nothing else.
/// </summary>
internal static class EqlThroughput
{
    public static int Run(string[] args)
    {
        var eventsFile = args[^1];
        var clock = Stopwatch.StartNew();
        var library = RuleLibrary.FromFiles(RuleFiles.Read(args[..^1]));
        var rules = library.Detections.Where(d => d.IsExecutable && d is EqlEventDetection or EqlJoinDetection).ToList();
        var joins = rules.OfType<EqlJoinDetection>().ToList();
        Console.WriteLine($"{rules.Count} executable EQL rules ({joins.Count(j => j.Join.Kind == EqlJoinKind.Sequence)} sequences, "
            + $"{joins.Count(j => j.Join.Kind == EqlJoinKind.Sample)} samples) of {library.Detections.Count} rules, compiled in {clock.Elapsed.TotalSeconds:0.0}s");

        clock.Restart();
        var result = new DetectionEngine(rules).Run(EventSource.JsonLines(eventsFile));
        clock.Stop();
        var joinNames = joins.Select(j => (Detection)j).ToHashSet();
        var joinStats = result.Rules.Where(r => joinNames.Contains(r.Rule)).ToList();
        Console.WriteLine($"DetectionEngine.Run: {result.EventsRead:N0} events in {clock.Elapsed.TotalSeconds:0.0}s = {result.EventsRead / clock.Elapsed.TotalSeconds:N0} events/s, "
            + $"{result.Alerts.Count:N0} alerts ({joinStats.Sum(r => r.Alerts):N0} from sequences/samples, {joinStats.Count(r => r.Alerts > 0)} of those rules fired; "
            + $"{joinStats.Sum(r => (long)r.Matches):N0} events matched a sequence/sample step)");
        return 0;
    }
}
