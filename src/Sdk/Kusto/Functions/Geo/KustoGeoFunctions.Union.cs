namespace AzureRules.Sdk.Kusto.Functions;

/// <summary>Unions of lines (learn.microsoft.com/kusto/query/geo-union-lines-array-function).</summary>
public static partial class KustoGeoFunctions
{
    /// <summary>
    /// geo_union_lines_array(lines): every stretch that one of the lines or multilines covers, once — stretches two lines
    /// share appear a single time — joined end to end into as few paths as the stretches allow: a LineString or a
    /// MultiLineString. Null when the array or one of its lines is invalid.
    /// </summary>
    public static KustoValue geo_union_lines_array(KustoValue lines)
    {
        if (!lines.IsArray || lines.AsArray.Length == 0) return KustoValue.Null;
        var paths = new List<List<GeoMath.GeoPoint>>();
        foreach (var line in lines.AsArray)
        {
            if (!GeoShape.TryLines(line, out var parts)) return KustoValue.Null;
            paths.AddRange(parts);
        }
        var vertices = paths.SelectMany(p => p).ToList();
        // cut every edge at the vertices lying on it, so that shared stretches become equal pieces
        var pieces = new List<(GeoMath.GeoPoint From, GeoMath.GeoPoint To)>();
        foreach (var path in paths)
            for (var i = 1; i < path.Count; i++)
            {
                var (a, b) = (path[i - 1], path[i]);
                Vec3 va = Sphere.ToVector(a), vb = Sphere.ToVector(b);
                var cuts = vertices.Where(v => Sphere.OnArc(Sphere.ToVector(v), va, vb))
                    .Select(v => (Point: v, Along: Sphere.Angle(va, Sphere.ToVector(v))))
                    .OrderBy(c => c.Along).ToList();
                for (var k = 1; k < cuts.Count; k++)
                {
                    if (GeoOverlay.Same(cuts[k - 1].Point, cuts[k].Point)) continue;
                    var piece = (cuts[k - 1].Point, cuts[k].Point);
                    if (!pieces.Any(p => (GeoOverlay.Same(p.From, piece.Item1) && GeoOverlay.Same(p.To, piece.Item2)) || (GeoOverlay.Same(p.From, piece.Item2) && GeoOverlay.Same(p.To, piece.Item1))))
                        pieces.Add(piece);
                }
            }
        if (pieces.Count == 0) return KustoValue.Null;
        return GeoShape.Lines(GeoOverlay.Chain(pieces));
    }
}
