using Xunit;
using static AzureRules.Generators.Tests.Kusto.Binding.BindingTestHelper;

namespace AzureRules.Generators.Tests.Kusto.Binding;

/// <summary>
/// The columns of each workspace table a query reads (what the engine stores for it): the columns its
/// expressions name, the ones its result carries, traced through renames; a table carried whole to
/// the result (or read whole) is absent, and a query whose reads cannot be traced has none.
/// </summary>
public sealed class ColumnReadsTests
{
    private static string? Reads(string query)
    {
        var bound = Bind(query);
        var reads = bound.Model.Reads.Of(bound.Model.Tables);
        return reads is null ? null : string.Join("; ", reads.Select(p => p.Key + ": " + string.Join(", ", p.Value)));
    }

    [Fact]
    public void Filters_projections_and_summarize_read_only_their_columns()
    {
        Assert.Equal("Logons: Account, IPAddress, Success",
            Reads("Logons | where Success | project Account, IPAddress"));
        Assert.Equal("Events: Computer, EventID, TimeGenerated",
            Reads("Events | where EventID == 4624 | extend Hour = bin(TimeGenerated, 1h) | summarize count() by Computer, Hour"));
    }

    [Fact]
    public void A_table_carried_to_the_result_is_read_whole()
    {
        Assert.Equal("", Reads("Logons | where Success"));
        Assert.Equal("", Reads("Logons | project-away Account"));
        // the right side is projected, the left carried through the join
        Assert.Equal("Events: Account, Computer", Reads("Logons | join (Events | project Account, Computer) on Account"));
    }

    [Fact]
    public void Join_keys_and_renamed_columns_are_traced_to_their_tables()
    {
        // Account1 is the right side's Account, TimeGenerated1 the right side's TimeGenerated
        Assert.Equal("Alerts: Account, AlertName, TimeGenerated; Logons: Account, IPAddress, TimeGenerated",
            Reads("Logons | join kind=inner Alerts on Account | project IPAddress, Account1, TimeGenerated1, AlertName, TimeGenerated"));
        Assert.Equal("Alerts: Account, AlertName; Logons: IPAddress",
            Reads("Logons | join (Alerts) on $left.IPAddress == $right.Account | project AlertName"));
        Assert.Equal("Logons: Account, IPAddress",
            Reads("Logons | project-rename User = Account | project User, IPAddress"));
    }

    [Fact]
    public void A_union_column_is_read_from_every_table_that_has_it()
        => Assert.Equal("Alerts: Account; Logons: Account",
            Reads("union Logons, Alerts | summarize count() by Account"));

    [Fact]
    public void Whole_row_operators_read_every_column()
    {
        Assert.Equal("", Reads("Logons | distinct * | count"));
        Assert.Equal("Logons: Account, IPAddress", Reads("Logons | distinct Account, IPAddress | count"));
        Assert.Equal("", Reads("Logons | extend b = pack_all() | project b"));
        Assert.Equal("", Reads("Logons | getschema"));
    }

    [Fact]
    public void A_column_the_schema_lacks_is_read_by_name()
        => Assert.Contains("Logons: Account, Country", Reads("Logons | extend c = column_ifexists('Country', '') | project c, Account"));

    [Fact]
    public void A_column_of_an_open_schema_is_read_by_name_from_every_table()
        => Assert.Equal("Logons: Account, Something", Reads("Logons | evaluate bag_unpack(Account) | project Something"));

    [Fact]
    public void Untraceable_reads_know_nothing()
        => Assert.Null(Reads("let name = 'Logons'; table(name) | project Account"));
}
