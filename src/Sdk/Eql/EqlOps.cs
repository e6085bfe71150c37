using System.Globalization;
using AzureRules.Sdk.Events;

namespace AzureRules.Sdk.Eql;

/// <summary>
/// The operators compiled EQL conditions call. Two families:
/// <list type="bullet">
/// <item>a field compared with constants (<c>Any…</c>): true if any value of a (possibly
/// multi-valued) field matches, false when the field is absent. This is Elasticsearch's semantics for
/// conditions it turns into term, range and wildcard queries, where <c>not</c> is the complement.</item>
/// <item>values (<see cref="EqlValue"/>) combined with each other: null in, null out, except that
/// <c>==</c>/<c>!=</c> treat null as a value (<c>x == null</c> is true when x is null).</item>
/// </list>
/// </summary>
public static class EqlOps
{
    // ---- a field against constants --------------------------------------------------------------

    /// <summary><c>field OP constant</c> for ==, !=, &lt;, &lt;=, &gt;, &gt;=; != is the complement of ==.</summary>
    public static bool AnyCompare(ReadOnlySpan<FieldValue> values, EqlCompare op, in EqlValue constant)
    {
        if (op == EqlCompare.NotEqual) return !AnyCompare(values, EqlCompare.Equal, constant);
        foreach (ref readonly var value in values)
        {
            var order = CompareFieldValue(value, constant);
            if (order is { } c && Holds(op, c)) return true;
        }
        return false;
    }

    /// <summary><c>date_field OP "date"</c>: the constant was turned into epoch milliseconds at compile time.</summary>
    public static bool AnyCompareDate(ReadOnlySpan<FieldValue> values, EqlCompare op, long epochMillis)
    {
        if (op == EqlCompare.NotEqual) return !AnyCompareDate(values, EqlCompare.Equal, epochMillis);
        foreach (ref readonly var value in values)
        {
            if (EqlDates.TryGetEpochMillis(value, out var millis) && Holds(op, millis.CompareTo(epochMillis))) return true;
        }
        return false;
    }

    /// <summary><c>field in (constants)</c> with constants of mixed or non-string types.</summary>
    public static bool AnyIn(ReadOnlySpan<FieldValue> values, EqlValue[] constants)
    {
        foreach (ref readonly var value in values)
            foreach (var constant in constants)
                if (CompareFieldValue(value, constant) == 0) return true;
        return false;
    }

    /// <summary><c>field : pattern</c>, <c>like</c>, <c>regex</c>, and <c>in</c> with string constants.</summary>
    public static bool AnyMatch(ReadOnlySpan<FieldValue> values, EqlMatcher matcher)
    {
        foreach (ref readonly var value in values)
        {
            var text = value.AsString();
            if (text is not null && matcher.IsMatch(text)) return true;
        }
        return false;
    }

    /// <summary><c>field == null</c>: true when the field has no value.</summary>
    public static bool IsMissing(ReadOnlySpan<FieldValue> values) => values.IsEmpty;

    /// <summary>Whether the event is of a category: <c>event.category</c> (often an array) contains it.</summary>
    public static bool HasCategory(ReadOnlySpan<FieldValue> values, string category)
    {
        foreach (ref readonly var value in values)
            if (value.Kind == FieldKind.String && string.Equals(value.Text, category, StringComparison.Ordinal)) return true;
        return false;
    }

    // A field value against a constant: numbers numerically, strings ordinally (keyword order),
    // booleans with booleans. A number is its text against a string (a keyword indexes it as written);
    // a numeric string is its number against a number (a numeric mapping coerces it).
    private static int? CompareFieldValue(in FieldValue value, in EqlValue constant)
    {
        switch (value.Kind)
        {
            case FieldKind.Number:
                if (constant.IsNumber) return CompareNumbers(value.IsInteger, value.Integer, value.Number, constant);
                if (constant.Kind == EqlKind.String) return string.CompareOrdinal(value.Text, constant.String);
                return null;
            case FieldKind.String:
                if (constant.Kind == EqlKind.String) return string.CompareOrdinal(value.Text, constant.String);
                if (constant.IsNumber && TryParseNumber(value.Text, out var isInteger, out var integer, out var number))
                    return CompareNumbers(isInteger, integer, number, constant);
                if (constant.Kind == EqlKind.Boolean && bool.TryParse(value.Text, out var flag)) return flag.CompareTo(constant.IsTrue);
                return null;
            case FieldKind.Boolean:
                if (constant.Kind == EqlKind.Boolean) return value.Boolean.CompareTo(constant.IsTrue);
                if (constant.Kind == EqlKind.String) return string.CompareOrdinal(value.Text, constant.String);
                return null;
            default:
                return null;
        }
    }

    private static int CompareNumbers(bool isInteger, long integer, double number, in EqlValue constant)
        => isInteger && constant.Kind == EqlKind.Long ? integer.CompareTo(constant.Long) : number.CompareTo(constant.Double);

