using System.Text.Json.Nodes;
using AzureRules.Sdk.Events;

namespace AzureRules.Sdk.Esql;

/// <summary>Result rows as JSON objects (one property per column, multi-values as arrays), for alerts and the CLI.</summary>
public static class EsqlTableJson
{
    public static IEnumerable<JsonObject> Rows(EsqlTable table) => table.Rows.Select(row => Row(table, row));

    public static JsonObject Row(EsqlTable table, object?[] row)
    {
        var json = new JsonObject();
        for (var c = 0; c < table.Columns.Count; c++) json[table.Columns[c].Name] = Value(row[c]);
        return json;
    }

    private static JsonNode? Value(object? value) => value switch
    {
        null => null,
        EsqlMulti multi => new JsonArray([.. multi.Items.Select(Value)]),
        bool b => JsonValue.Create(b),
        int i => JsonValue.Create(i),
        long l => JsonValue.Create(l),
        ulong u => JsonValue.Create(u),
        double d => JsonValue.Create(d),
        _ => JsonValue.Create(EsqlFormat.Single(value)),
    };

    /// <summary>Events as indices: grouped by their Elastic index, each document keyed by its event id.</summary>
    public static EsqlMemorySource Source(IEnumerable<(string Index, EventRecord Event)> events)
        => Source(events.Select(e => (e.Index, new EsqlDocument(e.Event.EventId, e.Event.Json))));

    /// <summary>Documents as indices, grouped by their Elastic index.</summary>
    public static EsqlMemorySource Source(IEnumerable<(string Index, EsqlDocument Document)> documents)
        => new(documents.GroupBy(d => d.Index, StringComparer.Ordinal).Select(g => new EsqlIndex(g.Key, [.. g.Select(d => d.Document)])));
}
