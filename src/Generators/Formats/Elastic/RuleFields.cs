using System.Collections.Generic;
using System.Collections.Immutable;
using AzureRules.Generators.Diagnostics;

namespace AzureRules.Generators.Formats.Elastic;

internal enum FieldKind { String, Integer, Float, Boolean, Array, Object, Other }

/// <summary>
/// A field value of an Elastic rule, whatever file it came from: detection-rules TOML, Kibana JSON or a
/// documentation page all use Kibana's field names, so each reader turns its own syntax tree into these
/// and one <see cref="ElasticRuleBuilder"/> maps and checks them.
/// </summary>
internal sealed class FieldValue
{
    private FieldValue(FieldKind kind, string text, SourcePosition start, SourcePosition end)
    {
        Kind = kind;
        Text = text;
        Start = start;
        End = end;
    }

    public FieldKind Kind { get; }
    /// <summary>A string's value, or how any other scalar was written.</summary>
    public string Text { get; }
    public SourcePosition Start { get; }
    public SourcePosition End { get; }
    public long Integer { get; private init; }
    /// <summary>For strings: where each character was written in the file.</summary>
    public ImmutableArray<SourceMapSegment> Map { get; private init; } = ImmutableArray<SourceMapSegment>.Empty;
    public IReadOnlyList<FieldValue> Items { get; private init; } = System.Array.Empty<FieldValue>();
    public FieldObject? Object { get; private init; }

    public static FieldValue String(string value, ImmutableArray<SourceMapSegment> map, SourcePosition start, SourcePosition end)
        => new(FieldKind.String, value, start, end) { Map = map };

    public static FieldValue FromInteger(long value, string text, SourcePosition start, SourcePosition end)
        => new(FieldKind.Integer, text, start, end) { Integer = value };

    public static FieldValue Scalar(FieldKind kind, string text, SourcePosition start, SourcePosition end)
        => new(kind, text, start, end);

    public static FieldValue Array(IReadOnlyList<FieldValue> items, SourcePosition start, SourcePosition end)
        => new(FieldKind.Array, "[…]", start, end) { Items = items };

    public static FieldValue FromObject(FieldObject obj)
        => new(FieldKind.Object, "{…}", obj.Start, obj.End) { Object = obj };

    public SourceSpan SpanIn(string path) => new(path, Start, End);

    public string TypeName => Kind switch
    {
        FieldKind.String => "a string",
        FieldKind.Integer => "an integer",
        FieldKind.Float => "a number",
        FieldKind.Boolean => "a boolean",
        FieldKind.Array => "an array",
        FieldKind.Object => "a table (object)",
        _ => "a date",
    };

    public override string ToString() => Text;
}

/// <summary>A TOML table or JSON object of rule fields.</summary>
internal sealed class FieldObject(SourcePosition start, SourcePosition end, SourceSpanAnchor anchor)
{
    private readonly Dictionary<string, FieldValue> _fields = new(System.StringComparer.Ordinal);

    public SourcePosition Start { get; } = start;
    public SourcePosition End { get; } = end;
    /// <summary>Where to report a field that is missing: a TOML table header, a JSON object's '{'.</summary>
    public SourceSpanAnchor Anchor { get; } = anchor;

    public FieldValue? this[string name] => _fields.TryGetValue(name, out var value) ? value : null;
    public bool Contains(string name) => _fields.ContainsKey(name);
    public IEnumerable<string> Names => _fields.Keys;

    public void Set(string name, FieldValue value) => _fields[name] = value;
}

/// <summary>A start and end position without a path; the builder adds the path.</summary>
internal readonly record struct SourceSpanAnchor(SourcePosition Start, SourcePosition End)
{
    public SourceSpan In(string path) => new(path, Start, End);
}
