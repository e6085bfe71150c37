namespace AzureRules.Sdk.Kusto.Operators;

public static partial class KustoOperators
{
    /// <summary>The most bins one make-series builds: a step far smaller than its range is a query error, not an allocation.</summary>
    public const long MaxSeriesBins = 1_000_000;

    /// <summary>
    /// <c>make-series Aggregates [default=D] on Axis [from F] [to T] step S [by Keys]</c>: one row per distinct key
    /// combination (first-seen order) holding the keys, one array per aggregate (the aggregate of each bin's
    /// rows, <paramref name="defaults"/> where a bin has none) and the axis array (the bins' start values).
    /// Rows are binned by <c>bin_at(Axis, S, F)</c>; without F the series start at the first bin with data
    /// (<c>bin(Axis, S)</c>), without T they end after the last one; T is exclusive. Rows whose axis is null or
    /// outside the range are left out. <paramref name="nonEmpty"/> (kind=nonempty) makes an empty input give
    /// one row of defaults when the query has no keys.
    /// </summary>
    public static KustoTable MakeSeries(KustoTable input, string[] keyNames, KustoMultiBinder keys, KustoAggregate[] aggregates, KustoValue[] defaults,
        string axisName, KustoBinder axis, KustoValue from, KustoValue to, KustoValue step, bool nonEmpty)
    {
        var schema = input.Schema;
        var keyEvaluators = keys(schema);
        var axisEvaluator = axis(schema);
        var argumentEvaluators = aggregates.Select(a => a.Arguments(schema)).ToArray();
        var aggregateNames = aggregates.Select(a => a.StarNames?.Invoke(schema) ?? a.Names).ToArray();
        var stepSize = Position(step);
        if (stepSize is not > 0) throw new InvalidOperationException($"make-series: the step must be a positive number or timespan, not '{step}'");

        var rows = input.Rows;
        var positions = new decimal?[rows.Count];
        var axisType = from.IsNull ? (KustoType?)null : from.Type;
        for (var i = 0; i < rows.Count; i++)
        {
            var value = axisEvaluator(rows[i]);
            if (value.IsNull) continue;
            positions[i] = Position(value);
            axisType ??= value.Type;
        }
        decimal? start = from.IsNull ? null : Position(from);
        if (start is null)
        {
            // the first bin with data, bins aligned as bin(Axis, step) aligns them
            foreach (var p in positions)
                if (p is { } position && (to.IsNull || position < Position(to)!.Value))
                {
                    var bin = Math.Floor(position / stepSize.Value) * stepSize.Value;
                    if (start is null || bin < start) start = bin;
                }
        }
        long count = 0;
        if (start is { } first)
        {
            if (!to.IsNull) count = (long)Math.Max(0, Math.Ceiling((Position(to)!.Value - first) / stepSize.Value));
            else foreach (var p in positions)
                    if (p is { } position && position >= first) count = Math.Max(count, (long)Math.Floor((position - first) / stepSize.Value) + 1);
        }
        if (count > MaxSeriesBins)
            throw new InvalidOperationException($"make-series: {count} bins exceed the limit of {MaxSeriesBins}; use a larger step or a shorter range");

        var groups = new Dictionary<KustoKey, Dictionary<long, KustoAccumulator[]>>();
        var order = new List<KustoKey>();
        var arguments = argumentEvaluators.Select(e => new KustoValue[e.Length]).ToArray();
        for (var i = 0; i < rows.Count; i++)
        {
            if (positions[i] is not { } position) continue;
            var index = (long)Math.Floor((position - start!.Value) / stepSize.Value);
            if (index < 0 || index >= count) continue;
            var keyValues = new KustoValue[keyEvaluators.Length];
            for (var k = 0; k < keyEvaluators.Length; k++) keyValues[k] = keyEvaluators[k](rows[i]);
            var key = new KustoKey(keyValues);
            if (!groups.TryGetValue(key, out var cells))
            {
                groups[key] = cells = [];
                order.Add(key);
            }
            if (!cells.TryGetValue(index, out var state)) cells[index] = state = aggregates.Select(a => a.Create()).ToArray();
            for (var a = 0; a < state.Length; a++)
            {
                for (var j = 0; j < argumentEvaluators[a].Length; j++) arguments[a][j] = argumentEvaluators[a][j](rows[i]);
                state[a].Add(arguments[a]);
            }
        }
        if (order.Count == 0 && nonEmpty && keyEvaluators.Length == 0 && count > 0)
        {
            var empty = new KustoKey([]);
            groups[empty] = [];
            order.Add(empty);
        }

        var axisValues = new KustoValue[count];
        for (var k = 0; k < count; k++) axisValues[k] = AxisValue(axisType ?? KustoType.Long, start!.Value + k * stepSize.Value);
        var axisArray = KustoValue.Array(axisValues);
        var names = new List<string>(keyNames);
        foreach (var group in aggregateNames) names.AddRange(group);
        names.Add(axisName);
        var output = new List<KustoValue[]>(order.Count);
        foreach (var key in order)
        {
            var row = new KustoValue[names.Count];
            Array.Copy(key.Values, row, key.Values.Length);
            var offset = key.Values.Length;
            var cells = groups[key];
            for (var a = 0; a < aggregates.Length; a++)
            {
                var width = aggregateNames[a].Length;
                var series = new KustoValue[width][];
                for (var j = 0; j < width; j++) series[j] = new KustoValue[count];
                var written = new KustoValue[width];
                for (var k = 0; k < count; k++)
                {
                    Array.Clear(written);
                    if (cells.TryGetValue(k, out var state)) state[a].Write(written, 0);
                    for (var j = 0; j < width; j++) series[j][k] = state is null ? defaults[a] : written[j];
                }
                for (var j = 0; j < width; j++) row[offset + j] = KustoValue.Array(series[j]);
                offset += width;
            }
            row[offset] = axisArray;
            output.Add(row);
        }
        var known = new KustoType?[names.Count];
        for (var c = keyNames.Length; c < names.Count; c++) known[c] = KustoType.Dynamic;
        return KustoTable.WithInferredTypes(UniqueNames(names), output, known);
    }

    /// <summary>A value on the axis as a number: ticks for datetime and timespan, else its numeric value; null when it is neither.</summary>
    private static decimal? Position(KustoValue value) => value.Type switch
    {
        KustoType.DateTime or KustoType.TimeSpan => value.Ticks,
        KustoType.Int or KustoType.Long or KustoType.Real or KustoType.Decimal => value.AsDecimal,
        _ => null,
    };

    private static KustoValue AxisValue(KustoType type, decimal position) => type switch
    {
        KustoType.DateTime or KustoType.TimeSpan => KustoValue.FromTicks(type, (long)position),
        KustoType.Int => KustoValue.FromInt((int)position),
        KustoType.Long => KustoValue.From((long)position),
        KustoType.Decimal => KustoValue.From(position),
        _ => KustoValue.From((double)position),
    };
}
