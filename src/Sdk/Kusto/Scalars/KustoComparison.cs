namespace AzureRules.Sdk.Kusto.Scalars;

/// <summary>
/// Equality and ordering with Kusto's rules: numbers compare across int/long/real/decimal, strings
/// ordinally (== is case-sensitive), and a comparison involving null is null, so a filter drops the row — except that a null
/// compared with a string is the empty string, because Kusto strings are never null.
/// </summary>
public static class KustoComparison
{
    public static KustoValue Equal(KustoValue a, KustoValue b) => AreEqual(a, b) is { } r ? KustoValue.From(r) : KustoValue.Null;

    public static KustoValue NotEqual(KustoValue a, KustoValue b) => AreEqual(a, b) is { } r ? KustoValue.From(!r) : KustoValue.Null;

    public static KustoValue EqualIgnoreCase(KustoValue a, KustoValue b)
        => KustoValue.From(string.Equals(KustoStrings.Text(a), KustoStrings.Text(b), StringComparison.OrdinalIgnoreCase));

    public static KustoValue NotEqualIgnoreCase(KustoValue a, KustoValue b)
        => KustoValue.From(!string.Equals(KustoStrings.Text(a), KustoStrings.Text(b), StringComparison.OrdinalIgnoreCase));

    public static KustoValue Less(KustoValue a, KustoValue b) => Ordered(a, b, static c => c < 0);
    public static KustoValue LessOrEqual(KustoValue a, KustoValue b) => Ordered(a, b, static c => c <= 0);
    public static KustoValue Greater(KustoValue a, KustoValue b) => Ordered(a, b, static c => c > 0);
    public static KustoValue GreaterOrEqual(KustoValue a, KustoValue b) => Ordered(a, b, static c => c >= 0);

    /// <summary>A comparison's result: null when an operand is null (a filter drops the row), false when the types do not compare.</summary>
    private static KustoValue Ordered(KustoValue a, KustoValue b, Func<int, bool> test)
    {
        if (Compare(a, b) is { } c) return KustoValue.From(test(c));
        return a.IsNull || b.IsNull ? KustoValue.Null : KustoValue.False;
    }

    /// <summary>Equality, or null when Kusto's answer is null (two null operands that are not strings).</summary>
    public static bool? AreEqual(KustoValue a, KustoValue b)
    {
        if (a.IsString || b.IsString)
        {
            if ((a.IsString || a.IsNull) && (b.IsString || b.IsNull))
                return string.Equals(a.AsString, b.AsString, StringComparison.Ordinal);
            if (a.IsNull || b.IsNull) return null;
            return string.Equals(KustoFormat.ToText(a), KustoFormat.ToText(b), StringComparison.Ordinal);
        }
        // two nulls are neither equal nor unequal (null); a null and a value are unequal, as Kusto documents
        if (a.IsNull || b.IsNull) return a.IsNull && b.IsNull ? null : false;
        return Compare(a, b) is { } c ? c == 0 : a.Equals(b);
    }

    /// <summary>Order of two values of comparable types, or null when they do not compare (null, mixed types).</summary>
    public static int? Compare(KustoValue a, KustoValue b)
    {
        if (a.IsNull || b.IsNull)
        {
            if (a.IsString || b.IsString) return string.CompareOrdinal(a.AsString, b.AsString);
            return null;
        }
        if (a.IsNumeric && b.IsNumeric)
        {
            if (a.Type is KustoType.Int or KustoType.Long && b.Type is KustoType.Int or KustoType.Long) return a.Ticks.CompareTo(b.Ticks);
            if (a.Type == KustoType.Decimal && b.Type == KustoType.Decimal) return a.AsDecimal.CompareTo(b.AsDecimal);
            return a.AsDouble.CompareTo(b.AsDouble);
        }
        if (a.Type != b.Type)
        {
            // a datetime compared with a string literal (e.g. from JSON without a schema) compares as datetime
            if (a.Type == KustoType.DateTime && b.IsString && KustoConvert.TryParseDateTime(b.AsString, out var bd)) return a.Ticks.CompareTo(bd.Ticks);
            if (b.Type == KustoType.DateTime && a.IsString && KustoConvert.TryParseDateTime(a.AsString, out var ad)) return ad.Ticks.CompareTo(b.Ticks);
            return null;
        }
        return a.Type switch
        {
            KustoType.String => string.CompareOrdinal(a.AsString, b.AsString),
            KustoType.Bool or KustoType.DateTime or KustoType.TimeSpan => a.Ticks.CompareTo(b.Ticks),
            KustoType.Guid => a.AsGuid.CompareTo(b.AsGuid),
            KustoType.Dynamic => a.Equals(b) ? 0 : null,
            _ => null,
        };
    }

    /// <summary>Total order for sort: nulls are placed by the caller, then by <see cref="Compare"/>, then by type.</summary>
    public static int SortCompare(KustoValue a, KustoValue b)
        => Compare(a, b) ?? ((int)a.Type).CompareTo((int)b.Type);

    public static KustoValue Between(KustoValue value, KustoValue low, KustoValue high)
    {
        if (value.IsNull) return KustoValue.False;
        // datetime between (start .. timespan) means start .. start + span
        if (high.Type == KustoType.TimeSpan && low.Type == KustoType.DateTime) high = KustoArithmetic.Add(low, high);
        var lo = Compare(value, low);
        var hi = Compare(value, high);
        return KustoValue.From(lo is >= 0 && hi is <= 0);
    }

    public static KustoValue And(KustoValue a, KustoValue b)
    {
        if (a.Type == KustoType.Bool && !a.AsBool) return KustoValue.False;
        if (b.Type == KustoType.Bool && !b.AsBool) return KustoValue.False;
        if (a.IsTrue && b.IsTrue) return KustoValue.True;
        return KustoValue.Null;
    }

    public static KustoValue Or(KustoValue a, KustoValue b)
    {
        if (a.IsTrue || b.IsTrue) return KustoValue.True;
        if (a.Type == KustoType.Bool && b.Type == KustoType.Bool) return KustoValue.False;
        return KustoValue.Null;
    }

    public static KustoValue Not(KustoValue a) => a.Type == KustoType.Bool ? KustoValue.From(!a.AsBool) : KustoValue.Null;
}
