using Xunit;

namespace AzureRules.Cli.Tests.Kusto;

/// <summary>
/// Window functions over serialized rows (prev, next, row_number, row_cumsum, row_rank_dense, row_rank_min,
/// row_window_session), from the Kusto documentation's examples and their edge cases.
/// </summary>
public sealed class KustoWindowFunctionTests
{
    private const string RowNumber = "range a from 1 to 4 step 1 | sort by a desc | extend rn = row_number()";
    private const string RowNumberStartRestart = "datatable (k:string, v:long) ['a', 1, 'a', 2, 'b', 3, 'b', 4, 'b', 5] | serialize | extend rn = row_number(7, k != prev(k))";
    private const string PrevNext = "range x from 1 to 5 step 1 | serialize | extend p = prev(x), p2 = prev(x, 2), n = next(x), n2 = next(x, 2, -1)";
    private const string PrevInWhere = "range x from 1 to 5 step 1 | serialize | where prev(x) >= 3 | project x";
    private const string Nested = "range x from 10 to 13 step 1 | serialize | extend r = prev(row_number(), 1, 0) * 100 + x";
    private const string CumSum = "datatable (x:long, even:bool) [1, false, 2, true, 3, false, 4, true, 5, false] | serialize | extend total = row_cumsum(x), restarted = row_cumsum(x, even)";
    private const string CumSumNull = "datatable (x:long) [1, long(null), 3] | serialize | extend total = row_cumsum(x)";
    private const string RankMin = """
        datatable (Airport:string, Airline:string, Departures:long)
        ["SEA", "LH", 3, "SEA", "LY", 100, "SEA", "UA", 3, "SEA", "BA", 2, "SEA", "EL", 3]
        | sort by Departures asc, Airline asc
        | extend Rank = row_rank_min(Departures), Dense = row_rank_dense(Departures)
        """;
    // row_rank_min's earlier name, still used by Sentinel hunting queries (AnomalousAzureOperationModel)
    private const string RankOldName = """
        datatable (Departures:long) [3, 100, 3, 2, 3]
        | sort by Departures asc
        | extend Rank = row_rank(Departures), Min = row_rank_min(Departures)
        """;
    private const string RankRestart = """
        datatable(Category:string, Item:string, Value:int)
        ["A", "item1", 10, "A", "item2", 10, "A", "item3", 5, "A", "item4", 20, "B", "item2", 5, "B", "item1", 7]
        | sort by Category asc, Value asc, Item asc
        | extend rank = row_rank_min(Value, Category != prev(Category)), dense = row_rank_dense(Value, Category != prev(Category))
        """;
    private const string Session = """
        datatable (ID:string, Timestamp:datetime) [
            "1", datetime(2024-04-11 10:00:00),
            "2", datetime(2024-04-11 10:18:00),
            "1", datetime(2024-04-11 11:00:00),
            "3", datetime(2024-04-11 11:30:00),
            "2", datetime(2024-04-11 13:30:00),
            "2", datetime(2024-04-11 10:16:00)
        ]
        | sort by ID asc, Timestamp asc
        | extend SessionStarted = row_window_session(Timestamp, 1h, 5m, ID != prev(ID))
        """;
    private const string SessionLimits = """
        datatable (t:datetime) [datetime(2024-01-01 00:00), datetime(2024-01-01 00:04), datetime(2024-01-01 00:08), datetime(2024-01-01 00:12), datetime(null), datetime(2024-01-01 00:13), datetime(2024-01-01 00:20)]
        | serialize
        | extend s = row_window_session(t, 10m, 5m)
        """;
    private const string SerializeWithColumns = "range x from 1 to 3 step 1 | serialize rn = row_number(), px = prev(x)";
    private const string InSummarize = "range x from 1 to 3 step 1 | summarize count() by prev(x)";

    private static readonly KustoQueryBatch Queries = new(RowNumber, RowNumberStartRestart, PrevNext, PrevInWhere, Nested, CumSum, CumSumNull, RankMin, RankOldName, RankRestart, Session, SessionLimits, SerializeWithColumns, InSummarize);

    [Fact]
    public void Row_number_counts_from_one_in_the_serialized_order()
    {
        Assert.Equal(["a", "rn"], Queries.Columns(RowNumber));
        Assert.Equal(["4 | 1", "3 | 2", "2 | 3", "1 | 4"], Queries.Rows(RowNumber));
    }

    [Fact]
    public void Row_number_starts_at_the_given_index_and_restarts_where_asked()
        => Assert.Equal(["a | 1 | 7", "a | 2 | 8", "b | 3 | 7", "b | 4 | 8", "b | 5 | 9"], Queries.Rows(RowNumberStartRestart));

