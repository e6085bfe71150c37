namespace AzureRules.Sdk.Kusto.Operators;

public static partial class KustoOperators
{
    /// <summary>
    /// <c>union</c> (outer): the columns of all tables by name in first-seen order, rows of each table in
    /// turn, absent columns null. With <paramref name="sourceColumn"/> (withsource=), a first column
    /// names each row's table.
    /// </summary>
    public static KustoTable Union(KustoTable[] tables, string? sourceColumn = null, string[]? tableNames = null)
    {
        var names = new List<string>();
        var types = new List<KustoType>();
        var slots = new Dictionary<string, int>(StringComparer.Ordinal);
        var offset = 0;
        if (sourceColumn is not null)
        {
            names.Add(sourceColumn);
            types.Add(KustoType.String);
            slots[sourceColumn] = 0;
            offset = 1;
        }
        foreach (var table in tables)
        {
            foreach (var column in table.Columns)
            {
                if (slots.ContainsKey(column.Name)) continue;
                slots[column.Name] = names.Count;
                names.Add(column.Name);
                types.Add(column.Type);
            }
        }
        var rows = new List<KustoValue[]>();
        for (var t = 0; t < tables.Length; t++)
        {
            var table = tables[t];
            var map = table.Columns.Select(c => slots[c.Name]).ToArray();
            foreach (var row in table.Rows)
            {
                var output = new KustoValue[names.Count];
                for (var c = 0; c < output.Length; c++) output[c] = KustoValue.NullOf(types[c]);
                if (offset == 1) output[0] = KustoValue.From(tableNames?[t] ?? "");
                for (var c = 0; c < map.Length; c++) output[map[c]] = row[c];
                rows.Add(output);
            }
        }
        return new KustoTable(names.Select((n, i) => new KustoColumn(n, types[i])).ToArray(), rows);
    }
}
