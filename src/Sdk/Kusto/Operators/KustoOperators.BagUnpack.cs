namespace AzureRules.Sdk.Kusto.Operators;

public static partial class KustoOperators
{
    /// <summary>
    /// <c>evaluate bag_unpack(Column [, Prefix])</c>: the bag column is replaced by one column per
    /// property found in any row (ordered by name, named prefix + key), except ignored properties;
    /// rows without the property get null.
    /// </summary>
    public static KustoTable BagUnpack(KustoTable input, string column, string? prefix, KustoValue ignoredProperties = default)
    {
        var ignored = new HashSet<string>(ignoredProperties.IsArray ? ignoredProperties.AsArray.Select(Scalars.KustoStrings.Text) : [], StringComparer.Ordinal);
        var source = input.Schema.Slot(column);
        if (source < 0) return input;
        var keys = new List<string>();
        var keySlots = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in input.Rows)
        {
            var bag = KustoConvert.ToDynamic(row[source]);
            if (!bag.IsBag) continue;
            foreach (var key in bag.AsBag.Keys)
                if (!ignored.Contains(key) && keySlots.TryAdd(key, keys.Count)) keys.Add(key);
        }
        keys.Sort(StringComparer.Ordinal);
        for (var i = 0; i < keys.Count; i++) keySlots[keys[i]] = i;
        var kept = Enumerable.Range(0, input.Schema.Count).Where(i => i != source).ToArray();
        var names = kept.Select(i => input.Columns[i].Name).Concat(keys.Select(k => (prefix ?? "") + k)).ToList();
        var rows = new List<KustoValue[]>(input.RowCount);
        foreach (var row in input.Rows)
        {
            var output = new KustoValue[names.Count];
            for (var i = 0; i < kept.Length; i++) output[i] = row[kept[i]];
            var bag = KustoConvert.ToDynamic(row[source]);
            if (bag.IsBag)
                foreach (var (key, value) in bag.AsBag.Properties)
                    if (keySlots.TryGetValue(key, out var slot)) output[kept.Length + slot] = value;
            rows.Add(output);
        }
        var known = new KustoType?[names.Count];
        for (var i = 0; i < kept.Length; i++) known[i] = input.Columns[kept[i]].Type;
        return KustoTable.WithInferredTypes(names, rows, known);
    }
}
