using System.Text.Json;

namespace AzureRules.Sdk.Esql;

/// <summary>One JSON value of a leaf field: its kind, and its text (a string's value, else the raw JSON).</summary>
internal readonly record struct EsqlJsonValue(JsonValueKind Kind, string Text)
{
    public static EsqlJsonValue Of(JsonElement element)
        => new(element.ValueKind, element.ValueKind == JsonValueKind.String ? element.GetString()! : element.GetRawText());
}

/// <summary>
/// The values of one leaf field of a document, and the cell they last converted to: the type a
/// field has is the same from one execution to the next, so the conversion is done once.
/// </summary>
internal sealed class EsqlFieldValues(EsqlJsonValue[] values)
{
    private sealed record Conversion(EsqlDataType Type, string Mapping, object? Cell);

    // replaced whole (one reference write), so threads reading the same document see one or the other
    private Conversion? _last;

    public EsqlJsonValue[] Values { get; } = values;

    public object? Convert(EsqlDataType type, string mapping, Func<EsqlJsonValue[], EsqlDataType, string, object?> convert)
    {
        if (_last is { } last && last.Type == type && last.Mapping == mapping) return last.Cell;
        var cell = convert(Values, type, mapping);
        _last = new Conversion(type, mapping, cell);
        return cell;
    }
}

/// <summary>A document's leaf fields by dotted name: objects flattened, arrays (also of objects) multi-valued.</summary>
internal sealed class EsqlDocumentFields
{
    private EsqlDocumentFields(Dictionary<string, EsqlFieldValues> fields) => ByName = fields;

    public IReadOnlyDictionary<string, EsqlFieldValues> ByName { get; }

    /// <param name="geoFields">Fields whose objects (<c>{"lat":…,"lon":…}</c>) are one value, not two fields.</param>
    public static EsqlDocumentFields Flatten(ReadOnlyMemory<byte> json, IReadOnlySet<string> geoFields)
    {
        var fields = new Dictionary<string, List<EsqlJsonValue>>(StringComparer.Ordinal);
        // JsonDocument's depth limit (64) bounds the recursion below: a hostile event cannot overflow the stack
        using (var document = JsonDocument.Parse(json))
            Flatten(document.RootElement, "", fields, geoFields);
        return new EsqlDocumentFields(fields.ToDictionary(f => f.Key, f => new EsqlFieldValues([.. f.Value]), StringComparer.Ordinal));
    }

    private static void Flatten(JsonElement element, string prefix, Dictionary<string, List<EsqlJsonValue>> fields, IReadOnlySet<string> geoFields)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object when geoFields.Contains(prefix):
                Add(prefix, EsqlJsonValue.Of(element));
                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    // _id, _index and the like in an event are its envelope, not fields: METADATA reads them
                    if (prefix.Length == 0 && property.Name is "_id" or "_index" or "_version" or "_source" or "_score") continue;
                    Flatten(property.Value, prefix.Length == 0 ? property.Name : prefix + "." + property.Name, fields, geoFields);
                }
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray()) Flatten(item, prefix, fields, geoFields);
                break;
            case JsonValueKind.Null or JsonValueKind.Undefined:
                break;
            default:
                Add(prefix, EsqlJsonValue.Of(element));
                break;
        }

        void Add(string name, EsqlJsonValue value)
        {
            if (!fields.TryGetValue(name, out var list)) fields[name] = list = [];
            list.Add(value);
        }
    }
}
