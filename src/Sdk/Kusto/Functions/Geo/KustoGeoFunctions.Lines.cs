namespace AzureRules.Sdk.Kusto.Functions;

/// <summary>
/// Functions on lines (learn.microsoft.com/kusto/query/geo-*line*-function): a LineString or MultiLineString whose
/// edges are great-circle arcs on the sphere. Invalid shapes or arguments give null.
/// </summary>
public static partial class KustoGeoFunctions
{
    /// <summary>geo_distance_point_to_line(lon, lat, line): meters from the point to the nearest point of the line.</summary>
    public static KustoValue geo_distance_point_to_line(KustoValue lon, KustoValue lat, KustoValue line)
    {
        if (!GeoMath.TryPoint(lon, lat, out var p) || !GeoShape.TryLines(line, out var lines)) return KustoValue.Null;
        var v = Sphere.ToVector(p);
        return KustoValue.From(Sphere.Angle(v, GeoPaths.Closest(v, lines)) * EarthRadius);
    }

    /// <summary>geo_closest_point_on_line(lon, lat, line): the point of the line nearest to the given one, as a GeoJSON Point.</summary>
    public static KustoValue geo_closest_point_on_line(KustoValue lon, KustoValue lat, KustoValue line)
    {
        if (!GeoMath.TryPoint(lon, lat, out var p) || !GeoShape.TryLines(line, out var lines)) return KustoValue.Null;
        return GeoShape.Point(Sphere.ToPoint(GeoPaths.Closest(Sphere.ToVector(p), lines)));
    }

    /// <summary>geo_line_interpolate_point(line, fraction): the point at that fraction (0–1) of the line's length from its start.</summary>
    public static KustoValue geo_line_interpolate_point(KustoValue line, KustoValue fraction)
    {
        if (!GeoShape.TryLines(line, out var lines) || lines.Count != 1 || !fraction.IsNumeric) return KustoValue.Null;
        var f = fraction.AsDouble;
        if (f is < 0 or > 1 || double.IsNaN(f)) return KustoValue.Null;
        var path = lines[0].Select(Sphere.ToVector).ToList();
        var target = f * GeoPaths.Length(path);
        for (var i = 1; i < path.Count; i++)
        {
            var edge = Sphere.Angle(path[i - 1], path[i]);
            if (target <= edge && edge > 0) return GeoShape.Point(Sphere.ToPoint(Sphere.Interpolate(path[i - 1], path[i], target / edge)));
            target -= edge;
        }
        return GeoShape.Point(lines[0][^1]);
    }

    /// <summary>geo_line_locate_point(line, lon, lat): the fraction (0–1) of the line's length from its start to the line's point nearest the given one.</summary>
    public static KustoValue geo_line_locate_point(KustoValue line, KustoValue lon, KustoValue lat)
    {
        if (!GeoShape.TryLines(line, out var lines) || lines.Count != 1 || !GeoMath.TryPoint(lon, lat, out var p)) return KustoValue.Null;
        var path = lines[0].Select(Sphere.ToVector).ToList();
        var total = GeoPaths.Length(path);
        if (total == 0) return KustoValue.From(0.0);
        var v = Sphere.ToVector(p);
        double best = double.MaxValue, along = 0, bestAlong = 0;
        for (var i = 1; i < path.Count; i++)
        {
            var closest = Sphere.ClosestOnArc(v, path[i - 1], path[i]);
            var distance = Sphere.Angle(v, closest);
            if (distance < best) { best = distance; bestAlong = along + Sphere.Angle(path[i - 1], closest); }
            along += Sphere.Angle(path[i - 1], path[i]);
        }
        return KustoValue.From(Math.Min(1, bestAlong / total));
    }

    /// <summary>geo_line_centroid(line): the centroid of the line's edges, each weighted by its length, as a GeoJSON Point.</summary>
    public static KustoValue geo_line_centroid(KustoValue line)
    {
        if (!GeoShape.TryLines(line, out var lines)) return KustoValue.Null;
        var sum = new Vec3(0, 0, 0);
        foreach (var path in lines)
            for (var i = 1; i < path.Count; i++)
            {
                // the integral of the position over a unit-speed arc is its chord length along its midpoint
                Vec3 a = Sphere.ToVector(path[i - 1]), b = Sphere.ToVector(path[i]);
                sum += (b - a).Norm * (a + b).Normalized();
            }
        return sum.Norm == 0 ? KustoValue.Null : GeoShape.Point(Sphere.ToPoint(sum.Normalized()));
    }

    public static KustoValue geo_line_densify(KustoValue line) => geo_line_densify(line, KustoValue.From(10L), KustoValue.False);
    public static KustoValue geo_line_densify(KustoValue line, KustoValue tolerance) => geo_line_densify(line, tolerance, KustoValue.False);

    /// <summary>geo_line_densify(line, tolerance = 10, preserve_crossing = false): adds points along each planar edge until the geodesics between them stay within tolerance meters (0.1–10000) of it.</summary>
    public static KustoValue geo_line_densify(KustoValue line, KustoValue tolerance, KustoValue preserveCrossing)
    {
        if (!GeoShape.TryLines(line, out var lines) || !TryTolerance(tolerance, 0.1, 10000, out var meters)) return KustoValue.Null;
        var crossing = preserveCrossing.IsTrue;
        var result = lines.Select(path => GeoPaths.Densify(path, meters, crossing)).ToList();
        return result.Any(path => path is null) ? KustoValue.Null : GeoShape.Lines(result!);
    }

    public static KustoValue geo_line_simplify(KustoValue line) => geo_line_simplify(line, KustoValue.From(10L));

    /// <summary>geo_line_simplify(line, tolerance = 10): Douglas–Peucker on the sphere, dropping vertices within tolerance meters of the simplified line.</summary>
    public static KustoValue geo_line_simplify(KustoValue line, KustoValue tolerance)
    {
        if (!GeoShape.TryLines(line, out var lines) || !TryTolerance(tolerance, 0, double.MaxValue, out var meters)) return KustoValue.Null;
        return GeoShape.Lines([.. lines.Select(path => GeoPaths.Simplify(path, meters / EarthRadius))]);
    }

    /// <summary>A tolerance argument in meters within [min, max]; null or out of range is invalid.</summary>
    private static bool TryTolerance(KustoValue tolerance, double min, double max, out double meters)
    {
        meters = tolerance.IsNumeric ? tolerance.AsDouble : double.NaN;
        return meters >= min && meters <= max;
    }
}
