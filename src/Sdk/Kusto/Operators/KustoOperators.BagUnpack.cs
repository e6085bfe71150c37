namespace AzureRules.Sdk.Kusto.Operators;

public static partial class KustoOperators
{
    /// <summary>
    /// <c>evaluate bag_unpack(Column [, Prefix])</c>: the bag column is replaced by one column per
    /// property found in any row (in first-seen order, named prefix + key); rows without the property
    /// get null.
    /// </summary>
    public static KustoTable BagUnpack(KustoTable input, string column, string? prefix)
    {
        var source = input.Schema.Slot(column);
        if (source < 0) return input;
        var keys = new List<string>();
        var keySlots = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in input.Rows)
        {
            var bag = KustoConvert.ToDynamic(row[source]);
            if (!bag.IsBag) continue;
            foreach (var key in bag.AsBag.Keys)
                if (keySlots.TryAdd(key, keys.Count)) keys.Add(key);
        }
        var kept = Enumerable.Range(0, input.Schema.Count).Where(i => i != source).ToArray();
        var names = kept.Select(i => input.Columns[i].Name).Concat(keys.Select(k => (prefix ?? "") + k)).ToList();
        var rows = new List<KustoValue[]>(input.RowCount);
        foreach (var row in input.Rows)
        {
            var output = new KustoValue[names.Count];
            for (var i = 0; i < kept.Length; i++) output[i] = row[kept[i]];
            var bag = KustoConvert.ToDynamic(row[source]);
            if (bag.IsBag)
                foreach (var (key, value) in bag.AsBag.Properties) output[kept.Length + keySlots[key]] = value;
            rows.Add(output);
        }
        var known = new KustoType?[names.Count];
        for (var i = 0; i < kept.Length; i++) known[i] = input.Columns[kept[i]].Type;
        return KustoTable.WithInferredTypes(names, rows, known);
    }
}
