using System.Diagnostics;
using System.Text.Json;
using AzureRules.Cli.Commands;
using AzureRules.Cli.Compilation;
using AzureRules.Sdk.Detections;
using AzureRules.Sdk.Engine;
using AzureRules.Sdk.Events;

namespace AzureRules.Benchmarks;

/// <summary>
/// Elastic event rules over a JSON-lines file, every path side by side in one process so the ratios
/// hold whatever the machine's load: the baseline (a plain Utf8JsonReader pass over every line), the
/// engine's one-pass line reader (ingest checks, envelope and field slices), that plus matching every
/// loaded rule whose index patterns take the event, and the whole engine run with scheduling (which
/// also splits the file into lines). Lines are read into memory first so disk speed does not count;
/// each path runs once to warm up, then is timed over a few runs (the best counts).
/// </summary>
internal static class ElasticThroughput
{
    public static int Run(string[] args)
    {
        var eventsFile = args[^1];
        var library = RuleLibrary.FromFiles(RuleFiles.Read(args[..^1]));
        var rules = library.Detections.OfType<ElasticEventDetection>().Where(r => r.IsExecutable).ToList();
        Console.WriteLine($"{rules.Count} executable Elastic event rules loaded ({library.Detections.Count} rules in all); load {Load()}");

        var lines = new List<byte[]>();
        using (var stream = File.OpenRead(eventsFile))
            lines.AddRange(JsonLineSplitter.Split(stream).Select(l => l.Bytes.ToArray()));
        var bytes = lines.Sum(l => (long)l.Length);
        Console.WriteLine($"{lines.Count:N0} events, {bytes / 1e6:0.0} MB");

        if (int.TryParse(Environment.GetEnvironmentVariable("AZRULES_BENCH_ENGINE_REPEAT"), out var repeat))
        {
            // the engine alone, again and again: for a profiler attached once the rules are compiled
            Console.WriteLine("engine only");
            for (var i = 0; i < repeat; i++)
                Measure("DetectionEngine.Run, 1 thread", lines.Count, null, () => new DetectionEngine(rules) { MaxDegreeOfParallelism = 1 }.Run(EventSource.JsonLines(eventsFile)).Alerts.Count);
            return 0;
        }

        var baseline = Measure("raw Utf8JsonReader pass (baseline)", lines.Count, null, () =>
        {
            long tokens = 0;
            foreach (var line in lines)
            {
                var reader = new Utf8JsonReader(line);
                while (reader.Read()) tokens++;
            }
            return tokens;
        });

        var reader = new EventLineReader();
        var view = new EventView();
        Measure("one-pass read: checks + envelope + field slices", lines.Count, baseline, () =>
        {
            long events = 0;
            foreach (var line in lines)
                if (reader.Read(line, view, out _) is null) events++;
            return events;
        });

        if (Environment.GetEnvironmentVariable("AZRULES_BENCH_PARTS") == "1")
        {
            Measure("  part: view only (no checks, no envelope)", lines.Count, baseline, () =>
            {
                foreach (var line in lines) reader.LoadView(line, view);
                return 0;
            });
            Measure("  part: envelope only (no checks)", lines.Count, baseline, () =>
            {
                foreach (var line in lines) reader.ReadEnvelope(line);
                return 0;
            });
            Measure("  part: checks only", lines.Count, baseline, () =>
            {
                foreach (var line in lines) reader.Check(line);
                return 0;
            });
        }

        var byIndex = new Dictionary<string, ElasticEventDetection[]>(StringComparer.Ordinal);
        var patterns = rules.ToDictionary(r => r, r => new IndexPatterns(r.Metadata.Indices.Count > 0 ? r.Metadata.Indices : ["*"]));
        Measure($"one-pass read + match of {rules.Count} rules (by index)", lines.Count, baseline, () =>
        {
            long matches = 0;
            foreach (var line in lines)
            {
                if (reader.Read(line, view, out var envelope) is not null) continue;
                var index = envelope!.ElasticIndex(eventsFile);
                if (!byIndex.TryGetValue(index, out var applicable))
                    byIndex[index] = applicable = [.. rules.Where(r => patterns[r].Matches(index))];
                foreach (var rule in applicable) if (rule.Matches(view)) matches++;
            }
            return matches;
        });

        // the engine's grouping: each event is offered only to the rules whose prefilter its values meet
        var runners = rules.Select(r => (IElasticRuleRunner)new ElasticEventRuleRunner(r)).ToList();
        var plan = new PrefilterPlan(runners, enabled: true);
        var grouped = new Dictionary<string, PrefilterDispatch<ElasticEventDetection>>(StringComparer.Ordinal);
        var selected = new List<int>();
        Console.WriteLine($"{runners.Count(r => plan.TryGet(r, out _, out _))} of {rules.Count} rules grouped by a prefilter term");
        Measure($"one-pass read + match of {rules.Count} rules (by index and prefilter)", lines.Count, baseline, () =>
        {
            long matches = 0;
            foreach (var line in lines)
            {
                if (reader.Read(line, view, out var envelope) is not null) continue;
                var index = envelope!.ElasticIndex(eventsFile);
                if (!grouped.TryGetValue(index, out var applicable))
                    grouped[index] = applicable = new([.. runners.Where(r => r.AppliesTo(index)).Select(r => (((ElasticEventRuleRunner)r).Rule, r))], plan);
                applicable.Select(view, selected);
                foreach (var position in selected) if (applicable[position].Matches(view)) matches++;
            }
            return matches;
        });

        if (Environment.GetEnvironmentVariable("AZRULES_BENCH_PROFILE") == "1")
            ProfileRules(lines, reader, view, eventsFile, grouped, selected);

        Measure("EventSource.Read (file, line split, one-pass read with a view)", lines.Count, baseline, () =>
        {
            var errors = new List<EventError>();
            return EventSource.JsonLines(eventsFile).Read(errors, view).LongCount();
        });

        Measure("DetectionEngine.Run, no prefilter grouping, 1 thread", lines.Count, baseline, () =>
        {
            var result = new DetectionEngine(rules) { MaxDegreeOfParallelism = 1, GroupByPrefilter = false }.Run(EventSource.JsonLines(eventsFile));
            return result.Alerts.Count;
        });
        var oneThread = Measure("DetectionEngine.Run (file, envelope, index patterns, prefilter, scheduling, alerts), 1 thread", lines.Count, baseline, () =>
        {
            var result = new DetectionEngine(rules) { MaxDegreeOfParallelism = 1 }.Run(EventSource.JsonLines(eventsFile));
            return result.Alerts.Count;
        }, byWallClock: true);
        // several threads: by the clock (the work is on other threads), against the one-thread run's clock
        var cores = Environment.ProcessorCount;
        var parallel = Measure($"DetectionEngine.Run, {cores} threads (by the clock)", lines.Count, null, () =>
        {
            var result = new DetectionEngine(rules) { MaxDegreeOfParallelism = cores }.Run(EventSource.JsonLines(eventsFile));
            return result.Alerts.Count;
        }, byWallClock: true);
        Console.WriteLine($"{cores} threads / 1 thread, by the clock: {parallel / oneThread:0.00}x");
        Console.WriteLine($"load {Load()}");
        return 0;
    }

