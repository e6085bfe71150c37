namespace AzureRules.Sdk.Esql;

public static partial class EsqlFunctions
{
    private static object? Real(object? value, Func<double, double> apply)
    {
        if (!Single(value, out var v)) return null;
        var result = apply(EsqlConvert.ToDouble(v));
        return double.IsFinite(result) ? result : EsqlWarnings.Null("java.lang.ArithmeticException: not a finite double number");
    }

    /// <summary>
    /// Elasticsearch folds ABS of an unsigned_long and CEIL/FLOOR of any integer type to the field itself, so a
    /// multi-value passes through whole instead of becoming null. A multi-value is unsigned_long when it holds
    /// one (ES|QL types an array literal by its widest element).
    /// </summary>
    private static bool IsIntegral(object? x, bool unsignedOnly)
        => x is EsqlMulti multi && multi.Items.All(i => i is int or long or ulong) && (!unsignedOnly || multi.Items.Any(i => i is ulong));

    public static object? Abs(object? x) => IsIntegral(x, unsignedOnly: true) ? x : Single(x, out var v) ? v switch
    {
        int i => i == int.MinValue ? EsqlWarnings.Null("java.lang.ArithmeticException: integer overflow") : Math.Abs(i),
        long l => l == long.MinValue ? EsqlWarnings.Null("java.lang.ArithmeticException: long overflow") : Math.Abs(l),
        ulong u => u,
        _ => Math.Abs(EsqlConvert.ToDouble(v)),
    } : null;

    /// <summary>CEIL and FLOOR keep integer types as they are.</summary>
    public static object? Ceil(object? x) => IsIntegral(x, unsignedOnly: false) ? x : Single(x, out var v) ? v is double d ? Math.Ceiling(d) : v : null;
    public static object? Floor(object? x) => IsIntegral(x, unsignedOnly: false) ? x : Single(x, out var v) ? v is double d ? Math.Floor(d) : v : null;
    public static object? Signum(object? x) => Real(x, d => Math.Sign(d));

    public static object? Acos(object? x) => Domain(x, d => d is >= -1 and <= 1, Math.Acos, "Acos input out of range");
    public static object? Asin(object? x) => Domain(x, d => d is >= -1 and <= 1, Math.Asin, "Asin input out of range");
    public static object? Atan(object? x) => Real(x, Math.Atan);
    public static object? Cos(object? x) => Real(x, Math.Cos);
    public static object? Cosh(object? x) => Real(x, Math.Cosh);
    public static object? Sin(object? x) => Real(x, Math.Sin);
    public static object? Sinh(object? x) => Real(x, Math.Sinh);
    public static object? Tan(object? x) => Real(x, Math.Tan);
    public static object? Tanh(object? x) => Real(x, Math.Tanh);
    public static object? Cbrt(object? x) => Real(x, Math.Cbrt);
    public static object? Exp(object? x) => Real(x, Math.Exp);
    public static object? Sqrt(object? x) => Domain(x, d => d >= 0, Math.Sqrt, "Square root of negative");
    public static object? Log10(object? x) => Domain(x, d => d > 0, Math.Log10, "Log of non-positive number");

    private static object? Domain(object? x, Func<double, bool> valid, Func<double, double> apply, string message)
    {
        if (!Single(x, out var v)) return null;
        var d = EsqlConvert.ToDouble(v);
        return valid(d) ? apply(d) : EsqlWarnings.Null("java.lang.ArithmeticException: " + message);
    }

    /// <summary>LOG(value) is the natural logarithm; LOG(base, value) the logarithm in that base.</summary>
    public static object? Log(object? a, object? b = null)
    {
        if (b is null && a is not null) return Domain(a, d => d > 0, Math.Log, "Log of non-positive number");
        if (!Singles(a, b, out var @base, out var value)) return null;
        var x = EsqlConvert.ToDouble(value);
        var n = EsqlConvert.ToDouble(@base);
        if (x <= 0 || n <= 0) return EsqlWarnings.Null("java.lang.ArithmeticException: Log of non-positive number");
        if (n == 1) return EsqlWarnings.Null("java.lang.ArithmeticException: Log of base 1");
        return Math.Log10(x) / Math.Log10(n);
    }

    public static object? Pow(object? a, object? b)
    {
        if (!Singles(a, b, out var x, out var y)) return null;
        var result = Math.Pow(EsqlConvert.ToDouble(x), EsqlConvert.ToDouble(y));
        return double.IsFinite(result) ? result : EsqlWarnings.Null("java.lang.ArithmeticException: not a finite double number: " + EsqlFormat.JavaDouble(result));
    }

    public static object? Atan2(object? y, object? x) => Singles(y, x, out var a, out var b) ? Math.Atan2(EsqlConvert.ToDouble(a), EsqlConvert.ToDouble(b)) : null;
    public static object? Hypot(object? x, object? y) => Singles(x, y, out var a, out var b) ? Math.Sqrt(Math.Pow(EsqlConvert.ToDouble(a), 2) + Math.Pow(EsqlConvert.ToDouble(b), 2)) : null;
    public static object? CopySign(object? x, object? y) => Singles(x, y, out var a, out var b) ? a switch
    {
        int i => (object)(Math.Sign(EsqlConvert.ToDouble(b)) < 0 ? -Math.Abs(i) : Math.Abs(i)),
        long l => Math.Sign(EsqlConvert.ToDouble(b)) < 0 ? -Math.Abs(l) : Math.Abs(l),
        _ => Math.CopySign(EsqlConvert.ToDouble(a), EsqlConvert.ToDouble(b)),
    } : null;
    public static object? Scalb(object? x, object? n) => Singles(x, n, out var a, out var b) ? Math.ScaleB(EsqlConvert.ToDouble(a), Int(b)) : null;

    public static object? E() => Math.E;
    public static object? Pi() => Math.PI;
    public static object? Tau() => Math.Tau;

    /// <summary>ROUND(number, decimals): half away from zero; integers round to tens, hundreds… for negative decimals.</summary>
    public static object? Round(object? x, object? decimals = null)
    {
        if (!Single(x, out var v)) return null;
        var places = 0;
        if (decimals is not null)
        {
            if (!Single(decimals, out var d)) return null;
            places = Int(d);
        }
        switch (v)
        {
            case double d:
                if (places >= 0) return Math.Abs(d) < 1e15 ? (double)Math.Round((decimal)d, Math.Min(places, 28), MidpointRounding.AwayFromZero) : d;
                var factor = Math.Pow(10, -places);
                return Math.Round(d / factor, MidpointRounding.AwayFromZero) * factor;
            case int i when places < 0:
                return (int)RoundInteger(i, places);
            case long l when places < 0:
                return RoundInteger(l, places);
            default:
                return v;
        }
    }

    private static long RoundInteger(long value, int places)
    {
        if (places < -18) return 0;
        var factor = (long)Math.Pow(10, -places);
        var rounded = Math.Round((decimal)value / factor, MidpointRounding.AwayFromZero) * factor;
        return (long)rounded;
    }
}
