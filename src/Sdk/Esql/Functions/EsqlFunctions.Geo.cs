using System.Globalization;

namespace AzureRules.Sdk.Esql;

/// <summary>A <c>geo_point</c>: longitude and latitude in degrees; prints as WKT, <c>POINT (lon lat)</c>.</summary>
public sealed record EsqlGeoPoint(double Lon, double Lat)
{
    /// <summary>WKT <c>POINT (lon lat)</c> or Elasticsearch's <c>"lat,lon"</c> string.</summary>
    public static EsqlGeoPoint? Parse(string text)
    {
        var t = text.Trim();
        if (t.StartsWith("POINT", StringComparison.OrdinalIgnoreCase))
        {
            var open = t.IndexOf('(');
            var close = t.LastIndexOf(')');
            if (open < 0 || close < open) return null;
            var parts = t[(open + 1)..close].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return parts.Length == 2 && Number(parts[0]) is { } x && Number(parts[1]) is { } y ? new EsqlGeoPoint(x, y) : null;
        }
        var comma = t.Split(',');
        return comma.Length == 2 && Number(comma[0]) is { } lat && Number(comma[1]) is { } lon ? new EsqlGeoPoint(lon, lat) : null;
    }

    private static double? Number(string text) => double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;

    public override string ToString() => $"POINT ({EsqlFormat.JavaDouble(Lon)} {EsqlFormat.JavaDouble(Lat)})";
}

public static partial class EsqlFunctions
{
    /// <summary>The mean earth radius Elasticsearch's geo distances use, in metres.</summary>
    private const double EarthRadius = 6371008.7714;

    public static object? StX(object? point) => Single(point, out var p) ? ((EsqlGeoPoint)p).Lon : null;

    public static object? StY(object? point) => Single(point, out var p) ? ((EsqlGeoPoint)p).Lat : null;

    /// <summary>ST_DISTANCE of two geo points: the great-circle (haversine) distance in metres.</summary>
    public static object? StDistance(object? a, object? b)
    {
        if (!Singles(a, b, out var x, out var y)) return null;
        var p = (EsqlGeoPoint)x;
        var q = (EsqlGeoPoint)y;
        double Radians(double degrees) => degrees * Math.PI / 180;
        var dLat = Radians(q.Lat - p.Lat);
        var dLon = Radians(q.Lon - p.Lon);
        var h = Math.Sin(dLat / 2) * Math.Sin(dLat / 2) + Math.Cos(Radians(p.Lat)) * Math.Cos(Radians(q.Lat)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * EarthRadius * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }
}
