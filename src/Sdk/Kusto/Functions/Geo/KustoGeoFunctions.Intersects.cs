namespace AzureRules.Sdk.Kusto.Functions;

/// <summary>Whether shapes intersect (learn.microsoft.com/kusto/query/geo-intersects-*-function): they share at least one point.</summary>
public static partial class KustoGeoFunctions
{
    /// <summary>geo_intersects_2lines(line1, line2): whether two lines or multilines share a point.</summary>
    public static KustoValue geo_intersects_2lines(KustoValue line1, KustoValue line2)
    {
        if (!GeoShape.TryLines(line1, out var a) || !GeoShape.TryLines(line2, out var b)) return KustoValue.Null;
        return KustoValue.From(AnyEdgesIntersect(a, b));
    }

    /// <summary>geo_intersects_line_with_polygon(line, polygon): whether the line touches the polygon's area or boundary.</summary>
    public static KustoValue geo_intersects_line_with_polygon(KustoValue line, KustoValue polygon)
    {
        if (!GeoShape.TryLines(line, out var lines) || !GeoShape.TryPolygons(polygon, out var polygons)) return KustoValue.Null;
        return KustoValue.From(AnyEdgesIntersect(lines, polygons.SelectMany(rings => rings)) || lines.Any(path => InPolygons(path[0], polygons)));
    }

    /// <summary>geo_intersects_2polygons(polygon1, polygon2): whether the polygons share a point.</summary>
    public static KustoValue geo_intersects_2polygons(KustoValue polygon1, KustoValue polygon2)
    {
        if (!GeoShape.TryPolygons(polygon1, out var a) || !GeoShape.TryPolygons(polygon2, out var b)) return KustoValue.Null;
        // with no edges crossing, one either holds the other (then it holds all of its vertices) or they are apart
        return KustoValue.From(AnyEdgesIntersect(a.SelectMany(rings => rings), b.SelectMany(rings => rings))
            || a.Any(rings => InPolygons(rings[0][0], b)) || b.Any(rings => InPolygons(rings[0][0], a)));
    }

    private static bool AnyEdgesIntersect(IEnumerable<List<GeoMath.GeoPoint>> first, IEnumerable<List<GeoMath.GeoPoint>> second)
    {
        var secondEdges = second.SelectMany(Edges).ToList();
        foreach (var (a, b) in first.SelectMany(Edges))
            foreach (var (c, d) in secondEdges)
                if (Sphere.ArcsIntersect(a, b, c, d)) return true;
        return false;
    }

    private static IEnumerable<(Vec3 From, Vec3 To)> Edges(List<GeoMath.GeoPoint> path)
    {
        for (var i = 1; i < path.Count; i++) yield return (Sphere.ToVector(path[i - 1]), Sphere.ToVector(path[i]));
    }
}
