using System.Globalization;

namespace AzureRules.Sdk.Events;

public enum FieldKind : byte { Null, String, Number, Boolean, Object }

/// <summary>
/// One value of a field in an event, unboxed. A field that holds an array has one value per element
/// (Elasticsearch semantics: a query matches if any element matches); an object is present as a
/// value of kind <see cref="FieldKind.Object"/> so that existence checks see it.
/// </summary>
public readonly struct FieldValue
{
    private FieldValue(FieldKind kind, string? text, double number, bool isInteger, long integer)
    {
        Kind = kind;
        Text = text;
        Number = number;
        IsInteger = isInteger;
        Integer = integer;
    }

    public FieldKind Kind { get; }
    /// <summary>The string, or a number's literal text as written in the JSON.</summary>
    public string? Text { get; }
    public double Number { get; }
    /// <summary>True when a number was written without fraction or exponent and fits a long.</summary>
    public bool IsInteger { get; }
    public long Integer { get; }
    public bool Boolean => Kind == FieldKind.Boolean && Number != 0;

    public static readonly FieldValue Null = new(FieldKind.Null, null, 0, false, 0);
    public static readonly FieldValue Object = new(FieldKind.Object, null, 0, false, 0);
    public static FieldValue FromString(string text) => new(FieldKind.String, text, 0, false, 0);
    public static FieldValue FromBoolean(bool value) => new(FieldKind.Boolean, value ? "true" : "false", value ? 1 : 0, false, 0);

    public static FieldValue FromNumber(string literal)
    {
        var isInteger = long.TryParse(literal, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer);
        var number = isInteger ? integer : double.Parse(literal, NumberStyles.Float, CultureInfo.InvariantCulture);
        return new FieldValue(FieldKind.Number, literal, number, isInteger, integer);
    }

    public static FieldValue FromNumber(double number)
        => new(FieldKind.Number, number.ToString("R", CultureInfo.InvariantCulture), number,
               number == Math.Floor(number) && Math.Abs(number) < 9.2e18, (long)number);

    /// <summary>The value as a string the way a keyword field would index it (numbers and booleans as written).</summary>
    public string? AsString() => Kind is FieldKind.String or FieldKind.Number or FieldKind.Boolean ? Text : null;

    public override string ToString() => Kind switch
    {
        FieldKind.Null => "null",
        FieldKind.Object => "{…}",
        _ => Text ?? "",
    };
}
