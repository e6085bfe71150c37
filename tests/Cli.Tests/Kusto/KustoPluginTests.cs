using Xunit;

namespace AzureRules.Cli.Tests.Kusto;

/// <summary>evaluate plugins (bag_unpack with every option, pivot, narrow, ipv4_lookup/ipv6_lookup), from the Kusto documentation's examples and edge cases.</summary>
public sealed class KustoPluginTests
{
    private const string People = """
        datatable(d:dynamic)
        [
            dynamic({"Name": "John", "Age":20}),
            dynamic({"Name": "Dave", "Age":40}),
            dynamic({"Name": "Jasmine", "Age":30}),
        ]

        """;
    private const string Conflicting = """
        datatable(Name:string, d:dynamic)
        [
            'Old_name', dynamic({"Name": "John", "Age":20}),
            'Old_name', dynamic({"Name": "Dave", "Age":40}),
        ]

        """;
    private const string Unpack = People + "| evaluate bag_unpack(d)";
    private const string UnpackPrefix = People + "| evaluate bag_unpack(d, 'Property_')";
    private const string UnpackIgnored = People + "| evaluate bag_unpack(d, ignoredProperties=dynamic(['Age']))";
    private const string UnpackSchema = People + "| evaluate bag_unpack(d) : (Name:string, Age:long, Missing:string)";
    private const string UnpackReplace = Conflicting + "| evaluate bag_unpack(d, columnsConflict='replace_source')";
    private const string UnpackKeep = Conflicting + "| evaluate bag_unpack(d, columnsConflict='keep_source')";
    private const string UnpackConflictError = Conflicting + "| evaluate bag_unpack(d)";
    private const string UnpackPositional = Conflicting + "| evaluate bag_unpack(d, 'p_', 'error', dynamic(['Age']))";

    private const string PivotAny = """
        datatable(Computer:string, Key:string, Value:string)
        ["a", "user", "alice", "a", "ip", "10.0.0.1", "b", "user", "bob"]
        | evaluate pivot(Key, any(Value), Computer)
        """;
    private const string PivotCount = "datatable(k:string, n:long)[\"y\", 1, \"x\", 2, \"y\", 3] | evaluate pivot(k)";
    private const string PivotSum = "datatable(g:string, k:string, n:long)[\"g1\", \"x\", 1, \"g1\", \"x\", 2, \"g2\", \"y\", 3] | evaluate pivot(k, sum(n), g)";
    private const string Narrow = "datatable(a:long, b:string)[1, \"x\", 2, \"y\"] | evaluate narrow()";

    private const string IpData = """
        let IP_Data = datatable(network:string, continent_code:string, country_name:string)
        [
          "111.68.128.0/17", "AS", "Japan",
          "5.8.0.0/19", "EU", "Russia",
          "2.20.183.0/24", "EU", "United Kingdom",
          "2.20.0.0/16", "EU", "Wider",
        ];
        let IPs = datatable(ip:string)
        [
          '2.20.183.12',
          '5.8.1.2',
          '192.165.12.17',
        ];

        """;
    private const string IpLookup = IpData + "IPs | evaluate ipv4_lookup(IP_Data, ip, network)";
    private const string IpLookupUnmatched = IpData + "IPs | evaluate ipv4_lookup(IP_Data, ip, network, return_unmatched = true)";
    private const string IpLookupExtraKey = """
        let Ranges = datatable(range:string, site:string, owner:string)["10.0.0.0/8", "east", "ops", "10.0.0.0/8", "west", "dev"];
        datatable(addr:string, site:string)["10.1.2.3", "west", "10.1.2.4", "north"]
        | evaluate ipv4_lookup(Ranges, addr, range, site)
        """;
    private const string Ipv6Lookup = """
        let Ranges = datatable(prefix:string, name:string)["fe80::/10", "link-local", "2001:db8::/32", "doc"];
        datatable(ip:string)["fe80::1", "2001:db8:1::5", "::1"]
        | evaluate ipv6_lookup(Ranges, ip, prefix)
        """;
    private const string UnknownPlugin = "datatable(a:long)[1] | evaluate no_such_plugin(a)";

    private static readonly KustoQueryBatch Queries = new(Unpack, UnpackPrefix, UnpackIgnored, UnpackSchema, UnpackReplace, UnpackKeep, UnpackConflictError, UnpackPositional,
        PivotAny, PivotCount, PivotSum, Narrow, IpLookup, IpLookupUnmatched, IpLookupExtraKey, Ipv6Lookup, UnknownPlugin);

