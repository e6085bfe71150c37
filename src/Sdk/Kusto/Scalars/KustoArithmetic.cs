namespace AzureRules.Sdk.Kusto.Scalars;

/// <summary>
/// Kusto's arithmetic: integers stay integers (division truncates), any real makes the result real,
/// datetime and timespan combine as Kusto documents (datetime - datetime is a timespan, …); null in,
/// null out; an operation Kusto does not define for the types is null.
/// </summary>
public static class KustoArithmetic
{
    public static KustoValue Add(KustoValue a, KustoValue b)
    {
        if (a.IsNull || b.IsNull) return KustoValue.Null;
        switch (a.Type, b.Type)
        {
            case (KustoType.DateTime, KustoType.TimeSpan): return KustoValue.FromTicks(KustoType.DateTime, a.Ticks + b.Ticks);
            case (KustoType.TimeSpan, KustoType.DateTime): return KustoValue.FromTicks(KustoType.DateTime, a.Ticks + b.Ticks);
            case (KustoType.TimeSpan, KustoType.TimeSpan): return KustoValue.FromTicks(KustoType.TimeSpan, a.Ticks + b.Ticks);
        }
        return Numeric(a, b, static (x, y) => unchecked(x + y), static (x, y) => x + y, static (x, y) => x + y);
    }

    public static KustoValue Subtract(KustoValue a, KustoValue b)
    {
        if (a.IsNull || b.IsNull) return KustoValue.Null;
        switch (a.Type, b.Type)
        {
            case (KustoType.DateTime, KustoType.DateTime): return KustoValue.FromTicks(KustoType.TimeSpan, a.Ticks - b.Ticks);
            case (KustoType.DateTime, KustoType.TimeSpan): return KustoValue.FromTicks(KustoType.DateTime, a.Ticks - b.Ticks);
            case (KustoType.TimeSpan, KustoType.TimeSpan): return KustoValue.FromTicks(KustoType.TimeSpan, a.Ticks - b.Ticks);
        }
        return Numeric(a, b, static (x, y) => unchecked(x - y), static (x, y) => x - y, static (x, y) => x - y);
    }

    public static KustoValue Multiply(KustoValue a, KustoValue b)
    {
        if (a.IsNull || b.IsNull) return KustoValue.Null;
        if (a.Type == KustoType.TimeSpan && b.IsNumeric) return KustoValue.FromTicks(KustoType.TimeSpan, (long)(a.Ticks * b.AsDouble));
        if (b.Type == KustoType.TimeSpan && a.IsNumeric) return KustoValue.FromTicks(KustoType.TimeSpan, (long)(b.Ticks * a.AsDouble));
        return Numeric(a, b, static (x, y) => unchecked(x * y), static (x, y) => x * y, static (x, y) => x * y);
    }

    public static KustoValue Divide(KustoValue a, KustoValue b)
    {
        if (a.IsNull || b.IsNull) return KustoValue.Null;
        if (a.Type == KustoType.TimeSpan && b.Type == KustoType.TimeSpan)
            return b.Ticks == 0 ? KustoValue.Null : KustoValue.From((double)a.Ticks / b.Ticks);
        if (a.Type == KustoType.TimeSpan && b.IsNumeric)
            return b.AsDouble == 0 ? KustoValue.Null : KustoValue.FromTicks(KustoType.TimeSpan, (long)(a.Ticks / b.AsDouble));
        if (IsIntegral(a) && IsIntegral(b))
            return b.Ticks == 0 ? KustoValue.Null : KustoValue.From(a.Ticks / b.Ticks);
        return Numeric(a, b, static (x, y) => x / y, static (x, y) => y == 0 ? 0 : x / y, static (x, y) => x / y);
    }

    public static KustoValue Modulo(KustoValue a, KustoValue b)
    {
        if (a.IsNull || b.IsNull) return KustoValue.Null;
        if (IsIntegral(a) && IsIntegral(b))
            return b.Ticks == 0 ? KustoValue.Null : KustoValue.From(a.Ticks % b.Ticks);
        if (a.Type == KustoType.TimeSpan && b.Type == KustoType.TimeSpan && b.Ticks != 0)
            return KustoValue.FromTicks(KustoType.TimeSpan, a.Ticks % b.Ticks);
        return Numeric(a, b, static (x, y) => x % y, static (x, y) => y == 0 ? 0 : x % y, static (x, y) => x % y);
    }

    public static KustoValue Negate(KustoValue a) => a.Type switch
    {
        KustoType.Int => KustoValue.FromInt(-(int)a.Ticks),
        KustoType.Long => KustoValue.From(-a.Ticks),
        KustoType.Real => KustoValue.From(-a.AsDouble),
        KustoType.Decimal => KustoValue.From(-a.AsDecimal),
        KustoType.TimeSpan => KustoValue.FromTicks(KustoType.TimeSpan, -a.Ticks),
        _ => KustoValue.Null,
    };

    private static bool IsIntegral(KustoValue v) => v.Type is KustoType.Int or KustoType.Long;

    private static KustoValue Numeric(KustoValue a, KustoValue b, Func<long, long, long> integral, Func<decimal, decimal, decimal> @decimal, Func<double, double, double> real)
    {
        if (!a.IsNumeric || !b.IsNumeric)
        {
            // Kusto adds to a bool or string nothing; dynamic numbers arrive here already as numbers
            return KustoValue.Null;
        }
        if (IsIntegral(a) && IsIntegral(b))
        {
            var result = integral(a.Ticks, b.Ticks);
            return a.Type == KustoType.Int && b.Type == KustoType.Int ? KustoValue.FromInt(unchecked((int)result)) : KustoValue.From(result);
        }
        if (a.Type == KustoType.Real || b.Type == KustoType.Real) return KustoValue.From(real(a.AsDouble, b.AsDouble));
        return KustoValue.From(@decimal(a.AsDecimal, b.AsDecimal));
    }
}
