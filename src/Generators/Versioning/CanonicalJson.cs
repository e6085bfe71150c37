using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace AzureRules.Generators.Versioning;

/// <summary>
/// A JSON value built in code and written canonically: object keys sorted by ordinal, no spaces,
/// strings escaped the same way every time. Two equal definitions always give the same text, so the
/// text can be hashed (detection-rules hashes <c>json.dumps(rule, sort_keys=True)</c> the same way).
/// System.Text.Json is not available to a netstandard2.0 generator here.
/// </summary>
internal abstract class CanonicalJson
{
    public static CanonicalJson Null { get; } = new Literal("null");
    public static CanonicalJson From(string? value) => value is null ? Null : new Text(value);
    public static CanonicalJson From(long value) => new Literal(value.ToString(CultureInfo.InvariantCulture));
    public static CanonicalJson From(bool value) => new Literal(value ? "true" : "false");
    /// <summary>A number kept as written (a float in a rule file), so no digits are lost to a round trip through double.</summary>
    public static CanonicalJson Number(string text) => new Literal(text);
    public static CanonicalJson Array(IEnumerable<CanonicalJson> items) => new List(items);
    public static CanonicalJson Strings(IEnumerable<string> items)
    {
        var list = new List<CanonicalJson>();
        foreach (var item in items) list.Add(From(item));
        return new List(list);
    }

    public abstract void WriteTo(StringBuilder builder);

    public override string ToString()
    {
        var builder = new StringBuilder();
        WriteTo(builder);
        return builder.ToString();
    }

    /// <summary>A JSON object; keys are written in ordinal order whatever order they were set in.</summary>
    public sealed class Object : CanonicalJson
    {
        private readonly SortedDictionary<string, CanonicalJson> _properties = new(StringComparer.Ordinal);

        public int Count => _properties.Count;

        public Object Set(string name, CanonicalJson value)
        {
            _properties[name] = value;
            return this;
        }

        /// <summary>Sets the property only when there is a value: absent and null are the same to the hash.</summary>
        public Object SetIf(string name, CanonicalJson? value)
        {
            if (value is not null && !ReferenceEquals(value, Null)) _properties[name] = value;
            return this;
        }

        public Object SetIf(string name, string? value) => value is null ? this : Set(name, From(value));

        public Object SetIf(string name, IReadOnlyCollection<string> values) => values.Count == 0 ? this : Set(name, Strings(values));

        public override void WriteTo(StringBuilder builder)
        {
            builder.Append('{');
            var first = true;
            foreach (var property in _properties)
            {
                if (!first) builder.Append(',');
                first = false;
                WriteString(builder, property.Key);
                builder.Append(':');
                property.Value.WriteTo(builder);
            }
            builder.Append('}');
        }
    }

    private sealed class List(IEnumerable<CanonicalJson> items) : CanonicalJson
    {
        private readonly List<CanonicalJson> _items = new(items);

        public override void WriteTo(StringBuilder builder)
        {
            builder.Append('[');
            for (var i = 0; i < _items.Count; i++)
            {
                if (i > 0) builder.Append(',');
                _items[i].WriteTo(builder);
            }
            builder.Append(']');
        }
    }

    private sealed class Text(string value) : CanonicalJson
    {
        public override void WriteTo(StringBuilder builder) => WriteString(builder, value);
    }

    private sealed class Literal(string text) : CanonicalJson
    {
        public override void WriteTo(StringBuilder builder) => builder.Append(text);
    }

    /// <summary>A JSON string: quotes, backslashes and control characters escaped, everything else as is.</summary>
    public static void WriteString(StringBuilder builder, string value)
    {
        builder.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (c < ' ') builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else builder.Append(c);
                    break;
            }
        }
        builder.Append('"');
    }
}
