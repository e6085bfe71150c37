namespace AzureRules.Sdk.Kusto.Operators;

public static partial class KustoOperators
{
    /// <summary>
    /// <c>mv-expand [with_itemindex=I] a [to typeof(t)], b = expr, … [limit n]</c>: one row per element,
    /// the listed arrays expanded side by side (a shorter array yields nulls). A bag expands into one
    /// single-property bag per property; a scalar stays one row; an empty array or null yields none.
    /// </summary>
    public static KustoTable MvExpand(KustoTable input, string[] names, KustoMultiBinder expressions, KustoType?[] toTypes, string? indexColumn = null, long limit = long.MaxValue, bool bagsAsArrays = false)
    {
        var layout = input.Layout;
        var evaluators = expressions(layout);
        var outputNames = new List<string>(layout.Names);
        var targets = new int[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            var slot = outputNames.IndexOf(names[i]);
            if (slot < 0) { slot = outputNames.Count; outputNames.Add(names[i]); }
            targets[i] = slot;
        }
        var indexSlot = -1;
        if (indexColumn is not null) { indexSlot = outputNames.Count; outputNames.Add(indexColumn); }
        var width = layout.Count;
        var declared = new KustoType?[outputNames.Count];
        for (var i = 0; i < targets.Length; i++) declared[targets[i]] = toTypes[i] ?? KustoType.Dynamic;
        // the index column is typed by its values: long, or string when no row has one
        var types = KustoColumnTypes.Derived(input.Types, width, targets, declared);
        return KustoTable.Streaming(outputNames, types, ExpandRows(input.Stream(), evaluators, toTypes, targets, indexSlot, width, outputNames.Count, limit, bagsAsArrays, types));
    }

    private static IEnumerable<KustoValue[]> ExpandRows(IEnumerable<KustoValue[]> rows, KustoRowFunction[] evaluators, KustoType?[] toTypes, int[] targets, int indexSlot, int width, int outputWidth, long limit, bool bagsAsArrays, KustoColumnTypes types)
    {
        var items = new KustoValue[evaluators.Length][];
        foreach (var row in rows)
        {
            var count = 0;
            for (var i = 0; i < evaluators.Length; i++)
            {
                items[i] = Elements(evaluators[i](row), bagsAsArrays);
                count = Math.Max(count, items[i].Length);
            }
            count = (int)Math.Min(count, limit);
            for (var n = 0; n < count; n++)
            {
                var output = new KustoValue[outputWidth];
                Array.Copy(row, output, width);
                for (var i = 0; i < evaluators.Length; i++)
                {
                    var value = n < items[i].Length ? items[i][n] : KustoValue.Null;
                    output[targets[i]] = toTypes[i] is { } type ? KustoConvert.To(type, value) : value;
                }
                if (indexSlot >= 0) output[indexSlot] = KustoValue.From((long)n);
                types.Witness(output);
                yield return output;
            }
        }
    }

    private static KustoValue[] Elements(KustoValue value, bool bagsAsArrays)
    {
        if (value.IsString) value = KustoConvert.ToDynamic(value);
        if (value.IsArray) return value.AsArray;
        if (value.IsBag)
        {
            return [.. value.AsBag.Properties.Select(p =>
            {
                if (bagsAsArrays) return KustoValue.Array([KustoValue.From(p.Key), p.Value]);
                var single = new KustoBag { [p.Key] = p.Value };
                return KustoValue.Bag(single);
            })];
        }
        return value.IsNull ? [] : [value];
    }
}
