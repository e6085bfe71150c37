using AzureRules.Sdk.Kusto;
using AzureRules.Sdk.Kusto.Functions;
using Xunit;

namespace AzureRules.Sdk.Tests.Kusto.Geo;

/// <summary>H3 index arithmetic (level, parent, children) against the Kusto documentation's examples.</summary>
public sealed class KustoGeoH3Tests
{
    private static KustoValue S(string s) => KustoValue.From(s);
    private static KustoValue L(long v) => KustoValue.From(v);
    private static string J(KustoValue v) => KustoJson.Write(v);

    [Fact]
    public void Level_reads_the_resolution_of_a_valid_cell()
    {
        Assert.Equal(6, KustoGeoFunctions.geo_h3cell_level(S("862a1072fffffff")).AsLong);
        Assert.Equal(0, KustoGeoFunctions.geo_h3cell_level(S("8001fffffffffff")).AsLong);
        foreach (var invalid in new[] { "abc", "", "862a1072ffffff7", "872a1072fffffff", "8f4ffffffffffff", "85d1fffffffffff" })
            Assert.True(KustoGeoFunctions.geo_h3cell_level(S(invalid)).IsNull, invalid);
        Assert.True(KustoGeoFunctions.geo_h3cell_level(KustoValue.Null).IsNull);
    }

    [Fact]
    public void Parent_drops_the_finer_digits()
    {
        Assert.Equal("852a1073fffffff", KustoGeoFunctions.geo_h3cell_parent(S("862a1072fffffff")).AsString);
        Assert.Equal("812a3ffffffffff", KustoGeoFunctions.geo_h3cell_parent(S("862a1072fffffff"), L(1)).AsString);
        Assert.Equal("862a1072fffffff", KustoGeoFunctions.geo_h3cell_parent(S("862a1072fffffff"), L(6)).AsString);
        Assert.Equal("", KustoGeoFunctions.geo_h3cell_parent(S("123")).AsString);
        Assert.Equal("", KustoGeoFunctions.geo_h3cell_parent(S("862a1072fffffff"), L(100)).AsString);
        Assert.Equal("", KustoGeoFunctions.geo_h3cell_parent(S("862a1072fffffff"), L(15)).AsString);
        Assert.Equal("", KustoGeoFunctions.geo_h3cell_parent(S("8001fffffffffff")).AsString);
    }

    [Fact]
    public void Children_are_the_seven_digits_below_and_pentagons_skip_the_k_axis()
    {
        Assert.Equal("""["872a10728ffffff","872a10729ffffff","872a1072affffff","872a1072bffffff","872a1072cffffff","872a1072dffffff","872a1072effffff"]""",
            J(KustoGeoFunctions.geo_h3cell_children(S("862a1072fffffff"))));
        Assert.Equal(343, KustoGeoFunctions.geo_h3cell_children(S("862a1072fffffff"), L(9)).AsArray.Length);
        // base cell 4 is a pentagon: 6 children, then 6 + 5 * 7 = 41 grandchildren
        Assert.Equal(6, KustoGeoFunctions.geo_h3cell_children(S("8009fffffffffff")).AsArray.Length);
        Assert.Equal(41, KustoGeoFunctions.geo_h3cell_children(S("8009fffffffffff"), L(2)).AsArray.Length);
        Assert.True(KustoGeoFunctions.geo_h3cell_children(S("abc")).IsNull);
        Assert.True(KustoGeoFunctions.geo_h3cell_children(S("862a1072fffffff"), L(5)).IsNull);
        Assert.True(KustoGeoFunctions.geo_h3cell_children(S("862a1072fffffff"), L(12)).IsNull, "more than 5 levels down");
        Assert.Equal(16807, KustoGeoFunctions.geo_h3cell_children(S("862a1072fffffff"), L(11)).AsArray.Length);
    }
}
