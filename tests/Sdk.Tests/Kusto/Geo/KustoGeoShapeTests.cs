using AzureRules.Sdk.Kusto;
using AzureRules.Sdk.Kusto.Functions;
using Xunit;

namespace AzureRules.Sdk.Tests.Kusto.Geo;

/// <summary>Lines and polygons on the sphere against the Kusto documentation's examples and edge cases.</summary>
public sealed class KustoGeoShapeTests
{
    private static KustoValue L(long v) => KustoValue.From(v);
    private static KustoValue R(double v) => KustoValue.From(v);
    private static KustoValue D(string json) { Assert.True(KustoJson.TryParse(json, out var v)); return v; }
    private static string J(KustoValue v) => KustoJson.Write(v);

    private static readonly KustoValue CentralPark = D("""{"type":"Polygon","coordinates":[[[-73.9495,40.7969],[-73.95807266235352,40.80068603561921],[-73.98201942443848,40.76825672305777],[-73.97317886352539,40.76455136505513],[-73.9495,40.7969]]]}""");
    private static readonly KustoValue Avenue = D("""{"type":"LineString","coordinates":[[-73.95796, 40.80042], [-73.97317, 40.764486]]}""");

    private static void AssertPoint(double lon, double lat, KustoValue point, int digits = 9)
    {
        Assert.Equal("Point", point.AsBag["type"].AsString);
        Assert.Equal(lon, point.AsBag["coordinates"].AsArray[0].AsDouble, digits);
        Assert.Equal(lat, point.AsBag["coordinates"].AsArray[1].AsDouble, digits);
    }

    [Fact]
    public void Distance_and_closest_point_to_a_polygon()
    {
        Assert.Equal(259.940756070596, KustoGeoFunctions.geo_distance_point_to_polygon(R(-73.9839), R(40.7705), CentralPark).AsDouble, 1e-4);
        Assert.Equal(0, KustoGeoFunctions.geo_distance_point_to_polygon(R(-73.97), R(40.78), CentralPark).AsDouble);
        AssertPoint(-73.981205580153926, 40.769359452843211, KustoGeoFunctions.geo_closest_point_on_polygon(R(-73.9839), R(40.7705), CentralPark));
        AssertPoint(-73.97, 40.78, KustoGeoFunctions.geo_closest_point_on_polygon(R(-73.97), R(40.78), CentralPark), 12);
        Assert.True(KustoGeoFunctions.geo_closest_point_on_polygon(L(500), L(1), D("""{"type": "Polygon","coordinates": [[[0,0],[10,10],[10,1],[0,0]]]}""")).IsNull);
        Assert.True(KustoGeoFunctions.geo_distance_point_to_polygon(L(1), L(1), D("""{"type": "Polygon","coordinates": [[[0,0],[10,10],[10,1]]]}""")).IsNull, "an open ring is invalid");
    }

    [Fact]
    public void Distance_and_closest_point_to_a_line()
    {
        // on the line's middle the distance is zero; off its end it is the distance to the end
        var middle = KustoGeoFunctions.geo_line_interpolate_point(Avenue, R(0.5)).AsBag["coordinates"].AsArray;
        Assert.Equal(0, KustoGeoFunctions.geo_distance_point_to_line(middle[0], middle[1], Avenue).AsDouble, 6);
        Assert.Equal(KustoGeoFunctions.geo_distance_2points(L(-74), L(41), R(-73.95796), R(40.80042)).AsDouble,
            KustoGeoFunctions.geo_distance_point_to_line(L(-74), L(41), Avenue).AsDouble, 6);
        AssertPoint(-73.95796, 40.80042, KustoGeoFunctions.geo_closest_point_on_line(L(-74), L(41), Avenue), 12);
        Assert.True(KustoGeoFunctions.geo_distance_point_to_line(L(1), L(1), D("""{"type":"LineString","coordinates":[[1, 1]]}""")).IsNull);
        Assert.True(KustoGeoFunctions.geo_closest_point_on_line(L(181), L(1), Avenue).IsNull);
    }

