using AzureRules.Sdk.Events;

namespace AzureRules.Sdk.Kusto;

/// <summary>Turns event records into the Kusto tables a detection reads, typed by the schemas it was compiled against.</summary>
public static class KustoTables
{
    public static Dictionary<string, KustoTable> FromEvents(KustoDetection rule, IEnumerable<(string Table, EventRecord Event)> events)
    {
        var tables = new Dictionary<string, KustoTable>(StringComparer.Ordinal);
        foreach (var group in events.GroupBy(e => e.Table, StringComparer.Ordinal))
        {
            rule.TableSchemas.TryGetValue(group.Key, out var schema);
            tables[group.Key] = KustoEventReader.FromJsonLines(group.Select(e => e.Event.Json), schema);
        }
        return tables;
    }
}
