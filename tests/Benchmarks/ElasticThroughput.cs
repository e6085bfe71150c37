using System.Diagnostics;
using System.Text.Json;
using AzureRules.Cli.Commands;
using AzureRules.Cli.Compilation;
using AzureRules.Sdk.Detections;
using AzureRules.Sdk.Engine;
using AzureRules.Sdk.Events;

namespace AzureRules.Benchmarks;

/// <summary>
/// Elastic event rules over a JSON-lines file: the baseline (a plain Utf8JsonReader pass over every
/// line), the engine's per-event read (EventView.Load), matching every loaded rule, and the whole
/// engine run with scheduling. Each phase is timed on its own; lines are read into memory first so
/// disk speed does not count.
/// </summary>
internal static class ElasticThroughput
{
    public static int Run(string[] args)
    {
        var eventsFile = args[^1];
        var library = RuleLibrary.FromFiles(RuleFiles.Read(args[..^1]));
        var rules = library.Detections.OfType<ElasticEventDetection>().Where(r => r.IsExecutable).ToList();
        Console.WriteLine($"{rules.Count} executable Elastic event rules loaded ({library.Detections.Count} rules in all)");

        var lines = new List<byte[]>();
        using (var stream = File.OpenRead(eventsFile))
            lines.AddRange(JsonLineSplitter.Split(stream).Select(l => l.Bytes.ToArray()));
        var bytes = lines.Sum(l => (long)l.Length);
        Console.WriteLine($"{lines.Count:N0} events, {bytes / 1e6:0.0} MB");

        Measure("Utf8JsonReader pass (baseline)", lines.Count, () =>
        {
            long tokens = 0;
            foreach (var line in lines)
            {
                var reader = new Utf8JsonReader(line);
                while (reader.Read()) tokens++;
            }
            return tokens;
        });

        var view = new EventView();
        Measure("EventView.Load (fields of loaded rules)", lines.Count, () =>
        {
            long values = 0;
            foreach (var line in lines) { view.Load(line); values++; }
            return values;
        });

        Measure($"Load + Matches of {rules.Count} rules", lines.Count, () =>
        {
            long matches = 0;
            foreach (var line in lines)
            {
                view.Load(line);
                foreach (var rule in rules) if (rule.Matches(view)) matches++;
            }
            return matches;
        });

        Measure("DetectionEngine.Run (envelope, index patterns, scheduling, alerts)", lines.Count, () =>
        {
            var result = new DetectionEngine(rules).Run(EventSource.JsonLines(eventsFile));
            return result.Alerts.Count;
        });
        return 0;
    }

    private static void Measure(string name, int events, Func<long> body)
    {
        body(); // warm-up: JIT, tiering, caches
        var clock = Stopwatch.StartNew();
        var result = body();
        clock.Stop();
        Console.WriteLine($"{name,-70} {clock.Elapsed.TotalSeconds,7:0.000}s  {events / clock.Elapsed.TotalSeconds,12:N0} events/s  (result {result:N0})");
    }
}