    [Fact]
    public void Interpolate_locate_and_centroid_of_a_line()
    {
        AssertPoint(-73.961764043218281, 40.791436687257232, KustoGeoFunctions.geo_line_interpolate_point(Avenue, R(0.25)));
        var fivePoints = D("""{"type":"LineString","coordinates":[[-73.95807266235352,40.800426144169315],[-73.94966125488281,40.79691751000055],[-73.97317886352539,40.764486356930334],[-73.98210525512695,40.76786669510221],[-73.96004676818848,40.7980870753293]]}""");
        Assert.Equal(-73.96556545832799, KustoGeoFunctions.geo_line_interpolate_point(fivePoints, R(0.9)).AsBag["coordinates"].AsArray[0].AsDouble, 9);
        Assert.True(KustoGeoFunctions.geo_line_interpolate_point(D("""{"type":"LineString","coordinates":[[1, 1]]}"""), R(0.5)).IsNull);
        Assert.True(KustoGeoFunctions.geo_line_interpolate_point(Avenue, R(1.5)).IsNull);
        Assert.Equal(0.25, KustoGeoFunctions.geo_line_locate_point(Avenue, R(-73.961764043218281), R(40.791436687257232)).AsDouble, 9);
        Assert.True(KustoGeoFunctions.geo_line_locate_point(D("""{"type":"LineString","coordinates":[[1, 1]]}"""), L(1), L(1)).IsNull);
        AssertPoint(-73.965567057230942, 40.782453249627416, KustoGeoFunctions.geo_line_centroid(Avenue));
        Assert.True(KustoGeoFunctions.geo_line_centroid(D("""{"type":"LineString","coordinates":[[1, 1]]}""")).IsNull);
    }

    [Fact]
    public void Polygon_centroid_weighs_by_area_on_the_sphere()
    {
        AssertPoint(-73.965735689907618, 40.782550538057812, KustoGeoFunctions.geo_polygon_centroid(CentralPark), 9);
        // two equal squares either side of the prime meridian balance at it
        var two = D("""{"type":"MultiPolygon","coordinates":[[[[1,-1],[3,-1],[3,1],[1,1],[1,-1]]],[[[-3,-1],[-1,-1],[-1,1],[-3,1],[-3,-1]]]]}""");
        AssertPoint(0, 0, KustoGeoFunctions.geo_polygon_centroid(two), 12);
        Assert.True(KustoGeoFunctions.geo_polygon_centroid(D("""{"type": "Polygon","coordinates": [[[0,0],[10,10],[10,10],[0,0]]]}""")).IsNull);
        // a clockwise ring describes the same small region
        var clockwise = D("""{"type":"Polygon","coordinates":[[[-73.9495,40.7969],[-73.97317886352539,40.76455136505513],[-73.98201942443848,40.76825672305777],[-73.95807266235352,40.80068603561921],[-73.9495,40.7969]]]}""");
        AssertPoint(-73.965735689907618, 40.782550538057812, KustoGeoFunctions.geo_polygon_centroid(clockwise), 9);
    }

    [Fact]
    public void Densify_adds_points_only_where_the_geodesic_strays_from_the_planar_edge()
    {
        var shortEdge = D("""{"type":"LineString","coordinates":[[-73.949247, 40.796860],[-73.973017, 40.764323]]}""");
        Assert.Equal(J(shortEdge), J(KustoGeoFunctions.geo_line_densify(shortEdge)));
        var longEdge = KustoGeoFunctions.geo_line_densify(D("""{"type":"LineString","coordinates":[[50, 50], [51, 51]]}""")).AsBag["coordinates"].AsArray;
        Assert.True(longEdge.Length > 2);
        Assert.Equal(51, longEdge[^1].AsArray[0].AsDouble);
        Assert.True(KustoGeoFunctions.geo_line_densify(D("""{"type":"LineString","coordinates":[[300,1],[1,1]]}""")).IsNull);
        // an edge takes the shorter way, across the antimeridian; preserve_crossing keeps its longitudes continuous
        var across = D("""{"type":"LineString","coordinates":[[179,60],[-179,60]]}""");
        var wrapped = KustoGeoFunctions.geo_line_densify(across, L(1)).AsBag["coordinates"].AsArray;
        Assert.True(wrapped.Length > 2);
        Assert.All(wrapped, p => Assert.True(Math.Abs(p.AsArray[0].AsDouble) >= 179));
        var continuous = KustoGeoFunctions.geo_line_densify(across, L(1), KustoValue.True).AsBag["coordinates"].AsArray;
        Assert.All(continuous[..^1], p => Assert.InRange(p.AsArray[0].AsDouble, 179, 181));
        var square = D("""{"type":"Polygon","coordinates":[[[10,10],[11,10],[11,11],[10,11],[10,10]]]}""");
        Assert.True(KustoGeoFunctions.geo_polygon_densify(square, L(0)).IsNull);
        Assert.True(KustoGeoFunctions.geo_polygon_densify(square).AsBag["coordinates"].AsArray[0].AsArray.Length > 5);
        var park = D("""{"type":"Polygon","coordinates":[[[-73.958244,40.800719],[-73.949146,40.79695],[-73.973093,40.764226],[-73.982062,40.768159],[-73.958244,40.800719]]]}""");
        Assert.Equal(J(park), J(KustoGeoFunctions.geo_polygon_densify(park)));
    }

