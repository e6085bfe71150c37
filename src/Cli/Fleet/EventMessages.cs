using System.Globalization;
using AzureRules.Sdk.Events;
using NATS.Client.Core;

namespace AzureRules.Cli.Fleet;

/// <summary>
/// An event as a JetStream message: the body is the event's JSON line, unchanged; headers carry where
/// it was read (file and line, which alerts cite as their sources) and its message id. The id is the
/// file and line, not the event's <c>_id</c>: the same document may legitimately appear in two files
/// (two indices' exports), and a single-process run reads both, so the fleet must too.
/// </summary>
internal static class EventMessages
{
    public const string FileHeader = "Azr-File";
    public const string LineHeader = "Azr-Line";
    public const string MessageIdHeader = "Nats-Msg-Id";

    public static NatsHeaders Headers(EventRecord record) => new()
    {
        [MessageIdHeader] = $"{record.SourceFile}:{record.LineNumber.ToString(CultureInfo.InvariantCulture)}",
        [FileHeader] = record.SourceFile,
        [LineHeader] = record.LineNumber.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>The table (Sentinel <c>Type</c>) or index (Elastic) the event belongs to: its subject's last token.</summary>
    public static string TableOrIndex(EventRecord record)
        => record.Envelope.Type ?? record.Envelope.ElasticIndex(record.SourceFile);

    /// <summary>The event again, as the worker's engine reads it; null (with the reason) when the message is not one ingest wrote.</summary>
    public static EventRecord? Read(NatsHeaders? headers, byte[]? body, out string? problem)
    {
        problem = null;
        if (headers is null || !headers.TryGetValue(FileHeader, out var file) || !headers.TryGetValue(LineHeader, out var lineText)
            || !int.TryParse(lineText, NumberStyles.None, CultureInfo.InvariantCulture, out var line))
        {
            problem = "a message without the Azr-File/Azr-Line headers azrules ingest writes";
            return null;
        }
        body ??= [];
        try
        {
            return new EventRecord(file.ToString(), line, body, EventEnvelope.Read(body));
        }
        catch (System.Text.Json.JsonException ex)
        {
            problem = $"{file}({line}): not a JSON event: {ex.Message}";
            return null;
        }
    }
}
