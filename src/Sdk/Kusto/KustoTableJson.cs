using System.Text.Json.Nodes;

namespace AzureRules.Sdk.Kusto;

/// <summary>Result rows as JSON objects (column → value), for alerts and the CLI.</summary>
public static class KustoTableJson
{
    public static IEnumerable<JsonObject> Rows(KustoTable table) => table.Rows.Select(row => Row(table, row));

    public static JsonObject Row(KustoTable table, KustoValue[] row)
    {
        var json = new JsonObject();
        for (var c = 0; c < table.Columns.Count; c++)
        {
            var value = c < row.Length ? row[c] : KustoValue.Null;
            json[table.Columns[c].Name] = value.IsNull ? null : JsonNode.Parse(KustoJson.Write(value));
        }
        return json;
    }
}
