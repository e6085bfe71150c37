namespace AzureRules.Sdk.Kusto.Functions;

/// <summary>A point of 3-space; on the unit sphere when it stands for a geographic location.</summary>
internal readonly record struct Vec3(double X, double Y, double Z)
{
    public static Vec3 operator +(Vec3 a, Vec3 b) => new(a.X + b.X, a.Y + b.Y, a.Z + b.Z);
    public static Vec3 operator -(Vec3 a, Vec3 b) => new(a.X - b.X, a.Y - b.Y, a.Z - b.Z);
    public static Vec3 operator *(double k, Vec3 a) => new(k * a.X, k * a.Y, k * a.Z);
    public static Vec3 operator -(Vec3 a) => new(-a.X, -a.Y, -a.Z);

    public double Dot(Vec3 b) => X * b.X + Y * b.Y + Z * b.Z;
    public Vec3 Cross(Vec3 b) => new(Y * b.Z - Z * b.Y, Z * b.X - X * b.Z, X * b.Y - Y * b.X);
    public double Norm => Math.Sqrt(Dot(this));

    public Vec3 Normalized()
    {
        var n = Norm;
        return n == 0 ? this : new Vec3(X / n, Y / n, Z / n);
    }
}

/// <summary>
/// Geometry on the unit sphere: locations are unit vectors, edges are the shorter great-circle arc between
/// their ends (Kusto's geodesic edges), lengths are angles in radians (times <see cref="GeoMath.EarthRadius"/> for meters).
/// </summary>
internal static class Sphere
{
    private const double DegreesToRadians = Math.PI / 180;

    public static Vec3 ToVector(GeoMath.GeoPoint p) => ToVector(p.Lon, p.Lat);

    public static Vec3 ToVector(double lon, double lat)
    {
        double phi = lat * DegreesToRadians, theta = lon * DegreesToRadians;
        return new Vec3(Math.Cos(phi) * Math.Cos(theta), Math.Cos(phi) * Math.Sin(theta), Math.Sin(phi));
    }

    public static GeoMath.GeoPoint ToPoint(Vec3 v)
        => new(Math.Atan2(v.Y, v.X) / DegreesToRadians, Math.Atan2(v.Z, Math.Sqrt(v.X * v.X + v.Y * v.Y)) / DegreesToRadians);

    /// <summary>The angle between two directions, accurate for tiny and near-antipodal angles alike.</summary>
    public static double Angle(Vec3 a, Vec3 b) => Math.Atan2(a.Cross(b).Norm, a.Dot(b));

    /// <summary>The point at fraction t of the way along the arc from a to b.</summary>
    public static Vec3 Interpolate(Vec3 a, Vec3 b, double t)
    {
        var angle = Angle(a, b);
        if (angle == 0) return a;
        var s = Math.Sin(angle);
        return ((Math.Sin((1 - t) * angle) / s) * a + (Math.Sin(t * angle) / s) * b).Normalized();
    }

    /// <summary>The point of the arc a→b nearest to p: p's projection on the great circle when it falls within the arc, else the nearer end.</summary>
    public static Vec3 ClosestOnArc(Vec3 p, Vec3 a, Vec3 b)
    {
        var normal = a.Cross(b);
        if (normal.Norm > 0)
        {
            var n = normal.Normalized();
            var projected = (p - p.Dot(n) * n).Normalized();
            if (projected.Norm > 0 && a.Cross(projected).Dot(n) >= 0 && projected.Cross(b).Dot(n) >= 0) return projected;
        }
        return Angle(p, a) <= Angle(p, b) ? a : b;
    }

    /// <summary>Whether the arcs a→b and c→d share a point (crossing, touching or overlapping).</summary>
    public static bool ArcsIntersect(Vec3 a, Vec3 b, Vec3 c, Vec3 d)
    {
        var n1 = a.Cross(b);
        var n2 = c.Cross(d);
        var line = n1.Cross(n2);
        if (line.Norm < 1e-15 * Math.Max(1e-300, n1.Norm * n2.Norm))
        {
            // the same great circle (or a degenerate arc): they meet when one holds an end of the other
            return OnArc(c, a, b) || OnArc(d, a, b) || OnArc(a, c, d) || OnArc(b, c, d);
        }
        var x = line.Normalized();
        return (OnArc(x, a, b) && OnArc(x, c, d)) || (OnArc(-x, a, b) && OnArc(-x, c, d));
    }

    /// <summary>The point where the arcs a→b and c→d cross, when they cross at a single point.</summary>
    public static Vec3? Crossing(Vec3 a, Vec3 b, Vec3 c, Vec3 d)
    {
        var line = a.Cross(b).Cross(c.Cross(d));
        if (line.Norm == 0) return null;
        var x = line.Normalized();
        if (OnArc(x, a, b) && OnArc(x, c, d)) return x;
        if (OnArc(-x, a, b) && OnArc(-x, c, d)) return -x;
        return null;
    }

    /// <summary>Whether x lies on the arc a→b (within a small angular tolerance).</summary>
    public static bool OnArc(Vec3 x, Vec3 a, Vec3 b)
    {
        const double epsilon = 1e-12;
        return Math.Abs(Angle(a, x) + Angle(x, b) - Angle(a, b)) <= epsilon;
    }

    /// <summary>The destination reached from p going the angular distance along the initial bearing (radians clockwise from north).</summary>
    public static GeoMath.GeoPoint Destination(GeoMath.GeoPoint p, double bearing, double angularDistance)
    {
        double lat1 = p.Lat * DegreesToRadians, lon1 = p.Lon * DegreesToRadians;
        var lat2 = Math.Asin(Math.Sin(lat1) * Math.Cos(angularDistance) + Math.Cos(lat1) * Math.Sin(angularDistance) * Math.Cos(bearing));
        var lon2 = lon1 + Math.Atan2(Math.Sin(bearing) * Math.Sin(angularDistance) * Math.Cos(lat1), Math.Cos(angularDistance) - Math.Sin(lat1) * Math.Sin(lat2));
        var lon = lon2 / DegreesToRadians;
        lon = ((lon + 540) % 360) - 180;
        return new GeoMath.GeoPoint(lon, lat2 / DegreesToRadians);
    }
}
