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
        var reader = new KustoRowReader(schema);
        var rows = new List<KustoValue[]>();
        var lineNumber = 0;
        foreach (var line in lines)
        {
            lineNumber++;
            if (IsBlank(line.Span)) continue;
            try
            {
                rows.Add(reader.Read(line.Span));
            }
            catch (JsonException e)
            {
                onMalformedLine?.Invoke(lineNumber, e.Message);
            }
        }
        // rows read before a column first appeared are shorter: widen them (missing values are null)
        var columns = reader.Columns;
        for (var r = 0; r < rows.Count; r++)
        {
            if (rows[r].Length < columns.Count)
            {
                var row = rows[r];
                System.Array.Resize(ref row, columns.Count);
                rows[r] = row;
            }
        }
        return new KustoTable([.. columns], rows);
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