    internal static bool TryParseNumber(string? text, out bool isInteger, out long integer, out double number)
    {
        number = 0;
        isInteger = long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out integer);
        if (isInteger)
        {
            number = integer;
            return true;
        }
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out number);
    }

    private static bool Holds(EqlCompare op, int order) => op switch
    {
        EqlCompare.Equal => order == 0,
        EqlCompare.NotEqual => order != 0,
        EqlCompare.Less => order < 0,
        EqlCompare.LessOrEqual => order <= 0,
        EqlCompare.Greater => order > 0,
        _ => order >= 0,
    };

    // ---- values -----------------------------------------------------------------------------------

    /// <summary>Reads a field as one value (its first).</summary>
    public static EqlValue Field(ReadOnlySpan<FieldValue> values) => EqlValue.First(values);

    public static EqlValue Compare(in EqlValue left, EqlCompare op, in EqlValue right)
    {
        if (op is EqlCompare.Equal or EqlCompare.NotEqual)
        {
            // null is a value for equality: x == null holds when x is null
            bool equal;
            if (left.IsNull || right.IsNull) equal = left.IsNull && right.IsNull;
            else if (CompareValues(left, right) is { } order) equal = order == 0;
            else equal = false;
            return EqlValue.FromBoolean(equal == (op == EqlCompare.Equal));
        }
        if (left.IsNull || right.IsNull) return EqlValue.Null;
        return CompareValues(left, right) is { } c ? EqlValue.FromBoolean(Holds(op, c)) : EqlValue.Null;
    }

    private static int? CompareValues(in EqlValue left, in EqlValue right)
    {
        if (left.IsNumber && right.IsNumber)
            return left.Kind == EqlKind.Long && right.Kind == EqlKind.Long ? left.Long.CompareTo(right.Long) : left.Double.CompareTo(right.Double);
        if (left.Kind == EqlKind.String && right.Kind == EqlKind.String) return string.CompareOrdinal(left.String, right.String);
        if (left.Kind == EqlKind.Boolean && right.Kind == EqlKind.Boolean) return left.IsTrue.CompareTo(right.IsTrue);
        return null;
    }

    public static EqlValue In(in EqlValue value, EqlValue[] constants)
    {
        if (value.IsNull) return EqlValue.Null;
        foreach (var constant in constants)
            if (!constant.IsNull && CompareValues(value, constant) == 0) return EqlValue.True;
        return EqlValue.False;
    }

    public static EqlValue Match(in EqlValue value, EqlMatcher matcher)
    {
        var text = value.AsString();
        return text is null ? EqlValue.Null : EqlValue.FromBoolean(matcher.IsMatch(text));
    }

    public static EqlValue Not(in EqlValue value) => value.Kind == EqlKind.Boolean ? EqlValue.FromBoolean(!value.IsTrue) : EqlValue.Null;

    public static EqlValue And(in EqlValue left, in EqlValue right)
    {
        if (left.IsFalse || right.IsFalse) return EqlValue.False;
        return left.IsTrue && right.IsTrue ? EqlValue.True : EqlValue.Null;
    }

    public static EqlValue Or(in EqlValue left, in EqlValue right)
    {
        if (left.IsTrue || right.IsTrue) return EqlValue.True;
        return left.IsFalse && right.IsFalse ? EqlValue.False : EqlValue.Null;
    }

    // ---- arithmetic: integers stay integers (Java semantics: 7 / 2 == 3), null in null out ------------

    public static EqlValue Add(in EqlValue a, in EqlValue b) => Arithmetic(a, b, '+');
    public static EqlValue Subtract(in EqlValue a, in EqlValue b) => Arithmetic(a, b, '-');
    public static EqlValue Multiply(in EqlValue a, in EqlValue b) => Arithmetic(a, b, '*');
    public static EqlValue Divide(in EqlValue a, in EqlValue b) => Arithmetic(a, b, '/');
    public static EqlValue Modulo(in EqlValue a, in EqlValue b) => Arithmetic(a, b, '%');

    public static EqlValue Negate(in EqlValue a) => a.Kind switch
    {
        EqlKind.Long => EqlValue.FromLong(-a.Long),
        EqlKind.Double => EqlValue.FromDouble(-a.Double),
        _ => EqlValue.Null,
    };

    private static EqlValue Arithmetic(in EqlValue a, in EqlValue b, char op)
    {
        if (!a.IsNumber || !b.IsNumber) return EqlValue.Null;
        if (a.Kind == EqlKind.Long && b.Kind == EqlKind.Long)
        {
            long x = a.Long, y = b.Long;
            if ((op == '/' || op == '%') && y == 0) return EqlValue.Null;
            return EqlValue.FromLong(op switch { '+' => x + y, '-' => x - y, '*' => x * y, '/' => x / y, _ => x % y });
        }
        double p = a.Double, q = b.Double;
        if ((op == '/' || op == '%') && q == 0) return EqlValue.Null;
        return EqlValue.FromDouble(op switch { '+' => p + q, '-' => p - q, '*' => p * q, '/' => p / q, _ => p % q });
    }
}
