using System.Text;
using AzureRules.Sdk.Alerts;
using AzureRules.Sdk.Events;
using AzureRules.Sdk.Kusto;
using AzureRules.Tests;
using Xunit;
using Xunit.Abstractions;

namespace AzureRules.Sdk.Tests.Fuzz;

/// <summary>
/// Fuzzes the event reader: every mutated stream of JSON lines is read to the end, each line either an
/// event that the Elastic view, the Kusto table reader and the alert writer all take, or a reported
/// malformed line — never an exception. A short fixed-seed run here; AZRULES_FUZZ_SECONDS for longer.
/// </summary>
public sealed class EventFuzzTests(ITestOutputHelper output)
{
    [Fact]
    public void Event_lines_are_events_or_reported_lines_never_exceptions()
    {
        var seeds = new List<byte[]>
        {
            "{\"@timestamp\":\"2024-01-01T00:00:00Z\",\"event\":{\"action\":\"x\",\"outcome\":\"success\"},\"process.name\":\"a.exe\",\"tags\":[\"a\",1,2.5,true,null,{\"k\":\"v\"}]}\n"u8.ToArray(),
            "{\"Type\":\"SigninLogs\",\"TimeGenerated\":\"2024-01-01T00:00:00Z\",\"UserPrincipalName\":\"a@b.c\",\"ResultType\":\"0\",\"LocationDetails\":{\"city\":\"X\"},\"n\":12345678901234}\n"u8.ToArray(),
            "{\"_index\":\"logs-x\",\"_id\":\"1\",\"data_stream\":{\"type\":\"logs\",\"dataset\":\"d\"},\"@timestamp\":1700000000000,\"s\":\"\\u00e9\\ud83d\\ude00\"}\r\n\n"u8.ToArray(),
        };
        var samples = Path.Combine(SharedMaterial.RepositoryRoot, "samples", "events");
        if (Directory.Exists(samples))
            seeds.AddRange(Directory.EnumerateFiles(samples, "*.jsonl", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(File.ReadAllBytes));

        var fuzzer = new MutationFuzzer(seeds, MutationFuzzer.CommonDictionary);
        var view = new EventView();
        var report = fuzzer.Run(input =>
        {
            var errors = new List<EventError>();
            var lines = 0;
            foreach (var record in EventSource.Read(new MemoryStream(input), "fuzz", errors))
            {
                lines++;
                view.Load(record.Json);
                var table = KustoEventReader.FromJsonLines([record.Json], onMalformedLine: (_, message) => throw new InvalidOperationException("the Kusto reader refused an accepted line: " + message));
                var rows = KustoTableJson.Rows(table).ToList();
                _ = Text.JsonText.Write(new System.Text.Json.Nodes.JsonArray([.. rows]), System.Text.Json.JsonSerializerOptions.Default);
                _ = record.Envelope.SentinelTable(record.SourceFile) + record.Envelope.ElasticIndex(record.SourceFile);
            }
            foreach (var error in errors)
            {
                if (error.LineNumber <= 0) return $"a line error without a line: {error}";
                if (error.ToString().Any(c => c < ' ')) return $"an unescaped control character in: {error}";
            }
            return null;
        }, MutationFuzzer.Budget(TimeSpan.FromSeconds(4)), MutationFuzzer.Seed(13), slowInput: TimeSpan.FromSeconds(5));

        output.WriteLine($"event reader: {report.Inputs} inputs in {report.Elapsed.TotalSeconds:0.0} s, {report.Findings.Count} findings");
        Assert.True(report.Findings.Count == 0, string.Join("\n", report.Findings));
        Assert.True(report.Inputs > seeds.Count, "the fuzzer ran no mutation");
    }
}
