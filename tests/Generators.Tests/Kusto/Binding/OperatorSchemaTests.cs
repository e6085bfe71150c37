using AzureRules.Generators.Kusto.Symbols;
using Xunit;
using static AzureRules.Generators.Tests.Kusto.Binding.BindingTestHelper;

namespace AzureRules.Generators.Tests.Kusto.Binding;

/// <summary>The output schema each query operator gives, as Kusto names and types the columns.</summary>
public sealed class OperatorSchemaTests
{
    [Fact]
    public void Table_reference_has_the_table_columns()
        => Assert.Equal("TimeGenerated:datetime, Account:string, IPAddress:string, Success:bool", Columns(Output("Logons")));

    [Fact]
    public void Extend_appends_and_replaces_in_place()
        => Assert.Equal("TimeGenerated:datetime, Account:long, IPAddress:string, Success:bool, Hour:datetime",
            Columns(Output("Logons | extend Account = strlen(Account), Hour = bin(TimeGenerated, 1h)")));

    [Fact]
    public void Extend_binds_every_item_against_the_input()
    {
        // Computer2 reads the input's Computer (string), not the long assigned beside it
        var schema = Output("Events | extend Computer = EventID * 2, Computer2 = strcat(Computer, '')");
        Assert.Equal(ScalarType.Long, schema.Find("Computer")!.Type);
        Assert.Equal(ScalarType.String, schema.Find("Computer2")!.Type);
    }

    [Fact]
    public void Project_names_paths_and_conversions_as_kusto_does()
        => Assert.Equal("Computer, Properties_user, Account, Column1, n",
            Names(Output("Events | project Computer, Properties.user, tostring(Account), strlen(Computer) + 1, n = EventID")));

    [Fact]
    public void Project_away_keep_rename_and_reorder()
    {
        Assert.Equal("TimeGenerated, Success", Names(Output("Logons | project-away Account, IP*")));
        Assert.Equal("Account, IPAddress", Names(Output("Logons | project-keep Account, IPAddress")));
        Assert.Equal("TimeGenerated, User, IPAddress, Success", Names(Output("Logons | project-rename User = Account")));
        Assert.Equal("Success, TimeGenerated, Account, IPAddress", Names(Output("Logons | project-reorder Success")));
    }

    [Fact]
    public void Summarize_names_unnamed_aggregates_by_prefix_and_argument()
        => Assert.Equal("Computer, TimeGenerated, count_, dcount_Account, set_EventID, list_Account, min_TimeGenerated, total, any_Account, percentile_Bytes_95",
            Names(Output("Events | summarize count(), dcount(Account), make_set(EventID), make_list(Account), min(TimeGenerated), total = sum(Bytes), any(Account), percentile(Bytes, 95) by Computer, bin(TimeGenerated, 1h)")));

    [Fact]
    public void Summarize_types_aggregates()
    {
        var schema = Output("Events | summarize c = count(), d = dcount(Account), s = make_set(Account), m = max(TimeGenerated), a = avg(Bytes), t = sum(Bytes) by Computer");
        Assert.Equal("Computer:string, c:long, d:long, s:dynamic, m:datetime, a:real, t:long", Columns(schema));
    }

    [Fact]
    public void Summarize_arg_max_with_star_returns_every_column()
    {
        Assert.Equal("Computer, TimeGenerated, EventID, Account, Properties, Bytes",
            Names(Output("Events | summarize arg_max(TimeGenerated, *) by Computer")));
        // a named arg_max names its first column; * still returns every input column, TimeGenerated too
        Assert.Equal("Computer, Last, TimeGenerated, EventID, Account, Properties, Bytes",
            Names(Output("Events | summarize Last = arg_max(TimeGenerated, *) by Computer")));
        Assert.Equal("Account, TimeGenerated, Computer", Names(Output("Events | summarize arg_min(TimeGenerated, Computer) by Account")));
    }

    [Fact]
    public void Summarize_percentiles_and_take_any_columns()
        => Assert.Equal("percentile_Bytes_50, percentile_Bytes_95, Account",
            Names(Output("Events | summarize percentiles(Bytes, 50, 95), take_any(Account)")));

    [Fact]
    public void Summarize_names_an_expression_over_an_aggregate_after_the_aggregate()
        => Assert.Equal("Computer, set_Account", Names(Output("Events | summarize tostring(make_set(Account)) by Computer")));

    [Fact]
    public void Join_suffixes_conflicting_right_columns_with_1()
        => Assert.Equal("TimeGenerated, Account, IPAddress, Success, TimeGenerated1, AlertName, Account1, Entities",
            Names(Output("Logons | join kind=inner (Alerts) on Account")));

    [Fact]
    public void Join_default_kind_and_explicit_conditions()
        => Assert.Equal("TimeGenerated, Account, IPAddress, Success, TimeGenerated1, AlertName, Account1, Entities",
            Names(Output("Logons | join (Alerts) on $left.Account == $right.Account")));