    [Fact]
    public void Simplify_keeps_the_vertices_farther_than_the_tolerance()
    {
        var line = D("""{"type":"LineString","coordinates":[[-73.97033169865608,40.789063020152824],[-73.97039607167244,40.78897975920816],[-73.9704617857933,40.78888837512432],[-73.97052884101868,40.7887949601531],[-73.9706052839756,40.788698498903564],[-73.97065222263336,40.78862640672032],[-73.97072866559029,40.78852791445617],[-73.97079303860664,40.788434498977836]]}""");
        Assert.Equal("""{"type":"LineString","coordinates":[[-73.97033169865608,40.789063020152824],[-73.97079303860664,40.788434498977836]]}""", J(KustoGeoFunctions.geo_line_simplify(line, L(10))));
        Assert.Equal(8, KustoGeoFunctions.geo_line_simplify(line, L(0)).AsBag["coordinates"].AsArray.Length);
        Assert.True(KustoGeoFunctions.geo_line_simplify(D("""{"type":"LineString","coordinates":[[1, 1]]}""")).IsNull);
        var polygon = D("""{"type":"Polygon","coordinates":[[[-73.94885122776031,40.79673476355657],[-73.94885927438736,40.79692258628347],[-73.94887939095497,40.79692055577034],[-73.9488673210144,40.79693476936093],[-73.94888743758202,40.79693476936093],[-73.9488834142685,40.796959135509105],[-73.94890084862709,40.79695304397289],[-73.94906312227248,40.79710736271788],[-73.94923612475395,40.7968708081794],[-73.94885122776031,40.79673476355657]]]}""");
        Assert.Equal("""{"type":"Polygon","coordinates":[[[-73.94885122776031,40.79673476355657],[-73.94906312227248,40.79710736271788],[-73.94923612475395,40.7968708081794],[-73.94885122776031,40.79673476355657]]]}""", J(KustoGeoFunctions.geo_polygon_simplify(polygon)));
        Assert.True(KustoGeoFunctions.geo_polygon_simplify(D("""{"type":"Polygon","coordinates":[[[5,48],[5,48]]]}""")).IsNull);
        Assert.True(KustoGeoFunctions.geo_polygon_simplify(D("""{"type":"Polygon","coordinates":[[[5,48],[0,50],[0,47],[4,47],[5,48]]]}"""), L(1000000)).IsNull);
    }

    [Fact]
    public void Intersects_when_shapes_share_a_point()
    {
        var line1 = D("""{"type":"LineString","coordinates":[[-73.978929,40.785155],[-73.980903,40.782621]]}""");
        var line2 = D("""{"type":"LineString","coordinates":[[-73.985195,40.788275],[-73.974552,40.779761]]}""");
        var triangle = D("""{"type":"Polygon","coordinates":[[[-73.9712905883789,40.78580561168767],[-73.98004531860352,40.775276834803655],[-73.97000312805176,40.77852663535664],[-73.9712905883789,40.78580561168767]]]}""");
        Assert.True(KustoGeoFunctions.geo_intersects_2lines(line1, line2).IsTrue);
        Assert.False(KustoGeoFunctions.geo_intersects_2lines(line1, D("""{"type":"LineString","coordinates":[[1, 1],[2, 2]]}""")).IsTrue);
        Assert.True(KustoGeoFunctions.geo_intersects_2lines(line1, D("""{"type":"LineString","coordinates":[[-73.985195,40.788275]]}""")).IsNull);
        Assert.True(KustoGeoFunctions.geo_intersects_line_with_polygon(line2, triangle).IsTrue);
        Assert.False(KustoGeoFunctions.geo_intersects_line_with_polygon(D("""{"type":"LineString","coordinates":[[1, 1],[2, 2]]}"""), triangle).IsTrue);
        Assert.True(KustoGeoFunctions.geo_intersects_line_with_polygon(line2, D("""{"type":"Polygon","coordinates":[]}""")).IsNull);
        // a polygon inside another intersects it though no edges cross
        var inner = D("""{"type":"Polygon","coordinates":[[[-73.975,40.78],[-73.974,40.78],[-73.9745,40.781],[-73.975,40.78]]]}""");
        Assert.True(KustoGeoFunctions.geo_intersects_2polygons(inner, triangle).IsTrue);
        Assert.True(KustoGeoFunctions.geo_intersects_2polygons(triangle, inner).IsTrue);
        Assert.False(KustoGeoFunctions.geo_intersects_2polygons(triangle, D("""{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}""")).IsTrue);
    }

