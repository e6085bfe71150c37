using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using AzureRules.Sdk.Events;
using AzureRules.Sdk.Text;

namespace AzureRules.Sdk.Tests.Events.Legacy;

/// <summary>
/// The event reading of issue 13, before the one-pass reader (issue 14), kept as a test oracle: the
/// line check (a HashSet of keys per object), the envelope pass and the field view pass, each over the
/// whole line. <see cref="EventReaderEquivalenceTests"/> requires the one-pass reader to report the same
/// problem, the same envelope and the same field values for every line.
/// </summary>
internal static class LegacyEventReader
{
    /// <summary>The problem reported for the line (as the run prints it), or null with its envelope and slot values.</summary>
    public static string? Read(byte[] line, IReadOnlyList<int> slots, out EventEnvelope? envelope, out List<FieldValue>[]? values)
    {
        envelope = null;
        values = null;
        var problem = Check(line);
        if (problem is not null) return problem;
        try
        {
            envelope = ReadEnvelope(line);
        }
        catch (JsonException ex)
        {
            return "not a JSON event: " + EventLineCheck.Describe(ex);
        }
        values = ReadValues(line, slots);
        return null;
    }

    private static string? Check(Span<byte> line)
    {
        if (!Utf8.IsValid(line)) return $"not UTF-8: invalid byte at position {EventLineCheck.InvalidUtf8Position(line) + 1}";
        if (line.IndexOf("\\u"u8) >= 0 || line.IndexOf("\\U"u8) >= 0) EventLineCheck.ReplaceLoneSurrogates(line);
        try
        {
            var reader = new Utf8JsonReader(line, EventLineCheck.ReaderOptions);
            var keys = new Stack<HashSet<string>?>();
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject: keys.Push(new HashSet<string>(StringComparer.Ordinal)); break;
                    case JsonTokenType.StartArray: keys.Push(null); break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray: keys.Pop(); break;
                    case JsonTokenType.PropertyName:
                        var name = reader.GetString()!;
                        if (keys.Peek() is { } seen && !seen.Add(name))
                            return $"duplicate key '{ConsoleText.Escape(name)}' (at byte {reader.TokenStartIndex + 1})";
                        break;
                    case JsonTokenType.Number:
                        if (!reader.TryGetDouble(out var number) || !double.IsFinite(number))
                            return $"number {ConsoleText.Escape(Encoding.UTF8.GetString(reader.ValueSpan))} is beyond the range of a double (at byte {reader.TokenStartIndex + 1})";
                        break;
                }
            }
            return null;
        }
        catch (JsonException ex)
        {
            return "not a JSON event: " + EventLineCheck.Describe(ex);
        }
    }

    private static EventEnvelope ReadEnvelope(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            throw new JsonException("an event must be a JSON object");
        string? type = null, index = null, id = null, dsType = null, dsDataset = null, dsNamespace = null;
        DateTimeOffset? timeGenerated = null, timestamp = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("Type"u8)) type = ReadString(ref reader);
            else if (reader.ValueTextEquals("TimeGenerated"u8)) timeGenerated = ReadTime(ref reader);
            else if (reader.ValueTextEquals("@timestamp"u8)) timestamp = ReadTime(ref reader);
            else if (reader.ValueTextEquals("_index"u8)) index = ReadString(ref reader);
            else if (reader.ValueTextEquals("_id"u8)) id = ReadString(ref reader);
            else if (reader.ValueTextEquals("data_stream.type"u8)) dsType = ReadString(ref reader);
            else if (reader.ValueTextEquals("data_stream.dataset"u8)) dsDataset = ReadString(ref reader);
            else if (reader.ValueTextEquals("data_stream.namespace"u8)) dsNamespace = ReadString(ref reader);
            else if (reader.ValueTextEquals("data_stream"u8))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.StartObject) { reader.Skip(); continue; }
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    if (reader.ValueTextEquals("type"u8)) dsType = ReadString(ref reader);
                    else if (reader.ValueTextEquals("dataset"u8)) dsDataset = ReadString(ref reader);
                    else if (reader.ValueTextEquals("namespace"u8)) dsNamespace = ReadString(ref reader);
                    else { reader.Read(); reader.Skip(); }
                }
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
        if (reader.TokenType != JsonTokenType.EndObject) throw new JsonException("the event's JSON object is not closed");
        if (reader.Read()) throw new JsonException("unexpected text after the event's closing brace");
        return new EventEnvelope
        {
            Type = type, TimeGenerated = timeGenerated, Index = index, DocumentId = id,
            DataStreamType = dsType, DataStreamDataset = dsDataset, DataStreamNamespace = dsNamespace, Timestamp = timestamp,
        };
    }

    private static string? ReadString(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.String) return reader.GetString();
        reader.Skip();
        return null;
    }

    private static DateTimeOffset FromEpochMilliseconds(long millis, string text)
        => millis >= DateTimeOffset.MinValue.ToUnixTimeMilliseconds() && millis <= DateTimeOffset.MaxValue.ToUnixTimeMilliseconds()
            ? DateTimeOffset.FromUnixTimeMilliseconds(millis)
            : throw new JsonException($"{text} is beyond the dates epoch milliseconds can give (years 1 to 9999)");

    private static DateTimeOffset? ReadTime(ref Utf8JsonReader reader)
    {
        reader.Read();
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                var text = reader.GetString();
                if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
                    return time;
                if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var millis))
                    return FromEpochMilliseconds(millis, text!);
                throw new JsonException($"'{text}' is not a date and time");
            case JsonTokenType.Number:
                if (!reader.TryGetInt64(out var epoch))
                    throw new JsonException($"{Encoding.UTF8.GetString(reader.ValueSpan)} is not a date and time in epoch milliseconds");
                return FromEpochMilliseconds(epoch, epoch.ToString(CultureInfo.InvariantCulture));
            default:
                reader.Skip();
                return null;
        }
    }

    /// <summary>The values of each of <paramref name="slots"/>, read the way the old view read them (by path, UTF-16 names).</summary>
    private static List<FieldValue>[] ReadValues(ReadOnlySpan<byte> json, IReadOnlyList<int> slots)
    {
        var paths = slots.Select(FieldTable.PathOf).ToList();
        var values = slots.Select(_ => new List<FieldValue>()).ToArray();
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        reader.Read();
        ReadObject(ref reader, "", paths, values);
        return values;
    }

    private static void ReadObject(ref Utf8JsonReader reader, string prefix, List<string> paths, List<FieldValue>[] values)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var path = prefix + reader.GetString();
            reader.Read();
            if (!paths.Any(p => p == path || p.StartsWith(path + ".", StringComparison.Ordinal))) reader.Skip();
            else ReadValue(ref reader, path, paths, values);
        }
    }

    private static void ReadValue(ref Utf8JsonReader reader, string path, List<string> paths, List<FieldValue>[] values)
    {
        var slot = paths.IndexOf(path);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                if (slot >= 0) values[slot].Add(FieldValue.Object);
                ReadObject(ref reader, path + ".", paths, values);
                break;
            case JsonTokenType.StartArray:
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    ReadValue(ref reader, path, paths, values);
                break;
            case JsonTokenType.String:
                if (slot >= 0) values[slot].Add(FieldValue.FromString(reader.GetString()!));
                break;
            case JsonTokenType.Number:
                if (slot >= 0) values[slot].Add(FieldValue.FromNumber(Encoding.UTF8.GetString(reader.ValueSpan)));
                break;
            case JsonTokenType.True:
            case JsonTokenType.False:
                if (slot >= 0) values[slot].Add(FieldValue.FromBoolean(reader.TokenType == JsonTokenType.True));
                break;
        }
    }
}
