namespace AzureRules.Sdk.Kusto.Operators;

public static partial class KustoOperators
{
    /// <summary><c>where predicate</c>: rows whose predicate is true (null or false drops the row).</summary>
    public static KustoTable Where(KustoTable input, KustoBinder predicate)
    {
        var evaluate = predicate(input.Schema);
        var rows = new List<KustoValue[]>();
        foreach (var row in input.Rows)
        {
            if (evaluate(row).IsTrue) rows.Add(row);
        }
        return new KustoTable(input.Schema, rows);
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
