using AzureRules.Sdk.Kusto.Scalars;

namespace AzureRules.Sdk.Kusto.Functions;

/// <summary>The S2 cell functions (learn.microsoft.com/kusto/query/geo-*-s2cell*-function); see <see cref="S2Cell"/>.</summary>
public static partial class KustoGeoFunctions
{
    public static KustoValue geo_point_to_s2cell(KustoValue lon, KustoValue lat) => geo_point_to_s2cell(lon, lat, KustoValue.From(11L));

    /// <summary>geo_point_to_s2cell(lon, lat, level = 11): the token of the level's cell holding the point; empty when the point or level (0–30) is invalid.</summary>
    public static KustoValue geo_point_to_s2cell(KustoValue lon, KustoValue lat, KustoValue level)
    {
        if (!GeoMath.TryPoint(lon, lat, out var p) || !TryLevel(level, S2Cell.MaxLevel, out var l)) return KustoValue.EmptyString;
        return KustoValue.From(S2Cell.ToToken(S2Cell.FromPoint(Sphere.ToVector(p), l)));
    }

    /// <summary>geo_s2cell_to_central_point(token): the cell's center as a GeoJSON Point; null when the token is invalid.</summary>
    public static KustoValue geo_s2cell_to_central_point(KustoValue token)
    {
        if (!S2Cell.TryParseToken(KustoStrings.Text(token), out var id)) return KustoValue.Null;
        var (lon, lat) = S2Cell.ToLonLat(S2Cell.Center(id));
        return GeoShape.Point(lon, lat);
    }

    /// <summary>geo_s2cell_to_polygon(token): the cell as a GeoJSON Polygon (its four corners joined by geodesics); null when invalid.</summary>
    public static KustoValue geo_s2cell_to_polygon(KustoValue token)
    {
        if (!S2Cell.TryParseToken(KustoStrings.Text(token), out var id)) return KustoValue.Null;
        var corners = S2Cell.Vertices(id).Select(S2Cell.ToLonLat).ToList();
        // the corners in S2 order, the ring closed by repeating the first
        return GeoShape.Polygon([corners[0], corners[1], corners[2], corners[3], corners[0]]);
    }

    /// <summary>geo_s2cell_neighbors(token): the tokens of the cells of the same level that share an edge or a corner; null when invalid.</summary>
    public static KustoValue geo_s2cell_neighbors(KustoValue token)
    {
        if (!S2Cell.TryParseToken(KustoStrings.Text(token), out var id)) return KustoValue.Null;
        return KustoValue.Array([.. S2Cell.AllNeighbors(id).Select(n => KustoValue.From(S2Cell.ToToken(n)))]);
    }

    public static KustoValue geo_polygon_to_s2cells(KustoValue polygon) => geo_polygon_to_s2cells(polygon, KustoValue.From(11L), KustoValue.From(0L));
    public static KustoValue geo_polygon_to_s2cells(KustoValue polygon, KustoValue level) => geo_polygon_to_s2cells(polygon, level, KustoValue.From(0L));

    /// <summary>
    /// geo_polygon_to_s2cells(polygon, level = 11, radius = 0): the tokens of the level's cells that touch the polygon (or
    /// lie within radius meters of it), in cell order; null when an argument is invalid or more than 65536 cells would cover it.
    /// </summary>
    public static KustoValue geo_polygon_to_s2cells(KustoValue polygon, KustoValue level, KustoValue radius)
    {
        if (!GeoShape.TryPolygons(polygon, out var polygons) || !TryLevel(level, S2Cell.MaxLevel, out var l) || !TryTolerance(radius, 0, double.MaxValue, out var meters)) return KustoValue.Null;
        var shape = GeoShapeEdges.FromPaths(polygons.SelectMany(rings => rings), v => InPolygons(Sphere.ToPoint(v), polygons));
        return Tokens(S2Covering.Cover(shape, l, meters / EarthRadius));
    }

    public static KustoValue geo_line_to_s2cells(KustoValue line) => geo_line_to_s2cells(line, KustoValue.From(11L), KustoValue.From(0L));
    public static KustoValue geo_line_to_s2cells(KustoValue line, KustoValue level) => geo_line_to_s2cells(line, level, KustoValue.From(0L));

    /// <summary>geo_line_to_s2cells(line, level = 11, radius = 0): the tokens of the level's cells that the line passes through (or within radius meters of).</summary>
    public static KustoValue geo_line_to_s2cells(KustoValue line, KustoValue level, KustoValue radius)
    {
        if (!GeoShape.TryLines(line, out var lines) || !TryLevel(level, S2Cell.MaxLevel, out var l) || !TryTolerance(radius, 0, double.MaxValue, out var meters)) return KustoValue.Null;
        return Tokens(S2Covering.Cover(GeoShapeEdges.FromPaths(lines, contains: null), l, meters / EarthRadius));
    }

    private static KustoValue Tokens(List<ulong>? cells)
        => cells is null ? KustoValue.Null : KustoValue.Array([.. cells.Select(c => KustoValue.From(S2Cell.ToToken(c)))]);

    /// <summary>An integer level argument within [0, max]; null, non-integers and values out of range are invalid.</summary>
    private static bool TryLevel(KustoValue level, int max, out int value)
    {
        value = 0;
        if (!level.IsNumeric) return false;
        var d = level.AsDouble;
        if (d < 0 || d > max || d != Math.Floor(d)) return false;
        value = (int)d;
        return true;
    }
}
