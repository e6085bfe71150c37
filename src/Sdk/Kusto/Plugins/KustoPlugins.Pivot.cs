using AzureRules.Sdk.Kusto.Operators;

namespace AzureRules.Sdk.Kusto.Plugins;

public static partial class KustoPlugins
{
    /// <summary>
    /// <c>evaluate pivot(PivotColumn [, Aggregation] [, Column…])</c>: one row per distinct combination of the
    /// columns (first-seen order), then one column per distinct value of PivotColumn (named by its text, in
    /// ordinal order) holding the aggregation of that group's rows with that value, count() by default; a
    /// group without rows for a value gets the aggregation of no rows (count: 0, any: null).
    /// </summary>
    public static KustoTable Pivot(KustoTable input, KustoBinder pivot, KustoAggregate? aggregation, string[] columnNames, KustoMultiBinder columns)
    {
        aggregation ??= new KustoAggregate(["count_"], KustoAccumulators.Count, _ => []);
        var schema = input.Layout;
        var pivotEvaluator = pivot(schema);
        var keyEvaluators = columns(schema);
        var argumentEvaluators = aggregation.Arguments(schema);
        var arguments = new KustoValue[argumentEvaluators.Length];
        var groups = new Dictionary<KustoKey, Dictionary<string, KustoAccumulator>>();
        var order = new List<KustoKey>();
        var pivotNames = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var row in input.Stream())
        {
            var keyValues = new KustoValue[keyEvaluators.Length];
            for (var k = 0; k < keyEvaluators.Length; k++) keyValues[k] = keyEvaluators[k](row);
            var key = new KustoKey(keyValues);
            if (!groups.TryGetValue(key, out var cells))
            {
                groups[key] = cells = new Dictionary<string, KustoAccumulator>(StringComparer.Ordinal);
                order.Add(key);
            }
            var name = KustoFormat.ToText(pivotEvaluator(row));
            pivotNames.Add(name);
            if (!cells.TryGetValue(name, out var accumulator)) cells[name] = accumulator = aggregation.Create();
            for (var i = 0; i < argumentEvaluators.Length; i++) arguments[i] = argumentEvaluators[i](row);
            accumulator.Add(arguments);
        }
        var names = UniqueNames(columnNames.Concat(pivotNames));
        var rows = new List<KustoValue[]>(order.Count);
        var cell = new KustoValue[1];
        foreach (var key in order)
        {
            var output = new KustoValue[names.Count];
            Array.Copy(key.Values, output, key.Values.Length);
            var c = key.Values.Length;
            foreach (var value in pivotNames)
            {
                cell[0] = KustoValue.Null; // an accumulator of no rows may write nothing
                (groups[key].TryGetValue(value, out var accumulator) ? accumulator : aggregation.Create()).Write(cell, 0);
                output[c++] = cell[0];
            }
            rows.Add(output);
        }
        return KustoTable.WithInferredTypes(names, rows);
    }
}
