using AzureRules.Cli.Compilation;
using AzureRules.Generators.Model;
using AzureRules.Sdk.Kusto;
using Xunit;

namespace AzureRules.Cli.Tests.Kusto;

/// <summary>
/// The aggregates and row functions added to the runtime, through the compiler: the columns they produce (named as
/// Kusto names them) and their values, from the documentation's examples.
/// </summary>
public sealed class KustoAggregateQueryTests
{
    private static readonly KustoContext Context = new(new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc), new Dictionary<string, KustoTable>());

    private static KustoTable Run(string query)
    {
        var library = RuleLibrary.FromDefinitions([AdHocRules.Create(QueryLanguage.Kusto, query)]);
        Assert.DoesNotContain(library.Diagnostics, d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
        var detection = Assert.IsAssignableFrom<KustoDetection>(Assert.Single(library.Detections));
        Assert.True(detection.IsExecutable, detection.NotExecutableReason);
        return detection.Execute(Context);
    }

    [Fact]
    public void Covariance_columns_are_named_after_both_series()
    {
        var result = Run("datatable(x:real, y:real) [1.0, 14.0, 2.0, 10.0, 3.0, 17.0, 4.0, 20.0, 5.0, 50.0] | summarize covariance(x, y), c = covarianceif(x, y, x > 1)");
        Assert.Equal(["covariance_x_y", "c"], result.Columns.Select(c => c.Name));
        Assert.Equal(20.5, result.Rows[0][0].AsDouble, 9);
    }

    [Fact]
    public void Percentiles_make_one_column_per_percentile_and_a_tuple_names_them()
    {
        var result = Run("""
            datatable(ReqCount:long, LatencyBucket:long) [8, 10, 6, 20, 3, 30, 1, 40]
            | summarize percentilesw(LatencyBucket, ReqCount, 50, 75, 99.9), (p50, p100) = percentiles(LatencyBucket, 50, 100)
            """);
        Assert.Equal(["percentile_LatencyBucket_50", "percentile_LatencyBucket_75", "percentile_LatencyBucket_99_9", "p50", "p100"], result.Columns.Select(c => c.Name));
        Assert.Equal(["20", "20", "40", "20", "40"], result.RowsAsText().Single());
    }

    [Fact]
    public void Binary_all_xor_and_take_anyif_run_in_summarize_by_key()
    {
        var result = Run("""
            datatable(k:string, num:long) ['a', 1, 'a', 3, 'b', 4]
            | summarize x = binary_all_xor(num), any = take_anyif(num, num > 2) by k
            | order by k asc
            """);
        Assert.Equal([["a", "2", "3"], ["b", "4", "4"]], result.RowsAsText());
    }

    [Fact]
    public void Pack_all_packs_each_row_of_the_operator_input()
    {
        var result = Run("""
            datatable(Source:string, Target:string, CharsCount:long) ['555-1234', '555-1212', 46, '555-1313', '', 42]
            | extend Packed = pack_all(), Sparse = pack_all(true)
            | project Packed, Sparse
            """);
        Assert.Equal("""{"Source":"555-1313","Target":"","CharsCount":42}""", KustoJson.Write(result.Rows[1][0]));
        Assert.Equal("""{"Source":"555-1313","CharsCount":42}""", KustoJson.Write(result.Rows[1][1]));
    }

    [Fact]
    public void Conversions_and_array_shifts_run_in_print()
    {
        var result = Run("print a = convert_angle(1.2, 'Degree', 'Arcminute'), b = array_shift_left(dynamic([1,2,3,4,5]), 2), c = convert_force(1.2, 'Newton', 'NoSuchUnit')");
        Assert.Equal(["72", "[3,4,5,null,null]", ""], result.RowsAsText().Single());
    }

    [Fact]
    public void Functions_of_several_values_give_a_column_per_value_named_by_a_tuple_or_after_the_series()
    {
        var named = Run("""
            print y = dynamic([2, 5, 6, 8, 11, 15, 17, 18, 25, 26, 30, 30])
            | extend (RSquare, Slope) = series_fit_line(y)
            | project RSquare, Slope
            """);
        Assert.Equal(["RSquare", "Slope"], named.Columns.Select(c => c.Name));
        Assert.Equal(0.982900730884447, named.Rows[0][0].AsDouble, 9);
        Assert.Equal(2.730769230769231, named.Rows[0][1].AsDouble, 9);

        var unnamed = Run("""
            print x = dynamic([23, 46, 23, 87, 4, 8, 3, 75, 2, 56, 13, 75, 32, 16, 29])
            | extend series_stats(x)
            """);
        Assert.Equal(["x", "series_stats_x_min", "series_stats_x_min_idx", "series_stats_x_max", "series_stats_x_max_idx", "series_stats_x_avg", "series_stats_x_stdev", "series_stats_x_variance"],
            unnamed.Columns.Select(c => c.Name));
        Assert.Equal(["2", "8", "87", "3", "32.8"], unnamed.RowsAsText().Single().Skip(1).Take(5));
    }

    [Fact]
    public void Tdigest_percentiles_and_ranks_are_exact_on_small_sets_and_merge()
    {
        Assert.Equal("2", Run("""
            datatable(V:real, W:long) [1.0, 1, 2.0, 2]
            | summarize TD = tdigest(V, W)
            | project P50 = percentile_tdigest(TD, 50)
            """).RowsAsText().Single()[0]);
        Assert.Equal("685", Run("range x from 1 to 1000 step 1 | summarize t_x = tdigest(x) | project rank_tdigest(t_x, 685)").RowsAsText().Single()[0]);
        var merged = Run("""
            range x from 1 to 100 step 1
            | summarize d = tdigest(x) by odd = x % 2
            | summarize m = tdigest_merge(d)
            | project p = percentiles_array_tdigest(m, 10, 50, 100), r = percentrank_tdigest(m, 25)
            """);
        Assert.Equal(["[10,50,100]", "25"], merged.RowsAsText().Single());
    }

    [Fact]
    public void Hll_sketches_estimate_distinct_counts_within_the_accuracy_and_merge_as_a_union()
    {
        var result = Run("""
            range x from 1 to 20000 step 1
            | summarize h = hll(x % 5000), even = hll_if(x, x % 2 == 0, 2) by part = x % 2
            | summarize merged = hll_merge(h), evens = hll_merge(even)
            | project distinct = dcount_hll(merged), evens = dcount_hll(evens)
            """);
        var row = result.Rows.Single();
        Assert.InRange(row[0].AsLong, 5000 * 0.97, 5000 * 1.03); // default accuracy: 0.8% standard error
        Assert.InRange(row[1].AsLong, 10000 * 0.985, 10000 * 1.015); // accuracy 2: 0.4%
        Assert.Equal("100", Run("range x from 1 to 100 step 1 | summarize h = hll(x) | project dcount_hll(h)").RowsAsText().Single()[0]);
    }
}
