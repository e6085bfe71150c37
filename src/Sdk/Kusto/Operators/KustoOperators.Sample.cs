namespace AzureRules.Sdk.Kusto.Operators;

public static partial class KustoOperators
{
    /// <summary><c>sample N</c>: up to N rows picked at random (uniformly, each row at most once), in input order.</summary>
    public static KustoTable Sample(KustoTable input, KustoValue count)
    {
        var rows = input.Rows;
        var n = (int)Math.Clamp(count.AsLong, 0, rows.Count);
        return new KustoTable(input.Schema, [.. PickIndexes(rows.Count, n).Select(i => rows[i])]);
    }

    /// <summary><c>sample-distinct N of Column</c>: up to N distinct values of the column, picked at random; one column.</summary>
    public static KustoTable SampleDistinct(KustoTable input, KustoValue count, string name, KustoBinder column)
    {
        var evaluate = column(input.Layout);
        var seen = new HashSet<KustoValue>();
        var values = new List<KustoValue>();
        foreach (var row in input.Stream())
        {
            var value = evaluate(row);
            if (seen.Add(value)) values.Add(value);
        }
        var n = (int)Math.Clamp(count.AsLong, 0, values.Count);
        return KustoTable.WithInferredTypes([name], [.. PickIndexes(values.Count, n).Select(i => new[] { values[i] })]);
    }

    /// <summary>n distinct indexes of [0, total), chosen at random, ascending (a partial Fisher-Yates shuffle).</summary>
    private static IEnumerable<int> PickIndexes(int total, int n)
    {
        if (n >= total) return Enumerable.Range(0, total);
        var indexes = Enumerable.Range(0, total).ToArray();
        for (var i = 0; i < n; i++)
        {
            var j = Random.Shared.Next(i, total);
            (indexes[i], indexes[j]) = (indexes[j], indexes[i]);
        }
        return indexes.Take(n).Order();
    }
}
