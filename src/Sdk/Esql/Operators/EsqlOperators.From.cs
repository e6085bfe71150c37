using System.Globalization;
using System.Text.Json;

namespace AzureRules.Sdk.Esql;

/// <summary>FROM: documents become rows, one column per leaf field (sorted by name, as Elasticsearch lists them), then the METADATA columns.</summary>
public static partial class EsqlOperators
{
    /// <param name="knownFields">The index fields the query names, with the type the compiler knows (the ECS
    /// catalog) or Null: they are columns even when no document in the window has them, as they would be
    /// with an index mapping; a known type also wins over what the JSON values look like.</param>
    public static EsqlTable From(EsqlSource source, string[] indices, string[] metadata, params (string Name, EsqlDataType Type)[] knownFields)
        // no index matching is no documents: an index a rule reads may have no events in an execution's window
        => Read([.. source.Indices(indices)], metadata, knownFields, namedOnly: false);

    /// <summary>
    /// FROM for a query whose result no other field can reach (it aggregates, or keeps named columns
    /// only, before anything else): only the named fields are loaded, as Elasticsearch loads only the
    /// fields its plan needs.
    /// </summary>
    public static EsqlTable FromNamedFields(EsqlSource source, string[] indices, string[] metadata, params (string Name, EsqlDataType Type)[] namedFields)
        => Read([.. source.Indices(indices)], metadata, namedFields, namedOnly: true);

    /// <summary>The rows of these indices' documents (FROM, and the source indices of an enrich policy).</summary>
    private static EsqlTable Read(List<EsqlIndex> matched, string[] metadata, (string Name, EsqlDataType Type)[] knownFields, bool namedOnly)
    {
        var named = namedOnly ? knownFields.Select(f => f.Name).ToHashSet(StringComparer.Ordinal) : null;

        // field → (ES|QL type, mapping type) from the mappings, then the compiler, then the documents
        var types = new SortedDictionary<string, (EsqlDataType Type, string Mapping)>(StringComparer.Ordinal);
        foreach (var index in matched)
        {
            if (index.Mapping is null) continue;
            foreach (var (field, mapping) in index.Mapping)
            {
                if (named is not null && !named.Contains(field)) continue;
                if (EsqlDataTypes.FromMapping(mapping) is not { } type) continue;
                types[field] = types.TryGetValue(field, out var seen) && seen.Type != type ? (EsqlDataType.Unsupported, mapping) : (type, mapping);
            }
        }
        // a field the query names but no mapping or catalog types is a null column until a document has it
        foreach (var (name, type) in knownFields) types.TryAdd(name, (type, type == EsqlDataType.Null ? Guessed : EsqlDataTypes.Name(type)));

        // a geo_point is an object ({"lat":…,"lon":…}) that is one value, not two fields
        var geoFields = types.Where(t => t.Value.Type == EsqlDataType.GeoPoint).Select(t => t.Key).ToHashSet(StringComparer.Ordinal);
        var flattened = new List<(EsqlIndex Index, EsqlDocument Document, EsqlDocumentFields Fields)>();
        foreach (var index in matched)
        {
            foreach (var document in index.Documents)
            {
                var fields = document.Fields(geoFields);
                flattened.Add((index, document, fields));
                if (index.Mapping is not null) continue;
                foreach (var (field, values) in fields.ByName)
                {
                    if (named is not null && !named.Contains(field)) continue;
                    if (types.TryGetValue(field, out var known) && !IsGuess(known)) continue;
                    var guess = Dynamic(values.Values);
                    types[field] = types.TryGetValue(field, out var seen) && seen.Type != guess.Type ? Widen(seen, guess) : guess;
                }
            }
        }

        var layout = types.ToArray();
        var columns = layout.Select(t => new EsqlColumn(t.Key, t.Value.Type)).ToList();
        var metadataTypes = metadata.Select(m => new EsqlColumn(m, m is "_version" ? EsqlDataType.Long : m is "_score" ? EsqlDataType.Double : EsqlDataType.Keyword)).ToList();
        var rows = new List<object?[]>(flattened.Count);
        foreach (var (index, document, fields) in flattened)
        {
            var row = new object?[columns.Count + metadataTypes.Count];
            var c = 0;
            foreach (var (name, (type, mapping)) in layout)
            {
                row[c++] = fields.ByName.TryGetValue(name, out var values) ? values.Convert(type, mapping, Convert) : null;
            }
            foreach (var m in metadata)
            {
                row[c++] = m switch
                {
                    "_id" => document.Id,
                    "_index" => index.Name,
                    "_version" => 1L,
                    "_score" => 0.0,
                    _ => null,
                };
            }
            rows.Add(row);
        }
        return new EsqlTable([.. columns, .. metadataTypes], rows);
    }

    private const string Guessed = "(dynamic)";

    private static bool IsGuess((EsqlDataType Type, string Mapping) entry) => entry.Mapping == Guessed;

