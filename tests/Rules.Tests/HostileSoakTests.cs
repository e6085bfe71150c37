using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using AzureRules.Rules;
using AzureRules.Sdk.Alerts;
using AzureRules.Sdk.Engine;
using AzureRules.Sdk.Events;
using AzureRules.Tests;
using Xunit;

namespace AzureRules.Rules.Tests;

/// <summary>
/// The seed rules over the sample events with every kind of bad line interleaved: the alerts are
/// those of the valid lines alone, and each bad line is reported once, at its line.
/// </summary>
public sealed class HostileSoakTests : IDisposable
{
    private static readonly string Samples = Path.Combine(SharedMaterial.RepositoryRoot, "samples", "events");
    private readonly string _folder = Directory.CreateTempSubdirectory("azrules-soak-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static readonly byte[][] BadLines =
    [
        [.. "{\"TimeGenerated\":\"2026-11-20T10:00:00Z\",\"UserPrincipalName\":\"x"u8, 0xFF, 0xFE, .. "\"}"u8],      // invalid UTF-8
        [.. "{\"TimeGenerated\":\"2026-11-20T10:00:00Z\",\"s\":\"a"u8, 0xED, 0xA0, 0x80, .. "\"}"u8],                // UTF-8-encoded surrogate
        "{\"TimeGenerated\":\"\\ud800\",\"UserPrincipalName\":\"\\udfff\"}"u8.ToArray(),                          // escaped lone surrogates, no valid time
        "{\"TimeGenerated\":\"2026-11-20T10:00:00Z\",\"n\":1e999}"u8.ToArray(),                                   // beyond double
        "{\"TimeGenerated\":\"2026-11-20T10:00:00Z\",\"n\":-123456789e400}"u8.ToArray(),
        "{\"TimeGenerated\":\"2026-11-20T10:00:00Z\",\"ResultType\":\"0\",\"ResultType\":\"1\"}"u8.ToArray(),    // duplicate key
        Encoding.UTF8.GetBytes("{\"TimeGenerated\":\"2026-11-20T10:00:00Z\",\"d\":" + new string('[', 5000) + new string(']', 5000) + "}"), // deep nesting
        "{\"TimeGenerated\":\"2026-11-20T10:00:00Z\",\"x\":\"a\0b\"}"u8.ToArray(),                                 // raw control character
        "{\"TimeGenerated\":\"2026-11-20T10:00:00Z\""u8.ToArray(),                                               // truncated
        "[\"not\",\"an\",\"object\"]"u8.ToArray(),
        "{\"@timestamp\":\"not a date\"}"u8.ToArray(),
    ];

    [Fact]
    public void Bad_lines_change_no_alert_and_each_is_reported_once_at_its_line()
    {
        var clock = Stopwatch.StartNew();
        var expectedErrors = new HashSet<(string File, int Line)>();
        var hugeWritten = false;
        var kind = 0;
        foreach (var source in Directory.EnumerateFiles(Samples, "*.jsonl", SearchOption.AllDirectories))
        {
            var target = Path.Combine(_folder, Path.GetRelativePath(Samples, source));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            using var output = File.Create(target);
            var line = 0;
            void Write(ReadOnlySpan<byte> bytes, bool bad)
            {
                output.Write(bytes);
                output.WriteByte((byte)'\n');
                line++;
                if (bad) expectedErrors.Add((target, line));
            }
            foreach (var valid in File.ReadLines(source).Where(l => l.Trim().Length > 0))
            {
                Write(BadLines[kind++ % BadLines.Length], bad: true);
                Write(Encoding.UTF8.GetBytes(valid), bad: false);
                if (!hugeWritten)
                {
                    // a 100 MB line: over the line limit, skipped without being held in memory
                    var chunk = Encoding.UTF8.GetBytes(new string('a', 1 << 20));
                    output.Write("{\"TimeGenerated\":\"2026-11-20T10:00:00Z\",\"big\":\""u8);
                    for (var i = 0; i < 100; i++) output.Write(chunk);
                    Write("\"}"u8, bad: true);
                    hugeWritten = true;
                }
            }
            Write(BadLines[kind++ % BadLines.Length], bad: true);
        }

        var clean = new DetectionEngine(GeneratedRules.All).Run(EventSource.JsonLines(Samples));
        var hostile = new DetectionEngine(GeneratedRules.All).Run(EventSource.JsonLines(_folder));

        Assert.NotEmpty(clean.Alerts);
        Assert.Equal(clean.Alerts.Select(Canonical), hostile.Alerts.Select(Canonical));
        Assert.Equal(clean.EventsRead, hostile.EventsRead);
        Assert.Equal(expectedErrors.Count, hostile.Errors.Count);
        Assert.Equal(expectedErrors.Order(), hostile.Errors.Select(e => (e.SourceFile, e.LineNumber)).Order());
        Assert.All(hostile.Rules, r => Assert.Null(r.Failure));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
    }

    // an alert without where its events were read (line numbers differ between the two runs)
    private static string Canonical(Alert alert)
    {
        var json = AlertJson.ToJson(alert);
        json.Remove("sources");
        return json.ToJsonString();
    }
}
