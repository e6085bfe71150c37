using AzureRules.Sdk.Kusto.Operators;

namespace AzureRules.Sdk.Kusto.Plugins;

public static partial class KustoPlugins
{
    /// <summary>
    /// <c>rolling_percentile(Value, Percentile, Index, Step, WindowSize [, Dim…])</c>: the Index is binned by Step; for
    /// each bin from a group's first to its last, the percentile (nearest rank, as percentile()) of the values
    /// in that bin and the WindowSize − 1 bins before it. Column <c>rolling_{WindowSize}_percentile_{Value}_{Percentile}</c>.
    /// </summary>
    public static KustoTable RollingPercentile(KustoTable input, KustoBinder value, string valueName, KustoValue percentile, KustoBinder index, string indexName,
        KustoValue step, KustoValue windowSize, string[] dimNames, KustoMultiBinder dims)
    {
        var schema = input.Layout;
        var valueOf = value(schema);
        var indexOf = index(schema);
        var dimsOf = dims(schema);
        var size = Ticks(step, "rolling_percentile: Step");
        if (size <= 0) throw new InvalidOperationException("rolling_percentile: the step must be positive");
        var width = windowSize.AsLong;
        if (width <= 0) throw new InvalidOperationException("rolling_percentile: the window size must be positive");
        var groups = new Dictionary<KustoKey, SortedDictionary<long, List<KustoValue>>>();
        var order = new List<KustoKey>();
        foreach (var row in input.Stream())
        {
            var at = indexOf(row);
            if (at.Type is not (KustoType.DateTime or KustoType.TimeSpan)) continue;
            var key = new KustoKey([.. dimsOf.Select(d => d(row))]);
            if (!groups.TryGetValue(key, out var bins)) { groups[key] = bins = []; order.Add(key); }
            var bin = (long)Math.Floor((double)at.Ticks / size);
            if (!bins.TryGetValue(bin, out var values)) bins[bin] = values = [];
            values.Add(valueOf(row));
        }
        var p = percentile.AsDouble;
        var rows = new List<KustoValue[]>();
        foreach (var key in order)
        {
            var bins = groups[key];
            var first = bins.Keys.First();
            var last = bins.Keys.Last();
            if (last - first > KustoOperators.MaxSeriesBins) throw new InvalidOperationException("rolling_percentile: too many bins");
            for (var b = first; b <= last; b++)
            {
                var accumulator = KustoAccumulators.Percentile();
                for (var w = b - width + 1; w <= b; w++)
                    if (bins.TryGetValue(w, out var values))
                        foreach (var v in values) accumulator.Add([v, percentile]);
                var result = new KustoValue[1];
                accumulator.Write(result, 0);
                rows.Add([KustoValue.FromTicks(KustoType.DateTime, b * size), .. key.Values, result[0]]);
            }
        }
        var name = $"rolling_{width}_percentile_{valueName}_{KustoFormat.ToText(KustoValue.From(p))}";
        return KustoTable.WithInferredTypes(UniqueNames([indexName, .. dimNames, name]), rows);
    }
}
