using System.Collections.Generic;
using System.Collections.Immutable;
using AzureRules.Generators.Diagnostics;

namespace AzureRules.Generators.Formats.Json;

/// <summary>
/// A JSON value with the place it was written. System.Text.Json is not available to a netstandard2.0
/// generator here, and its readers would not keep line/column for every value anyway.
/// </summary>
internal abstract class JsonNode(SourcePosition start, SourcePosition end)
{
    public SourcePosition Start { get; } = start;
    public SourcePosition End { get; internal set; } = end;
    public abstract string TypeName { get; }
}

internal sealed class JsonString(string value, ImmutableArray<SourceMapSegment> map, SourcePosition start, SourcePosition end) : JsonNode(start, end)
{
    public string Value { get; } = value;
    /// <summary>Where each decoded character was written: escapes such as <c>\n</c> start new segments.</summary>
    public ImmutableArray<SourceMapSegment> Map { get; } = map;
    public override string TypeName => "string";
    public override string ToString() => Value;
}

internal sealed class JsonNumber(string text, double value, SourcePosition start, SourcePosition end) : JsonNode(start, end)
{
    /// <summary>The number as written, so integers beyond double precision keep their digits.</summary>
    public string Text { get; } = text;
    public double Value { get; } = value;
    public bool TryGetInt64(out long value)
        => long.TryParse(Text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out value);
    public override string TypeName => "number";
    public override string ToString() => Text;
}

internal sealed class JsonBoolean(bool value, SourcePosition start, SourcePosition end) : JsonNode(start, end)
{
    public bool Value { get; } = value;
    public override string TypeName => "boolean";
    public override string ToString() => Value ? "true" : "false";
}

internal sealed class JsonNull(SourcePosition start, SourcePosition end) : JsonNode(start, end)
{
    public override string TypeName => "null";
    public override string ToString() => "null";
}

internal sealed class JsonArray(SourcePosition start, SourcePosition end) : JsonNode(start, end)
{
    public List<JsonNode> Items { get; } = new();
    public override string TypeName => "array";
}

/// <summary>An object; properties keep their order. The parser rejects a repeated name.</summary>
internal sealed class JsonObject(SourcePosition start, SourcePosition end) : JsonNode(start, end)
{
    private readonly Dictionary<string, int> _index = new(System.StringComparer.Ordinal);
    private readonly List<JsonProperty> _properties = new();

    public IReadOnlyList<JsonProperty> Properties => _properties;
    public override string TypeName => "object";

    public bool TryGet(string name, out JsonNode value)
    {
        if (_index.TryGetValue(name, out var i))
        {
            value = _properties[i].Value;
            return true;
        }
        value = null!;
        return false;
    }

    public JsonNode? this[string name] => TryGet(name, out var value) ? value : null;

    internal void Add(string name, SourcePosition namePosition, JsonNode value)
    {
        var property = new JsonProperty(name, namePosition, value);
        if (_index.TryGetValue(name, out var i)) _properties[i] = property;
        else
        {
            _index[name] = _properties.Count;
            _properties.Add(property);
        }
    }
}

internal readonly record struct JsonProperty(string Name, SourcePosition NamePosition, JsonNode Value);

internal sealed record JsonSyntaxError(string Message, SourcePosition Position)
{
    public override string ToString() => $"{Position}: {Message}";
}

/// <summary>One parsed JSON text (a whole file, or one line of an NDJSON file).</summary>
internal sealed record JsonParseResult(JsonNode? Value, JsonSyntaxError? Error);
