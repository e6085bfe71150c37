using System.Globalization;
using AzureRules.Sdk.Kusto.Scalars;

namespace AzureRules.Sdk.Kusto.Functions;

/// <summary>
/// The geo_* functions that work on points, lines and polygons (learn.microsoft.com/kusto/query/geo-*-function).
/// Coordinates are WGS-84 longitude/latitude in degrees (longitude in [-180, 180], latitude in [-90, 90];
/// anything else gives null); distances, lengths and areas are on a sphere of the Earth's mean radius,
/// edges are great-circle arcs. Shapes are GeoJSON dynamic values. Cell systems other than geohash
/// (S2, H3) are not implemented and are left out of the catalog.
/// </summary>
public static class KustoGeoFunctions
{
    private static readonly double EarthRadius = GeoMath.EarthRadius;

    /// <summary>geo_distance_2points(lon1, lat1, lon2, lat2): the great-circle distance in meters.</summary>
    public static KustoValue geo_distance_2points(KustoValue lon1, KustoValue lat1, KustoValue lon2, KustoValue lat2)
        => GeoMath.TryPoint(lon1, lat1, out var a) && GeoMath.TryPoint(lon2, lat2, out var b) ? KustoValue.From(GeoMath.Distance(a, b)) : KustoValue.Null;

    /// <summary>geo_point_in_circle(lon, lat, center_lon, center_lat, radius): whether the point lies within radius meters of the center.</summary>
    public static KustoValue geo_point_in_circle(KustoValue lon, KustoValue lat, KustoValue centerLon, KustoValue centerLat, KustoValue radius)
    {
        if (!GeoMath.TryPoint(lon, lat, out var p) || !GeoMath.TryPoint(centerLon, centerLat, out var c) || !radius.IsNumeric || radius.AsDouble < 0) return KustoValue.Null;
        return KustoValue.From(GeoMath.Distance(p, c) <= radius.AsDouble);
    }

    /// <summary>geo_angle(p1, p2, p3): the clockwise angle at p2 from the geodesic toward p1 to the one toward p3, in radians [0, 2π).</summary>
    public static KustoValue geo_angle(KustoValue lon1, KustoValue lat1, KustoValue lon2, KustoValue lat2, KustoValue lon3, KustoValue lat3)
    {
        if (!GeoMath.TryPoint(lon1, lat1, out var p1) || !GeoMath.TryPoint(lon2, lat2, out var p2) || !GeoMath.TryPoint(lon3, lat3, out var p3)) return KustoValue.Null;
        if (GeoMath.Distance(p1, p2) == 0 || GeoMath.Distance(p3, p2) == 0) return KustoValue.Null;
        var angle = GeoMath.Bearing(p2, p3) - GeoMath.Bearing(p2, p1);
        while (angle < 0) angle += 2 * Math.PI;
        while (angle >= 2 * Math.PI) angle -= 2 * Math.PI;
        return KustoValue.From(angle);
    }

    /// <summary>geo_line_length(line): the length in meters of a LineString or MultiLineString.</summary>
    public static KustoValue geo_line_length(KustoValue line)
    {
        if (!GeoShape.TryLines(line, out var lines)) return KustoValue.Null;
        return KustoValue.From(lines.Sum(GeoMath.PathLength));
    }

    /// <summary>geo_polygon_perimeter(polygon): the length in meters of every ring (outer and holes) of a Polygon or MultiPolygon.</summary>
    public static KustoValue geo_polygon_perimeter(KustoValue polygon)
    {
        if (!GeoShape.TryPolygons(polygon, out var polygons)) return KustoValue.Null;
        return KustoValue.From(polygons.SelectMany(rings => rings).Sum(GeoMath.PathLength));
    }

    /// <summary>geo_polygon_area(polygon): the area in square meters (outer rings less holes) on the sphere.</summary>
    public static KustoValue geo_polygon_area(KustoValue polygon)
    {
        if (!GeoShape.TryPolygons(polygon, out var polygons)) return KustoValue.Null;
        var area = 0.0;
        foreach (var rings in polygons)
            for (var r = 0; r < rings.Count; r++)
                area += (r == 0 ? 1 : -1) * GeoMath.RingArea(rings[r]);
        return KustoValue.From(area * EarthRadius * EarthRadius);
    }

