using AzureRules.Sdk.Kusto;
using AzureRules.Sdk.Kusto.Functions;
using Xunit;

namespace AzureRules.Sdk.Tests.Kusto.Geo;

/// <summary>S2 cells against the Kusto documentation's examples and S2's published cell numbering.</summary>
public sealed class KustoGeoS2Tests
{
    private static KustoValue S(string s) => KustoValue.From(s);
    private static KustoValue L(long v) => KustoValue.From(v);
    private static KustoValue R(double v) => KustoValue.From(v);
    private static string J(KustoValue v) => KustoJson.Write(v);

    [Fact]
    public void Point_to_s2cell_numbers_cells_along_the_hilbert_curve_of_each_cube_face()
    {
        // S2's own example: (37.791541, -122.390014) is the leaf 8085806ff60c7c7f; its level 26 parent 8085806ff60c7d
        Assert.Equal("8085806ff60c7c7f", KustoGeoFunctions.geo_point_to_s2cell(R(-122.390014), R(37.791541), L(30)).AsString);
        Assert.Equal("8085806ff60c7d", KustoGeoFunctions.geo_point_to_s2cell(R(-122.390014), R(37.791541), L(26)).AsString);
        Assert.Equal("8085806ff60c7c", KustoGeoFunctions.geo_point_to_s2cell(R(-122.390014), R(37.791541), L(25)).AsString);
        // the default level is 11: a token of 11 * 2 + 3 bits, 7 hex digits
        Assert.Equal(KustoGeoFunctions.geo_point_to_s2cell(R(-73.98), R(40.75), L(11)).AsString, KustoGeoFunctions.geo_point_to_s2cell(R(-73.98), R(40.75)).AsString);
        Assert.Equal("89c259", KustoGeoFunctions.geo_point_to_s2cell(R(-73.98), R(40.75), L(10)).AsString);
        Assert.Equal("89c25c", KustoGeoFunctions.geo_point_to_s2cell(R(-73.98), R(40.75), L(9)).AsString);
        Assert.Equal("9", KustoGeoFunctions.geo_point_to_s2cell(R(-73.98), R(40.75), L(0)).AsString);
    }

    [Fact]
    public void Point_to_s2cell_is_empty_for_invalid_points_and_levels()
    {
        Assert.Equal("", KustoGeoFunctions.geo_point_to_s2cell(L(300), L(1), L(8)).AsString);
        Assert.Equal("", KustoGeoFunctions.geo_point_to_s2cell(L(1), L(91), L(8)).AsString);
        Assert.Equal("", KustoGeoFunctions.geo_point_to_s2cell(L(1), L(1), L(31)).AsString);
        Assert.Equal("", KustoGeoFunctions.geo_point_to_s2cell(L(1), L(1), L(-1)).AsString);
        Assert.Equal("", KustoGeoFunctions.geo_point_to_s2cell(L(1), L(1), KustoValue.Null).AsString);
        Assert.Equal("", KustoGeoFunctions.geo_point_to_s2cell(KustoValue.Null, L(1), L(5)).AsString);
    }

    [Fact]
    public void Central_point_and_polygon_of_a_token()
    {
        var center = KustoGeoFunctions.geo_s2cell_to_central_point(S("1234567"));
        var coordinates = center.AsBag["coordinates"].AsArray;
        Assert.Equal(9.86830731850408, coordinates[0].AsDouble, 12);
        Assert.Equal(27.468392925827604, coordinates[1].AsDouble, 12);
        Assert.Equal("Point", center.AsBag["type"].AsString);

        var polygon = KustoGeoFunctions.geo_s2cell_to_polygon(S("89c259")).AsBag["coordinates"].AsArray[0].AsArray;
        double[][] expected = [[-74.030012249838478, 40.8012684339439], [-74.030012249838478, 40.7222262918358], [-73.935982114337421, 40.708880489804564], [-73.935982114337421, 40.787917134506841], [-74.030012249838478, 40.8012684339439]];
        Assert.Equal(expected.Length, polygon.Length);
        for (var k = 0; k < expected.Length; k++)
        {
            Assert.Equal(expected[k][0], polygon[k].AsArray[0].AsDouble, 10);
            Assert.Equal(expected[k][1], polygon[k].AsArray[1].AsDouble, 10);
        }
    }

