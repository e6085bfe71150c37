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

    // ---- trigonometry and special functions (learn.microsoft.com/kusto/query/*-function): real in, real out ----
    public static KustoValue pi() => KustoValue.From(Math.PI);
    public static KustoValue degrees(KustoValue v) => Real(v, r => r * 180.0 / Math.PI);
    public static KustoValue radians(KustoValue v) => Real(v, d => d * Math.PI / 180.0);
    public static KustoValue cos(KustoValue v) => Real(v, Math.Cos);
    public static KustoValue sin(KustoValue v) => Real(v, Math.Sin);
    public static KustoValue tan(KustoValue v) => Real(v, Math.Tan);
    public static KustoValue cot(KustoValue v) => Real(v, r => 1.0 / Math.Tan(r));
    public static KustoValue acos(KustoValue v) => Real(v, Math.Acos);
    public static KustoValue asin(KustoValue v) => Real(v, Math.Asin);
    public static KustoValue atan(KustoValue v) => Real(v, Math.Atan);
    public static KustoValue atan2(KustoValue y, KustoValue x) => y.IsNumeric && x.IsNumeric ? KustoValue.From(Math.Atan2(y.AsDouble, x.AsDouble)) : KustoValue.Null;
    public static KustoValue exp2(KustoValue v) => Real(v, r => Math.Pow(2, r));
    public static KustoValue exp10(KustoValue v) => Real(v, r => Math.Pow(10, r));
    public static KustoValue erf(KustoValue v) => Real(v, SpecialFunctions.Erf);
    public static KustoValue erfc(KustoValue v) => Real(v, r => 1.0 - SpecialFunctions.Erf(r));
    public static KustoValue gamma(KustoValue v) => Real(v, SpecialFunctions.Gamma);
    public static KustoValue loggamma(KustoValue v) => Real(v, SpecialFunctions.LogGamma);

    /// <summary>beta_cdf(x, alpha, beta): the regularized incomplete beta function; null outside 0 ≤ x ≤ 1, NaN for non-positive shapes.</summary>
    public static KustoValue beta_cdf(KustoValue x, KustoValue a, KustoValue b) => Beta(x, a, b, (xv, av, bv) => SpecialFunctions.RegularizedBeta(xv, av, bv));

    /// <summary>beta_pdf(x, alpha, beta): the beta probability density.</summary>
    public static KustoValue beta_pdf(KustoValue x, KustoValue a, KustoValue b)
        => Beta(x, a, b, (xv, av, bv) => Math.Exp((av - 1) * Math.Log(xv) + (bv - 1) * Math.Log(1 - xv) - SpecialFunctions.LogBeta(av, bv)));

    /// <summary>beta_inv(p, alpha, beta): the x whose beta_cdf is p, found by bisection (the cdf is monotonic).</summary>
    public static KustoValue beta_inv(KustoValue p, KustoValue a, KustoValue b) => Beta(p, a, b, (pv, av, bv) =>
    {
        double lo = 0, hi = 1;
        for (var i = 0; i < 200 && hi - lo > 1e-15; i++)
        {
            var mid = (lo + hi) / 2;
            if (SpecialFunctions.RegularizedBeta(mid, av, bv) < pv) lo = mid; else hi = mid;
        }
        return (lo + hi) / 2;
    });

    private static KustoValue Beta(KustoValue x, KustoValue a, KustoValue b, Func<double, double, double, double> f)
    {
        if (!x.IsNumeric || !a.IsNumeric || !b.IsNumeric) return KustoValue.Null;
        var xv = x.AsDouble;
        if (xv < 0 || xv > 1) return KustoValue.Null;
        if (a.AsDouble <= 0 || b.AsDouble <= 0) return KustoValue.From(double.NaN);
        return KustoValue.From(f(xv, a.AsDouble, b.AsDouble));
    }

    /// <summary>rand(): a real in [0, 1); rand(N): a long in [0, N).</summary>
    public static KustoValue rand() => KustoValue.From(Random.Shared.NextDouble());
    public static KustoValue rand(KustoValue n) => n.IsNumeric && n.AsLong > 0 ? KustoValue.From(Random.Shared.NextInt64(n.AsLong)) : KustoValue.Null;
}
