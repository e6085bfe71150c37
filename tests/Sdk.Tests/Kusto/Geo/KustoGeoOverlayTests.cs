using AzureRules.Sdk.Kusto;
using AzureRules.Sdk.Kusto.Functions;
using Xunit;

namespace AzureRules.Sdk.Tests.Kusto.Geo;

/// <summary>Polygon unions and intersections against the Kusto documentation's examples and edge cases.</summary>
public sealed class KustoGeoOverlayTests
{
    private static KustoValue D(string json) { Assert.True(KustoJson.TryParse(json, out var v)); return v; }
    private static string J(KustoValue v) => KustoJson.Write(v);

    private static void AssertRing(double[][] expected, KustoValue ring)
    {
        var points = ring.AsArray;
        Assert.Equal(expected.Length, points.Length);
        for (var k = 0; k < expected.Length; k++)
        {
            Assert.Equal(expected[k][0], points[k].AsArray[0].AsDouble, 9);
            Assert.Equal(expected[k][1], points[k].AsArray[1].AsDouble, 9);
        }
    }

    [Fact]
    public void Union_of_two_overlapping_polygons_is_one_outline()
    {
        var polygon1 = D("""{"type":"Polygon","coordinates":[[[-73.9495,40.7969],[-73.95807,40.80068],[-73.98201,40.76825],[-73.97317,40.76455],[-73.9495,40.7969]]]}""");
        var polygon2 = D("""{"type":"Polygon","coordinates":[[[-73.94622,40.79249],[-73.96888,40.79282],[-73.9577,40.7789],[-73.94622,40.79249]]]}""");
        var union = KustoGeoFunctions.geo_union_polygons_array(KustoValue.Array([polygon1, polygon2]));
        Assert.Equal("Polygon", union.AsBag["type"].AsString);
        AssertRing([[-73.9495, 40.7969], [-73.95807, 40.80068], [-73.9639277517478, 40.792748258673875], [-73.96888, 40.792819999999992], [-73.9662719791645, 40.7895734224338],
            [-73.98201, 40.76825], [-73.97317, 40.76455], [-73.960302383706178, 40.782140794645024], [-73.9577, 40.7789], [-73.94622, 40.79249], [-73.9526593223173, 40.792584227716468], [-73.9495, 40.7969]],
            union.AsBag["coordinates"].AsArray[0]);
        Assert.True(KustoGeoFunctions.geo_union_polygons_array(KustoValue.Array([polygon1, D("""{"type":"Polygon","coordinates":[[[-73.94622,40.79249]]]}""")])).IsNull);
    }

    [Fact]
    public void Union_drops_shared_edges_and_keeps_apart_polygons_apart()
    {
        // two squares sharing an edge become one rectangle outline (the shared edge's ends stay as vertices)
        var left = D("""{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1],[0,0]]]}""");
        var right = D("""{"type":"Polygon","coordinates":[[[1,0],[2,0],[2,1],[1,1],[1,0]]]}""");
        var union = KustoGeoFunctions.geo_union_polygons_array(KustoValue.Array([left, right]));
        Assert.Equal("Polygon", union.AsBag["type"].AsString);
        Assert.Equal(7, union.AsBag["coordinates"].AsArray[0].AsArray.Length);
        Assert.True(KustoGeoFunctions.geo_point_in_polygon(KustoValue.From(1.0), KustoValue.From(0.5), union).IsTrue);
        var apart = KustoGeoFunctions.geo_union_polygons_array(KustoValue.Array([left, D("""{"type":"Polygon","coordinates":[[[5,5],[6,5],[6,6],[5,6],[5,5]]]}""")]));
        Assert.Equal("MultiPolygon", apart.AsBag["type"].AsString);
        // a polygon inside another adds nothing
        var inner = D("""{"type":"Polygon","coordinates":[[[0.2,0.2],[0.4,0.2],[0.4,0.4],[0.2,0.2]]]}""");
        Assert.Equal(J(left), J(KustoGeoFunctions.geo_union_polygons_array(KustoValue.Array([left, inner]))));
    }

