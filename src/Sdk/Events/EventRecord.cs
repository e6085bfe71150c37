namespace AzureRules.Sdk.Events;

/// <summary>
/// One event as read from a JSON-lines source, with what scheduling needs: where it came from, its
/// time, and the table (Sentinel) or index (Elastic) it belongs to. The JSON stays as UTF-8 bytes;
/// rules read it through an <see cref="EventView"/> or a Kusto table.
/// </summary>
public sealed class EventRecord(string sourceFile, int lineNumber, ReadOnlyMemory<byte> json, EventEnvelope envelope)
{
    public string SourceFile { get; } = sourceFile;
    /// <summary>1-based line number in <see cref="SourceFile"/>.</summary>
    public int LineNumber { get; } = lineNumber;
    public ReadOnlyMemory<byte> Json { get; } = json;
    public EventEnvelope Envelope { get; } = envelope;

    /// <summary>The identity used to de-duplicate alerts: Elasticsearch's <c>_id</c> when present, else file and line.</summary>
    public string EventId => Envelope.DocumentId ?? $"{SourceFile}:{LineNumber}";

    public string Text => System.Text.Encoding.UTF8.GetString(Json.Span);

    public override string ToString() => $"{SourceFile}({LineNumber})";
}