    [Theory]
    [InlineData("leftanti", "TimeGenerated, Account, IPAddress, Success")]
    [InlineData("leftsemi", "TimeGenerated, Account, IPAddress, Success")]
    [InlineData("rightanti", "TimeGenerated, AlertName, Account, Entities")]
    [InlineData("rightsemi", "TimeGenerated, AlertName, Account, Entities")]
    public void Semi_and_anti_joins_return_one_side(string kind, string expected)
        => Assert.Equal(expected, Names(Output($"Logons | join kind={kind} (Alerts) on Account")));

    [Fact]
    public void Join_on_a_column_missing_from_one_side_is_reported()
        => Single("Logons | join (Alerts) on IPAddress", "AR0321", "IPAddress");

    [Fact]
    public void Join_condition_column_missing_from_right_is_reported()
        => Single("Logons | join (Alerts) on $left.Account == $right.User", "AR0321", "User");

    [Fact]
    public void Lookup_drops_the_right_key_columns()
        => Assert.Equal("TimeGenerated, Account, IPAddress, Success, TimeGenerated1, AlertName, Entities",
            Names(Output("Logons | lookup (Alerts) on Account")));

    [Fact]
    public void Union_merges_columns_by_name_and_adds_the_source_column()
        => Assert.Equal("Source, TimeGenerated, Account, IPAddress, Success, AlertName, Entities",
            Names(Output("union withsource=Source Logons, Alerts")));

    [Fact]
    public void Union_splits_a_column_the_tables_type_differently()
    {
        var schema = Output("union Events, (Logons | extend Computer = 1) | project Computer_string, Computer_long, Account, Computer");
        Assert.Equal("Computer_string:string, Computer_long:long, Account:string, Computer:unknown", Columns(schema));
    }

    [Fact]
    public void Union_after_a_pipe_includes_the_input()
        => Assert.Equal("TimeGenerated, Account, IPAddress, Success, AlertName, Entities",
            Names(Output("Logons | union Alerts")));

    [Fact]
    public void Mv_expand_makes_dynamic_or_typed_columns_and_item_index()
    {
        Assert.Equal("Properties:dynamic, i:long",
            Columns(Output("Events | mv-expand with_itemindex=i Properties | project Properties, i")));
        Assert.Equal("p:string", Columns(Output("Events | mv-expand p = Properties to typeof(string) | project p")));
        Assert.Equal("Properties_items", Names(Output("Events | mv-expand Properties.items | project Properties_items")));
    }

    [Fact]
    public void Parse_adds_typed_columns()
        => Assert.Equal("Computer:string, user:string, port:long",
            Columns(Output("Events | parse Account with * '@' user ':' port:long | project Computer, user, port")));

    [Fact]
    public void Evaluate_bag_unpack_gives_an_open_schema_without_the_bag()
    {
        var schema = Output("Events | evaluate bag_unpack(Properties)");
        Assert.True(schema.IsOpen);
        Assert.False(schema.Contains("Properties"));
        Assert.True(schema.Contains("Computer"));
    }

    [Fact]
    public void Make_series_returns_the_keys_the_dynamic_series_and_the_axis_last()
        => Assert.Equal("Computer:string, n:dynamic, TimeGenerated:dynamic",
            Columns(Output("Events | make-series n = count() on TimeGenerated from ago(1d) to now() step 1h by Computer")));

    [Fact]
    public void Extend_of_series_stats_adds_one_column_per_statistic()
        => Assert.Contains("series_stats_s_avg",
            Names(Output("Events | make-series s = count() on TimeGenerated step 1h | extend series_stats(s)")));

    [Fact]
    public void Count_getschema_print_and_distinct()
    {
        Assert.Equal("Count:long", Columns(Output("Events | count")));
        Assert.Equal("ColumnName, ColumnOrdinal, DataType, ColumnType", Names(Output("Events | getschema")));
        Assert.Equal("print_0:long, x:string", Columns(Output("print 1 + 2, x = 'a'")));
        Assert.Equal("Computer, Account", Names(Output("Events | distinct Computer, Account")));
    }

    [Fact]
    public void Let_bound_tables_scalars_and_functions_resolve()
    {
        Assert.Equal("Computer, n", Names(Output("let threshold = 5; let T = Events | where EventID > threshold; T | summarize n = count() by Computer")));
        Assert.Equal("UserName", Names(Output("let f = (p:string) { GetUsers(p) | where UserName has p }; f('adm')")));
        Assert.Equal("Computer", Names(Output("let f = (T:(Computer:string)) { T | project Computer }; Events | invoke f()")));
        Assert.Equal("Computer, Account", Names(Output("let g = (T:(*)) { T | project Computer, Account }; g(Events)")));
    }

    [Fact]
    public void Materialize_and_toscalar_carry_their_input()
    {
        Assert.Equal("Computer", Names(Output("let T = materialize(Events | project Computer); T")));
        var schema = Output("let last = toscalar(Events | summarize max(TimeGenerated)); Events | extend age = now() - last | project age");
        Assert.Equal("age:timespan", Columns(schema));
    }

    [Fact]
    public void Externaldata_and_datatable_have_their_declared_schema()
        => Assert.Equal("ip:string, n:long", Columns(Output("externaldata(ip:string, n:long) [@'https://example.com/x.csv'] with (format='csv')")));
}
