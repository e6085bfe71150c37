namespace AzureRules.Sdk.Kusto.Operators;

public static partial class KustoOperators
{
    /// <summary>
    /// <c>mv-apply items on (subquery)</c>: for each input row, the items are expanded into a small
    /// table (as mv-expand would), the subquery runs on it, and each row it returns is joined to the
    /// input row (a column the subquery returns replaces the input's column of that name).
    /// </summary>
    public static KustoTable MvApply(KustoTable input, string[] names, KustoMultiBinder expressions, KustoType?[] toTypes, string? indexColumn, long limit, Func<KustoTable, KustoTable> subquery)
    {
        var evaluators = expressions(input.Schema);
        var itemNames = indexColumn is null ? names : [.. names, indexColumn];
        var itemColumns = itemNames.Select((n, i) => new KustoColumn(n, i < toTypes.Length ? toTypes[i] ?? KustoType.Dynamic : KustoType.Long)).ToArray();
        var outputNames = new List<string>(input.Schema.Names);
        var rows = new List<KustoValue[]>();
        var results = new List<(KustoValue[] Row, KustoTable Result)>();
        foreach (var row in input.Rows)
        {
            var items = evaluators.Select(e => Elements(e(row), bagsAsArrays: false)).ToArray();
            var count = (int)Math.Min(items.Length == 0 ? 0 : items.Max(i => i.Length), limit);
            var expanded = new List<KustoValue[]>(count);
            for (var n = 0; n < count; n++)
            {
                var item = new KustoValue[itemNames.Length];
                for (var i = 0; i < items.Length; i++)
                {
                    var value = n < items[i].Length ? items[i][n] : KustoValue.Null;
                    item[i] = toTypes[i] is { } type ? KustoConvert.To(type, value) : value;
                }
                if (indexColumn is not null) item[^1] = KustoValue.From((long)n);
                expanded.Add(item);
            }
            var result = subquery(new KustoTable(itemColumns, expanded));
            foreach (var column in result.Columns)
                if (!outputNames.Contains(column.Name)) outputNames.Add(column.Name);
            results.Add((row, result));
        }
        var width = input.Schema.Count;
        foreach (var (row, result) in results)
        {
            var map = result.Columns.Select(c => outputNames.IndexOf(c.Name)).ToArray();
            foreach (var resultRow in result.Rows)
            {
                var output = new KustoValue[outputNames.Count];
                Array.Copy(row, output, width);
                for (var c = 0; c < map.Length; c++) output[map[c]] = resultRow[c];
                rows.Add(output);
            }
        }
        return KustoTable.WithInferredTypes(outputNames, rows);
    }
}