    [Fact]
    public void Bag_unpack_makes_a_column_per_property_in_name_order()
    {
        Assert.Equal(["Age", "Name"], Queries.Columns(Unpack));
        Assert.Equal(["20 | John", "40 | Dave", "30 | Jasmine"], Queries.Rows(Unpack));
        Assert.Equal(["Property_Age", "Property_Name"], Queries.Columns(UnpackPrefix));
        Assert.Equal(["Name"], Queries.Columns(UnpackIgnored));
    }

    [Fact]
    public void Bag_unpack_with_an_output_schema_has_exactly_those_columns()
    {
        Assert.Equal(["Name", "Age", "Missing"], Queries.Columns(UnpackSchema));
        Assert.Equal(["John | 20 | ", "Dave | 40 | ", "Jasmine | 30 | "], Queries.Rows(UnpackSchema));
    }

    [Fact]
    public void Bag_unpack_resolves_column_conflicts_as_asked()
    {
        Assert.Equal(["Age", "Name"], Queries.Columns(UnpackReplace));
        Assert.Equal(["20 | John", "40 | Dave"], Queries.Rows(UnpackReplace));
        Assert.Equal(["Name", "Age"], Queries.Columns(UnpackKeep));
        Assert.Equal(["Old_name | 20", "Old_name | 40"], Queries.Rows(UnpackKeep));
        var error = Assert.Throws<InvalidOperationException>(() => Queries.Run(UnpackConflictError));
        Assert.Contains("conflicts", error.Message);
        // positional prefix, conflict mode and ignored properties; the prefix avoids the conflict
        Assert.Equal(["Name", "p_Name"], Queries.Columns(UnpackPositional));
    }

    [Fact]
    public void Pivot_makes_a_column_per_value_grouped_by_the_columns()
    {
        Assert.Equal(["Computer", "ip", "user"], Queries.Columns(PivotAny));
        Assert.Equal(["a | 10.0.0.1 | alice", "b |  | bob"], Queries.Rows(PivotAny));
    }

    [Fact]
    public void Pivot_counts_by_default_and_aggregates_empty_cells_as_no_rows()
    {
        Assert.Equal(["x", "y"], Queries.Columns(PivotCount));
        Assert.Equal(["1 | 2"], Queries.Rows(PivotCount));
        Assert.Equal(["g", "x", "y"], Queries.Columns(PivotSum));
        Assert.Equal(["g1 | 3 | ", "g2 |  | 3"], Queries.Rows(PivotSum));
    }

    [Fact]
    public void Narrow_unpivots_every_value()
    {
        Assert.Equal(["Row", "Column", "Value"], Queries.Columns(Narrow));
        Assert.Equal(["0 | a | 1", "0 | b | x", "1 | a | 2", "1 | b | y"], Queries.Rows(Narrow));
    }

    [Fact]
    public void Ipv4_lookup_joins_each_address_with_the_ranges_holding_it()
    {
        Assert.Equal(["ip", "network", "continent_code", "country_name"], Queries.Columns(IpLookup));
        Assert.Equal(
            ["2.20.183.12 | 2.20.0.0/16 | EU | Wider", "2.20.183.12 | 2.20.183.0/24 | EU | United Kingdom", "5.8.1.2 | 5.8.0.0/19 | EU | Russia"],
            Queries.Rows(IpLookup).Order(StringComparer.Ordinal));
        Assert.Contains("192.165.12.17 |  |  | ", Queries.Rows(IpLookupUnmatched));
        Assert.Equal(4, Queries.Rows(IpLookupUnmatched).Length);
    }

    [Fact]
    public void Ipv4_lookup_extra_keys_must_be_equal()
    {
        Assert.Equal(["addr", "site", "range", "owner"], Queries.Columns(IpLookupExtraKey));
        Assert.Equal(["10.1.2.3 | west | 10.0.0.0/8 | dev"], Queries.Rows(IpLookupExtraKey));
    }

    [Fact]
    public void Ipv6_lookup_matches_prefixes()
        => Assert.Equal(["fe80::1 | fe80::/10 | link-local", "2001:db8:1::5 | 2001:db8::/32 | doc"], Queries.Rows(Ipv6Lookup));

    [Fact]
    public void A_plugin_the_runtime_lacks_is_named_in_the_diagnostic()
        => Assert.Contains(Queries.Diagnostics(UnknownPlugin), d => d.StartsWith("AR0350", StringComparison.Ordinal) && d.Contains("'evaluate no_such_plugin'", StringComparison.Ordinal));
}