    [Fact]
    public void Point_buffer_encloses_the_circle_within_the_tolerance()
    {
        var buffer = KustoGeoFunctions.geo_point_buffer(R(-115.1745008278), R(36.1497251277), L(20000));
        var ring = buffer.AsBag["coordinates"].AsArray[0].AsArray;
        Assert.Equal(J(ring[0]), J(ring[^1]));
        foreach (var vertex in ring)
        {
            var distance = KustoGeoFunctions.geo_distance_2points(R(-115.1745008278), R(36.1497251277), vertex.AsArray[0], vertex.AsArray[1]).AsDouble;
            Assert.InRange(distance, 20000, 20010);
        }
        Assert.True(KustoGeoFunctions.geo_point_in_polygon(R(-115.1745008278), R(36.1497251277), buffer).IsTrue);
        Assert.True(KustoGeoFunctions.geo_point_buffer(L(200), L(1), R(0.1)).IsNull);
        Assert.True(KustoGeoFunctions.geo_point_buffer(L(10), L(10), L(-1)).IsNull);
        Assert.True(KustoGeoFunctions.geo_point_buffer(L(10), L(10), L(100), R(1e-5)).IsNull);
        // a tolerance above the radius is lowered below it: a square is the coarsest buffer then
        Assert.Equal(5, KustoGeoFunctions.geo_point_buffer(L(10), L(10), L(100), L(1000)).AsBag["coordinates"].AsArray[0].AsArray.Length);
    }

    [Fact]
    public void Intersection_of_lines_is_their_crossing_point_or_shared_stretch()
    {
        var line1 = D("""{"type":"LineString","coordinates":[[-73.978929,40.785155],[-73.980903,40.782621]]}""");
        var line2 = D("""{"type":"LineString","coordinates":[[-73.985195,40.788275],[-73.974552,40.779761]]}""");
        AssertPoint(-73.979837116670978, 40.783989289772165, KustoGeoFunctions.geo_intersection_2lines(line1, line2), 10);
        Assert.Equal("""{"type":"LineString","coordinates":[[-73.978929,40.785155],[-73.980903,40.782621]]}""", J(KustoGeoFunctions.geo_intersection_2lines(line1, line1)));
        Assert.Equal("""{"type":"GeometryCollection","geometries":[]}""",
            J(KustoGeoFunctions.geo_intersection_2lines(D("""{"type":"LineString","coordinates":[[1, 1],[2, 2]]}"""), D("""{"type":"LineString","coordinates":[[3, 3],[4, 4]]}"""))));
        // lines meeting end to end share one point
        AssertPoint(2, 2, KustoGeoFunctions.geo_intersection_2lines(D("""{"type":"LineString","coordinates":[[1, 1],[2, 2]]}"""), D("""{"type":"LineString","coordinates":[[2, 2],[3, 1]]}""")), 12);
        Assert.True(KustoGeoFunctions.geo_intersection_2lines(line1, D("""{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}""")).IsNull);
    }