    /// <summary>geo_point_in_polygon(lon, lat, polygon): whether the point lies inside a Polygon/MultiPolygon (holes excluded).</summary>
    public static KustoValue geo_point_in_polygon(KustoValue lon, KustoValue lat, KustoValue polygon)
    {
        if (!GeoMath.TryPoint(lon, lat, out var p) || !GeoShape.TryPolygons(polygon, out var polygons)) return KustoValue.Null;
        foreach (var rings in polygons)
        {
            if (!GeoMath.InRing(p, rings[0])) continue;
            var inHole = false;
            for (var r = 1; r < rings.Count && !inHole; r++) inHole = GeoMath.InRing(p, rings[r]);
            if (!inHole) return KustoValue.True;
        }
        return KustoValue.False;
    }

    // ---- geohash ----
    public static KustoValue geo_point_to_geohash(KustoValue lon, KustoValue lat) => geo_point_to_geohash(lon, lat, KustoValue.From(5L));

    /// <summary>geo_point_to_geohash(lon, lat, accuracy = 5): the geohash of the point, accuracy 1–18; empty when invalid.</summary>
    public static KustoValue geo_point_to_geohash(KustoValue lon, KustoValue lat, KustoValue accuracy)
    {
        if (!GeoMath.TryPoint(lon, lat, out var p) || !accuracy.IsNumeric || accuracy.AsLong is < 1 or > 18) return KustoValue.EmptyString;
        return KustoValue.From(Geohash.Encode(p.Lon, p.Lat, (int)accuracy.AsLong));
    }

    /// <summary>geo_geohash_to_central_point(hash): the center of the cell as a GeoJSON Point; null when invalid.</summary>
    public static KustoValue geo_geohash_to_central_point(KustoValue hash)
    {
        if (!Geohash.TryDecode(KustoStrings.Text(hash), out var west, out var south, out var east, out var north)) return KustoValue.Null;
        return GeoShape.Point((west + east) / 2, (south + north) / 2);
    }

    /// <summary>geo_geohash_to_polygon(hash): the cell as a GeoJSON Polygon (counter-clockwise from the south-west corner); null when invalid.</summary>
    public static KustoValue geo_geohash_to_polygon(KustoValue hash)
    {
        if (!Geohash.TryDecode(KustoStrings.Text(hash), out var west, out var south, out var east, out var north)) return KustoValue.Null;
        return GeoShape.Polygon([(west, south), (east, south), (east, north), (west, north), (west, south)]);
    }

    /// <summary>geo_geohash_neighbors(hash): the eight neighbouring cells of the same accuracy (fewer at the poles); null when invalid.</summary>
    public static KustoValue geo_geohash_neighbors(KustoValue hash)
    {
        var text = KustoStrings.Text(hash);
        if (!Geohash.TryDecode(text, out var west, out var south, out var east, out var north)) return KustoValue.Null;
        double width = east - west, height = north - south, lon = (west + east) / 2, lat = (south + north) / 2;
        var result = new List<KustoValue>();
        // the order Kusto lists them in: SW, NW, SE, N, W, NE, E, S
        foreach (var (dx, dy) in new[] { (-1, -1), (-1, 1), (1, -1), (0, 1), (-1, 0), (1, 1), (1, 0), (0, -1) })
        {
            var nLat = lat + dy * height;
            if (nLat is < -90 or > 90) continue;
            var nLon = lon + dx * width;
            if (nLon > 180) nLon -= 360;
            if (nLon < -180) nLon += 360;
            result.Add(KustoValue.From(Geohash.Encode(nLon, nLat, text.Length)));
        }
        return KustoValue.Array([.. result]);
    }

    // ---- WKT ----

