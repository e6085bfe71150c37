using AzureRules.Sdk.Events;

namespace AzureRules.Sdk.Kusto;

/// <summary>Turns event records into the Kusto tables a detection reads, typed by the schemas it was compiled against.</summary>
public static class KustoTables
{
    /// <summary>
    /// The tables of <paramref name="events"/>. An event the Kusto reader cannot read is left out and
    /// reported through <paramref name="onUnreadable"/>, or without one is an <see cref="InvalidOperationException"/>
    /// naming it (reading has already checked each line, so this is a second opinion, never a silent drop).
    /// </summary>
    public static Dictionary<string, KustoTable> FromEvents(
        KustoDetection rule,
        IEnumerable<(string Table, EventRecord Event)> events,
        Action<EventError>? onUnreadable = null)
    {
        var tables = new Dictionary<string, KustoTable>(StringComparer.Ordinal);
        foreach (var group in events.GroupBy(e => e.Table, StringComparer.Ordinal))
        {
            rule.TableSchemas.TryGetValue(group.Key, out var schema);
            var records = group.Select(e => e.Event).ToList();
            tables[group.Key] = KustoEventReader.FromJsonLines(records.Select(r => r.Json), schema,
                (line, message) =>
                {
                    var record = records[line - 1];
                    var error = new EventError(record.SourceFile, record.LineNumber, "the Kusto reader cannot read the event: " + message);
                    if (onUnreadable is null) throw new InvalidOperationException(error.ToString());
                    onUnreadable(error);
                });
        }
        return tables;
    }
}