    [Fact]
    public void Intersection_of_a_line_with_a_polygon_keeps_the_parts_inside()
    {
        var line = D("""{"type":"LineString","coordinates":[[-73.985195,40.788275],[-73.974552,40.779761]]}""");
        var triangle = D("""{"type":"Polygon","coordinates":[[[-73.9712905883789,40.78580561168767],[-73.98004531860352,40.775276834803655],[-73.97000312805176,40.77852663535664],[-73.9712905883789,40.78580561168767]]]}""");
        var inside = KustoGeoFunctions.geo_intersection_line_with_polygon(line, triangle);
        Assert.Equal("LineString", inside.AsBag["type"].AsString);
        var coordinates = inside.AsBag["coordinates"].AsArray;
        Assert.Equal(-73.975611956578192, coordinates[0].AsArray[0].AsDouble, 11);
        Assert.Equal(40.78060906714618, coordinates[0].AsArray[1].AsDouble, 11);
        Assert.Equal("[-73.974552,40.779761]", J(coordinates[1]));
        Assert.Equal("""{"type":"GeometryCollection","geometries":[]}""", J(KustoGeoFunctions.geo_intersection_line_with_polygon(D("""{"type":"LineString","coordinates":[[1, 1],[2, 2]]}"""), triangle)));
    }

    [Fact]
    public void Point_in_polygon_follows_geodesic_edges()
    {
        // both long edges bulge toward the pole: at 0° the geodesic from (60, 50) to (-60, 50) reaches 67.2°N and the one
        // from (-60, 60) to (60, 60) 73.9°N, so the ring holds (0, 70) and not (0, 55), which planar edges would say
        var wide = D("""{"type":"Polygon","coordinates":[[[-60,60],[60,60],[60,50],[-60,50],[-60,60]]]}""");
        Assert.True(KustoGeoFunctions.geo_point_in_polygon(L(0), L(70), wide).IsTrue);
        Assert.False(KustoGeoFunctions.geo_point_in_polygon(L(0), L(55), wide).IsTrue);
        Assert.False(KustoGeoFunctions.geo_point_in_polygon(L(0), L(75), wide).IsTrue);
        // a hole excludes its inside
        var holed = D("""{"type":"Polygon","coordinates":[[[0,0],[10,0],[10,10],[0,10],[0,0]],[[4,4],[6,4],[6,6],[4,6],[4,4]]]}""");
        Assert.True(KustoGeoFunctions.geo_point_in_polygon(L(2), L(2), holed).IsTrue);
        Assert.False(KustoGeoFunctions.geo_point_in_polygon(L(5), L(5), holed).IsTrue);
    }

    [Fact]
    public void Union_of_lines_keeps_shared_stretches_once_and_joins_them()
    {
        var line1 = D("""{"type":"LineString","coordinates":[[-73.95683884620665,40.80502891480884],[-73.95633727312088,40.8057171711177],[-73.95489156246185,40.80510200431311]]}""");
        var line2 = D("""{"type":"LineString","coordinates":[[-73.95633727312088,40.8057171711177],[-73.95489156246185,40.80510200431311],[-73.95537436008453,40.804413741624515]]}""");
        Assert.Equal("""{"type":"LineString","coordinates":[[-73.95683884620665,40.80502891480884],[-73.95633727312088,40.8057171711177],[-73.95489156246185,40.80510200431311],[-73.95537436008453,40.804413741624515]]}""",
            J(KustoGeoFunctions.geo_union_lines_array(KustoValue.Array([line1, line2]))));
        // apart lines stay apart
        var apart = KustoGeoFunctions.geo_union_lines_array(KustoValue.Array([D("""{"type":"LineString","coordinates":[[0,0],[1,1]]}"""), D("""{"type":"LineString","coordinates":[[5,5],[6,6]]}""")]));
        Assert.Equal("MultiLineString", apart.AsBag["type"].AsString);
        // a line inside another adds nothing
        Assert.Equal("""{"type":"LineString","coordinates":[[0,0],[0,1],[0,2]]}""",
            J(KustoGeoFunctions.geo_union_lines_array(KustoValue.Array([D("""{"type":"LineString","coordinates":[[0,0],[0,2]]}"""), D("""{"type":"LineString","coordinates":[[0,1],[0,2]]}""")]))));
        Assert.True(KustoGeoFunctions.geo_union_lines_array(KustoValue.Array([line1, D("""{"type":"LineString","coordinates":[[1,1]]}""")])).IsNull);
        Assert.True(KustoGeoFunctions.geo_union_lines_array(KustoValue.Array([])).IsNull);
    }
}