    /// <summary>geo_from_wkt(wkt): the GeoJSON form of a WKT POINT, LINESTRING, POLYGON or MULTI* shape; null when malformed.</summary>
    public static KustoValue geo_from_wkt(KustoValue wkt) => Wkt.TryParse(KustoStrings.Text(wkt), out var shape) ? shape : KustoValue.Null;
}

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

    /// <summary>Even-odd ray casting in longitude/latitude (edges treated as straight in degrees; exact for the cells and small shapes rules use).</summary>
    public static bool InRing(GeoPoint p, IReadOnlyList<GeoPoint> ring)
    {
        var inside = false;
        for (int i = 0, j = ring.Count - 1; i < ring.Count; j = i++)
        {
            var (a, b) = (ring[i], ring[j]);
            if ((a.Lat > p.Lat) != (b.Lat > p.Lat) && p.Lon < (b.Lon - a.Lon) * (p.Lat - a.Lat) / (b.Lat - a.Lat) + a.Lon) inside = !inside;
        }
        return inside;
    }
}

/// <summary>GeoJSON shapes read from and written to dynamic values.</summary>
internal static class GeoShape
{
    public static KustoValue Point(double lon, double lat)
        => KustoValue.Bag(new KustoBag { ["type"] = KustoValue.From("Point"), ["coordinates"] = KustoValue.Array([KustoValue.From(lon), KustoValue.From(lat)]) });

    public static KustoValue Polygon(IEnumerable<(double Lon, double Lat)> ring)
        => KustoValue.Bag(new KustoBag
        {
            ["type"] = KustoValue.From("Polygon"),
            ["coordinates"] = KustoValue.Array([KustoValue.Array([.. ring.Select(p => KustoValue.Array([KustoValue.From(p.Lon), KustoValue.From(p.Lat)]))])]),
        });

    private static bool TryShape(KustoValue shape, out string type, out KustoValue coordinates)
    {
        type = "";
        coordinates = KustoValue.Null;
        if (shape.IsString) shape = KustoConvert.ToDynamic(shape);
        if (!shape.IsBag || !shape.AsBag.TryGet("type", out var t) || !shape.AsBag.TryGet("coordinates", out coordinates)) return false;
        type = KustoStrings.Text(t);
        return coordinates.IsArray;
    }

    private static bool TryPath(KustoValue value, out List<GeoMath.GeoPoint> path)
    {
        path = [];
        if (!value.IsArray) return false;
        foreach (var item in value.AsArray)
        {
            if (!item.IsArray || item.AsArray.Length < 2 || !GeoMath.TryPoint(item.AsArray[0], item.AsArray[1], out var p)) return false;
            path.Add(p);
        }
        return true;
    }

    public static bool TryLines(KustoValue shape, out List<List<GeoMath.GeoPoint>> lines)
    {
        lines = [];
        if (!TryShape(shape, out var type, out var coordinates)) return false;
        if (type == "LineString") { if (!TryPath(coordinates, out var path) || path.Count < 2) return false; lines.Add(path); return true; }
        if (type != "MultiLineString") return false;
        foreach (var item in coordinates.AsArray)
        {
            if (!TryPath(item, out var path) || path.Count < 2) return false;
            lines.Add(path);
        }
        return true;
    }

    /// <summary>Each polygon as its rings, the first the outer one.</summary>
    public static bool TryPolygons(KustoValue shape, out List<List<List<GeoMath.GeoPoint>>> polygons)
    {
        polygons = [];
        if (!TryShape(shape, out var type, out var coordinates)) return false;
        IEnumerable<KustoValue> items = type switch
        {
            "Polygon" => [coordinates],
            "MultiPolygon" => coordinates.AsArray,
            _ => [],
        };
        foreach (var polygon in items)
        {
            if (!polygon.IsArray || polygon.AsArray.Length == 0) return false;
            var rings = new List<List<GeoMath.GeoPoint>>();
            foreach (var ring in polygon.AsArray)
            {
                if (!TryPath(ring, out var path) || path.Count < 4) return false;
                rings.Add(path);
            }
            polygons.Add(rings);
        }
        return polygons.Count > 0;
    }
}

/// <summary>Geohash (base-32, longitude and latitude bits interleaved, longitude first).</summary>
internal static class Geohash
{
    private const string Alphabet = "0123456789bcdefghjkmnpqrstuvwxyz";

