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
        if (CannotBeJson(text.AsSpan().Trim()))
        {
            value = KustoValue.Null;
            return false;
        }
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

    /// <summary>
    /// Text that is certainly not one JSON value, told without the JSON reader: parse_json() meets plain
    /// strings on most rows of some rules (an empty member, an IP address), and the reader reports each by
    /// throwing, which costs more than the rest of the row. A text starting like an object, array or string
    /// still goes to the reader.
    /// </summary>
    private static bool CannotBeJson(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty) return true;
        if (text.Contains('/')) return false; // a comment, which the reader skips
        return text[0] switch
        {
            '{' or '[' or '"' => false,
            't' => !text.SequenceEqual("true"),
            'f' => !text.SequenceEqual("false"),
            'n' => !text.SequenceEqual("null"),
            '-' or (>= '0' and <= '9') => !IsNumber(text),
            _ => true,
        };
    }

    /// <summary>JSON's number: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?</summary>
    private static bool IsNumber(ReadOnlySpan<char> text)
    {
        var i = 0;
        if (text[i] == '-') i++;
        if (i == text.Length) return false;
        if (text[i] == '0') i++;
        else if (!Digits(text, ref i)) return false;
        if (i < text.Length && text[i] == '.')
        {
            i++;
            if (!Digits(text, ref i)) return false;
        }
        if (i < text.Length && text[i] is 'e' or 'E')
        {
            i++;
            if (i < text.Length && text[i] is '+' or '-') i++;
            if (!Digits(text, ref i)) return false;
        }
        return i == text.Length;
    }

    private static bool Digits(ReadOnlySpan<char> text, ref int i)
    {
        var start = i;
        while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
        return i > start;
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
                bag.TrimExcess();
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
