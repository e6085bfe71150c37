using Xunit;

namespace AzureRules.Cli.Tests.Kusto;

/// <summary>
/// The analytics plugins (sliding_window_counts, active_users_count, activity_counts_metrics, rolling_percentile,
/// sequence_detect), from the Kusto documentation's examples and edge cases; and query parameters' defaults.
/// </summary>
public sealed class KustoAnalyticsPluginTests
{
    private const string Sliding = """
        let start = datetime(2017-08-01);
        let end = datetime(2017-08-07);
        let T = datatable(UserId: string, Timestamp: datetime)
        [
            'Bob', datetime(2017-08-01), 'David', datetime(2017-08-01), 'David', datetime(2017-08-01), 'John', datetime(2017-08-01), 'Bob', datetime(2017-08-01),
            'Ananda', datetime(2017-08-02), 'Atul', datetime(2017-08-02), 'John', datetime(2017-08-02),
            'Ananda', datetime(2017-08-03), 'Atul', datetime(2017-08-03), 'Atul', datetime(2017-08-03), 'John', datetime(2017-08-03), 'Bob', datetime(2017-08-03),
            'Betsy', datetime(2017-08-04), 'Bob', datetime(2017-08-05),
        ];
        T | evaluate sliding_window_counts(UserId, Timestamp, start, end, 3d, 1d)
        """;
    private const string ActiveUsers = """
        let T = datatable(User:string, Timestamp:datetime)
        [
            "B", datetime(2018-06-29), "B", datetime(2018-06-30), "A", datetime(2018-07-02), "B", datetime(2018-07-04), "B", datetime(2018-07-08),
            "A", datetime(2018-07-10), "A", datetime(2018-07-14), "A", datetime(2018-07-17), "A", datetime(2018-07-20), "B", datetime(2018-07-24)
        ];
        T | evaluate active_users_count(User, Timestamp, datetime(2018-07-01), datetime(2018-07-31), 8d, 1d, 3, 7d)
        """;
    private const string Metrics = """
        datatable(Id:string, T:datetime, Site:string)
        ["a", datetime(2024-01-01), "x", "b", datetime(2024-01-01 05:00), "x", "a", datetime(2024-01-02), "x", "c", datetime(2024-01-02), "x", "a", datetime(2024-01-02 01:00), "x", "d", datetime(2024-01-09), "x", "e", datetime(2024-01-01), "y"]
        | evaluate activity_counts_metrics(Id, T, datetime(2024-01-01), datetime(2024-01-03), 1d, Site)
        """;
    private const string Rolling = """
        let T = range idx from 0 to 24 * 10 - 1 step 1
            | project Timestamp = datetime(2018-01-01) + 1h * idx, val = idx + 1
            | extend EvenOrOdd = iff(val % 2 == 0, "Even", "Odd");
        T | evaluate rolling_percentile(val, 50, Timestamp, 1d, 3, EvenOrOdd)
        """;
    private const string Sequence = """
        datatable(T:datetime, Op:string, User:string)
        [
            datetime(2024-01-01 10:00), "invite", "u1",
            datetime(2024-01-01 10:20), "accept", "u1",
            datetime(2024-01-01 13:00), "accept", "u1",
            datetime(2024-01-01 10:00), "invite", "u2",
            datetime(2024-01-01 12:00), "accept", "u2",
            datetime(2024-01-01 09:00), "accept", "u3",
        ]
        | evaluate sequence_detect(T, 1h, 1h, invite = (Op == "invite"), accept = (Op == "accept"), User)
        """;
    private const string Parameters = """
        declare query_parameters(lookback:timespan = 2h, name:string = "b");
        datatable(n:string, d:timespan)["a", 1h, "b", 1h, "b", 3h]
        | where n == name and d < lookback
        """;
    private const string ParameterWithoutDefault = "declare query_parameters(name:string); print x = name";
    private const string NamedAggregateArgument = "datatable(x:long)[1, 2, 2, 3] | summarize s = make_set(x, MaxSize = 2)";

