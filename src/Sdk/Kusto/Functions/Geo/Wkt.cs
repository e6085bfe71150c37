using System.Globalization;
using AzureRules.Sdk.Kusto.Scalars;

namespace AzureRules.Sdk.Kusto.Functions;

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
