using System.Text;
using AzureRules.Sdk.Alerts;
using AzureRules.Sdk.Detections;
using AzureRules.Sdk.Engine;
using AzureRules.Sdk.Events;
using AzureRules.Sdk.Tests.Engine;
using Xunit;

namespace AzureRules.Sdk.Tests.Hostile;

/// <summary>Event lines written by an attacker: each is an event or a reported malformed line, never an exception.</summary>
public sealed class HostileEventLineTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("azrules-hostile-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static byte[] Line(string text) => Encoding.UTF8.GetBytes(text + "\n");

    private string WriteEvents(params byte[][] lines)
    {
        var path = Path.Combine(_folder, "events.jsonl");
        File.WriteAllBytes(path, [.. lines.SelectMany(l => l)]);
        return path;
    }

    private const string Valid = "{\"@timestamp\":\"2024-01-01T00:00:00Z\",\"user\":\"alice\"}";

    [Fact]
    public void Invalid_utf8_is_rejected_with_its_line_and_byte_and_the_other_lines_are_read()
    {
        var bad = Encoding.UTF8.GetBytes("{\"@timestamp\":\"2024-01-01T00:00:00Z\",\"user\":\"x").Concat(new byte[] { 0xFF }).Concat(Encoding.UTF8.GetBytes("\"}\n")).ToArray();
        var errors = new List<EventError>();
        var events = EventSource.JsonLines(WriteEvents(bad, Line(Valid))).Read(errors).ToList();
        Assert.Single(events);
        Assert.Equal(2, events[0].LineNumber);
        var error = Assert.Single(errors);
        Assert.Equal(1, error.LineNumber);
        Assert.Contains("not UTF-8", error.Message);
        Assert.Contains("invalid byte at position 47", error.Message);
    }

    [Fact]
    public void Escaped_lone_surrogates_become_the_replacement_character_and_pairs_and_escaped_backslashes_stay()
    {
        int a = FieldTable.Slot("a"), b = FieldTable.Slot("b"), c = FieldTable.Slot("c"), d = FieldTable.Slot("d");
        var errors = new List<EventError>();
        var path = WriteEvents(Line("{\"@timestamp\":\"2024-01-01T00:00:00Z\",\"a\":\"x\\ud800\",\"b\":\"\\udc00y\",\"c\":\"\\ud83d\\ude00\",\"d\":\"\\\\ud800\"}"));
        var record = Assert.Single(EventSource.JsonLines(path).Read(errors));
        Assert.Empty(errors);
        var view = new EventView();
        view.Load(record.Json);
        Assert.Equal("x\uFFFD", view.First(a).AsString());
        Assert.Equal("\uFFFDy", view.First(b).AsString());
        Assert.Equal("\U0001F600", view.First(c).AsString());
        Assert.Equal("\\ud800", view.First(d).AsString());
    }

    [Theory]
    [InlineData("{\"@timestamp\":\"2024-01-01T00:00:00Z\",\"user\":\"a\",\"user\":\"b\"}", "duplicate key 'user'")]
    [InlineData("{\"@timestamp\":\"2024-01-01T00:00:00Z\",\"o\":{\"k\":1,\"k\":2}}", "duplicate key 'k'")]
    [InlineData("{\"@timestamp\":\"2024-01-01T00:00:00Z\",\"n\":1e999}", "beyond the range of a double")]
    [InlineData("{\"@timestamp\":\"2024-01-01T00:00:00Z\",\"n\":-1e400}", "beyond the range of a double")]
    [InlineData("[1,2]", "must be a JSON object")]
    public void Lines_Elasticsearch_rejects_are_reported(string line, string reason)
    {
        var errors = new List<EventError>();
        var events = EventSource.JsonLines(WriteEvents(Line(Valid), Line(line))).Read(errors).ToList();
        Assert.Single(events);
        var error = Assert.Single(errors);
        Assert.Equal(2, error.LineNumber);
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void Deep_nesting_is_reported_not_recursed()
    {
        var deep = "{\"@timestamp\":\"2024-01-01T00:00:00Z\",\"a\":" + new string('[', 100_000) + new string(']', 100_000) + "}";
        var errors = new List<EventError>();
        Assert.Empty(EventSource.JsonLines(WriteEvents(Line(deep))).Read(errors));
        Assert.Contains("depth", Assert.Single(errors).Message);
    }

    [Fact]
    public void A_line_over_the_limit_is_skipped_without_being_kept_and_the_next_line_is_read()
    {
        var text = "{\"a\":\"" + new string('x', 5000) + "\"}\n" + Valid + "\n" + new string('y', 3000);
        var lines = JsonLineSplitter.Split(new MemoryStream(Encoding.UTF8.GetBytes(text)), maxLineBytes: 1000).ToList();
        Assert.Equal([(1, true), (2, false), (3, true)], lines.Select(l => (l.Line, l.TooLong)));
        Assert.Equal(Valid, Encoding.UTF8.GetString(lines[1].Bytes));
    }

    [Fact]
    public void Events_read_does_not_count_skipped_lines()
    {
        var rule = FieldEqualsDetection.Create("user", "alice", TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(6));
        var path = WriteEvents(Line(Valid), Line("{\"user\":\"alice\"}"), Line("not json"));
        var result = new DetectionEngine([rule]).Run(EventSource.JsonLines(path));
        Assert.Equal(1, result.EventsRead);
        Assert.Equal(2, result.Errors.Count);
        Assert.Single(result.Alerts);
    }

    [Fact]
    public void Alert_json_stays_valid_json_with_lone_surrogates_in_rows()
    {
        var rule = FieldEqualsDetection.Create("user", "alice", TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(6));
        var alert = new Alert
        {
            Rule = rule, Timestamp = DateTimeOffset.UnixEpoch, WindowStart = DateTimeOffset.UnixEpoch, WindowEnd = DateTimeOffset.UnixEpoch,
            Rows = [new System.Text.Json.Nodes.JsonObject { ["k\uD800"] = "v\uDC00" }],
        };
        var line = AlertJson.ToJsonLine(alert);
        using var parsed = System.Text.Json.JsonDocument.Parse(line);
        Assert.Equal("v\uFFFD", parsed.RootElement.GetProperty("rows")[0].GetProperty("k\uFFFD").GetString());
    }
}
