using System.Text.Json;

namespace AzureRules.Sdk.Events;

/// <summary>
/// The few top-level facts about an event that decide which rules see it and when: Sentinel's
/// <c>Type</c> (table) and <c>TimeGenerated</c>, Elastic's <c>_index</c>, <c>data_stream.*</c>,
/// <c>@timestamp</c> and <c>_id</c>. Read by <see cref="EventLineReader"/> in the same pass as the event's fields.
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
    public static EventEnvelope Read(ReadOnlySpan<byte> json) => EventLineReader.ForThread.ReadEnvelope(json);
}
