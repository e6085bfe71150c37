namespace AzureRules.Sdk.Kusto.Functions;

/// <summary>
/// Intersections of lines (learn.microsoft.com/kusto/query/geo-intersection-*-function): the points and stretches two
/// shapes share, as GeoJSON — a Point, LineString, their Multi forms, a GeometryCollection of both, or an empty
/// GeometryCollection when the shapes are apart. Null when a shape is invalid.
/// </summary>
public static partial class KustoGeoFunctions
{
    /// <summary>geo_intersection_2lines(line1, line2): where two lines or multilines cross or run together.</summary>
    public static KustoValue geo_intersection_2lines(KustoValue line1, KustoValue line2)
    {
        if (!GeoShape.TryLines(line1, out var first) || !GeoShape.TryLines(line2, out var second)) return KustoValue.Null;
        var points = new List<GeoMath.GeoPoint>();
        var stretches = new List<(GeoMath.GeoPoint From, GeoMath.GeoPoint To)>();
        foreach (var path in first)
            for (var i = 1; i < path.Count; i++)
                foreach (var other in second)
                    for (var k = 1; k < other.Count; k++)
                        Meet(path[i - 1], path[i], other[k - 1], other[k], points, stretches);
        return GeoOverlay.Result(points, stretches);
    }

    /// <summary>geo_intersection_line_with_polygon(line, polygon): the parts of the line inside the polygon (its boundary included).</summary>
    public static KustoValue geo_intersection_line_with_polygon(KustoValue line, KustoValue polygon)
    {
        if (!GeoShape.TryLines(line, out var lines) || !GeoShape.TryPolygons(polygon, out var polygons)) return KustoValue.Null;
        var ringEdges = polygons.SelectMany(rings => rings).SelectMany(Edges).ToList();
        var stretches = new List<(GeoMath.GeoPoint From, GeoMath.GeoPoint To)>();
        var points = new List<GeoMath.GeoPoint>();
        foreach (var path in lines)
            for (var i = 1; i < path.Count; i++)
            {
                // cut the edge where it crosses the boundary; each piece is then wholly inside or outside
                Vec3 a = Sphere.ToVector(path[i - 1]), b = Sphere.ToVector(path[i]);
                var cuts = new List<(double Along, GeoMath.GeoPoint Point)> { (0, path[i - 1]), (Sphere.Angle(a, b), path[i]) };
                foreach (var (c, d) in ringEdges)
                    if (Sphere.Crossing(a, b, c, d) is { } x) cuts.Add((Sphere.Angle(a, x), Sphere.ToPoint(x)));
                cuts.Sort((p, q) => p.Along.CompareTo(q.Along));
                for (var k = 1; k < cuts.Count; k++)
                {
                    if (cuts[k].Along - cuts[k - 1].Along <= 1e-15) continue;
                    var middle = Sphere.ToPoint(Sphere.Interpolate(Sphere.ToVector(cuts[k - 1].Point), Sphere.ToVector(cuts[k].Point), 0.5));
                    if (InPolygons(middle, polygons)) stretches.Add((cuts[k - 1].Point, cuts[k].Point));
                }
                foreach (var cut in cuts)
                    if (InPolygons(cut.Point, polygons) || ringEdges.Any(e => Sphere.OnArc(Sphere.ToVector(cut.Point), e.From, e.To))) points.Add(cut.Point);
            }
        return GeoOverlay.Result(points, stretches);
    }

