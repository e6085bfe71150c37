namespace AzureRules.Sdk.Kusto.Functions;

/// <summary>
/// The boundary of a region built from polygons (their union or their intersection), on the sphere: every ring edge is
/// cut where it meets another edge or a vertex, each piece is kept when the region lies on one side of it and not on the
/// other (turned so that the region is on its left), and the pieces are joined into rings in input order. Rings whose
/// inside is on their left and that turn counter-clockwise are outer rings; the others are holes of the outer ring
/// holding them. Edges shared by two polygons have the region on both sides and drop out.
/// </summary>
internal static class GeoPolygonOverlay
{
    private readonly record struct Piece(GeoMath.GeoPoint From, GeoMath.GeoPoint To);

    /// <summary>The polygons bounding the region, or an empty list when it is empty.</summary>
    public static List<List<List<GeoMath.GeoPoint>>> Boundary(IReadOnlyList<List<GeoMath.GeoPoint>> rings, Func<GeoMath.GeoPoint, bool> inRegion)
    {
        var edges = rings.SelectMany(ring => Enumerable.Range(1, ring.Count - 1).Select(i => (From: ring[i - 1], To: ring[i]))).ToList();
        var vectors = edges.Select(e => (From: Sphere.ToVector(e.From), To: Sphere.ToVector(e.To))).ToList();
        var kept = new List<Piece>();
        for (var e = 0; e < edges.Count; e++)
        {
            var (a, b) = vectors[e];
            var cuts = new List<(double Along, GeoMath.GeoPoint Point)> { (0, edges[e].From), (Sphere.Angle(a, b), edges[e].To) };
            for (var o = 0; o < edges.Count; o++)
            {
                if (o == e) continue;
                var (c, d) = vectors[o];
                foreach (var (vertex, point) in new[] { (c, edges[o].From), (d, edges[o].To) })
                    if (Sphere.OnArc(vertex, a, b)) cuts.Add((Sphere.Angle(a, vertex), point));
                if (Sphere.Crossing(a, b, c, d) is { } x)
                {
                    // a crossing at a vertex is that vertex: the computed point is off by rounding where edges meet at a slant
                    var vertex = new[] { edges[e].From, edges[e].To, edges[o].From, edges[o].To }.Cast<GeoMath.GeoPoint?>()
                        .FirstOrDefault(v => Sphere.Angle(Sphere.ToVector(v!.Value), x) <= GeoOverlay.SamePoint);
                    cuts.Add((Sphere.Angle(a, x), vertex ?? Sphere.ToPoint(x)));
                }
            }
            cuts.Sort((p, q) => p.Along.CompareTo(q.Along));
            for (var k = 1; k < cuts.Count; k++)
            {
                if (cuts[k].Along - cuts[k - 1].Along <= 1e-14) continue;
                Vec3 p = Sphere.ToVector(cuts[k - 1].Point), q = Sphere.ToVector(cuts[k].Point);
                var middle = (p + q).Normalized();
                // a step off the piece's middle, to each side: the pole of p→q lies on its left
                var step = Math.Min(1e-9, (cuts[k].Along - cuts[k - 1].Along) * 1e-3);
                var pole = p.Cross(q).Normalized();
                var left = inRegion(Sphere.ToPoint((middle + step * pole).Normalized()));
                var right = inRegion(Sphere.ToPoint((middle - step * pole).Normalized()));
                Piece? piece = left && !right ? new Piece(cuts[k - 1].Point, cuts[k].Point) : right && !left ? new Piece(cuts[k].Point, cuts[k - 1].Point) : null;
                if (piece is { } found && !kept.Any(other => GeoOverlay.Same(other.From, found.From) && GeoOverlay.Same(other.To, found.To))) kept.Add(found);
            }
        }
        return Assemble(kept);
    }

    /// <summary>Joins the directed pieces into closed rings and groups them into polygons.</summary>
    private static List<List<List<GeoMath.GeoPoint>>> Assemble(List<Piece> pieces)
    {
        var used = new bool[pieces.Count];
        var outers = new List<List<GeoMath.GeoPoint>>();
        var holes = new List<List<GeoMath.GeoPoint>>();
        for (var start = 0; start < pieces.Count; start++)
        {
            if (used[start]) continue;
            used[start] = true;
            var ring = new List<GeoMath.GeoPoint> { pieces[start].From, pieces[start].To };
            while (!GeoOverlay.Same(ring[^1], ring[0]))
            {
                var next = -1;
                for (var k = 0; k < pieces.Count && next < 0; k++)
                    if (!used[k] && GeoOverlay.Same(pieces[k].From, ring[^1])) next = k;
                if (next < 0) break; // an open chain: numerical trouble; the ring is closed as it stands
                used[next] = true;
                ring.Add(pieces[next].To);
            }
            ring[^1] = ring[0];
            if (ring.Count < 4) continue;
            (TurnsLeft(ring) ? outers : holes).Add(ring);
        }
        var polygons = outers.Select(outer => new List<List<GeoMath.GeoPoint>> { outer }).ToList();
        foreach (var hole in holes)
            polygons.FirstOrDefault(p => GeoMath.InRing(hole[0], p[0]) || GeoMath.InRing(hole[1], p[0]))?.Add(hole);
        return polygons;
    }

    /// <summary>Whether the ring runs counter-clockwise seen from outside the sphere: the signed area of its projection on the tangent plane at its centre.</summary>
    private static bool TurnsLeft(List<GeoMath.GeoPoint> ring)
    {
        var points = ring.Select(Sphere.ToVector).ToList();
        var center = points.Aggregate(new Vec3(0, 0, 0), (sum, v) => sum + v).Normalized();
        var east = (Math.Abs(center.Z) < 0.9 ? new Vec3(0, 0, 1) : new Vec3(1, 0, 0)).Cross(center).Normalized();
        var north = center.Cross(east);
        var area = 0.0;
        for (var i = 1; i < points.Count; i++)
        {
            // gnomonic projection: geodesics stay straight
            double x0 = points[i - 1].Dot(east) / points[i - 1].Dot(center), y0 = points[i - 1].Dot(north) / points[i - 1].Dot(center);
            double x1 = points[i].Dot(east) / points[i].Dot(center), y1 = points[i].Dot(north) / points[i].Dot(center);
            area += x0 * y1 - x1 * y0;
        }
        return area > 0;
    }
}
