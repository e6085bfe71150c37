namespace AzureRules.Sdk.Kusto.Functions;

/// <summary>
/// The cells of one S2 level that touch a shape: walks down from the six face cells, keeping at each level the children
/// that touch it. A cell touching the shape has at least one child that does, so the count never shrinks on the way
/// down and the walk stops as soon as it passes the limit.
/// </summary>
internal static class S2Covering
{
    public const int MaxCells = 65536;

    public static List<ulong>? Cover(GeoShapeEdges shape, int level, double radiusRadians)
    {
        var cells = Enumerable.Range(0, 6).Select(face => ((ulong)face << 61) | S2Cell.LowestBit(0)).Where(c => Touches(c, shape, radiusRadians)).ToList();
        for (var l = 1; l <= level; l++)
        {
            var next = new List<ulong>();
            foreach (var cell in cells)
            {
                var childLsb = S2Cell.LowestBit(l);
                var first = cell - S2Cell.LowestBit(l - 1) + childLsb;
                for (var k = 0UL; k < 4; k++)
                {
                    var child = first + 2 * k * childLsb;
                    if (Touches(child, shape, radiusRadians)) next.Add(child);
                }
                if (next.Count > MaxCells) return null;
            }
            cells = next;
        }
        cells.Sort();
        return cells;
    }

    /// <summary>Whether the cell (its edges geodesics between its corners) shares a point with the shape or lies within the radius of it.</summary>
    private static bool Touches(ulong cell, GeoShapeEdges shape, double radiusRadians)
    {
        var corners = S2Cell.Vertices(cell);
        var level = S2Cell.Level(cell);
        for (var k = 0; k < 4; k++)
        {
            Vec3 a = corners[k], b = corners[(k + 1) % 4];
            foreach (var (c, d) in shape.Edges)
                if (Sphere.ArcsIntersect(a, b, c, d)) return true;
        }
        foreach (var v in shape.Vertices)
            if (S2Cell.Parent(S2Cell.FromPoint(v, S2Cell.MaxLevel), level) == cell) return true;
        if (shape.Contains is { } contains && corners.Any(contains)) return true;
        if (radiusRadians <= 0) return false;
        // apart: the nearest points of two boundaries include an end of an edge of one of them
        foreach (var v in shape.Vertices)
            for (var k = 0; k < 4; k++)
                if (Sphere.Angle(v, Sphere.ClosestOnArc(v, corners[k], corners[(k + 1) % 4])) <= radiusRadians) return true;
        foreach (var corner in corners)
            foreach (var (c, d) in shape.Edges)
                if (Sphere.Angle(corner, Sphere.ClosestOnArc(corner, c, d)) <= radiusRadians) return true;
        return false;
    }
}

/// <summary>A line's or polygon's edges and vertices as unit vectors, and for a polygon whether it holds a point.</summary>
internal sealed record GeoShapeEdges(List<(Vec3 From, Vec3 To)> Edges, List<Vec3> Vertices, Func<Vec3, bool>? Contains)
{
    public static GeoShapeEdges FromPaths(IEnumerable<List<GeoMath.GeoPoint>> paths, Func<Vec3, bool>? contains)
    {
        var edges = new List<(Vec3, Vec3)>();
        var vertices = new List<Vec3>();
        foreach (var path in paths)
        {
            var vectors = path.Select(Sphere.ToVector).ToList();
            vertices.AddRange(vectors);
            for (var i = 1; i < vectors.Count; i++) edges.Add((vectors[i - 1], vectors[i]));
        }
        return new GeoShapeEdges(edges, vertices, contains);
    }
}
