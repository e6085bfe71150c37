using AzureRules.Sdk.Kusto.Scalars;

namespace AzureRules.Sdk.Kusto.Functions;

/// <summary>GeoJSON shapes read from and written to dynamic values.</summary>
internal static class GeoShape
{
    public static KustoValue Point(double lon, double lat)
        => KustoValue.Bag(new KustoBag { ["type"] = KustoValue.From("Point"), ["coordinates"] = KustoValue.Array([KustoValue.From(lon), KustoValue.From(lat)]) });

    public static KustoValue Point(GeoMath.GeoPoint p) => Point(p.Lon, p.Lat);

    private static KustoValue Coordinates(IEnumerable<GeoMath.GeoPoint> path)
        => KustoValue.Array([.. path.Select(p => KustoValue.Array([KustoValue.From(p.Lon), KustoValue.From(p.Lat)]))]);

    public static KustoValue Shape(string type, KustoValue coordinates)
        => KustoValue.Bag(new KustoBag { ["type"] = KustoValue.From(type), ["coordinates"] = coordinates });

    /// <summary>A LineString of one path, a MultiLineString of several.</summary>
    public static KustoValue Lines(IReadOnlyList<List<GeoMath.GeoPoint>> lines)
        => lines.Count == 1 ? Shape("LineString", Coordinates(lines[0])) : Shape("MultiLineString", KustoValue.Array([.. lines.Select(Coordinates)]));

    /// <summary>A Polygon of one polygon (its rings), a MultiPolygon of several.</summary>
    public static KustoValue Polygons(IReadOnlyList<List<List<GeoMath.GeoPoint>>> polygons)
    {
        KustoValue Rings(List<List<GeoMath.GeoPoint>> rings) => KustoValue.Array([.. rings.Select(Coordinates)]);
        return polygons.Count == 1 ? Shape("Polygon", Rings(polygons[0])) : Shape("MultiPolygon", KustoValue.Array([.. polygons.Select(Rings)]));
    }

    public static KustoValue EmptyCollection()
        => KustoValue.Bag(new KustoBag { ["type"] = KustoValue.From("GeometryCollection"), ["geometries"] = KustoValue.Array([]) });

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
                // a linear ring: closed, at least four entries, at least three distinct vertices
                if (!TryPath(ring, out var path) || path.Count < 4 || path[0] != path[^1] || path.Distinct().Count() < 3) return false;
                rings.Add(path);
            }
            polygons.Add(rings);
        }
        return polygons.Count > 0;
    }
}
