using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AzureRules.Conformance.Eql;

/// <summary>One event of a conformance data set, prepared as Elasticsearch would index it.</summary>
/// <param name="Timestamp">Nanoseconds since the Unix epoch, so nanosecond data keeps its order.</param>
internal sealed record EqlTestEvent(byte[] Json, long Id, decimal Timestamp, decimal Tiebreaker, int Position)
{
    public long TimestampNanos => (long)Timestamp;
}

/// <summary>
/// Loads a data file of the EQL QA suite and applies what the index mapping and the Java harness do
/// before a query sees an event: field aliases (<c>event.category</c> → <c>event_type</c>),
/// <c>null_value</c> for explicit nulls, and the <c>@timestamp</c> the harness derives.
/// </summary>
internal static class EqlDataSet
{
    private static readonly JsonDocumentOptions Lenient = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public static List<EqlTestEvent> Load(string dataPath, string mappingPath, string idField, string? tiebreakerField, string? transform)
    {
        var mapping = ReadMapping(mappingPath);
        var root = JsonNode.Parse(File.ReadAllText(dataPath), documentOptions: Lenient)!;
        var events = new List<EqlTestEvent>();
        var items = root is JsonArray array ? array.ToList() : [root];
        foreach (var item in items)
        {
            if (item is not JsonObject source) continue;
            var obj = (JsonObject)source.DeepClone();
            var timestamp = ApplyTimestamp(obj, transform);
            foreach (var (field, nullValue) in mapping.NullValues)
                if (obj.TryGetPropertyValue(field, out var v) && v is null) obj[field] = nullValue;
            foreach (var (alias, path) in mapping.Aliases)
                if (Lookup(obj, path) is { } target && Lookup(obj, alias) is null) obj[alias] = target.DeepClone();
            var id = Number(Lookup(obj, idField)) ?? -1;
            var tiebreaker = tiebreakerField is null ? 0 : Number(Lookup(obj, tiebreakerField)) ?? 0;
            events.Add(new EqlTestEvent(JsonSerializer.SerializeToUtf8Bytes(obj), (long)id, timestamp, tiebreaker, events.Count));
        }
        return events;
    }

    /// <summary>Sets <c>@timestamp</c> as the harness does and returns it in nanoseconds.</summary>
    private static decimal ApplyTimestamp(JsonObject obj, string? transform)
    {
        switch (transform)
        {
            case "filetime_to_unix_millis":
            {
                var fileTime = Number(obj["timestamp"]) ?? 0;
                var millis = decimal.Floor(fileTime / 10000) - 11644473600000m;
                obj["@timestamp"] = (long)millis;
                return millis * 1_000_000;
            }
            case "unix_nanos":
            {
                // the same digits read as epoch nanoseconds; @timestamp keeps millisecond precision here
                var nanos = Number(obj["timestamp"]) ?? 0;
                obj["@timestamp"] = (long)decimal.Floor(nanos / 1_000_000);
                obj["timestamp"] = (long)decimal.Floor(nanos / 1_000_000);
                return nanos;
            }
            default:
            {
                var node = obj["@timestamp"];
                if (Number(node) is { } n) return n * 1_000_000;
                if (node is JsonValue v && v.TryGetValue<string>(out var text)
                    && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
                    return (date.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) * 100m;
                return 0;
            }
        }
    }

    private static decimal? Number(JsonNode? node)
    {
        if (node is not JsonValue value) return null;
        if (value.TryGetValue<decimal>(out var d)) return d;
        if (value.TryGetValue<string>(out var s) && decimal.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out d)) return d;
        if (value.TryGetValue<JsonElement>(out var e) && e.ValueKind == JsonValueKind.Number) return e.GetDecimal();
        if (value.TryGetValue<JsonElement>(out e) && e.ValueKind == JsonValueKind.String
            && decimal.TryParse(e.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out d)) return d;
        return null;
    }

    /// <summary>A field by dotted path: a dotted key or nested objects.</summary>
    private static JsonNode? Lookup(JsonObject obj, string path)
    {
        if (obj.TryGetPropertyValue(path, out var direct)) return direct;
        var dot = path.IndexOf('.');
        while (dot > 0)
        {
            if (obj.TryGetPropertyValue(path[..dot], out var head) && head is JsonObject inner && Lookup(inner, path[(dot + 1)..]) is { } found)
                return found;
            dot = path.IndexOf('.', dot + 1);
        }
        return null;
    }

    private sealed record Mapping(List<(string Alias, string Path)> Aliases, List<(string Field, string NullValue)> NullValues);

    private static Mapping ReadMapping(string path)
    {
        var text = string.Join('\n', File.ReadAllLines(path).Where(l => !l.TrimStart().StartsWith('#')));
        var mapping = new Mapping([], []);
        var root = JsonNode.Parse(text, documentOptions: Lenient) as JsonObject;
        if (root?["properties"] is JsonObject properties) Walk(properties, "", mapping);
        return mapping;
    }

    private static void Walk(JsonObject properties, string prefix, Mapping mapping)
    {
        foreach (var (name, node) in properties)
        {
            if (node is not JsonObject field) continue;
            var full = prefix + name;
            if ((string?)field["type"] == "alias" && (string?)field["path"] is { } target) mapping.Aliases.Add((full, target));
            if (field["null_value"] is JsonValue nullValue) mapping.NullValues.Add((full, nullValue.ToString()));
            if (field["properties"] is JsonObject children) Walk(children, full + ".", mapping);
        }
    }
}
