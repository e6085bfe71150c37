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
        var leaves = shape.Vertices.Select(v => S2Cell.FromPoint(v, S2Cell.MaxLevel)).ToList();
        var cells = new List<(ulong Cell, bool Inside)>();
        for (var face = 0UL; face < 6; face++)
        {
            var cell = (face << 61) | S2Cell.LowestBit(0);
            var touch = Touches(cell, shape, leaves, radiusRadians);
            if (touch != Touch.None) cells.Add((cell, touch == Touch.Inside));
        }
        for (var l = 1; l <= level; l++)
        {
            var next = new List<(ulong, bool)>();
            var childLsb = S2Cell.LowestBit(l);
            foreach (var (cell, inside) in cells)
            {
                var first = cell - S2Cell.LowestBit(l - 1) + childLsb;
                for (var k = 0UL; k < 4; k++)
                {
                    var child = first + 2 * k * childLsb;
                    // the children of a cell wholly inside the shape are wholly inside too
                    var touch = inside ? Touch.Inside : Touches(child, shape, leaves, radiusRadians);
                    if (touch != Touch.None) next.Add((child, touch == Touch.Inside));
                }
                if (next.Count > MaxCells) return null;
            }
            cells = next;
        }
        var result = cells.Select(c => c.Cell).ToList();
        result.Sort();
        return result;
    }

    private enum Touch { None, Boundary, Inside }

    /// <summary>Whether the cell (its edges geodesics between its corners) shares a point with the shape or lies within the radius of it, and whether it lies wholly inside.</summary>
    private static Touch Touches(ulong cell, GeoShapeEdges shape, List<ulong> leaves, double radiusRadians)
    {
        var corners = S2Cell.Vertices(cell);
        var level = S2Cell.Level(cell);
        var crossed = false;
        for (var k = 0; k < 4 && !crossed; k++)
        {
            Vec3 a = corners[k], b = corners[(k + 1) % 4];
            foreach (var (c, d) in shape.Edges)
                if (Sphere.ArcsIntersect(a, b, c, d)) { crossed = true; break; }
        }
        if (!crossed && leaves.Any(leaf => S2Cell.Parent(leaf, level) == cell)) crossed = true;
        if (shape.Contains is { } contains)
        {
            // no boundary inside or across the cell: its corners are all in the shape or all out
            if (!crossed) return contains(corners[0]) ? Touch.Inside : Near(corners, shape, radiusRadians) ? Touch.Boundary : Touch.None;
            return Touch.Boundary;
        }
        return crossed || Near(corners, shape, radiusRadians) ? Touch.Boundary : Touch.None;
    }

    /// <summary>Whether a cell apart from the shape lies within the radius of it: the nearest points of two boundaries include an end of an edge of one of them.</summary>
    private static bool Near(Vec3[] corners, GeoShapeEdges shape, double radiusRadians)
    {
        if (radiusRadians <= 0) return false;
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
