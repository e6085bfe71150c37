namespace AzureRules.Sdk.Kusto.Operators;

public static partial class KustoOperators
{
    /// <summary>
    /// <c>partition by Column (Subquery)</c>: the subquery runs once per distinct value of the column, on the
    /// rows holding it (first-seen order), and the results are unioned.
    /// </summary>
    public static KustoTable Partition(KustoTable input, KustoBinder key, Func<KustoTable, KustoTable> subquery)
    {
        var evaluate = key(input.Schema);
        var groups = new Dictionary<KustoValue, List<KustoValue[]>>();
        var order = new List<KustoValue>();
        foreach (var row in input.Rows)
        {
            var value = evaluate(row);
            if (!groups.TryGetValue(value, out var rows))
            {
                groups[value] = rows = [];
                order.Add(value);
            }
            rows.Add(row);
        }
        var results = order.Select(value => subquery(new KustoTable(input.Schema, groups[value])).Materialized()).ToArray();
        return results.Length == 0 ? subquery(new KustoTable(input.Schema, [])) : Union(results);
    }
}
