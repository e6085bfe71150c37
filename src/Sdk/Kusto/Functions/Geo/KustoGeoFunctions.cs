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
public static partial class KustoGeoFunctions
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
        return KustoValue.From(InPolygons(p, polygons));
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
