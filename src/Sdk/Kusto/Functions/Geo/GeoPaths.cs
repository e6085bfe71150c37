namespace AzureRules.Sdk.Kusto.Functions;

/// <summary>Operations on paths of geodesic edges (lines, and polygon rings as closed paths).</summary>
internal static class GeoPaths
{
    /// <summary>The most points one densified path may hold (Kusto's documented limit).</summary>
    private const int MaxDensifiedPoints = 10_485_760;

    public static double Length(IReadOnlyList<Vec3> path)
    {
        var length = 0.0;
        for (var i = 1; i < path.Count; i++) length += Sphere.Angle(path[i - 1], path[i]);
        return length;
    }

    /// <summary>The point of any of the paths' edges nearest to v.</summary>
    public static Vec3 Closest(Vec3 v, IEnumerable<IReadOnlyList<GeoMath.GeoPoint>> paths)
    {
        var best = double.MaxValue;
        var closest = v;
        foreach (var path in paths)
            for (var i = 1; i < path.Count; i++)
            {
                var candidate = Sphere.ClosestOnArc(v, Sphere.ToVector(path[i - 1]), Sphere.ToVector(path[i]));
                var distance = Sphere.Angle(v, candidate);
                if (distance < best) { best = distance; closest = candidate; }
            }
        return closest;
    }

    /// <summary>
    /// Splits each planar edge (straight in longitude/latitude) into equal parts, doubling their number until the
    /// geodesic of every part stays within tolerance meters of the planar edge at its middle; null past the point limit.
    /// As Kusto says, an edge takes the shorter way round, across the antimeridian when its ends are more than 180°
    /// of longitude apart; the added points then keep longitudes past ±180° with preserveCrossing, else wrap them.
    /// </summary>
    public static List<GeoMath.GeoPoint>? Densify(IReadOnlyList<GeoMath.GeoPoint> path, double toleranceMeters, bool preserveCrossing)
    {
        var result = new List<GeoMath.GeoPoint> { path[0] };
        for (var i = 1; i < path.Count; i++)
        {
            var (a, b) = (path[i - 1], path[i]);
            var dLon = b.Lon - a.Lon;
            if (Math.Abs(dLon) > 180) dLon -= Math.Sign(dLon) * 360;
            GeoMath.GeoPoint At(double t) => new(preserveCrossing ? a.Lon + t * dLon : Wrap(a.Lon + t * dLon), a.Lat + t * (b.Lat - a.Lat));
            var parts = 1;
            while (!WithinTolerance(At, parts, toleranceMeters))
            {
                parts *= 2;
                if (result.Count + parts > MaxDensifiedPoints) return null;
            }
            for (var k = 1; k < parts; k++) result.Add(At((double)k / parts));
            result.Add(b);
        }
        return result;
    }

    private static bool WithinTolerance(Func<double, GeoMath.GeoPoint> at, int parts, double toleranceMeters)
    {
        for (var k = 0; k < parts; k++)
        {
            double t0 = (double)k / parts, t1 = (double)(k + 1) / parts;
            var geodesicMiddle = Sphere.Interpolate(Sphere.ToVector(at(t0)), Sphere.ToVector(at(t1)), 0.5);
            var planarMiddle = Sphere.ToVector(at((t0 + t1) / 2));
            if (Sphere.Angle(geodesicMiddle, planarMiddle) * GeoMath.EarthRadius > toleranceMeters) return false;
        }
        return true;
    }

    private static double Wrap(double lon) => lon > 180 ? lon - 360 : lon < -180 ? lon + 360 : lon;

    /// <summary>Douglas–Peucker: keeps the ends and, recursively, the vertex farthest from the kept arc while it is farther than the tolerance (radians).</summary>
    public static List<GeoMath.GeoPoint> Simplify(IReadOnlyList<GeoMath.GeoPoint> path, double toleranceRadians)
    {
        var vectors = path.Select(Sphere.ToVector).ToArray();
        var keep = new bool[path.Count];
        keep[0] = keep[^1] = true;
        // an explicit stack: the recursion depth would otherwise follow the input's length
        var pending = new Stack<(int From, int To)>();
        pending.Push((0, path.Count - 1));
        while (pending.Count > 0)
        {
            var (from, to) = pending.Pop();
            var farthest = -1;
            var distance = toleranceRadians;
            for (var k = from + 1; k < to; k++)
            {
                var d = Sphere.Angle(vectors[k], Sphere.ClosestOnArc(vectors[k], vectors[from], vectors[to]));
                if (d > distance) { distance = d; farthest = k; }
            }
            if (farthest < 0) continue;
            keep[farthest] = true;
            pending.Push((from, farthest));
            pending.Push((farthest, to));
        }
        return [.. path.Where((_, k) => keep[k])];
    }

    /// <summary>Douglas–Peucker on a closed ring: split at the vertex farthest from the first, simplify both halves.</summary>
    public static List<GeoMath.GeoPoint> SimplifyRing(IReadOnlyList<GeoMath.GeoPoint> ring, double toleranceRadians)
    {
        var first = Sphere.ToVector(ring[0]);
        var split = 1;
        for (var k = 2; k < ring.Count - 1; k++)
            if (Sphere.Angle(first, Sphere.ToVector(ring[k])) > Sphere.Angle(first, Sphere.ToVector(ring[split]))) split = k;
        var head = Simplify([.. ring.Take(split + 1)], toleranceRadians);
        var tail = Simplify([.. ring.Skip(split)], toleranceRadians);
        return [.. head, .. tail.Skip(1)];
    }
}