    [Fact]
    public void Neighbors_are_the_eight_cells_around()
    {
        // the documented set; we list it in S2's order (the ring below, beside and above the cell), Kusto's order differs
        var neighbors = KustoGeoFunctions.geo_s2cell_neighbors(S("89c259")).AsArray.Select(n => n.AsString).Order();
        Assert.Equal(["89c251", "89c257", "89c25b", "89c25d", "89c25f", "89c2f5", "89c2f7", "89c2f9"], neighbors);
        // a face cell touches four faces along its edges and the other corners' faces at its corners
        var face = KustoGeoFunctions.geo_s2cell_neighbors(S("1")).AsArray;
        Assert.Equal(4, face.Length);
        Assert.DoesNotContain(face, n => n.AsString == "1");
        // a cell at a cube corner has seven neighbours, not eight
        var corner = KustoGeoFunctions.geo_point_to_s2cell(R(45), R(35.26), L(10)).AsString;
        Assert.Equal(7, KustoGeoFunctions.geo_s2cell_neighbors(S(corner)).AsArray.Length);
    }

    [Fact]
    public void Invalid_tokens_give_null()
    {
        foreach (var token in new[] { "a", "", "zz", "12345678901234567", "c", "X" })
        {
            Assert.True(KustoGeoFunctions.geo_s2cell_neighbors(S(token)).IsNull, token);
            Assert.True(KustoGeoFunctions.geo_s2cell_to_polygon(S(token)).IsNull, token);
            Assert.True(KustoGeoFunctions.geo_s2cell_to_central_point(S(token)).IsNull, token);
        }
        Assert.True(KustoGeoFunctions.geo_s2cell_to_central_point(KustoValue.Null).IsNull);
    }

    [Fact]
    public void Coverings_hold_every_cell_the_shape_touches_and_no_other()
    {
        var polygon = KustoJson.TryParse("""{"type":"Polygon","coordinates":[[[-73.991460000000131,40.731738000000206],[-73.992854491775518,40.730082566051351],[-73.996772,40.725432000000154],[-73.997634685522883,40.725786309886963],[-74.002855946639244,40.728346630056791],[-74.001413,40.731065000000207],[-73.996796995070824,40.73736378205173],[-73.991724524037934,40.735245208931886],[-73.990703782359589,40.734781896080477],[-73.991460000000131,40.731738000000206]]]}""", out var p) ? p : KustoValue.Null;
        var cells = KustoGeoFunctions.geo_polygon_to_s2cells(polygon, L(15)).AsArray.Select(c => c.AsString).ToHashSet();
        // every point inside lies in a covering cell
        foreach (var (lon, lat) in new[] { (-73.995, 40.734), (-73.9965, 40.7265), (-74.0015, 40.7295), (-73.9915, 40.7335) })
        {
            Assert.True(KustoGeoFunctions.geo_point_in_polygon(R(lon), R(lat), polygon).IsTrue);
            Assert.Contains(KustoGeoFunctions.geo_point_to_s2cell(R(lon), R(lat), L(15)).AsString, cells);
        }
        Assert.DoesNotContain(KustoGeoFunctions.geo_point_to_s2cell(R(-73.97), R(40.75), L(15)).AsString, cells);
        // cells are listed once each, in cell order, at the requested level
        Assert.All(cells, c => Assert.Equal(KustoGeoFunctions.geo_point_to_s2cell(R(-73.995), R(40.734), L(15)).AsString.Length, c.Length));
        // coarse levels shrink to the one cell, a radius widens the covering
        Assert.Equal("""["89c259"]""", J(KustoGeoFunctions.geo_polygon_to_s2cells(polygon, L(10))));
        Assert.True(KustoGeoFunctions.geo_polygon_to_s2cells(polygon, L(15), L(5000)).AsArray.Length > cells.Count);

        var big = KustoJson.TryParse("""{"type":"Polygon","coordinates":[[[0,0],[0,50],[100,50],[0,0]]]}""", out var b) ? b : KustoValue.Null;
        Assert.True(KustoGeoFunctions.geo_polygon_to_s2cells(big, L(30)).IsNull, "more than 65536 cells");
        Assert.True(KustoGeoFunctions.geo_polygon_to_s2cells(big, L(31)).IsNull);

        var street = KustoJson.TryParse("""{"type":"LineString","coordinates":[[-0.1399656708283601,51.50190802248855],[-0.14088438832752104,51.50012082761452]]}""", out var s) ? s : KustoValue.Null;
        var streetCells = KustoGeoFunctions.geo_line_to_s2cells(street, L(14)).AsArray.Select(c => c.AsString).ToList();
        Assert.Contains(KustoGeoFunctions.geo_point_to_s2cell(R(-0.1399656708283601), R(51.50190802248855), L(14)).AsString, streetCells);
        Assert.Contains(KustoGeoFunctions.geo_point_to_s2cell(R(-0.14088438832752104), R(51.50012082761452), L(14)).AsString, streetCells);
        Assert.True(KustoGeoFunctions.geo_line_to_s2cells(KustoJson.TryParse("""{"type":"LineString","coordinates":[[[0,0],[0,0]]]}""", out var bad) ? bad : KustoValue.Null).IsNull);
    }
}
