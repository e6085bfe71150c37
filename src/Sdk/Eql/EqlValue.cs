using System.Globalization;
using AzureRules.Sdk.Events;

namespace AzureRules.Sdk.Eql;

public enum EqlKind : byte { Null, Boolean, Long, Double, String }

/// <summary>
/// A value inside an EQL expression (function results, arithmetic, values compared with each other):
/// null, a boolean, a 64-bit integer, a double or a string. Unboxed, so evaluating an expression
/// allocates only when a function builds a new string.
/// </summary>
public readonly struct EqlValue
{
    private readonly long _long;
    private readonly double _double;
    private readonly string? _string;

    private EqlValue(EqlKind kind, long l, double d, string? s)
    {
        Kind = kind;
        _long = l;
        _double = d;
        _string = s;
    }

    public EqlKind Kind { get; }
    public bool IsNull => Kind == EqlKind.Null;
    public bool IsNumber => Kind is EqlKind.Long or EqlKind.Double;
    public bool IsTrue => Kind == EqlKind.Boolean && _long != 0;
    public bool IsFalse => Kind == EqlKind.Boolean && _long == 0;
    public long Long => _long;
    public double Double => Kind == EqlKind.Long ? _long : _double;
    public string? String => _string;

    public static readonly EqlValue Null = default;
    public static readonly EqlValue True = new(EqlKind.Boolean, 1, 0, null);
    public static readonly EqlValue False = new(EqlKind.Boolean, 0, 0, null);

    public static EqlValue FromBoolean(bool value) => value ? True : False;
    public static EqlValue FromLong(long value) => new(EqlKind.Long, value, 0, null);
    public static EqlValue FromDouble(double value) => new(EqlKind.Double, 0, value, null);
    public static EqlValue FromString(string? value) => value is null ? Null : new(EqlKind.String, 0, 0, value);

    /// <summary>A field value as an expression value; objects count as null (they have no scalar value).</summary>
    public static EqlValue From(in FieldValue value) => value.Kind switch
    {
        FieldKind.String => FromString(value.Text),
        FieldKind.Number => value.IsInteger ? FromLong(value.Integer) : FromDouble(value.Number),
        FieldKind.Boolean => FromBoolean(value.Boolean),
        _ => Null,
    };

    /// <summary>
    /// A field read as one value: its first value. Elasticsearch's scripted functions read a
    /// multi-valued field this way; the comparisons of a field with a constant instead match if any value matches.
    /// </summary>
    public static EqlValue First(ReadOnlySpan<FieldValue> values) => values.IsEmpty ? Null : From(values[0]);

    /// <summary>The value as text, the way <c>string()</c> and <c>concat()</c> render it.</summary>
    public string? AsString() => Kind switch
    {
        EqlKind.String => _string,
        EqlKind.Long => _long.ToString(CultureInfo.InvariantCulture),
        EqlKind.Double => FormatDouble(_double),
        EqlKind.Boolean => _long != 0 ? "true" : "false",
        _ => null,
    };

    // Java's Double.toString, which Elasticsearch uses: a whole number keeps ".0"
    private static string FormatDouble(double value)
    {
        if (double.IsNaN(value)) return "NaN";
        if (double.IsInfinity(value)) return value > 0 ? "Infinity" : "-Infinity";
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        return text.IndexOfAny(['.', 'E', 'e']) < 0 ? text + ".0" : text;
    }

    public override string ToString() => AsString() ?? "null";
}
