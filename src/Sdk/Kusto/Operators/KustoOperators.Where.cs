namespace AzureRules.Sdk.Kusto.Operators;

public static partial class KustoOperators
{
    /// <summary><c>where predicate</c>: rows whose predicate is true (null or false drops the row); streams.</summary>
    public static KustoTable Where(KustoTable input, KustoBinder predicate)
    {
        var layout = input.Layout;
        var evaluate = predicate(layout);
        return KustoTable.Streaming(layout.Names, input.Types, Filter(input.Stream(), evaluate));
    }

    private static IEnumerable<KustoValue[]> Filter(IEnumerable<KustoValue[]> rows, KustoRowFunction predicate)
    {
        foreach (var row in rows)
            if (predicate(row).IsTrue) yield return row;
    }

    /// <summary><c>take n</c> / <c>limit n</c>.</summary>
    public static KustoTable Take(KustoTable input, KustoValue count)
    {
        var n = (int)Math.Clamp(count.AsLong, 0, int.MaxValue);
        return n >= input.RowCount ? input : new KustoTable(input.Schema, input.Rows.Take(n).ToList());
    }

    /// <summary><c>count</c>: one row, column Count.</summary>
    public static KustoTable Count(KustoTable input)
        => new([new KustoColumn("Count", KustoType.Long)], [[KustoValue.From((long)input.RowCount)]]);
}