    /// <summary>Where the grouped match stage spends its time: rules offered per event, and the rules that cost most.</summary>
    private static void ProfileRules(List<byte[]> lines, EventLineReader reader, EventView view, string eventsFile,
        Dictionary<string, PrefilterDispatch<ElasticEventDetection>> grouped, List<int> selected)
    {
        long offered = 0;
        var ticks = new Dictionary<ElasticEventDetection, (long Ticks, long Offers, long Matches)>();
        foreach (var line in lines)
        {
            if (reader.Read(line, view, out var envelope) is not null) continue;
            if (!grouped.TryGetValue(envelope!.ElasticIndex(eventsFile), out var applicable)) continue;
            applicable.Select(view, selected);
            offered += selected.Count;
            foreach (var position in selected)
            {
                var rule = applicable[position];
                var start = Stopwatch.GetTimestamp();
                var matched = rule.Matches(view);
                var (t, o, m) = ticks.GetValueOrDefault(rule);
                ticks[rule] = (t + Stopwatch.GetTimestamp() - start, o + 1, m + (matched ? 1 : 0));
            }
        }
        Console.WriteLine($"  rules offered per event: {offered / (double)lines.Count:0.0}");
        foreach (var (rule, (t, o, m)) in ticks.OrderByDescending(kv => kv.Value.Ticks).Take(15))
            Console.WriteLine($"  {t * 1000.0 / Stopwatch.Frequency,8:0.0} ms {o,9:N0} offers {m,8:N0} matches  {rule.Prefilters.Count} terms  {rule.Metadata.Name}");
    }

    private static string Load() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    /// <summary>
    /// Times a path by the CPU time of the thread that runs it as well as by the clock: on a shared
    /// machine the clock also counts the time other processes held the cores, and the process's CPU
    /// time counts its background JIT threads; the thread's does neither (workstation GC collects
    /// gen0/1 on the allocating thread, so the path's GC cost is in it). Rates and ratios are by it.
    /// The engine's own parallel executions run on other threads: its line is a lower bound there.
    /// </summary>
    /// <param name="byWallClock">Return the rate by the clock (to compare runs on different thread counts); printed either way.</param>
    private static double Measure(string name, int events, double? baseline, Func<long> body, bool byWallClock = false)
    {
        body(); // warm-up: JIT, tiering, caches
        // the best of a few runs: on a shared machine other processes only ever make a run slower
        var runs = int.TryParse(Environment.GetEnvironmentVariable("AZRULES_BENCH_RUNS"), out var n) && n > 0 ? n : 3;
        double cpu = double.MaxValue, wall = double.MaxValue;
        long result = 0;
        for (var i = 0; i < runs; i++)
        {
            var cpuBefore = ThreadCpuSeconds();
            var clock = Stopwatch.StartNew();
            result = body();
            clock.Stop();
            cpu = Math.Min(cpu, ThreadCpuSeconds() - cpuBefore);
            wall = Math.Min(wall, clock.Elapsed.TotalSeconds);
        }
        var rate = events / cpu;
        var ratio = baseline is { } b ? $"{rate / b,6:0.00} of raw" : "";
        Console.WriteLine($"{name,-74} {cpu,7:0.000}s cpu {wall,7:0.000}s wall {rate,12:N0} events/s  {ratio,-12}  (result {result:N0}, best of {runs})");
        return byWallClock ? events / wall : rate;
    }

    // utime + stime of this thread, in clock ticks (100 per second on Linux); the process's elsewhere
    private static double ThreadCpuSeconds()
    {
        if (!File.Exists("/proc/thread-self/stat")) return Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
        var stat = File.ReadAllText("/proc/thread-self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11]) + long.Parse(fields[12])) / 100.0;
    }
}
