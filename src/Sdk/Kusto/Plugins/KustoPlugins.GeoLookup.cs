using AzureRules.Sdk.Kusto.Functions;

namespace AzureRules.Sdk.Kusto.Plugins;

public static partial class KustoPlugins
{
    /// <summary>
    /// <c>evaluate geo_polygon_lookup(LookupTable, LookupPolygonKey, SourceLongitude, SourceLatitude [, radius]
    /// [, return_unmatched] [, lookup_area_radius] [, return_lookup_key])</c>: each input row joined with every lookup
    /// row whose polygon holds the row's point, or lies within radius meters of it. The result has the input's columns,
    /// then the lookup table's without its polygon column unless <paramref name="returnLookupKey"/>; rows without a match
    /// are dropped, or kept with nulls when <paramref name="returnUnmatched"/>. lookup_area_radius only tunes Kusto's
    /// index and changes no result, so it is not taken here.
    /// </summary>
    public static KustoTable GeoPolygonLookup(KustoTable input, KustoTable lookup, string polygonKey, string longitude, string latitude,
        KustoValue radius, bool returnUnmatched, bool returnLookupKey)
        => GeoLookup(input, lookup, polygonKey, longitude, latitude, returnUnmatched, returnLookupKey,
            (lon, lat, shape) => radius.IsNull || radius.IsNumeric && radius.AsDouble <= 0
                ? KustoGeoFunctions.geo_point_in_polygon(lon, lat, shape).IsTrue
                : KustoGeoFunctions.geo_distance_point_to_polygon(lon, lat, shape) is { IsNumeric: true } d && d.AsDouble <= radius.AsDouble);

    /// <summary>
    /// <c>evaluate geo_line_lookup(LookupTable, LookupLineKey, SourceLongitude, SourceLatitude, radius
    /// [, return_unmatched] [, lookup_area_radius] [, return_lookup_key])</c>: each input row joined with every lookup
    /// row whose line passes within radius meters of the row's point; columns and unmatched rows as geo_polygon_lookup.
    /// </summary>
    public static KustoTable GeoLineLookup(KustoTable input, KustoTable lookup, string lineKey, string longitude, string latitude,
        KustoValue radius, bool returnUnmatched, bool returnLookupKey)
        => GeoLookup(input, lookup, lineKey, longitude, latitude, returnUnmatched, returnLookupKey,
            (lon, lat, shape) => radius.IsNumeric && KustoGeoFunctions.geo_distance_point_to_line(lon, lat, shape) is { IsNumeric: true } d && d.AsDouble <= radius.AsDouble);

    private static KustoTable GeoLookup(KustoTable input, KustoTable lookup, string key, string longitude, string latitude,
        bool returnUnmatched, bool returnLookupKey, Func<KustoValue, KustoValue, KustoValue, bool> matches)
    {
        var keySlot = lookup.Schema.Slot(key);
        var lonSlot = input.Schema.Slot(longitude);
        var latSlot = input.Schema.Slot(latitude);
        if (keySlot < 0 || lonSlot < 0 || latSlot < 0)
            throw new InvalidOperationException($"geo lookup: no column '{(keySlot < 0 ? key : lonSlot < 0 ? longitude : latitude)}'");
        var kept = Enumerable.Range(0, lookup.Columns.Count).Where(i => returnLookupKey || i != keySlot).ToArray();
        var names = UniqueNames(input.Columns.Select(c => c.Name).Concat(kept.Select(i => lookup.Columns[i].Name)));
        var width = input.Columns.Count;
        var output = new List<KustoValue[]>();
        foreach (var row in input.Rows)
        {
            var matched = false;
            foreach (var lookupRow in lookup.Rows)
            {
                if (!matches(row[lonSlot], row[latSlot], lookupRow[keySlot])) continue;
                matched = true;
                var result = new KustoValue[names.Count];
                Array.Copy(row, result, width);
                for (var k = 0; k < kept.Length; k++) result[width + k] = lookupRow[kept[k]];
                output.Add(result);
            }
            if (!matched && returnUnmatched)
            {
                var result = new KustoValue[names.Count];
                Array.Copy(row, result, width);
                for (var k = 0; k < kept.Length; k++) result[width + k] = KustoValue.NullOf(lookup.Columns[kept[k]].Type);
                output.Add(result);
            }
        }
        var known = input.Columns.Select(c => (KustoType?)c.Type).Concat(kept.Select(i => (KustoType?)lookup.Columns[i].Type)).ToArray();
        return KustoTable.WithInferredTypes(names, output, known);
    }
}
