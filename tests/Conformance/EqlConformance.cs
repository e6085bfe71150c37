using System.Globalization;
using System.Text.Json;
using AzureRules.Cli.Compilation;
using AzureRules.Conformance.Eql;
using QueryLanguage = AzureRules.Generators.Model.QueryLanguage;
using AzureRules.Sdk.Detections;
using AzureRules.Sdk.Eql;
using AzureRules.Sdk.Eql.Join;
using AzureRules.Sdk.Events;

namespace AzureRules.Conformance;

/// <summary>
/// Runs Elasticsearch's EQL QA cases through the product's compile-and-run path: every case becomes
/// an ad-hoc EQL rule, all are compiled in one generator run and one Roslyn compilation, and each
/// event query runs over its data set; the ids of matching events, ordered by timestamp then
/// tiebreaker and cut by <c>| head</c>/<c>| tail</c>, are compared with the expected ids.
/// Sequences and samples run through the runtime's join matchers (<see cref="EqlJoinRunner"/>);
/// a missing-event stage shows as id −1, as the suite writes it.
/// </summary>
internal static class EqlConformance
{
    /// <param name="Expected">The expected ids, one list, or several acceptable lists when the case
    /// says <c>expected_any_of</c> (samples do not fix which events a key's sample takes).</param>
    private sealed record Case(string Name, string Query, long[][] Expected, string Data, string Mapping, string IdField,
        string? Tiebreaker, string? Transform, string[] Features, string Path, int? Size, int MaxSamplesPerKey);

    public static ConformanceResult Run(string[] args)
    {
        if (args.Length < 2) throw new ArgumentException("usage: eql CASES.jsonl DATA_DIR [--verbose]");
        var verbose = args.Contains("--verbose");
        var dataDirectory = args[1];
        var cases = ReadCases(args[0]);

        var definitions = cases.Select(c => AdHocRules.Create(QueryLanguage.Eql, c.Query, c.Name, c.Path));
        var library = RuleLibrary.FromDefinitions(definitions);
        var detections = library.Detections.ToDictionary(d => d.Metadata.SourceFile, StringComparer.Ordinal);
        var errors = library.Diagnostics
            .Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error)
            .GroupBy(d => d.Location.GetLineSpan().Path)
            .ToDictionary(g => g.Key, g => g.First().GetMessage(CultureInfo.InvariantCulture));

        var clock = System.Diagnostics.Stopwatch.StartNew();
        long evaluations = 0;
        var matchTime = TimeSpan.Zero;
        var dataSets = new Dictionary<string, List<EqlTestEvent>>(StringComparer.Ordinal);
        var view = new EventView();
        var result = new ConformanceResult();
        foreach (var c in cases)
        {
            var kind = c.Features.Contains("sequence") ? "sequence" : c.Features.Contains("sample") ? "sample" : "event";
            var features = c.Features.Append("kind:" + kind).ToArray();
            string? failure = null;
            if (errors.TryGetValue(c.Path, out var error)) failure = "compile error: " + error;
            else if (!detections.TryGetValue(c.Path, out var detection)) failure = "no detection generated";
            else if (detection is EqlJoinDetection join)
            {
                var events = DataSet(c, dataDirectory, dataSets);
                var actual = EqlJoinRunner.Run(join.Join, events, view, c.Size, c.MaxSamplesPerKey);
                failure = Compare(c, actual, verbose);
            }
            else if (detection is not EqlEventDetection eventQuery) failure = "not runnable: " + (detection.NotExecutableReason ?? kind);
            else
            {
                var events = DataSet(c, dataDirectory, dataSets);
                var actual = RunEventQuery(eventQuery, events, view);
                // a second, warm run for the timing: the first one includes JIT and the class's static setup
                clock.Restart();
                RunEventQuery(eventQuery, events, view);
                matchTime += clock.Elapsed;
                evaluations += events.Count;
                failure = Compare(c, actual, verbose);
            }
            if (failure is not null && verbose && failure != "wrong result") Console.WriteLine($"FAIL {c.Name}: {failure}");
            result.Record(c.Name, features, failure is null, failure is null ? null : Cause(failure));
        }
        Console.WriteLine($"event queries: {evaluations} warm event evaluations (JSON read + match + sort) in {matchTime.TotalMilliseconds:0} ms");
        return result;
    }

    private static string? Compare(Case c, List<long> actual, bool verbose)
    {
        if (c.Expected.Any(actual.SequenceEqual)) return null;
        if (verbose)
            Console.WriteLine($"FAIL {c.Name}: {c.Query}\n  expected {string.Join(" or ", c.Expected.Select(e => $"[{string.Join(", ", e)}]"))}\n  actual   [{string.Join(", ", actual)}]");
        return "wrong result";
    }

    private static string Cause(string failure) => failure.Length > 90 ? failure[..90] : failure;

    private static List<long> RunEventQuery(EqlEventDetection detection, List<EqlTestEvent> events, EventView view)
    {
        var matches = new List<EqlTestEvent>();
        foreach (var e in events)
        {
            view.Load(e.Json);
            if (detection.Matches(view)) matches.Add(e);
        }
        var ordered = matches.OrderBy(e => e.Timestamp).ThenBy(e => e.Tiebreaker).ThenBy(e => e.Position).ToList();
        return EqlPipe.Apply(ordered, detection.Pipes).Select(e => e.Id).ToList();
    }

    private static List<EqlTestEvent> DataSet(Case c, string directory, Dictionary<string, List<EqlTestEvent>> cache)
    {
        var key = string.Join("|", c.Data, c.Mapping, c.IdField, c.Tiebreaker, c.Transform);
        if (!cache.TryGetValue(key, out var events))
        {
            events = [];
            var data = c.Data.Split(',');
            var mappings = c.Mapping.Split(',');
            for (var i = 0; i < data.Length; i++)
                events.AddRange(EqlDataSet.Load(Path.Combine(directory, data[i]), Path.Combine(directory, mappings[Math.Min(i, mappings.Length - 1)]),
                    c.IdField, c.Tiebreaker, c.Transform));
            cache[key] = events;
        }
        return events;
    }

    private static List<Case> ReadCases(string path)
    {
        var cases = new List<Case>();
        foreach (var line in File.ReadLines(path))
        {
            if (line.Trim().Length == 0) continue;
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            string? Text(string name) => root.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
            var anyOf = root.TryGetProperty("expected_any_of", out var a) && a.ValueKind == JsonValueKind.True;
            long[] Ids(JsonElement list) => [.. list.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.Number).Select(i => i.GetInt64())];
            long[][] expected = !root.TryGetProperty("expected_event_ids", out var ids) || ids.ValueKind != JsonValueKind.Array ? [[]]
                : anyOf ? [.. ids.EnumerateArray().Where(l => l.ValueKind == JsonValueKind.Array).Select(Ids)]
                : [Ids(ids)];
            int? Number(string name) => root.TryGetProperty(name, out var n) && n.ValueKind == JsonValueKind.Number ? n.GetInt32() : null;
            var features = root.TryGetProperty("features", out var f) ? f.EnumerateArray().Select(x => x.GetString()!).ToArray() : [];
            cases.Add(new Case(Text("name") ?? $"case {cases.Count + 1}", Text("query") ?? "", expected, Text("data") ?? "", Text("mapping") ?? "",
                Text("id_field") ?? "id", Text("tiebreaker_field"), Text("timestamp_transform"), features,
                "case-" + (cases.Count + 1).ToString("0000", CultureInfo.InvariantCulture), Number("size"), Number("max_samples_per_key") ?? 1));
        }
        return cases;
    }
}
