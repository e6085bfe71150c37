namespace AzureRules.Sdk.Kusto.Functions;

/// <summary>
/// Unions and intersections of polygons (learn.microsoft.com/kusto/query/geo-union-polygons-array-function,
/// geo-intersection-2polygons-function, geo-simplify-polygons-array-function), built by <see cref="GeoPolygonOverlay"/>.
/// </summary>
public static partial class KustoGeoFunctions
{
    /// <summary>geo_union_polygons_array(polygons): the area any of the polygons or multipolygons covers, as a Polygon or MultiPolygon; null when one is invalid.</summary>
    public static KustoValue geo_union_polygons_array(KustoValue polygons)
        => TryUnion(polygons, out var union) ? GeoShape.Polygons(union) : KustoValue.Null;

    public static KustoValue geo_simplify_polygons_array(KustoValue polygons) => geo_simplify_polygons_array(polygons, KustoValue.From(10L));

    /// <summary>
    /// geo_simplify_polygons_array(polygons, tolerance = 10): the union of the polygons, each ring simplified as
    /// geo_polygon_simplify does (tolerance 0 – 7,800,000 meters); rings that collapse disappear, and when all do the result is null.
    /// </summary>
    public static KustoValue geo_simplify_polygons_array(KustoValue polygons, KustoValue tolerance)
    {
        if (!TryTolerance(tolerance, 0, 7_800_000, out var meters) || !TryUnion(polygons, out var union)) return KustoValue.Null;
        var result = new List<List<List<GeoMath.GeoPoint>>>();
        foreach (var rings in union)
        {
            var outer = GeoPaths.SimplifyRing(rings[0], meters / EarthRadius);
            if (outer.Count < 4) continue;
            result.Add([outer, .. rings.Skip(1).Select(hole => GeoPaths.SimplifyRing(hole, meters / EarthRadius)).Where(hole => hole.Count >= 4)]);
        }
        return result.Count == 0 ? KustoValue.Null : GeoShape.Polygons(result);
    }

    /// <summary>
    /// geo_intersection_2polygons(polygon1, polygon2): the area both cover (Polygon or MultiPolygon), with the points where
    /// they only touch (a GeometryCollection when there are both); an empty GeometryCollection when they are apart.
    /// </summary>
    public static KustoValue geo_intersection_2polygons(KustoValue polygon1, KustoValue polygon2)
    {
        if (!GeoShape.TryPolygons(polygon1, out var a) || !GeoShape.TryPolygons(polygon2, out var b)) return KustoValue.Null;
        var rings = a.SelectMany(r => r).Concat(b.SelectMany(r => r)).ToList();
        var area = GeoPolygonOverlay.Boundary(rings, p => InPolygons(p, a) && InPolygons(p, b));
        // where the boundaries meet outside the common area's boundary, the polygons only touch
        var boundary = area.SelectMany(rings => rings).SelectMany(Edges).ToList();
        var touches = new List<GeoMath.GeoPoint>();
        foreach (var (c, d) in a.SelectMany(r => r).SelectMany(Edges))
            foreach (var (e, f) in b.SelectMany(r => r).SelectMany(Edges))
            {
                var meeting = Sphere.Crossing(c, d, e, f) ?? new[] { c, d }.FirstOrDefault(v => Sphere.OnArc(v, e, f), new Vec3(0, 0, 0));
                if (meeting.Norm == 0 || boundary.Any(edge => Sphere.OnArc(meeting, edge.From, edge.To))) continue;
                var point = Sphere.ToPoint(meeting);
                var original = a.Concat(b).SelectMany(r => r).SelectMany(r => r).FirstOrDefault(v => GeoOverlay.Same(v, point), point);
                if (!touches.Any(t => GeoOverlay.Same(t, original))) touches.Add(original);
            }
        if (area.Count == 0 && touches.Count == 0) return GeoShape.EmptyCollection();
        var dots = touches.Count == 1 ? GeoShape.Point(touches[0])
            : GeoShape.Shape("MultiPoint", KustoValue.Array([.. touches.Select(p => KustoValue.Array([KustoValue.From(p.Lon), KustoValue.From(p.Lat)]))]));
        if (area.Count == 0) return dots;
        if (touches.Count == 0) return GeoShape.Polygons(area);
        return KustoValue.Bag(new KustoBag { ["type"] = KustoValue.From("GeometryCollection"), ["geometries"] = KustoValue.Array([dots, GeoShape.Polygons(area)]) });
    }

    private static bool TryUnion(KustoValue polygons, out List<List<List<GeoMath.GeoPoint>>> union)
    {
        union = [];
        if (!polygons.IsArray || polygons.AsArray.Length == 0) return false;
        var all = new List<List<List<GeoMath.GeoPoint>>>();
        foreach (var item in polygons.AsArray)
        {
            if (!GeoShape.TryPolygons(item, out var parts)) return false;
            all.AddRange(parts);
        }
        union = GeoPolygonOverlay.Boundary(all.SelectMany(r => r).ToList(), p => InPolygons(p, all));
        return union.Count > 0;
    }
}
