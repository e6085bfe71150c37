using System.Text.Json;

namespace AzureRules.Sdk.Kusto;

/// <summary>
/// Builds a table from JSON events (one object per line, UTF-8). With a schema, each column takes the
/// schema's type (JSON strings holding datetimes, timespans or guids are converted; a missing string
/// column is "" and any other missing column null); properties the schema lacks are added after its
/// columns. Without one, the columns are the events' top-level properties in first-seen order, typed by
/// their JSON values.
/// </summary>
public static class KustoEventReader
{
    public static KustoTable FromJsonLines(
        IEnumerable<ReadOnlyMemory<byte>> lines,
        IReadOnlyList<KustoColumn>? schema = null,
        Action<int, string>? onMalformedLine = null)
    {
        var columns = new List<KustoColumn>(schema ?? []);
        var slots = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < columns.Count; i++) slots[columns[i].Name] = i;
        var declared = columns.Count;
        var rows = new List<KustoValue[]>();
        var lineNumber = 0;
        foreach (var line in lines)
        {
            lineNumber++;
            if (IsBlank(line.Span)) continue;
            var row = new KustoValue[columns.Count];
            try
            {
                var reader = new Utf8JsonReader(line.Span, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
                if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                    throw new JsonException("an event must be a JSON object");
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var name = reader.GetString()!;
                    reader.Read();
                    var value = KustoJson.ReadValue(ref reader);
                    if (!slots.TryGetValue(name, out var slot))
                    {
                        slot = columns.Count;
                        slots[name] = slot;
                        columns.Add(new KustoColumn(name, value.IsNull ? KustoType.Dynamic : value.Type));
                        System.Array.Resize(ref row, columns.Count);
                    }
                    row[slot] = slot < declared ? KustoConvert.To(columns[slot].Type, value) : value;
                }
            }
            catch (JsonException e)
            {
                onMalformedLine?.Invoke(lineNumber, e.Message);
                continue;
            }
            rows.Add(row);
        }
        // rows read before a column first appeared are shorter: widen them (missing values are null)
        for (var r = 0; r < rows.Count; r++)
        {
            var row = rows[r];
            if (row.Length < columns.Count)
            {
                System.Array.Resize(ref row, columns.Count);
                rows[r] = row;
            }
            for (var c = 0; c < declared; c++)
            {
                if (row[c].IsNull) row[c] = KustoValue.NullOf(columns[c].Type);
            }
        }
        return new KustoTable(columns, rows);
    }

    public static KustoTable FromJsonLines(IEnumerable<string> lines, IReadOnlyList<KustoColumn>? schema = null, Action<int, string>? onMalformedLine = null)
        => FromJsonLines(lines.Select(l => (ReadOnlyMemory<byte>)System.Text.Encoding.UTF8.GetBytes(l)), schema, onMalformedLine);

    private static bool IsBlank(ReadOnlySpan<byte> line)
    {
        foreach (var b in line)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')) return false;
        }
        return true;
    }
}
