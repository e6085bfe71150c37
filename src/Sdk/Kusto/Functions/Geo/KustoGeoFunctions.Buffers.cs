namespace AzureRules.Sdk.Kusto.Functions;

/// <summary>Buffers (learn.microsoft.com/kusto/query/geo-*-buffer-function): polygons holding every point within a radius of a shape.</summary>
public static partial class KustoGeoFunctions
{
    public static KustoValue geo_point_buffer(KustoValue lon, KustoValue lat, KustoValue radius) => geo_point_buffer(lon, lat, radius, KustoValue.From(10L));

    /// <summary>
    /// geo_point_buffer(lon, lat, radius, tolerance = 10): a polygon around the circle of radius meters, with as few vertices
    /// as keep its edges within tolerance meters of the circle. The vertices lie just outside the circle so that the edges,
    /// not only the vertices, enclose it. Tolerance below a millionth of the radius is invalid; above the radius it is lowered.
    /// </summary>
    public static KustoValue geo_point_buffer(KustoValue lon, KustoValue lat, KustoValue radius, KustoValue tolerance)
    {
        if (!GeoMath.TryPoint(lon, lat, out var center) || !radius.IsNumeric || !tolerance.IsNumeric) return KustoValue.Null;
        double r = radius.AsDouble, t = tolerance.AsDouble;
        if (!(r > 0) || double.IsInfinity(r) || r >= Math.PI * EarthRadius || !(t >= r * 1e-6)) return KustoValue.Null;
        t = Math.Min(t, r * 0.999);
        // a regular n-gon circumscribing the circle strays r (1 / cos(π/n) − 1) from it at its vertices
        var sides = Math.Max(3, (int)Math.Ceiling(Math.PI / Math.Acos(r / (r + t))));
        var vertexRadius = r / Math.Cos(Math.PI / sides) / EarthRadius;
        var ring = new List<(double Lon, double Lat)>(sides + 1);
        for (var k = 0; k < sides; k++)
        {
            // counter-clockwise (bearing decreasing), as GeoJSON wants outer rings
            var vertex = Sphere.Destination(center, -2 * Math.PI * k / sides, vertexRadius);
            ring.Add((vertex.Lon, vertex.Lat));
        }
        ring.Add(ring[0]);
        return GeoShape.Polygon(ring);
    }
}