    [Fact]
    public void Intersection_of_polygons_is_their_common_area_and_touching_points()
    {
        var polygon1 = D("""{"type":"Polygon","coordinates":[[[-73.9630937576294,40.77498840732385],[-73.963565826416,40.774383111780914],[-73.96205306053162,40.773745311181585],[-73.96160781383514,40.7743912365898],[-73.9630937576294,40.77498840732385]]]}""");
        var polygon2 = D("""{"type":"Polygon","coordinates":[[[-73.96213352680206,40.775045280447145],[-73.9631313085556,40.774578106920345],[-73.96207988262177,40.77416780398293],[-73.96213352680206,40.775045280447145]]]}""");
        var common = KustoGeoFunctions.geo_intersection_2polygons(polygon1, polygon2);
        Assert.Equal("Polygon", common.AsBag["type"].AsString);
        var ring = common.AsBag["coordinates"].AsArray[0].AsArray.Select(p => (p.AsArray[0].AsDouble, p.AsArray[1].AsDouble)).ToList();
        Assert.Equal(5, ring.Count);
        foreach (var (lon, lat) in new[] { (-73.962105776437156, 40.774591360999679), (-73.962642403166868, 40.774807020251778), (-73.9631313085556, 40.774578106920352), (-73.962079882621765, 40.774167803982927) })
            Assert.Contains(ring, p => Math.Abs(p.Item1 - lon) < 1e-9 && Math.Abs(p.Item2 - lat) < 1e-9);

        var triangle = D("""{"type":"Polygon","coordinates":[[[2,45],[0,45],[1,44],[2,45]]]}""");
        var touching = D("""{"type":"MultiPolygon","coordinates":[[[[3,44],[2,45],[2,43],[3,44]]],[[[1.192,45.265],[1.005,44.943],[1.356,44.937],[1.192,45.265]]]]}""");
        var both = KustoGeoFunctions.geo_intersection_2polygons(triangle, touching);
        Assert.Equal("GeometryCollection", both.AsBag["type"].AsString);
        Assert.Equal("""{"type":"Point","coordinates":[2,45]}""", J(both.AsBag["geometries"].AsArray[0]));
        Assert.Equal("Polygon", both.AsBag["geometries"].AsArray[1].AsBag["type"].AsString);

        Assert.Equal("""{"type":"GeometryCollection","geometries":[]}""", J(KustoGeoFunctions.geo_intersection_2polygons(triangle, D("""{"type":"Polygon","coordinates":[[[10,10],[11,10],[11,11],[10,10]]]}"""))));
        Assert.True(KustoGeoFunctions.geo_intersection_2polygons(triangle, D("""{"type":"Polygon","coordinates":[[[10,10]]]}""")).IsNull);
    }

    [Fact]
    public void Simplify_polygons_array_unites_then_simplifies()
    {
        var arr = KustoValue.Array([
            D("""{"type":"Polygon","coordinates":[[[-73.9495,40.7969],[-73.95807,40.80068],[-73.98201,40.76825],[-73.97317,40.76455],[-73.9495,40.7969]]]}"""),
            D("""{"type":"Polygon","coordinates":[[[-73.94622,40.79249],[-73.96888,40.79282],[-73.9577,40.7789],[-73.94622,40.79249]]]}"""),
            D("""{"type":"Polygon","coordinates":[[[-73.97335,40.77274],[-73.9936,40.76630],[-73.97171,40.75655],[-73.97335,40.77274]]]}""")]);
        Assert.True(KustoGeoFunctions.geo_simplify_polygons_array(arr, KustoValue.From(-1L)).IsNull);
        Assert.True(KustoGeoFunctions.geo_simplify_polygons_array(arr, KustoValue.From(10000L)).IsNull, "every ring collapses");
        var simplified = KustoGeoFunctions.geo_simplify_polygons_array(arr);
        // the third polygon overlaps the first: one outline holds all three
        Assert.Equal("Polygon", simplified.AsBag["type"].AsString);
        foreach (var (lon, lat) in new[] { (-73.96, 40.79), (-73.975, 40.77), (-73.98, 40.765) })
            Assert.True(KustoGeoFunctions.geo_point_in_polygon(KustoValue.From(lon), KustoValue.From(lat), simplified).IsTrue);
    }
}
