using System.Globalization;
using System.Text;
using System.Text.Json;

namespace AzureRules.Sdk.Kusto;

/// <summary>
/// JSON in and out of Kusto values: events and parse_json() read JSON into values (objects become
/// bags, arrays arrays, integers long, other numbers real); dynamic values print as compact JSON.
/// </summary>
public static class KustoJson
{
    private static readonly JsonReaderOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>Parses JSON text; returns false (and null) when it is not valid JSON.</summary>
    public static bool TryParse(string text, out KustoValue value)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        return TryParse(bytes, out value);
    }

    public static bool TryParse(ReadOnlySpan<byte> utf8, out KustoValue value)
    {
        try
        {
            var reader = new Utf8JsonReader(utf8, Options);
            if (!reader.Read()) { value = KustoValue.Null; return false; }
            value = ReadValue(ref reader);
            if (!reader.Read()) return true;
            value = KustoValue.Null;
            return false;
        }
        catch (JsonException)
        {
            value = KustoValue.Null;
            return false;
        }
    }

    /// <summary>Reads the value at the reader's current token (the reader is left on its last token).</summary>
    public static KustoValue ReadValue(ref Utf8JsonReader reader) => ReadValue(ref reader, null);

    /// <summary>As <see cref="ReadValue(ref Utf8JsonReader)"/>, sharing names and strings through <paramref name="strings"/>.</summary>
    public static KustoValue ReadValue(ref Utf8JsonReader reader, KustoStringPool? strings)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var bag = new KustoBag();
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var name = strings is null ? reader.GetString()! : strings.Get(ref reader);
                    reader.Read();
                    bag[name] = ReadValue(ref reader, strings);
                }
                return KustoValue.Bag(bag);
            case JsonTokenType.StartArray:
                var items = new List<KustoValue>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    items.Add(ReadValue(ref reader, strings));
                return KustoValue.Array([.. items]);
            case JsonTokenType.String:
                return KustoValue.From(strings is null ? reader.GetString() : strings.Get(ref reader));
            case JsonTokenType.Number:
                if (reader.TryGetInt64(out var l)) return KustoValue.From(l);
                return KustoValue.From(reader.GetDouble());
            case JsonTokenType.True:
                return KustoValue.True;
            case JsonTokenType.False:
                return KustoValue.False;
            default:
                return KustoValue.Null;
        }
    }

    public static string Write(KustoValue value)
    {
        var builder = new StringBuilder();
        Write(builder, value);
        return builder.ToString();
    }

    public static void Write(StringBuilder builder, KustoValue value)
    {
        switch (value.Type)
        {
            case KustoType.Null:
                builder.Append("null");
                break;
            case KustoType.Bool:
                builder.Append(value.AsBool ? "true" : "false");
                break;
            case KustoType.Int:
            case KustoType.Long:
            case KustoType.Real:
            case KustoType.Decimal:
                builder.Append(KustoFormat.ToText(value));
                break;
            case KustoType.Dynamic when value.IsArray:
                builder.Append('[');
                var items = value.AsArray;
                for (var i = 0; i < items.Length; i++)
                {
                    if (i > 0) builder.Append(',');
                    Write(builder, items[i]);
                }
                builder.Append(']');
                break;
            case KustoType.Dynamic:
                builder.Append('{');
                var first = true;
                foreach (var (key, item) in value.AsBag.Properties)
                {
                    if (!first) builder.Append(',');
                    first = false;
                    WriteString(builder, key);
                    builder.Append(':');
                    Write(builder, item);
                }
                builder.Append('}');
                break;
            default:
                WriteString(builder, KustoFormat.ToText(value));
                break;
        }
    }

    private static void WriteString(StringBuilder builder, string text)
    {
        builder.Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (c < 0x20) builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else builder.Append(c);
                    break;
            }
        }
        builder.Append('"');
    }
}