    public static string Encode(double lon, double lat, int length)
    {
        double west = -180, east = 180, south = -90, north = 90;
        var chars = new char[length];
        var even = true;
        for (var c = 0; c < length; c++)
        {
            var bits = 0;
            for (var b = 0; b < 5; b++)
            {
                bits <<= 1;
                if (even)
                {
                    var mid = (west + east) / 2;
                    if (lon >= mid) { bits |= 1; west = mid; } else east = mid;
                }
                else
                {
                    var mid = (south + north) / 2;
                    if (lat >= mid) { bits |= 1; south = mid; } else north = mid;
                }
                even = !even;
            }
            chars[c] = Alphabet[bits];
        }
        return new string(chars);
    }

    public static bool TryDecode(string hash, out double west, out double south, out double east, out double north)
    {
        west = -180; east = 180; south = -90; north = 90;
        if (hash.Length is 0 or > 18) return false;
        var even = true;
        foreach (var ch in hash)
        {
            var value = Alphabet.IndexOf(char.ToLowerInvariant(ch));
            if (value < 0) return false;
            for (var b = 4; b >= 0; b--)
            {
                var bit = (value >> b) & 1;
                if (even) { var mid = (west + east) / 2; if (bit == 1) west = mid; else east = mid; }
                else { var mid = (south + north) / 2; if (bit == 1) south = mid; else north = mid; }
                even = !even;
            }
        }
        return true;
    }
}

/// <summary>Well-known text (POINT, LINESTRING, POLYGON, MULTIPOINT, MULTILINESTRING, MULTIPOLYGON) to GeoJSON.</summary>
internal static class Wkt
{
    public static bool TryParse(string text, out KustoValue shape)
    {
        shape = KustoValue.Null;
        text = text.Trim();
        var open = text.IndexOf('(');
        if (open < 0) return false;
        var type = text[..open].Trim().ToUpperInvariant() switch
        {
            "POINT" => "Point", "LINESTRING" => "LineString", "POLYGON" => "Polygon",
            "MULTIPOINT" => "MultiPoint", "MULTILINESTRING" => "MultiLineString", "MULTIPOLYGON" => "MultiPolygon",
            _ => null,
        };
        if (type is null) return false;
        var position = open;
        if (!TryList(text, ref position, depth: 0, out var value)) return false;
        if (text[position..].Trim().Length != 0) return false;
        var expectedDepth = type switch { "Point" => 1, "LineString" or "MultiPoint" => 2, "Polygon" or "MultiLineString" => 3, _ => 4 };
        if (Depth(value) != expectedDepth) return false;
        var coordinates = type == "Point" ? value.AsArray[0] : value;
        shape = KustoValue.Bag(new KustoBag { ["type"] = KustoValue.From(type), ["coordinates"] = coordinates });
        return true;
    }

    private static int Depth(KustoValue v) => v.IsArray && v.AsArray.Length > 0 ? 1 + Depth(v.AsArray[0]) : 0;

    /// <summary>Reads "( item, item … )" where an item is a nested list or "x y"; points become [x, y] arrays. Depth is bounded.</summary>
    private static bool TryList(string text, ref int position, int depth, out KustoValue value)
    {
        value = KustoValue.Null;
        if (depth > 4 || position >= text.Length || text[position] != '(') return false;
        position++;
        var items = new List<KustoValue>();
        while (true)
        {
            while (position < text.Length && char.IsWhiteSpace(text[position])) position++;
            if (position >= text.Length) return false;
            if (text[position] == '(')
            {
                if (!TryList(text, ref position, depth + 1, out var inner)) return false;
                items.Add(inner);
            }
            else
            {
                var end = position;
                while (end < text.Length && text[end] != ',' && text[end] != ')') end++;
                var numbers = text[position..end].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
                if (numbers.Length is < 2 or > 4) return false;
                var point = new KustoValue[2];
                for (var i = 0; i < 2; i++)
                {
                    if (!double.TryParse(numbers[i], NumberStyles.Float, CultureInfo.InvariantCulture, out var d)) return false;
                    point[i] = d == Math.Floor(d) && Math.Abs(d) < 1e15 ? KustoValue.From((long)d) : KustoValue.From(d);
                }
                items.Add(KustoValue.Array(point));
                position = end;
            }
            while (position < text.Length && char.IsWhiteSpace(text[position])) position++;
            if (position >= text.Length) return false;
            if (text[position] == ',') { position++; continue; }
            if (text[position] == ')') { position++; break; }
            return false;
        }
        value = KustoValue.Array([.. items]);
        return true;
    }
}
