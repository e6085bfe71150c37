using Xunit;

namespace AzureRules.Cli.Tests.Kusto;

/// <summary>make-series, from the Kusto documentation's examples and edge cases: bins, defaults, range forms, keys, kind=nonempty.</summary>
public sealed class KustoMakeSeriesTests
{
    private const string Data = """
        let data=datatable(timestamp:datetime, metric: real)
        [
          datetime(2016-12-31T06:00), 50,
          datetime(2017-01-01), 4,
          datetime(2017-01-02), 3,
          datetime(2017-01-03), 4,
          datetime(2017-01-03T03:00), 6,
          datetime(2017-01-05), 8,
          datetime(2017-01-05T13:40), 13,
          datetime(2017-01-06), 4,
          datetime(2017-01-07), 3,
          datetime(2017-01-08), 8,
          datetime(2017-01-08T21:00), 8,
          datetime(2017-01-09), 2,
          datetime(2017-01-09T12:00), 11,
          datetime(2017-01-10T05:00), 5,
        ];
        let interval = 1d;
        let stime = datetime(2017-01-01);
        let etime = datetime(2017-01-10);

        """;
    private const string Average = Data + "data | make-series avg(metric) on timestamp from stime to etime step interval";
    private const string NonEmpty = Data + "data | take 0 | make-series kind=nonempty avg(metric) default=1.0 on timestamp from stime to etime step interval";
    private const string EmptyDefaultKind = Data + "data | take 0 | make-series avg(metric) on timestamp from stime to etime step interval";
    private const string Constants = """
        let startDate = datetime(2025-01-06);
        let endDate = datetime(2025-02-09);
        let data = datatable(Time: datetime, Value: int, other:int)
        [
            datetime(2025-01-07), 10, 11,
            datetime(2025-01-16), 20, 21,
            datetime(2025-02-01), 30, 5
        ];
        data
        | make-series Value=sum(Value), other=-1 default=-2 on Time from startDate to endDate step 7d
        """;
    private const string ByKeysInRange = """
        datatable (k:string, t:datetime) ["a", datetime(2024-01-01 00:10), "b", datetime(2024-01-01 01:20), "a", datetime(2024-01-01 02:30), "a", datetime(2024-01-01 02:40), "a", datetime(2024-01-01 05:00)]
        | make-series n = count() default = 0 on t in range(datetime(2024-01-01), datetime(2024-01-01 03:00), 1h) by k
        """;
    private const string NoBounds = """
        datatable (t:datetime, v:long) [datetime(2024-01-02 10:00), 1, datetime(2024-01-04 09:00), 2, datetime(2024-01-04 23:00), 3]
        | make-series total = sum(v) on t step 1d
        """;
    private const string Numeric = "range x from 1 to 10 step 1 | make-series sum(x), count() on x from 0 to 10 step 5";

    private static readonly KustoQueryBatch Queries = new(Average, NonEmpty, EmptyDefaultKind, Constants, ByKeysInRange, NoBounds, Numeric);

    private static string Days(string from, int count)
        => "[" + string.Join(",", Enumerable.Range(0, count).Select(d => $"\"{DateTime.Parse(from, System.Globalization.CultureInfo.InvariantCulture).AddDays(d):yyyy-MM-ddTHH:mm:ss.0000000Z}\"")) + "]";

    [Fact]
    public void Averages_per_bin_with_zero_where_a_bin_is_empty_and_the_end_exclusive()
    {
        Assert.Equal(["avg_metric", "timestamp"], Queries.Columns(Average));
        Assert.Equal([$"[4,3,5,0,10.5,4,3,8,6.5] | {Days("2017-01-01", 9)}"], Queries.Rows(Average));
    }

    [Fact]
    public void Kind_nonempty_gives_a_row_of_defaults_for_an_empty_input()
    {
        Assert.Equal([$"[1,1,1,1,1,1,1,1,1] | {Days("2017-01-01", 9)}"], Queries.Rows(NonEmpty));
        Assert.Empty(Queries.Rows(EmptyDefaultKind));
    }

    [Fact]
    public void A_constant_item_fills_bins_with_rows_and_its_default_the_others()
    {
        Assert.Equal(["Value", "other", "Time"], Queries.Columns(Constants));
        var row = Assert.Single(Queries.Rows(Constants));
        Assert.StartsWith("[10,20,0,30,0] | [-1,-1,-2,-1,-2] | [\"2025-01-06T00:00:00.0000000Z\",", row);
    }

    [Fact]
    public void Series_per_key_over_the_in_range_form_leave_out_rows_outside_the_range()
    {
        Assert.Equal(["k", "n", "t"], Queries.Columns(ByKeysInRange));
        const string Axis = "[\"2024-01-01T00:00:00.0000000Z\",\"2024-01-01T01:00:00.0000000Z\",\"2024-01-01T02:00:00.0000000Z\"]";
        Assert.Equal([$"a | [1,0,2] | {Axis}", $"b | [0,1,0] | {Axis}"], Queries.Rows(ByKeysInRange));
    }

    [Fact]
    public void Without_from_and_to_the_series_span_the_bins_with_data()
        => Assert.Equal([$"[1,0,5] | {Days("2024-01-02", 3)}"], Queries.Rows(NoBounds));

    [Fact]
    public void A_numeric_axis_bins_by_the_step()
    {
        Assert.Equal(["sum_x", "count_", "x"], Queries.Columns(Numeric));
        Assert.Equal(["[10,35] | [4,5] | [0,5]"], Queries.Rows(Numeric));
    }
}
