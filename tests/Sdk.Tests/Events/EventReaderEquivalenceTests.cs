using System.Text;
using AzureRules.Sdk.Events;
using AzureRules.Sdk.Tests.Events.Legacy;
using AzureRules.Tests;
using Xunit;
using Xunit.Abstractions;

namespace AzureRules.Sdk.Tests.Events;

/// <summary>
/// The one-pass event reader (checks, envelope and fields at once) against the three passes it
/// replaced (<see cref="LegacyEventReader"/>): over hand-written hostile lines and fuzzed mutations of
/// real ones, the same problem text, or the same envelope and the same values in every field.
/// </summary>
public sealed class EventReaderEquivalenceTests(ITestOutputHelper output)
{
    private static readonly string[] Paths =
    [
        "@timestamp", "_id", "user", "a", "b", "s", "n", "tags", "tags.k", "event", "event.action", "event.outcome",
        "event.dataset", "process.name", "process", "data_stream.dataset", "LocationDetails.city", "ResultType", "o.k", "x.y.z", "",
    ];

    private static readonly int[] Slots = [.. Paths.Where(p => p.Length > 0).Select(FieldTable.Slot)];

    private static readonly string[] Lines =
    [
        "{\"@timestamp\":\"2024-01-01T00:00:00Z\",\"user\":\"a\",\"user\":\"b\"}",
        "{\"@timestamp\":\"2024-01-01T00:00:00Z\",\"o\":{\"k\":1,\"k\":2}}",
        "{\"o\":{\"k\":1},\"p\":{\"k\":2},\"k\":3}",
        "{\"a\":1,\"\\u0061\":2}",
        "{\"@timestamp\":\"nope\",\"n\":1e999}",
        "{\"@timestamp\":\"nope\",\"a\":}",
        "{\"@timestamp\":\"nope\",\"TimeGenerated\":\"also not\"}",
        "{\"@timestamp\":99999999999999999,\"a\":1}",
        "{\"@timestamp\":1.5}",
        "{\"@timestamp\":1700000000000,\"_index\":[\"x\"],\"_id\":7,\"Type\":null}",
        "{\"@timestamp\":\"2024-02-30T00:00:00Z\"}",
        "{\"@timestamp\":\"2024-01-01T10:00:00.123456789+02:00\"}",
        "{\"@timestamp\":\"2024-01-01 10:00:00\"}",
        "{\"@timestamp\":\"2024-01-01T23:59:60Z\"}",
        "{\"@timestamp\":\"\\u0032024-01-01T00:00:00Z\"}",
        "{\"data_stream\":{\"type\":\"metrics\",\"dataset\":\"d\",\"x\":{\"type\":\"no\"}},\"data_stream.namespace\":\"ns\"}",
        "{\"data_stream.type\":\"t\",\"data_stream\":{\"type\":5}}",
        "{\"data_stream\":[{\"type\":\"no\"}],\"data_stream.dataset\":{\"x\":1}}",
        "[1,2]",
        "[1e999]",
        "\"text\"",
        "/* only a comment */",
        "{\"a\":1} {\"b\":2}",
        "{\"a\":1} // a comment",
        "{\"tags\":[\"x\",1,2.5e3,true,null,{\"k\":\"v\"},[{\"k\":[\"w\"]}]],\"event\":{\"action\":\"\\\"quoted\\\" \\ud800\"}}",
        "{\"event.action\":\"dotted\",\"event\":{\"action\":\"nested\"},\"x.y\":{\"z\":-0}}",
        "{\"process\":{\"name\":\"a.exe\"},\"process.name\":[\"b.exe\"]}",
        "{\"n\":12345678901234567890,\"s\":\"\\u00e9\\ud83d\\ude00\"}",
        "{\"a\":" + new string('[', 63) + new string(']', 63) + "}",
        "{\"a\":" + new string('[', 64) + new string(']', 64) + "}",
        "{\"\":1,\".\":2,\"a.\":3,\".a\":4}",
    ];

    public static TheoryData<string> HandWritten() => [.. Lines];

    [Theory]
    [MemberData(nameof(HandWritten))]
    public void Hand_written_lines_read_as_before(string line)
        => Assert.Null(Compare(Encoding.UTF8.GetBytes(line)));

    [Fact]
    public void Fuzzed_lines_read_as_before()
    {
        var seeds = Lines.Select(Encoding.UTF8.GetBytes).ToList();
        var samples = Path.Combine(SharedMaterial.RepositoryRoot, "samples", "events");
        if (Directory.Exists(samples))
            seeds.AddRange(Directory.EnumerateFiles(samples, "*.jsonl", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
                .SelectMany(File.ReadLines).Where(l => l.Length > 0).Take(200).Select(Encoding.UTF8.GetBytes));
        var fuzzer = new MutationFuzzer(seeds, MutationFuzzer.CommonDictionary);
        var report = fuzzer.Run(Compare, MutationFuzzer.Budget(TimeSpan.FromSeconds(3)), MutationFuzzer.Seed(14), slowInput: TimeSpan.FromSeconds(5));
        output.WriteLine($"{report.Inputs} lines compared in {report.Elapsed.TotalSeconds:0.0} s");
        Assert.True(report.Findings.Count == 0, string.Join("\n", report.Findings));
        Assert.True(report.Inputs > seeds.Count, "the fuzzer ran no mutation");
    }

    /// <summary>Null when both readers agree on the line (one line: newlines are cut, as the splitter does).</summary>
    private static string? Compare(byte[] input)
    {
        var line = input.AsSpan();
        var newline = line.IndexOf((byte)'\n');
        if (newline >= 0) line = line[..newline];
        var text = line.Trim(" \t\r"u8).ToArray();
        if (text.Length == 0) return null;

        var expected = LegacyEventReader.Read([.. text], Slots, out var expectedEnvelope, out var expectedValues);
        var errors = new List<EventError>();
        var view = new EventView();
        var records = EventSource.Read(new MemoryStream([.. text]), "line", errors, view).ToList();
        var actual = errors.Count > 0 ? errors[0].Message : null;
        if (expected != actual) return $"problem: expected «{expected}», got «{actual}»";
        if (expected is not null) return records.Count == 0 ? null : "a rejected line was read";
        var record = records.Single();
        if (record.Envelope != expectedEnvelope) return $"envelope: expected {expectedEnvelope}, got {record.Envelope}";
        if (!view.Holds(record.Json)) return "the view does not hold the event";
        for (var i = 0; i < Slots.Length; i++)
        {
            var want = string.Join(" | ", expectedValues![i].Select(Describe));
            var got = string.Join(" | ", view.Values(Slots[i]).ToArray().Select(Describe));
            if (want != got) return $"field {FieldTable.PathOf(Slots[i])}: expected {want}, got {got}";
        }
        return null;
    }

    private static string Describe(FieldValue v) => $"{v.Kind}:{v.Text}:{v.Number:R}:{v.IsInteger}:{v.Integer}";
}