    private static readonly KustoQueryBatch Queries = new(Sliding, ActiveUsers, Metrics, Rolling, Sequence, Parameters, ParameterWithoutDefault, NamedAggregateArgument);

    [Fact]
    public void Sliding_window_counts_follows_the_documented_example()
    {
        Assert.Equal(["Timestamp", "Count", "dcount"], Queries.Columns(Sliding));
        Assert.Equal(
        [
            "2017-08-01T00:00:00.0000000Z | 5 | 3", "2017-08-02T00:00:00.0000000Z | 8 | 5", "2017-08-03T00:00:00.0000000Z | 13 | 5",
            "2017-08-04T00:00:00.0000000Z | 9 | 5", "2017-08-05T00:00:00.0000000Z | 7 | 5", "2017-08-06T00:00:00.0000000Z | 2 | 2", "2017-08-07T00:00:00.0000000Z | 1 | 1",
        ], Queries.Rows(Sliding));
    }

    [Fact]
    public void Active_users_count_follows_the_documented_example()
        => Assert.Equal(["2018-07-01T00:00:00.0000000Z | 1", "2018-07-15T00:00:00.0000000Z | 1"], Queries.Rows(ActiveUsers));

    [Fact]
    public void Activity_counts_metrics_counts_new_and_aggregated_ids_per_window_and_dimension()
    {
        Assert.Equal(["T", "Site", "count", "dcount", "new_dcount", "aggregated_dcount"], Queries.Columns(Metrics));
        Assert.Equal(
        [
            "2024-01-01T00:00:00.0000000Z | x | 2 | 2 | 2 | 2", "2024-01-02T00:00:00.0000000Z | x | 3 | 2 | 1 | 3", "2024-01-03T00:00:00.0000000Z | x | 0 | 0 | 0 | 3",
            "2024-01-01T00:00:00.0000000Z | y | 1 | 1 | 1 | 1", "2024-01-02T00:00:00.0000000Z | y | 0 | 0 | 0 | 1", "2024-01-03T00:00:00.0000000Z | y | 0 | 0 | 0 | 1",
        ], Queries.Rows(Metrics));
    }

    [Fact]
    public void Rolling_percentile_follows_the_documented_example()
    {
        Assert.Equal(["Timestamp", "EvenOrOdd", "rolling_3_percentile_val_50"], Queries.Columns(Rolling));
        var rows = Queries.Rows(Rolling);
        Assert.Equal(20, rows.Length);
        Assert.Equal(["2018-01-01T00:00:00.0000000Z | Odd | 11", "2018-01-02T00:00:00.0000000Z | Odd | 23", "2018-01-03T00:00:00.0000000Z | Odd | 35", "2018-01-04T00:00:00.0000000Z | Odd | 59"], rows.Take(4));
        Assert.Equal(["2018-01-01T00:00:00.0000000Z | Even | 12", "2018-01-02T00:00:00.0000000Z | Even | 24", "2018-01-03T00:00:00.0000000Z | Even | 36", "2018-01-04T00:00:00.0000000Z | Even | 60"], rows.Skip(10).Take(4));
    }

    [Fact]
    public void Sequence_detect_finds_each_chain_within_the_step_window_and_span()
    {
        Assert.Equal(["User", "invite_T", "accept_T", "Duration"], Queries.Columns(Sequence));
        Assert.Equal(["u1 | 2024-01-01T10:00:00.0000000Z | 2024-01-01T10:20:00.0000000Z | 00:20:00"], Queries.Rows(Sequence));
    }

    [Fact]
    public void Query_parameters_take_their_defaults()
    {
        Assert.Equal(["b | 01:00:00"], Queries.Rows(Parameters));
        Assert.Contains(Queries.Diagnostics(ParameterWithoutDefault), d => d.StartsWith("AR0353 The query parameter 'name' without a default value", StringComparison.Ordinal));
    }

    [Fact]
    public void A_named_aggregate_argument_is_passed_in_its_place()
        => Assert.Equal(["[1,2]"], Queries.Rows(NamedAggregateArgument));
}