    /// <summary>What the arcs a→b and c→d share: a stretch when they run along the same great circle, else at most a point.</summary>
    private static void Meet(GeoMath.GeoPoint a, GeoMath.GeoPoint b, GeoMath.GeoPoint c, GeoMath.GeoPoint d,
        List<GeoMath.GeoPoint> points, List<(GeoMath.GeoPoint From, GeoMath.GeoPoint To)> stretches)
    {
        Vec3 va = Sphere.ToVector(a), vb = Sphere.ToVector(b), vc = Sphere.ToVector(c), vd = Sphere.ToVector(d);
        var n1 = va.Cross(vb);
        var n2 = vc.Cross(vd);
        if (n1.Cross(n2).Norm <= 1e-15 * Math.Max(1e-300, n1.Norm * n2.Norm))
        {
            // the same great circle: the shared stretch runs between the ends that lie on both arcs, in a→b's direction
            var shared = new[] { (a, va), (b, vb), (c, vc), (d, vd) }
                .Where(e => Sphere.OnArc(e.Item2, va, vb) && Sphere.OnArc(e.Item2, vc, vd))
                .Select(e => (Point: e.Item1, Along: Sphere.Angle(va, e.Item2)))
                .OrderBy(e => e.Along).ToList();
            if (shared.Count == 0) return;
            if (shared[^1].Along - shared[0].Along > 1e-15) stretches.Add((shared[0].Point, shared[^1].Point));
            else points.Add(shared[0].Point);
            return;
        }
        if (Sphere.Crossing(va, vb, vc, vd) is not { } x) return;
        // a crossing at a vertex keeps the vertex's own coordinates
        points.Add(new[] { a, b, c, d }.FirstOrDefault(p => Sphere.Angle(Sphere.ToVector(p), x) <= 1e-15, Sphere.ToPoint(x)));
    }
}

/// <summary>Assembles shared points and stretches into the GeoJSON result of an intersection.</summary>
internal static class GeoOverlay
{
    public static KustoValue Result(List<GeoMath.GeoPoint> points, List<(GeoMath.GeoPoint From, GeoMath.GeoPoint To)> stretches)
    {
        // stretches that continue one another become one path
        var paths = new List<List<GeoMath.GeoPoint>>();
        foreach (var (from, to) in stretches)
        {
            if (paths.Count > 0 && Same(paths[^1][^1], from)) paths[^1].Add(to);
            else paths.Add([from, to]);
        }
        // points on a stretch are part of it
        var loose = new List<GeoMath.GeoPoint>();
        foreach (var p in points)
        {
            var v = Sphere.ToVector(p);
            if (stretches.Any(s => Sphere.OnArc(v, Sphere.ToVector(s.From), Sphere.ToVector(s.To)))) continue;
            if (!loose.Any(q => Same(p, q))) loose.Add(p);
        }
        if (paths.Count == 0 && loose.Count == 0) return GeoShape.EmptyCollection();
        var dots = loose.Count == 1
            ? GeoShape.Point(loose[0])
            : GeoShape.Shape("MultiPoint", KustoValue.Array([.. loose.Select(p => KustoValue.Array([KustoValue.From(p.Lon), KustoValue.From(p.Lat)]))]));
        if (paths.Count == 0) return dots;
        var lines = GeoShape.Lines(paths);
        if (loose.Count == 0) return lines;
        return KustoValue.Bag(new KustoBag { ["type"] = KustoValue.From("GeometryCollection"), ["geometries"] = KustoValue.Array([dots, lines]) });
    }

    /// <summary>Points closer than this (radians, about 6 µm on Earth) are one point: computed crossings carry rounding.</summary>
    public const double SamePoint = 1e-12;

    public static bool Same(GeoMath.GeoPoint p, GeoMath.GeoPoint q) => Sphere.Angle(Sphere.ToVector(p), Sphere.ToVector(q)) <= SamePoint;

    /// <summary>Joins pieces into paths, in their order: each path grows at its end, then at its start, by an unused piece touching it (turned round if need be).</summary>
    public static List<List<GeoMath.GeoPoint>> Chain(List<(GeoMath.GeoPoint From, GeoMath.GeoPoint To)> pieces)
    {
        var used = new bool[pieces.Count];
        var paths = new List<List<GeoMath.GeoPoint>>();
        for (var start = 0; start < pieces.Count; start++)
        {
            if (used[start]) continue;
            used[start] = true;
            var path = new List<GeoMath.GeoPoint> { pieces[start].From, pieces[start].To };
            for (var grown = true; grown;)
            {
                grown = false;
                for (var k = 0; k < pieces.Count && !grown; k++)
                {
                    if (used[k]) continue;
                    var (from, to) = pieces[k];
                    if (Same(path[^1], from)) { path.Add(to); grown = used[k] = true; }
                    else if (Same(path[^1], to)) { path.Add(from); grown = used[k] = true; }
                    else if (Same(path[0], to)) { path.Insert(0, from); grown = used[k] = true; }
                    else if (Same(path[0], from)) { path.Insert(0, to); grown = used[k] = true; }
                }
            }
            paths.Add(path);
        }
        return paths;
    }
}