    /// <summary>The type Elasticsearch's dynamic mapping gives a JSON value: strings keyword, integers long, fractions double.</summary>
    private static (EsqlDataType Type, string Mapping) Dynamic(EsqlJsonValue[] values)
    {
        var type = EsqlDataType.Null;
        foreach (var value in values)
        {
            var t = value.Kind switch
            {
                JsonValueKind.String => EsqlDataType.Keyword,
                JsonValueKind.True or JsonValueKind.False => EsqlDataType.Boolean,
                JsonValueKind.Number => IsInt64(value.Text) ? EsqlDataType.Long : EsqlDataType.Double,
                _ => EsqlDataType.Null,
            };
            if (type == EsqlDataType.Null || (type == EsqlDataType.Long && t == EsqlDataType.Double)) type = t;
            else if (t != EsqlDataType.Null && t != type && !(type == EsqlDataType.Double && t == EsqlDataType.Long)) type = EsqlDataType.Keyword;
        }
        return (type, Guessed);
    }

    private static (EsqlDataType Type, string Mapping) Widen((EsqlDataType Type, string Mapping) a, (EsqlDataType Type, string Mapping) b)
    {
        if (a.Type == EsqlDataType.Null) return b;
        if (b.Type == EsqlDataType.Null) return a;
        if (a.Type is EsqlDataType.Long or EsqlDataType.Double && b.Type is EsqlDataType.Long or EsqlDataType.Double) return (EsqlDataType.Double, Guessed);
        return (EsqlDataType.Keyword, Guessed);
    }

    // a JSON number that is an integer in range, as JsonElement.TryGetInt64 reads it
    private static bool IsInt64(string number) => long.TryParse(number, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _);

    /// <summary>
    /// The values of one field as Elasticsearch returns them: doc-values order (sorted ascending,
    /// keywords de-duplicated) for all but text, which comes from _source as written; floats at their
    /// stored precision.
    /// </summary>
    private static object? Convert(EsqlJsonValue[] values, EsqlDataType type, string mapping)
    {
        var converted = new List<object>(values.Length);
        foreach (var value in values)
        {
            if (ConvertOne(value, type, mapping) is { } v) converted.Add(v);
        }
        if (converted.Count > 1 && type != EsqlDataType.Text)
        {
            converted.Sort(EsqlValueComparer.Instance!);
            // keyword-like doc values are sets; numeric and boolean doc values keep duplicates
            if (type is EsqlDataType.Keyword or EsqlDataType.Ip or EsqlDataType.Version)
                converted = converted.Distinct(EsqlValueComparer.Instance!).ToList()!;
        }
        return EsqlMulti.Of(converted);
    }

    private static object? ConvertOne(EsqlJsonValue value, EsqlDataType type, string mapping)
    {
        var text = value.Text;
        switch (type)
        {
            case EsqlDataType.Keyword or EsqlDataType.Text:
                return text;
            case EsqlDataType.Boolean:
                return value.Kind switch { JsonValueKind.True => true, JsonValueKind.False => false, _ => bool.TryParse(text, out var b) ? b : null };
            case EsqlDataType.Integer:
                return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var i) && Math.Truncate(i) is >= int.MinValue and <= int.MaxValue ? (int)Math.Truncate(i) : null;
            case EsqlDataType.Long:
                if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)) return l;
                return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var dl) ? (long)dl : null;
            case EsqlDataType.UnsignedLong:
                return ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var u) ? u : null;
            case EsqlDataType.Double:
                if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)) return null;
                return mapping switch
                {
                    "float" => (double)(float)d,
                    "half_float" => (double)(Half)d,
                    // stored as round(value × factor) (Java's half-up rounding) and read back divided by the factor, as
                    // ES|QL's block loader reads doc values (older versions multiplied by 1/factor: 2.0300000000000002);
                    // the data set's only scaled_float has factor 100
                    "scaled_float" => Math.Floor(d * 100 + 0.5) / 100,
                    _ => d,
                };
            case EsqlDataType.Date:
                if (value.Kind == JsonValueKind.Number && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var millis)) return EsqlDates.FromMillis(millis);
                return EsqlDates.TryParse(text, out var date) ? date : null;
            case EsqlDataType.Ip:
                return EsqlIp.TryParse(text, out var ip) ? ip : null;
            case EsqlDataType.Version:
                return new EsqlVersion(text);
            case EsqlDataType.GeoPoint:
                return value.Kind == JsonValueKind.Object ? GeoPointObject(text) : EsqlGeoPoint.Parse(text);
            case EsqlDataType.Null:
                return null;
            default:
                return text;
        }
    }

    /// <summary>A geo_point written as an object, <c>{"lat":…,"lon":…}</c>.</summary>
    private static EsqlGeoPoint? GeoPointObject(string json)
    {
        using var point = JsonDocument.Parse(json);
        return point.RootElement.TryGetProperty("lat", out var lat) && point.RootElement.TryGetProperty("lon", out var lon)
            && lat.TryGetDouble(out var y) && lon.TryGetDouble(out var x)
            ? new EsqlGeoPoint(x, y)
            : null;
    }
}
