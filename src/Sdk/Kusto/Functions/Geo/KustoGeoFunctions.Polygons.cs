namespace AzureRules.Sdk.Kusto.Functions;

/// <summary>
/// Functions on polygons (learn.microsoft.com/kusto/query/geo-*polygon*-function): a Polygon or MultiPolygon whose
/// rings are closed paths of geodesic edges, the first ring the outer one and the others holes.
/// </summary>
public static partial class KustoGeoFunctions
{
    /// <summary>geo_distance_point_to_polygon(lon, lat, polygon): 0 inside the polygon, else meters to its nearest edge.</summary>
    public static KustoValue geo_distance_point_to_polygon(KustoValue lon, KustoValue lat, KustoValue polygon)
    {
        if (!GeoMath.TryPoint(lon, lat, out var p) || !GeoShape.TryPolygons(polygon, out var polygons)) return KustoValue.Null;
        if (InPolygons(p, polygons)) return KustoValue.From(0.0);
        var v = Sphere.ToVector(p);
        return KustoValue.From(Sphere.Angle(v, GeoPaths.Closest(v, polygons.SelectMany(rings => rings))) * EarthRadius);
    }

    /// <summary>geo_closest_point_on_polygon(lon, lat, polygon): the point itself inside the polygon, else the nearest point of its edges.</summary>
    public static KustoValue geo_closest_point_on_polygon(KustoValue lon, KustoValue lat, KustoValue polygon)
    {
        if (!GeoMath.TryPoint(lon, lat, out var p) || !GeoShape.TryPolygons(polygon, out var polygons)) return KustoValue.Null;
        if (InPolygons(p, polygons)) return GeoShape.Point(p);
        return GeoShape.Point(Sphere.ToPoint(GeoPaths.Closest(Sphere.ToVector(p), polygons.SelectMany(rings => rings))));
    }

    /// <summary>
    /// geo_polygon_centroid(polygon): the centroid of the polygon's area. Each ring is cut into a fan of triangles from its
    /// first vertex; each triangle counts with its centroid (a + b + c) / 3 weighted by its signed area (a × b · c) / 2, which
    /// is how S2 measures it and matches Kusto's results. Outer rings count toward their inside, holes against it.
    /// The polygons of a MultiPolygon are taken not to overlap (as GeoJSON requires); Kusto unites overlapping ones first.
    /// </summary>
    public static KustoValue geo_polygon_centroid(KustoValue polygon)
    {
        if (!GeoShape.TryPolygons(polygon, out var polygons)) return KustoValue.Null;
        var sum = new Vec3(0, 0, 0);
        foreach (var rings in polygons)
            for (var r = 0; r < rings.Count; r++)
            {
                var ring = rings[r].Select(Sphere.ToVector).ToList();
                var moment = new Vec3(0, 0, 0);
                for (var i = 1; i + 2 < ring.Count; i++)
                {
                    Vec3 a = ring[0], b = ring[i], c = ring[i + 1];
                    moment += (a.Cross(b).Dot(c) / 6) * (a + b + c);
                }
                // rings may run either way round; a ring's region is the smaller side, where its vertices lie
                if (moment.Dot(ring[0]) < 0) moment = -moment;
                sum += r == 0 ? moment : -moment;
            }
        return sum.Norm < 1e-300 ? KustoValue.Null : GeoShape.Point(Sphere.ToPoint(sum.Normalized()));
    }

    public static KustoValue geo_polygon_densify(KustoValue polygon) => geo_polygon_densify(polygon, KustoValue.From(10L), KustoValue.False);
    public static KustoValue geo_polygon_densify(KustoValue polygon, KustoValue tolerance) => geo_polygon_densify(polygon, tolerance, KustoValue.False);

    /// <summary>geo_polygon_densify(polygon, tolerance = 10, preserve_crossing = false): <see cref="geo_line_densify(KustoValue, KustoValue, KustoValue)"/> on every ring.</summary>
    public static KustoValue geo_polygon_densify(KustoValue polygon, KustoValue tolerance, KustoValue preserveCrossing)
    {
        if (!GeoShape.TryPolygons(polygon, out var polygons) || !TryTolerance(tolerance, 0.1, 10000, out var meters)) return KustoValue.Null;
        var crossing = preserveCrossing.IsTrue;
        var result = new List<List<List<GeoMath.GeoPoint>>>();
        foreach (var rings in polygons)
        {
            var densified = new List<List<GeoMath.GeoPoint>>();
            foreach (var ring in rings)
            {
                var path = GeoPaths.Densify(ring, meters, crossing);
                if (path is null) return KustoValue.Null;
                densified.Add(path);
            }
            result.Add(densified);
        }
        return GeoShape.Polygons(result);
    }

    public static KustoValue geo_polygon_simplify(KustoValue polygon) => geo_polygon_simplify(polygon, KustoValue.From(10L));

    /// <summary>geo_polygon_simplify(polygon, tolerance = 10): Douglas–Peucker on every ring; null when a ring collapses below a triangle.</summary>
    public static KustoValue geo_polygon_simplify(KustoValue polygon, KustoValue tolerance)
    {
        if (!GeoShape.TryPolygons(polygon, out var polygons) || !TryTolerance(tolerance, 0, double.MaxValue, out var meters)) return KustoValue.Null;
        var result = new List<List<List<GeoMath.GeoPoint>>>();
        foreach (var rings in polygons)
        {
            var simplified = rings.Select(ring => GeoPaths.SimplifyRing(ring, meters / EarthRadius)).ToList();
            if (simplified.Any(ring => ring.Count < 4)) return KustoValue.Null;
            result.Add(simplified);
        }
        return GeoShape.Polygons(result);
    }

    /// <summary>Whether the point lies in one of the polygons and not in one of its holes.</summary>
    private static bool InPolygons(GeoMath.GeoPoint p, List<List<List<GeoMath.GeoPoint>>> polygons)
        => polygons.Any(rings => GeoMath.InRing(p, rings[0]) && !rings.Skip(1).Any(hole => GeoMath.InRing(p, hole)));
}
