using AzureRules.Sdk.Kusto.Scalars;

namespace AzureRules.Sdk.Kusto.Operators;

/// <summary>
/// One level of top-nested: <c>top-nested [Count] of Name = Of [with others = Others] by Aggregate [asc|desc]</c>.
/// <see cref="Count"/> is negative when every value is kept; <see cref="HasOthers"/> adds the others row.
/// </summary>
public sealed record KustoTopNestedLevel(string Name, KustoBinder Of, long Count, bool HasOthers, KustoValue Others, KustoAggregate Aggregate, bool Ascending);

public static partial class KustoOperators
{
    /// <summary>
    /// <c>top-nested</c>: the first level groups the rows by its value and keeps the Count groups with the
    /// highest (or lowest, asc) aggregate; each next level does the same within each kept group. A row per
    /// path through the levels, each level giving its value and aggregate columns, in that order. With
    /// others, a level adds a row for the rest of its groups (value Others, their aggregate; deeper levels null).
    /// </summary>
    public static KustoTable TopNested(KustoTable input, KustoTopNestedLevel[] levels)
    {
        var schema = input.Schema;
        var ofs = levels.Select(l => l.Of(schema)).ToArray();
        var arguments = levels.Select(l => l.Aggregate.Arguments(schema)).ToArray();
        var names = new List<string>();
        foreach (var level in levels) { names.Add(level.Name); names.AddRange(level.Aggregate.Names); }
        var output = new List<KustoValue[]>();
        var path = new KustoValue[names.Count];
        Nest(input.Rows, 0, 0);
        return KustoTable.WithInferredTypes(UniqueNames(names), output);

        void Nest(IReadOnlyList<KustoValue[]> rows, int depth, int offset)
        {
            var level = levels[depth];
            var groups = new Dictionary<KustoValue, (List<KustoValue[]> Rows, KustoAccumulator State)>();
            var order = new List<KustoValue>();
            foreach (var row in rows)
            {
                var value = ofs[depth](row);
                if (!groups.TryGetValue(value, out var group))
                {
                    groups[value] = group = ([], level.Aggregate.Create());
                    order.Add(value);
                }
                group.Rows.Add(row);
                group.State.Add([.. arguments[depth].Select(a => a(row))]);
            }
            var width = level.Aggregate.Names.Length;
            var aggregated = order.Select(value =>
            {
                var result = new KustoValue[width];
                groups[value].State.Write(result, 0);
                return (Value: value, Aggregate: result);
            }).ToList();
            // stable: ties keep first-seen order
            var sorted = (level.Ascending
                ? aggregated.OrderBy(a => a.Aggregate[0], Comparer<KustoValue>.Create(KustoComparison.SortCompare))
                : aggregated.OrderByDescending(a => a.Aggregate[0], Comparer<KustoValue>.Create(KustoComparison.SortCompare))).ToList();
            var kept = level.Count < 0 ? sorted : sorted.Take((int)Math.Min(level.Count, int.MaxValue)).ToList();
            foreach (var (value, aggregate) in kept)
            {
                path[offset] = value;
                Array.Copy(aggregate, 0, path, offset + 1, width);
                if (depth + 1 < levels.Length) Nest(groups[value].Rows, depth + 1, offset + 1 + width);
                else output.Add((KustoValue[])path.Clone());
            }
            if (level.HasOthers && kept.Count < sorted.Count)
            {
                var rest = level.Aggregate.Create();
                foreach (var (value, _) in sorted.Skip(kept.Count))
                    foreach (var row in groups[value].Rows) rest.Add([.. arguments[depth].Select(a => a(row))]);
                var others = (KustoValue[])path.Clone();
                others[offset] = level.Others;
                rest.Write(others, offset + 1);
                for (var c = offset + 1 + width; c < others.Length; c++) others[c] = KustoValue.Null;
                output.Add(others);
            }
        }
    }

    /// <summary>
    /// <c>top-hitters N of Column [by Weight]</c>: the N values of the column with the most rows (or the largest
    /// sum of Weight), with that count (<c>approximate_count_Column</c>) or sum (<c>approximate_sum_Weight</c>).
    /// Computed exactly; Kusto allows an approximation.
    /// </summary>
    public static KustoTable TopHitters(KustoTable input, KustoValue count, string name, KustoBinder column, string weightName, KustoBinder? weight)
    {
        var schema = input.Layout;
        var of = column(schema);
        var by = weight?.Invoke(schema);
        var totals = new Dictionary<KustoValue, KustoValue>();
        var order = new List<KustoValue>();
        foreach (var row in input.Stream())
        {
            var value = of(row);
            var add = by is null ? KustoValue.From(1L) : by(row);
            if (!totals.TryGetValue(value, out var total)) { order.Add(value); total = KustoValue.From(0L); }
            totals[value] = add.IsNull ? total : KustoArithmetic.Add(total, add);
        }
        var n = (int)Math.Clamp(count.AsLong, 0, int.MaxValue);
        var rows = order.OrderByDescending(v => totals[v], Comparer<KustoValue>.Create(KustoComparison.SortCompare)).Take(n)
            .Select(v => new[] { v, totals[v] }).ToList();
        return KustoTable.WithInferredTypes([name, weightName], rows);
    }
}
