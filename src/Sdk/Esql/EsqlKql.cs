using System.Text.Json;
using AzureRules.Sdk.Events;

namespace AzureRules.Sdk.Esql;

/// <summary>A Kibana KQL query embedded in ES|QL (<c>WHERE KQL("…")</c>), compiled by the Kibana KQL compiler.</summary>
public abstract class EsqlKqlFilter
{
    public abstract bool Matches(EventView e);
}

/// <summary>
/// Runs an embedded KQL query on a row: the row's columns are written as one JSON document (dotted
/// names as flat keys, which KQL reads as the same fields as nested objects) and matched like an event.
/// Elasticsearch runs KQL() on the source documents, which only right after FROM is the same as the row;
/// that is where ES|QL allows it.
/// </summary>
public static class EsqlKql
{
    [ThreadStatic] private static EventView? _view;
    [ThreadStatic] private static MemoryStream? _buffer;

    public static object? Matches(EsqlKqlFilter filter, EsqlTable table, object?[] row)
    {
        var buffer = _buffer ??= new MemoryStream();
        buffer.SetLength(0);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            for (var c = 0; c < row.Length; c++)
            {
                if (row[c] is not { } value) continue;
                writer.WritePropertyName(table.Columns[c].Name);
                if (value is EsqlMulti multi)
                {
                    writer.WriteStartArray();
                    foreach (var item in multi.Items) Write(writer, item);
                    writer.WriteEndArray();
                }
                else Write(writer, value);
            }
            writer.WriteEndObject();
        }
        var view = _view ??= new EventView();
        view.Load(buffer.ToArray());
        return filter.Matches(view);
    }

    private static void Write(Utf8JsonWriter writer, object value)
    {
        switch (value)
        {
            case bool b: writer.WriteBooleanValue(b); break;
            case int i: writer.WriteNumberValue(i); break;
            case long l: writer.WriteNumberValue(l); break;
            case ulong u: writer.WriteNumberValue(u); break;
            case double d: writer.WriteNumberValue(d); break;
            default: writer.WriteStringValue(EsqlFormat.Single(value)); break;
        }
    }
}
