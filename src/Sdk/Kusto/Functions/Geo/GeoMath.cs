namespace AzureRules.Sdk.Kusto.Functions;

/// <summary>Great-circle geometry on the mean-radius sphere.</summary>
internal static class GeoMath
{
    /// <summary>The Earth's mean radius (IUGG), meters.</summary>
    public const double EarthRadius = 6371008.8;

    internal readonly record struct GeoPoint(double Lon, double Lat);

    public static bool TryPoint(KustoValue lon, KustoValue lat, out GeoPoint point)
    {
        point = default;
        if (!lon.IsNumeric || !lat.IsNumeric) return false;
        return TryPoint(lon.AsDouble, lat.AsDouble, out point);
    }

    public static bool TryPoint(double lon, double lat, out GeoPoint point)
    {
        point = new GeoPoint(lon, lat);
        return lon is >= -180 and <= 180 && lat is >= -90 and <= 90;
    }

    private static double Rad(double degrees) => degrees * Math.PI / 180;

    public static double Distance(GeoPoint a, GeoPoint b)
    {
        double lat1 = Rad(a.Lat), lat2 = Rad(b.Lat), dLat = lat2 - lat1, dLon = Rad(b.Lon - a.Lon);
        var h = Math.Sin(dLat / 2) * Math.Sin(dLat / 2) + Math.Cos(lat1) * Math.Cos(lat2) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * EarthRadius * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }

    /// <summary>The initial bearing from a to b, radians clockwise from north.</summary>
    public static double Bearing(GeoPoint a, GeoPoint b)
    {
        double lat1 = Rad(a.Lat), lat2 = Rad(b.Lat), dLon = Rad(b.Lon - a.Lon);
        return Math.Atan2(Math.Sin(dLon) * Math.Cos(lat2), Math.Cos(lat1) * Math.Sin(lat2) - Math.Sin(lat1) * Math.Cos(lat2) * Math.Cos(dLon));
    }

    public static double PathLength(IReadOnlyList<GeoPoint> path)
    {
        var length = 0.0;
        for (var i = 1; i < path.Count; i++) length += Distance(path[i - 1], path[i]);
        return length;
    }

    /// <summary>The spherical excess of a closed ring (unit sphere), by summing the signed triangles of a fan from its first vertex.</summary>
    public static double RingArea(IReadOnlyList<GeoPoint> ring)
    {
        static (double X, double Y, double Z) V(GeoPoint p) => (Math.Cos(Rad(p.Lat)) * Math.Cos(Rad(p.Lon)), Math.Cos(Rad(p.Lat)) * Math.Sin(Rad(p.Lon)), Math.Sin(Rad(p.Lat)));
        static double Dot((double X, double Y, double Z) u, (double X, double Y, double Z) v) => u.X * v.X + u.Y * v.Y + u.Z * v.Z;
        var total = 0.0;
        var a = V(ring[0]);
        for (var i = 1; i + 2 < ring.Count + (ring[0] == ring[^1] ? 0 : 1); i++)
        {
            var b = V(ring[i]);
            var c = V(ring[(i + 1) % ring.Count]);
            var cross = (b.Y * c.Z - b.Z * c.Y, b.Z * c.X - b.X * c.Z, b.X * c.Y - b.Y * c.X);
            total += 2 * Math.Atan2(Dot(a, cross), 1 + Dot(a, b) + Dot(b, c) + Dot(c, a));
        }
        return Math.Abs(total);
    }

    /// <summary>
    /// Whether the point lies inside the closed ring, its edges geodesics: the winding number, summing the angle each
    /// edge subtends at the point in its tangent plane — ±2π inside, 0 outside. The ring bounds its smaller side.
    /// </summary>
    public static bool InRing(GeoPoint p, IReadOnlyList<GeoPoint> ring)
    {
        var v = Sphere.ToVector(p);
        var total = 0.0;
        var previous = Tangent(Sphere.ToVector(ring[0]));
        for (var i = 1; i < ring.Count; i++)
        {
            var next = Tangent(Sphere.ToVector(ring[i]));
            total += Math.Atan2(v.Dot(previous.Cross(next)), previous.Dot(next));
            previous = next;
        }
        return Math.Abs(total) > Math.PI;

        Vec3 Tangent(Vec3 a) => a - a.Dot(v) * v;
    }
}
