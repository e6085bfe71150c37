using System.Text;

namespace AzureRules.Sdk.Kusto.Operators;

public static partial class KustoOperators
{
    /// <summary>
    /// <c>externaldata (schema) [uris] with (format=…, ignoreFirstRecord=…)</c>: the rows of every URL's local file
    /// (<see cref="KustoContext.ExternalData"/>), in the declared columns and types. Formats: csv (RFC 4180 quoting),
    /// tsv, txt (one line per row, first column), json/multijson (one JSON object per line, by column name).
    /// </summary>
    public static KustoTable ExternalData(KustoContext context, KustoColumn[] columns, string[] uris, string format, bool ignoreFirstRecord)
    {
        var rows = new List<KustoValue[]>();
        foreach (var uri in uris)
        {
            var path = context.ExternalData.Resolve(uri);
            var first = true;
            foreach (var line in ReadRecords(path, format))
            {
                if (first && ignoreFirstRecord) { first = false; continue; }
                first = false;
                rows.Add(ToRow(columns, line, format));
            }
        }
        return new KustoTable(columns, rows);
    }

    private static KustoValue[] ToRow(KustoColumn[] columns, string record, string format)
    {
        var row = new KustoValue[columns.Length];
        if (format is "json" or "multijson")
        {
            KustoJson.TryParse(record, out var json);
            var bag = json.IsBag ? json.AsBag : null;
            for (var c = 0; c < columns.Length; c++)
            {
                var value = bag is not null && bag.TryGet(columns[c].Name, out var v) ? v : KustoValue.Null;
                row[c] = value.IsNull ? KustoValue.NullOf(columns[c].Type) : KustoConvert.To(columns[c].Type, value);
            }
            return row;
        }
        IReadOnlyList<string> fields = format switch
        {
            "txt" or "raw" => new[] { record },
            "tsv" or "tsve" => record.Split('\t'),
            "psv" => record.Split('|'),
            _ => KustoCsv.SplitRecord(record),
        };
        for (var c = 0; c < columns.Length; c++)
        {
            var text = c < fields.Count ? fields[c] : null;
            row[c] = text is null || (text.Length == 0 && columns[c].Type != KustoType.String)
                ? KustoValue.NullOf(columns[c].Type)
                : KustoConvert.To(columns[c].Type, KustoValue.From(text));
        }
        return row;
    }

    /// <summary>The records of a file: lines, except that a CSV field in quotes may span lines.</summary>
    internal static IEnumerable<string> ReadRecords(string path, string format)
    {
        var record = new StringBuilder();
        var quotes = 0;
        foreach (var line in File.ReadLines(path))
        {
            if (record.Length > 0) record.Append('\n');
            record.Append(line);
            if (format is "csv" or "scsv" or "") foreach (var ch in line) if (ch == '"') quotes++;
            if (quotes % 2 == 1) continue;
            var text = record.ToString();
            record.Clear();
            quotes = 0;
            if (text.Length > 0) yield return text;
        }
        if (record.Length > 0) yield return record.ToString();
    }
}
