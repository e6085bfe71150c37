using AzureRules.Sdk.Esql;
using Xunit;
using static AzureRules.Sdk.Tests.Esql.EsqlTestData;

namespace AzureRules.Sdk.Tests.Esql;

/// <summary>STATS and every aggregate, with the ES|QL docs' semantics for multi-values and nulls.</summary>
public sealed class EsqlAggregateTests
{
    private static object? Aggregate(Func<EsqlAggregator> create, params object?[][] rows)
    {
        var aggregator = create();
        foreach (var row in rows) aggregator.Add(row);
        return aggregator.Result();
    }

    [Fact]
    public void Counts()
    {
        Assert.Equal(3L, Aggregate(EsqlAggregates.CountStar, [null], [1], [Multi(1, 2)]));
        // COUNT(field) counts values: each of a multi-value, never a null
        Assert.Equal(3L, Aggregate(EsqlAggregates.Count, [null], [1], [Multi(1, 2)]));
        Assert.Equal(2L, Aggregate(EsqlAggregates.CountDistinct, ["a"], [Multi("a", "b")], [null]));
        Assert.Equal(0L, Aggregate(EsqlAggregates.Count));
    }

    [Fact]
    public void Count_distinct_counts_exactly_with_or_without_a_precision_threshold()
    {
        // Elasticsearch's HyperLogLog++ counts exactly (barring hash collisions) below the precision threshold
        // (default 3000, at most 40000) and estimates above it; this runtime counts exactly at every size, and
        // the second argument (the threshold) changes nothing
        var rows = Enumerable.Range(0, 5000).Select(i => new object?[] { $"user-{i % 4000}", 100 }).ToArray();
        Assert.Equal(4000L, Aggregate(EsqlAggregates.CountDistinct, rows));
        Assert.Equal(4000L, Aggregate(EsqlAggregates.CountDistinct, [.. rows.Select(r => new[] { r[0] })]));
        Assert.Equal(2L, Aggregate(EsqlAggregates.CountDistinct, [Multi(1L, 2L)], [2L], [null]));
        Assert.Equal(0L, Aggregate(EsqlAggregates.CountDistinct, new object?[] { null }));
    }

    [Fact]
    public void Sums_averages_and_extremes()
    {
        Assert.Equal(6L, Aggregate(EsqlAggregates.Sum, [1], [Multi(2, 3)], [null]));
        Assert.Equal(3.5, Aggregate(EsqlAggregates.Sum, [1.5], [2]));
        Assert.Null(Aggregate(EsqlAggregates.Sum, new object?[] { null }));
        Assert.Null(Warned(() => Aggregate(EsqlAggregates.Sum, [long.MaxValue], [1L])).Result);
        Assert.Equal(2.0, Aggregate(EsqlAggregates.Avg, [1], [3]));
        Assert.Equal(1, Aggregate(EsqlAggregates.Min, [Multi(1, 5)], [3]));
        Assert.Equal("b", Aggregate(EsqlAggregates.Max, ["a"], ["b"]));
        Assert.Null(Aggregate(EsqlAggregates.Max));
    }

    [Fact]
    public void Medians_and_percentiles_interpolate()
    {
        Assert.Equal(2.5, Aggregate(EsqlAggregates.Median, [1], [2], [3], [4]));
        Assert.Equal(3.0, Aggregate(EsqlAggregates.Median, [1], [3], [5]));
        Assert.Equal(4.6, (double)Aggregate(EsqlAggregates.Percentile, [1, 90], [3, 90], [5, 90])!, 10);
        Assert.Equal(1.0, Aggregate(EsqlAggregates.MedianAbsoluteDeviation, [1], [2], [3], [4], [10]));
        Assert.Equal(2.0, Aggregate(EsqlAggregates.StdDev, [2], [4], [4], [4], [5], [5], [7], [9]));
    }

