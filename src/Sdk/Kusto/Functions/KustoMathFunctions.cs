using AzureRules.Sdk.Kusto.Scalars;

namespace AzureRules.Sdk.Kusto.Functions;

/// <summary>Numeric functions and bin/floor, which also round datetimes and timespans.</summary>
public static class KustoMathFunctions
{
    /// <summary>bin(value, size): rounds down to a multiple of size (datetimes from 0001-01-01).</summary>
    public static KustoValue bin(KustoValue value, KustoValue size)
    {
        if (value.IsNull || size.IsNull) return KustoValue.Null;
        switch (value.Type)
        {
            case KustoType.DateTime:
            case KustoType.TimeSpan:
                var step = size.Type == KustoType.TimeSpan ? size.Ticks : (long)size.AsDouble;
                if (step <= 0) return KustoValue.Null;
                return KustoValue.FromTicks(value.Type, FloorDiv(value.Ticks, step) * step);
            case KustoType.Int:
            case KustoType.Long when size.Type is KustoType.Int or KustoType.Long:
                if (size.Ticks <= 0) return KustoValue.Null;
                var r = FloorDiv(value.Ticks, size.Ticks) * size.Ticks;
                return value.Type == KustoType.Int ? KustoValue.FromInt((int)r) : KustoValue.From(r);
            case KustoType.Long:
            case KustoType.Real:
            case KustoType.Decimal:
                var s = size.AsDouble;
                if (s <= 0) return KustoValue.Null;
                var binned = Math.Floor(value.AsDouble / s) * s;
                return value.Type == KustoType.Long ? KustoValue.From((long)binned) : KustoValue.From(binned);
            default:
                return KustoValue.Null;
        }
    }

    public static KustoValue floor(KustoValue value, KustoValue size) => bin(value, size);

    public static KustoValue bin_at(KustoValue value, KustoValue size, KustoValue fixedPoint)
    {
        if (value.IsNull || size.IsNull || fixedPoint.IsNull) return KustoValue.Null;
        var shifted = bin(KustoArithmetic.Subtract(value, fixedPoint), size);
        return KustoArithmetic.Add(shifted, fixedPoint);
    }

    private static long FloorDiv(long a, long b) => a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);

    public static KustoValue abs(KustoValue v) => v.Type switch
    {
        KustoType.Int or KustoType.Long => KustoValue.From(Math.Abs(v.Ticks)),
        KustoType.Real => KustoValue.From(Math.Abs(v.AsDouble)),
        KustoType.Decimal => KustoValue.From(Math.Abs(v.AsDecimal)),
        KustoType.TimeSpan => KustoValue.FromTicks(KustoType.TimeSpan, Math.Abs(v.Ticks)),
        _ => KustoValue.Null,
    };

    public static KustoValue round(KustoValue v) => round(v, KustoValue.From(0L));

    public static KustoValue round(KustoValue v, KustoValue digits)
    {
        if (!v.IsNumeric) return KustoValue.Null;
        if (v.Type is KustoType.Int or KustoType.Long && digits.AsLong >= 0) return v;
        return KustoValue.From(Math.Round(v.AsDouble, (int)Math.Clamp(digits.AsLong, 0, 15), MidpointRounding.AwayFromZero));
    }

    public static KustoValue ceiling(KustoValue v) => Real(v, Math.Ceiling);
    public static KustoValue sqrt(KustoValue v) => Real(v, Math.Sqrt);
    public static KustoValue exp(KustoValue v) => Real(v, Math.Exp);
    public static KustoValue log(KustoValue v) => Real(v, Math.Log);
    public static KustoValue log10(KustoValue v) => Real(v, Math.Log10);
    public static KustoValue log2(KustoValue v) => Real(v, Math.Log2);
    public static KustoValue pow(KustoValue a, KustoValue b) => a.IsNumeric && b.IsNumeric ? KustoValue.From(Math.Pow(a.AsDouble, b.AsDouble)) : KustoValue.Null;
    public static KustoValue sign(KustoValue v) => v.IsNumeric ? KustoValue.From((long)Math.Sign(v.AsDouble)) : KustoValue.Null;
    public static KustoValue isnan(KustoValue v) => KustoValue.From(v.Type == KustoType.Real && double.IsNaN(v.AsDouble));
    public static KustoValue isinf(KustoValue v) => KustoValue.From(v.Type == KustoType.Real && double.IsInfinity(v.AsDouble));
    public static KustoValue isfinite(KustoValue v) => KustoValue.From(v.IsNumeric && double.IsFinite(v.AsDouble));

    private static KustoValue Real(KustoValue v, Func<double, double> f) => v.IsNumeric ? KustoValue.From(f(v.AsDouble)) : KustoValue.Null;

    public static KustoValue binary_and(KustoValue a, KustoValue b) => KustoValue.From(a.AsLong & b.AsLong);
    public static KustoValue binary_or(KustoValue a, KustoValue b) => KustoValue.From(a.AsLong | b.AsLong);
    public static KustoValue binary_xor(KustoValue a, KustoValue b) => KustoValue.From(a.AsLong ^ b.AsLong);
    public static KustoValue binary_not(KustoValue a) => KustoValue.From(~a.AsLong);
    public static KustoValue binary_shift_left(KustoValue a, KustoValue b) => KustoValue.From(a.AsLong << (int)b.AsLong);
    public static KustoValue binary_shift_right(KustoValue a, KustoValue b) => KustoValue.From(a.AsLong >> (int)b.AsLong);
}
