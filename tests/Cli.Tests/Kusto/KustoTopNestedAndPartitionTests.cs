using Xunit;

namespace AzureRules.Cli.Tests.Kusto;

/// <summary>top-nested, top-hitters, sample, sample-distinct and partition, from the Kusto documentation's examples and edge cases.</summary>
public sealed class KustoTopNestedAndPartitionTests
{
    private const string Events = """
        datatable(id: string, timestamp: datetime, otherInformation: string)
        [
            "Barak", datetime(2015-01-01), "1",
            "Barak", datetime(2016-01-01), "2",
            "Barak", datetime(2017-01-20), "3",
            "Donald", datetime(2017-01-20), "4",
            "Donald", datetime(2017-01-18), "5",
            "Donald", datetime(2017-01-19), "6"
        ]

        """;
    private const string Nested = Events + """
        | top-nested of id by Ignore0=max(1),
          top-nested 2 of timestamp by Ignore1=max(timestamp),
          top-nested of otherInformation by Ignore2=max(1)
        | project-away Ignore0, Ignore1, Ignore2
        """;
    private const string Sales = """
        datatable(State:string, Source:string, Amount:long)
        ["WA", "web", 10, "WA", "store", 30, "WA", "web", 5, "TX", "web", 50, "NY", "store", 1, "NY", "web", 2]

        """;
    private const string Unnamed = Sales + "| top-nested 2 of State by sum(Amount), top-nested 1 of Source by sum(Amount)";
    private const string Others = Sales + "| top-nested 1 of State with others = 'Other' by sum(Amount)";
    private const string Ascending = Sales + "| top-nested 1 of State by count() asc";
    private const string Hitters = Sales + "| top-hitters 2 of State";
    private const string HittersWeighted = Sales + "| top-hitters 1 of Source by Amount";
    private const string Sample = "range x from 1 to 100 step 1 | sample 7";
    private const string SampleMore = "range x from 1 to 3 step 1 | sample 10";
    private const string SampleDistinct = Sales + "| sample-distinct 2 of State";
    private const string Partition = Sales + "| partition hint.strategy=native by State (top 1 by Amount desc)";

    private static readonly KustoQueryBatch Queries = new(Nested, Unnamed, Others, Ascending, Hitters, HittersWeighted, Sample, SampleMore, SampleDistinct, Partition);

    [Fact]
    public void Top_nested_follows_the_documented_example()
    {
        Assert.Equal(["id", "timestamp", "otherInformation"], Queries.Columns(Nested));
        Assert.Equal(
            ["Barak | 2016-01-01T00:00:00.0000000Z | 2", "Barak | 2017-01-20T00:00:00.0000000Z | 3", "Donald | 2017-01-19T00:00:00.0000000Z | 6", "Donald | 2017-01-20T00:00:00.0000000Z | 4"],
            Queries.Rows(Nested).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Top_nested_keeps_the_highest_aggregates_per_level_and_names_unnamed_ones()
    {
        Assert.Equal(["State", "aggregated_State", "Source", "aggregated_Source"], Queries.Columns(Unnamed));
        Assert.Equal(["TX | 50 | web | 50", "WA | 45 | store | 30"], Queries.Rows(Unnamed));
    }

    [Fact]
    public void Top_nested_with_others_adds_the_rest_and_asc_takes_the_lowest()
    {
        Assert.Equal(["TX | 50", "Other | 48"], Queries.Rows(Others));
        Assert.Equal(["TX | 1"], Queries.Rows(Ascending));
    }

    [Fact]
    public void Top_hitters_counts_or_sums_the_most_frequent_values()
    {
        Assert.Equal(["State", "approximate_count_State"], Queries.Columns(Hitters));
        Assert.Equal(["WA | 3", "NY | 2"], Queries.Rows(Hitters));
        Assert.Equal(["Source", "approximate_sum_Amount"], Queries.Columns(HittersWeighted));
        Assert.Equal(["web | 67"], Queries.Rows(HittersWeighted));
    }

    [Fact]
    public void Sample_returns_that_many_distinct_rows_of_the_input()
    {
        var rows = Queries.Rows(Sample);
        Assert.Equal(7, rows.Length);
        Assert.Equal(7, rows.Distinct().Count());
        Assert.All(rows, r => Assert.InRange(long.Parse(r, System.Globalization.CultureInfo.InvariantCulture), 1, 100));
        Assert.Equal(["1", "2", "3"], Queries.Rows(SampleMore));
    }

    [Fact]
    public void Sample_distinct_returns_distinct_values_of_the_column()
    {
        Assert.Equal(["State"], Queries.Columns(SampleDistinct));
        var values = Queries.Rows(SampleDistinct);
        Assert.Equal(2, values.Distinct().Count());
        Assert.All(values, v => Assert.Contains(v, new[] { "WA", "TX", "NY" }));
    }

    [Fact]
    public void Partition_runs_the_subquery_per_value_and_unions_the_results()
    {
        Assert.Equal(["State", "Source", "Amount"], Queries.Columns(Partition));
        Assert.Equal(["NY | web | 2", "TX | web | 50", "WA | store | 30"], Queries.Rows(Partition).Order(StringComparer.Ordinal));
    }
}