    [Fact]
    public void Values_top_and_weighted_average()
    {
        Assert.Equal(Multi("a", "b"), Aggregate(EsqlAggregates.Values, ["b"], [Multi("a", "b")], [null]));
        Assert.Equal(Multi(5, 4), Aggregate(EsqlAggregates.Top, [1, 2, "desc"], [5, 2, "desc"], [4, 2, "desc"]));
        Assert.Equal(Multi(1, 1), Aggregate(EsqlAggregates.Top, [1, 2, "asc"], [1, 2, "asc"], [4, 2, "asc"]));
        // with an output field: that field's values on the top rows; rows without it do not count
        Assert.Equal(Multi("a", "c"), Aggregate(EsqlAggregates.Top, [3, 2, "asc", "c"], [1, 2, "asc", "a"], [0, 2, "asc", null], [5, 2, "asc", "e"]));
        Assert.Null(Aggregate(EsqlAggregates.Top, [3, 2, "asc", null], [1, 2, "asc", null]));
        Assert.Equal(2.5, Aggregate(EsqlAggregates.WeightedAvg, [1, 1], [3, 3]));
        Assert.Equal("late", Aggregate(EsqlAggregates.Last, ["early", 1], ["late", 9], ["mid", 5]));
    }

    private static EsqlTable Events() => EsqlOperators.Row(
        new EsqlField("user", Constant(Multi("ann", "bob"))), new EsqlField("bytes", Constant(10)));

    [Fact]
    public void Stats_groups_fan_out_multi_valued_keys_and_outputs_aggregates_then_groups()
    {
        var table = EsqlOperators.Eval(Events());
        var rows = new List<object?[]>(table.Rows) { new object?[] { "ann", 5 }, new object?[] { null, 1 } };
        table = new EsqlTable(table.Columns, rows);
        var stats = EsqlOperators.Stats(table,
            [new EsqlAggregateCall(EsqlAggregates.CountStar, []), new EsqlAggregateCall(EsqlAggregates.Sum, [Column("bytes")])],
            [new EsqlField("user", Column("user"), CopyOf: "user")],
            [new EsqlField("c", Column("$agg0")), new EsqlField("total_plus_one", t => { var c = t["$agg1"]; return r => EsqlArithmetic.Add(r[c], 1); })]);
        Assert.Equal(["c:long", "total_plus_one:long", "user:keyword"], stats.Columns.Select(c => c.ToString()));
        Assert.Equal([[2L, 16L, "ann"], [1L, 11L, "bob"], [1L, 2L, null]], stats.Rows);
        Assert.True(stats.IsAggregated);
    }

    [Fact]
    public void Stats_without_groups_is_one_row_even_over_nothing_and_honours_a_where_filter()
    {
        var empty = new EsqlTable([new EsqlColumn("x", EsqlDataType.Integer)], []);
        var stats = EsqlOperators.Stats(empty, [new EsqlAggregateCall(EsqlAggregates.CountStar, []), new EsqlAggregateCall(EsqlAggregates.Max, [Column("x")])], [],
            [new EsqlField("c", Column("$agg0")), new EsqlField("m", Column("$agg1"))]);
        Assert.Equal([[0L, null]], stats.Rows);
        var filtered = EsqlOperators.Stats(Events(), [new EsqlAggregateCall(EsqlAggregates.CountStar, [], t => r => false)], [], [new EsqlField("c", Column("$agg0"))]);
        Assert.Equal([[0L]], filtered.Rows);
    }

    [Fact]
    public void Inline_stats_keeps_every_row_and_appends_its_group_aggregate()
    {
        var table = new EsqlTable([new EsqlColumn("g", EsqlDataType.Keyword), new EsqlColumn("v", EsqlDataType.Integer)],
            [["a", 1], ["a", 2], ["b", 5]]);
        var inline = EsqlOperators.InlineStats(table, [new EsqlAggregateCall(EsqlAggregates.Sum, [Column("v")])],
            [new EsqlField("g", Column("g"), CopyOf: "g")], [new EsqlField("s", Column("$agg0"))]);
        Assert.Equal(["g", "v", "s"], inline.Columns.Select(c => c.Name));
        Assert.Equal([3L, 3L, 5L], Values(inline, "s"));
    }
}
