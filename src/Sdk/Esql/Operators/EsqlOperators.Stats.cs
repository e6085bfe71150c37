namespace AzureRules.Sdk.Esql;

/// <summary>One aggregate call of a STATS: a fresh accumulator per group, its argument expressions, and an optional WHERE filter.</summary>
/// <param name="TypeOf">The input column whose type the result has (MIN(x), TOP(x, …)): the result's type when every group's result is null.</param>
public readonly record struct EsqlAggregateCall(Func<EsqlAggregator> Create, EsqlExpression[] Arguments, EsqlExpression? Filter = null, string? TypeOf = null);

/// <summary>STATS … BY.</summary>
public static partial class EsqlOperators
{
    /// <summary>
    /// STATS: groups the rows by the BY expressions (a multi-valued key puts the row in the group of
    /// each of its values; a null key is a group of its own), runs every aggregate call per group, then
    /// computes the output columns from a row holding the aggregate results followed by the groups
    /// (named <c>$agg0</c>, <c>$agg1</c>, … and by the group names), so an aggregate can sit inside an
    /// expression (<c>STATS x = COUNT(*) + 1</c>). Output: the aggregate columns, then the BY columns.
    /// Without BY there is exactly one row, even over no input.
    /// </summary>
    public static EsqlTable Stats(EsqlTable table, EsqlAggregateCall[] aggregates, EsqlField[] groups, EsqlField[] outputs)
    {
        // groups first: a BY expression may be named and then referenced by the outputs
        var groupFunctions = groups.Select(g => g.Expression(table)).ToArray();
        var groupValues = table.Rows.Select(row => groupFunctions.Select(f => f(row)).ToArray()).ToArray();
        var groupColumns = groups.Select((g, i) => new EsqlColumn(g.Name,
            g.CopyOf is { } source && table.Find(source) is { } ordinal ? table.TypeOf(ordinal) : InferType(groupValues.Select(v => v[i]), g.Type))).ToArray();

        var arguments = aggregates.Select(a => a.Arguments.Select(e => e(table)).ToArray()).ToArray();
        var filters = aggregates.Select(a => a.Filter?.Invoke(table)).ToArray();

        var keyComparer = new KeyComparer();
        var states = new Dictionary<object?[], EsqlAggregator[]>(keyComparer);
        var order = new List<object?[]>();
        EsqlAggregator[] NewStates() => aggregates.Select(a => a.Create()).ToArray();
        if (groups.Length == 0)
        {
            states[[]] = NewStates();
            order.Add([]);
        }

        for (var r = 0; r < table.Rows.Count; r++)
        {
            var row = table.Rows[r];
            foreach (var key in Keys(groupValues[r]))
            {
                if (!states.TryGetValue(key, out var accumulators))
                {
                    states[key] = accumulators = NewStates();
                    order.Add(key);
                }
                for (var a = 0; a < aggregates.Length; a++)
                {
                    if (filters[a] is { } filter && !EsqlCompare.IsTrue(filter(row))) continue;
                    var args = new object?[arguments[a].Length];
                    for (var i = 0; i < args.Length; i++) args[i] = arguments[a][i](row);
                    accumulators[a].Add(args);
                }
            }
        }

        // the intermediate table: aggregate results, then the groups
        var results = order.Select(key => states[key].Select(s => s.Result()).Concat(key).ToArray()).ToList();
        var intermediateColumns = aggregates.Select((a, i) => new EsqlColumn("$agg" + i,
                InferType(results.Select(r => r[i]), a.TypeOf is { } column && table.Find(column) is { } ordinal ? table.TypeOf(ordinal) : null)))
            .Concat(groupColumns).ToArray();
        var intermediate = new EsqlTable(intermediateColumns, results);

        var outputColumns = new List<EsqlColumn>();
        var outputValues = new List<object?[]>();
        foreach (var output in outputs)
        {
            var evaluate = output.Expression(intermediate);
            var values = results.Select(r => evaluate(r)).ToArray();
            // an output that is one aggregate ($aggN) has that aggregate's type unless it is still unknown (null)
            var type = output.CopyOf is { } source && intermediate.Find(source) is { } ordinal
                && (!source.StartsWith('$') || intermediate.TypeOf(ordinal) != EsqlDataType.Null)
                ? intermediate.TypeOf(ordinal)
                : InferType(values, output.Type);
            outputColumns.Add(new EsqlColumn(output.Name, type));
            outputValues.Add(values);
        }
        // a later output or group with the same name wins, keeping the later position
        var columns = new List<EsqlColumn>();
        var sources = new List<Func<int, object?>>();
        void Add(EsqlColumn column, Func<int, object?> value)
        {
            var existing = columns.FindIndex(c => c.Name == column.Name);
            if (existing >= 0) { columns.RemoveAt(existing); sources.RemoveAt(existing); }
            columns.Add(column);
            sources.Add(value);
        }
        for (var o = 0; o < outputs.Length; o++)
        {
            var values = outputValues[o];
            Add(outputColumns[o], r => values[r]);
        }
        for (var g = 0; g < groups.Length; g++)
        {
            var index = aggregates.Length + g;
            Add(groupColumns[g], r => results[r][index]);
        }
        var rows = Enumerable.Range(0, results.Count).Select(r => sources.Select(s => s(r)).ToArray()).ToList();
        return new EsqlTable(columns, rows) { IsAggregated = true };
    }