    [Fact]
    public void Prev_and_next_read_other_rows_with_offset_and_default()
        => Assert.Equal(
            ["1 |  |  | 2 | 3", "2 | 1 |  | 3 | 4", "3 | 2 | 1 | 4 | 5", "4 | 3 | 2 | 5 | -1", "5 | 4 | 3 |  | -1"],
            Queries.Rows(PrevNext));

    [Fact]
    public void A_window_function_filters_in_where_and_leaves_no_hidden_column()
    {
        Assert.Equal(["4", "5"], Queries.Rows(PrevInWhere));
        Assert.Equal(["x", "p", "p2", "n", "n2"], Queries.Columns(PrevNext));
    }

    [Fact]
    public void Window_functions_nest()
        => Assert.Equal(["10 | 10", "11 | 111", "12 | 212", "13 | 313"], Queries.Rows(Nested));

    [Fact]
    public void Row_cumsum_sums_and_restarts()
        => Assert.Equal(["1 | false | 1 | 1", "2 | true | 3 | 2", "3 | false | 6 | 5", "4 | true | 10 | 4", "5 | false | 15 | 9"], Queries.Rows(CumSum));

    [Fact]
    public void Row_cumsum_skips_nulls()
        => Assert.Equal(["1 | 1", " | 1", "3 | 4"], Queries.Rows(CumSumNull));

    [Fact]
    public void Row_rank_min_and_dense_follow_the_documentation()
        => Assert.Equal(
            ["SEA | BA | 2 | 1 | 1", "SEA | EL | 3 | 2 | 2", "SEA | LH | 3 | 2 | 2", "SEA | UA | 3 | 2 | 2", "SEA | LY | 100 | 5 | 3"],
            Queries.Rows(RankMin));

    [Fact]
    public void Row_rank_is_row_rank_min()
        => Assert.Equal(["2 | 1 | 1", "3 | 2 | 2", "3 | 2 | 2", "3 | 2 | 2", "100 | 5 | 5"], Queries.Rows(RankOldName));

    [Fact]
    public void Row_ranks_restart_per_partition()
        => Assert.Equal(
            ["A | item3 | 5 | 1 | 1", "A | item1 | 10 | 2 | 2", "A | item2 | 10 | 2 | 2", "A | item4 | 20 | 4 | 3", "B | item2 | 5 | 1 | 1", "B | item1 | 7 | 2 | 2"],
            Queries.Rows(RankRestart));

    [Fact]
    public void Row_window_session_follows_the_documented_example()
        => Assert.Equal(
            [
                "1 | 2024-04-11T10:00:00.0000000Z | 2024-04-11T10:00:00.0000000Z",
                "1 | 2024-04-11T11:00:00.0000000Z | 2024-04-11T11:00:00.0000000Z",
                "2 | 2024-04-11T10:16:00.0000000Z | 2024-04-11T10:16:00.0000000Z",
                "2 | 2024-04-11T10:18:00.0000000Z | 2024-04-11T10:16:00.0000000Z",
                "2 | 2024-04-11T13:30:00.0000000Z | 2024-04-11T13:30:00.0000000Z",
                "3 | 2024-04-11T11:30:00.0000000Z | 2024-04-11T11:30:00.0000000Z",
            ],
            Queries.Rows(Session));

    [Fact]
    public void Row_window_session_limits_are_reached_at_equality_and_a_null_ends_the_session()
        => Assert.Equal(
            [
                // 00:04 is 4m from 00:00 (< 5m): same session; 00:08 likewise; 00:12 is 12m >= 10m from the first: new session
                "2024-01-01T00:00:00.0000000Z | 2024-01-01T00:00:00.0000000Z",
                "2024-01-01T00:04:00.0000000Z | 2024-01-01T00:00:00.0000000Z",
                "2024-01-01T00:08:00.0000000Z | 2024-01-01T00:00:00.0000000Z",
                "2024-01-01T00:12:00.0000000Z | 2024-01-01T00:12:00.0000000Z",
                " | ",
                "2024-01-01T00:13:00.0000000Z | 2024-01-01T00:13:00.0000000Z",
                // 7m after its neighbour (>= 5m): new session
                "2024-01-01T00:20:00.0000000Z | 2024-01-01T00:20:00.0000000Z",
            ],
            Queries.Rows(SessionLimits));

    [Fact]
    public void Serialize_computes_its_columns()
    {
        Assert.Equal(["x", "rn", "px"], Queries.Columns(SerializeWithColumns));
        Assert.Equal(["1 | 1 | ", "2 | 2 | 1", "3 | 3 | 2"], Queries.Rows(SerializeWithColumns));
    }

    [Fact]
    public void A_window_function_elsewhere_is_reported_not_run()
        => Assert.Contains(Queries.Diagnostics(InSummarize), d => d.StartsWith("AR0353 The window function 'prev'", StringComparison.Ordinal));
}
