using Xunit;

namespace AzureRules.Cli.Tests.Kusto;

/// <summary>The geo lookup plugins (geo_polygon_lookup, geo_line_lookup), from the Kusto documentation's examples and edge cases.</summary>
public sealed class KustoGeoPluginTests
{
    private const string Places = """
        let polygons = datatable(polygon_name:string, polygon:dynamic)
        [
            "New York", dynamic({"type":"Polygon", "coordinates":[[[-73.97375470114766,40.74300078124614],[-73.98653921014294,40.75486501361894],[-73.99910622331991,40.74112695466084],[-73.97375470114766,40.74300078124614]]]}),
            "Paris", dynamic({"type":"Polygon","coordinates":[[[2.57564669886321,48.769567764921334],[2.420098611499384,49.05163394896812],[2.1016783119165723,48.80113794475062],[2.57564669886321,48.769567764921334]]]}),
        ];
        let locations = datatable(location_name:string, longitude:real, latitude:real)
        [
            "Empire State Building", -73.98567337898565, 40.74842629977377,
            "Eiffel Tower", 2.294489426068907, 48.858263476169185,
            "Statue of Liberty",  -74.04462223203123, 40.689195627512674,
        ];

        """;
    private const string Inside = Places + "locations | evaluate geo_polygon_lookup(polygons, polygon, longitude, latitude)";
    private const string Unmatched = Places + "locations | evaluate geo_polygon_lookup(polygons, polygon, longitude, latitude, return_unmatched = true, return_lookup_key = true)";
    private const string Near = Places + "locations | evaluate geo_polygon_lookup(polygons, polygon, longitude, latitude, radius = 7000)";

    private const string Roads = """
        let roads = datatable(road_name:string, road:dynamic)
        [
            "5th Avenue NY", dynamic({"type":"LineString","coordinates":[[-73.97291864770574,40.76428551254824],[-73.99708638113894,40.73145135821781]]}),
            "Palace Ave", dynamic({"type":"LineString","coordinates":[[-0.18756982045002246,51.50245944666557],[-0.18908519740253382,51.50544952706903]]}),
        ];
        let locations = datatable(location_name:string, longitude:real, latitude:real)
        [
            "Empire State Building", -73.98567337898565, 40.74842629977377,
            "Statue of Liberty",  -74.04462223203123, 40.689195627512674,
        ];
        locations | evaluate geo_line_lookup(roads, road, longitude, latitude, 100, return_unmatched = true)
        """;
    private const string NoRadius = "datatable(x:real, y:real)[1, 1] | evaluate geo_line_lookup(datatable(l:dynamic)[dynamic(null)], l, x, y)";

    private static readonly KustoQueryBatch Queries = new(Inside, Unmatched, Near, Roads, NoRadius);

    [Fact]
    public void Polygon_lookup_joins_each_point_with_the_polygons_holding_it()
    {
        Assert.Equal(["location_name", "longitude", "latitude", "polygon_name"], Queries.Columns(Inside));
        Assert.Equal(["Eiffel Tower", "Empire State Building"], Queries.Rows(Inside).Select(r => r.Split(" | ")[0]).Order(StringComparer.Ordinal));
        Assert.Equal(["location_name", "longitude", "latitude", "polygon_name", "polygon"], Queries.Columns(Unmatched));
        Assert.Equal(3, Queries.Rows(Unmatched).Length);
        Assert.Contains(Queries.Rows(Unmatched), r => r.StartsWith("Statue of Liberty", StringComparison.Ordinal) && r.EndsWith("|  | ", StringComparison.Ordinal));
        // 7 km reaches the Statue of Liberty from the New York triangle
        Assert.Equal(3, Queries.Rows(Near).Length);
    }

    [Fact]
    public void Line_lookup_matches_lines_within_the_radius()
    {
        Assert.Equal(["location_name", "longitude", "latitude", "road_name"], Queries.Columns(Roads));
        Assert.Contains(Queries.Rows(Roads), r => r.StartsWith("Empire State Building", StringComparison.Ordinal) && r.EndsWith("5th Avenue NY", StringComparison.Ordinal));
        Assert.Contains(Queries.Rows(Roads), r => r.StartsWith("Statue of Liberty", StringComparison.Ordinal) && r.EndsWith("| ", StringComparison.Ordinal));
    }

    [Fact]
    public void Line_lookup_needs_its_radius()
        => Assert.Contains(Queries.Diagnostics(NoRadius), d => d.Contains("geo_line_lookup", StringComparison.Ordinal));
}