    /// <summary>Every combination of the group values of one row: a multi-valued key fans out.</summary>
    private static IEnumerable<object?[]> Keys(object?[] values)
    {
        IEnumerable<object?[]> keys = [[]];
        foreach (var value in values)
        {
            object?[] options = value is EsqlMulti multi ? [.. multi.Items.Distinct(EsqlValueComparer.Instance!)] : [value];
            keys = keys.SelectMany(k => options.Select(o => k.Append(o).ToArray())).ToList();
        }
        return keys;
    }

    private sealed class KeyComparer : IEqualityComparer<object?[]>
    {
        public bool Equals(object?[]? x, object?[]? y)
        {
            if (x is null || y is null || x.Length != y.Length) return false;
            for (var i = 0; i < x.Length; i++)
            {
                if (x[i] is null != y[i] is null) return false;
                if (x[i] is not null && (x[i]!.GetType() != y[i]!.GetType() || EsqlCompare.Order(x[i], y[i]) != 0)) return false;
            }
            return true;
        }

        public int GetHashCode(object?[] key)
        {
            var hash = new HashCode();
            foreach (var value in key) hash.Add(value);
            return hash.ToHashCode();
        }
    }
}

public static partial class EsqlOperators
{
    /// <summary>
    /// INLINE STATS: the same aggregation, but every input row stays and gets its group's aggregate
    /// columns appended (a BY column keeps its place).
    /// </summary>
    public static EsqlTable InlineStats(EsqlTable table, EsqlAggregateCall[] aggregates, EsqlField[] groups, EsqlField[] outputs)
    {
        var stats = Stats(table, aggregates, groups, outputs);
        var groupFunctions = groups.Select(g => g.Expression(table)).ToArray();
        var groupPositions = groups.Select(g => stats[g.Name]).ToArray();
        var byKey = new Dictionary<string, object?[]>(StringComparer.Ordinal);
        foreach (var row in stats.Rows) byKey[Key(groupPositions.Select(p => row[p]))] = row;
        var outputPositions = outputs.Select(o => stats[o.Name]).ToArray();
        var result = table;
        for (var o = 0; o < outputs.Length; o++)
        {
            var values = new object?[table.Rows.Count];
            for (var r = 0; r < table.Rows.Count; r++)
            {
                var key = groupFunctions.Select(f => f(table.Rows[r]) is EsqlMulti m ? m.Items[0] : f(table.Rows[r]));
                if (byKey.TryGetValue(Key(key), out var group)) values[r] = group[outputPositions[o]];
            }
            result = Append(result, outputs[o].Name, stats.TypeOf(outputPositions[o]), values);
        }
        return result;
    }

    private static string Key(IEnumerable<object?> values)
        => string.Join("\u0001", values.Select(v => v is null ? "\u0000" : v.GetType().Name + ":" + EsqlFormat.Cell(v)));
}
