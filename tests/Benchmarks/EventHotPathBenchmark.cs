using AzureRules.Cli.Commands;
using AzureRules.Cli.Compilation;
using AzureRules.Sdk.Detections;
using AzureRules.Sdk.Events;
using AzureRules.Tests;
using BenchmarkDotNet.Attributes;

namespace AzureRules.Benchmarks;

/// <summary>
/// The per-event hot path, per 1,000 generated ECS events: the raw Utf8JsonReader pass it is measured
/// against, the one-pass read (ingest checks, envelope, field slices), and that plus the Elastic seed
/// rule's match. Run with <c>bdn --filter *EventHotPath*</c>; regressions show as a ratio to the raw pass.
/// </summary>
[MemoryDiagnoser]
public class EventHotPathBenchmark
{
    private readonly List<byte[]> _lines = [];
    private readonly EventLineReader _reader = new();
    private readonly EventView _view = new();
    private ElasticEventDetection _seed = null!;

    [GlobalSetup]
    public void Setup()
    {
        var file = Path.Combine(Path.GetTempPath(), "azrules-hot-path-1000.jsonl");
        EcsEventGenerator.Run(["1000", file]);
        using (var stream = File.OpenRead(file))
            _lines.AddRange(JsonLineSplitter.Split(stream).Select(l => l.Bytes));
        var seeds = Path.Combine(SharedMaterial.RepositoryRoot, "src", "Rules", "Rules");
        _seed = RuleLibrary.FromFiles(RuleFiles.Read([seeds])).Detections.OfType<ElasticEventDetection>().Single();
    }

    [Benchmark(Baseline = true)]
    public long RawPass()
    {
        long tokens = 0;
        foreach (var line in _lines)
        {
            var reader = new System.Text.Json.Utf8JsonReader(line);
            while (reader.Read()) tokens++;
        }
        return tokens;
    }

    [Benchmark]
    public long OnePassRead()
    {
        long events = 0;
        foreach (var line in _lines)
            if (_reader.Read(line, _view, out _) is null) events++;
        return events;
    }

    [Benchmark]
    public long OnePassReadAndSeedMatch()
    {
        long matches = 0;
        foreach (var line in _lines)
            if (_reader.Read(line, _view, out _) is null && _seed.Matches(_view)) matches++;
        return matches;
    }
}
