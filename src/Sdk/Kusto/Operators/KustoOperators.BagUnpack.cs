namespace AzureRules.Sdk.Kusto.Operators;

public static partial class KustoOperators
{
    /// <summary>
    /// <c>evaluate bag_unpack(Column [, OutputColumnPrefix] [, columnsConflict] [, ignoredProperties]) [: OutputSchema]</c>:
    /// the bag column is replaced by one column per property found in any row (ordered by name, named
    /// prefix + key), except ignored properties; rows without the property get null. A property named like a
    /// column of the input is, by <paramref name="columnsConflict"/>: <c>error</c> (the default: the query
    /// fails), <c>replace_source</c> (the property's column replaces the input's) or <c>keep_source</c> (the
    /// input's column stays, the property is not unpacked). With an output schema the result has exactly
    /// those columns, converted to their declared types (a missing one is null).
    /// </summary>
    public static KustoTable BagUnpack(KustoTable input, string column, string? prefix, KustoValue ignoredProperties = default,
        string columnsConflict = "error", KustoColumn[]? outputSchema = null)
    {
        var ignored = new HashSet<string>(ignoredProperties.IsArray ? ignoredProperties.AsArray.Select(Scalars.KustoStrings.Text) : [], StringComparer.Ordinal);
        var source = input.Schema.Slot(column);
        if (source < 0) throw new InvalidOperationException($"bag_unpack: no column '{column}'");
        var keySet = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in input.Rows)
        {
            var bag = KustoConvert.ToDynamic(row[source]);
            if (!bag.IsBag) continue;
            foreach (var key in bag.AsBag.Keys)
                if (!ignored.Contains(key)) keySet.Add(key);
        }
        var existing = new HashSet<string>(Enumerable.Range(0, input.Schema.Count).Where(i => i != source).Select(i => input.Columns[i].Name), StringComparer.Ordinal);
        var keys = new List<string>();
        foreach (var key in keySet.OrderBy(k => k, StringComparer.Ordinal))
        {
            if (existing.Contains((prefix ?? "") + key))
            {
                switch (columnsConflict)
                {
                    case "keep_source": continue;
                    case "replace_source": break;
                    default: throw new InvalidOperationException($"bag_unpack: the property '{key}' conflicts with the column '{(prefix ?? "") + key}' (columnsConflict='{columnsConflict}')");
                }
            }
            keys.Add(key);
        }
        var keySlots = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < keys.Count; i++) keySlots[keys[i]] = i;
        var replaced = new HashSet<string>(keys.Select(k => (prefix ?? "") + k), StringComparer.Ordinal);
        var kept = Enumerable.Range(0, input.Schema.Count).Where(i => i != source && !replaced.Contains(input.Columns[i].Name)).ToArray();
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
        var result = KustoTable.WithInferredTypes(names, rows, known);
        return outputSchema is null ? result : Conform(result, outputSchema);
    }

    /// <summary>The table with exactly the declared columns, in their order, each value converted to its declared type.</summary>
    private static KustoTable Conform(KustoTable table, KustoColumn[] schema)
    {
        var slots = schema.Select(c => table.Schema.Slot(c.Name)).ToArray();
        var rows = new List<KustoValue[]>(table.RowCount);
        foreach (var row in table.Rows)
        {
            var output = new KustoValue[schema.Length];
            for (var c = 0; c < schema.Length; c++)
                output[c] = slots[c] < 0 ? KustoValue.NullOf(schema[c].Type) : KustoConvert.To(schema[c].Type, row[slots[c]]);
            rows.Add(output);
        }
        return new KustoTable(schema, rows);
    }
}
