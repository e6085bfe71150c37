using System.Globalization;
using System.Text.Json;

namespace AzureRules.Sdk.Events;

/// <summary>
/// The few top-level facts about an event that decide which rules see it and when: Sentinel's
/// <c>Type</c> (table) and <c>TimeGenerated</c>, Elastic's <c>_index</c>, <c>data_stream.*</c>,
/// <c>@timestamp</c> and <c>_id</c>. Read in one forward pass over the top level of the JSON.
/// </summary>
public sealed record EventEnvelope
{
    public string? Type { get; init; }
    public DateTimeOffset? TimeGenerated { get; init; }
    public string? Index { get; init; }
    public string? DataStreamType { get; init; }
    public string? DataStreamDataset { get; init; }
    public string? DataStreamNamespace { get; init; }
    public DateTimeOffset? Timestamp { get; init; }
    public string? DocumentId { get; init; }

    /// <summary>The Sentinel table: the <c>Type</c> field, else the file name (<c>SigninLogs.jsonl</c> → SigninLogs).</summary>
    public string SentinelTable(string sourceFile) => Type ?? FileStem(sourceFile);

    /// <summary>
    /// The Elastic index: <c>_index</c>, else the data stream name (<c>logs-azure.activitylogs-default</c>),
    /// else the file name.
    /// </summary>
    public string ElasticIndex(string sourceFile)
    {
        if (Index is not null) return Index;
        if (DataStreamDataset is not null)
            return $"{DataStreamType ?? "logs"}-{DataStreamDataset}-{DataStreamNamespace ?? "default"}";
        return FileStem(sourceFile);
    }

    /// <summary>The event time for Sentinel rules (TimeGenerated, else @timestamp).</summary>
    public DateTimeOffset? SentinelTime => TimeGenerated ?? Timestamp;

    /// <summary>The event time for Elastic rules (@timestamp, else TimeGenerated).</summary>
    public DateTimeOffset? ElasticTime => Timestamp ?? TimeGenerated;

    private static string FileStem(string path)
    {
        var name = Path.GetFileName(path);
        var dot = name.IndexOf('.');
        return dot > 0 ? name[..dot] : name;
    }

    /// <summary>Reads the envelope. Throws <see cref="JsonException"/> when the text is not one JSON object.</summary>
    public static EventEnvelope Read(ReadOnlySpan<byte> json)
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

    // years 0001 to 9999, as DateTimeOffset (and Elasticsearch's date type in practice) holds them
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
                    return FromEpochMilliseconds(millis, text);
                throw new JsonException($"'{text}' is not a date and time");
            case JsonTokenType.Number:
                // epoch milliseconds, as Elasticsearch's default date format accepts
                if (!reader.TryGetInt64(out var epoch))
                    throw new JsonException($"{System.Text.Encoding.UTF8.GetString(reader.ValueSpan)} is not a date and time in epoch milliseconds");
                return FromEpochMilliseconds(epoch, epoch.ToString(CultureInfo.InvariantCulture));
            default:
                reader.Skip();
                return null;
        }
    }
}
