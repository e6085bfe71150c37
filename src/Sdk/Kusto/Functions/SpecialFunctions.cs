namespace AzureRules.Sdk.Kusto.Functions;

/// <summary>
/// The special functions Kusto's math library exposes (erf, gamma, the beta distribution), written from
/// their textbook definitions: Lanczos for log-gamma, a continued fraction (Lentz) for the incomplete beta,
/// and the Abramowitz–Stegun series / continued fraction for erf, all to double precision.
/// </summary>
internal static class SpecialFunctions
{
    private static readonly double[] Lanczos =
    [
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
        -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
    ];

    public static double LogGamma(double x)
    {
        if (x <= 0 && Math.Floor(x) == x) return double.PositiveInfinity;
        if (x < 0.5) return Math.Log(Math.PI / Math.Abs(Math.Sin(Math.PI * x))) - LogGamma(1 - x);
        x -= 1;
        var a = Lanczos[0];
        var t = x + 7.5;
        for (var i = 1; i < 9; i++) a += Lanczos[i] / (x + i);
        return 0.5 * Math.Log(2 * Math.PI) + (x + 0.5) * Math.Log(t) - t + Math.Log(a);
    }

    public static double Gamma(double x)
    {
        if (x <= 0 && Math.Floor(x) == x) return double.NaN;
        if (x < 0.5) return Math.PI / (Math.Sin(Math.PI * x) * Gamma(1 - x));
        if (x == Math.Floor(x) && x <= 171)
        {
            var f = 1.0;
            for (var i = 2; i < x; i++) f *= i;
            return f;
        }
        return Math.Exp(LogGamma(x));
    }

    public static double LogBeta(double a, double b) => LogGamma(a) + LogGamma(b) - LogGamma(a + b);

    /// <summary>erf by its Maclaurin series near zero and the complementary continued fraction beyond.</summary>
    public static double Erf(double x)
    {
        if (double.IsNaN(x)) return x;
        var ax = Math.Abs(x);
        if (ax < 2.5)
        {
            double sum = ax, term = ax, x2 = ax * ax;
            for (var n = 1; n < 200; n++)
            {
                term *= -x2 / n;
                var add = term / (2 * n + 1);
                sum += add;
                if (Math.Abs(add) < 1e-17 * Math.Abs(sum)) break;
            }
            return Math.Sign(x) * 2 / Math.Sqrt(Math.PI) * sum;
        }
        // erfc(x) = exp(-x²)/√π · 1/(x + 1/2/(x + 1/(x + 3/2/(x + …)))) evaluated from the tail
        var f = 0.0;
        for (var n = 60; n >= 1; n--) f = n / 2.0 / (ax + f);
        var erfc = Math.Exp(-ax * ax) / Math.Sqrt(Math.PI) / (ax + f);
        return Math.Sign(x) * (1 - erfc);
    }

    /// <summary>The regularized incomplete beta I_x(a, b) (Numerical Recipes' continued fraction, written afresh).</summary>
    public static double RegularizedBeta(double x, double a, double b)
    {
        if (x <= 0) return 0;
        if (x >= 1) return 1;
        var front = Math.Exp(a * Math.Log(x) + b * Math.Log(1 - x) - LogBeta(a, b));
        return x < (a + 1) / (a + b + 2)
            ? front * BetaFraction(x, a, b) / a
            : 1 - front * BetaFraction(1 - x, b, a) / b;
    }

    private static double BetaFraction(double x, double a, double b)
    {
        const double Tiny = 1e-300;
        double c = 1, d = 1 - (a + b) * x / (a + 1);
        if (Math.Abs(d) < Tiny) d = Tiny;
        d = 1 / d;
        var h = d;
        for (var m = 1; m <= 300; m++)
        {
            var m2 = 2 * m;
            var aa = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
            d = 1 + aa * d; if (Math.Abs(d) < Tiny) d = Tiny;
            c = 1 + aa / c; if (Math.Abs(c) < Tiny) c = Tiny;
            d = 1 / d; h *= d * c;
            aa = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
            d = 1 + aa * d; if (Math.Abs(d) < Tiny) d = Tiny;
            c = 1 + aa / c; if (Math.Abs(c) < Tiny) c = Tiny;
            d = 1 / d;
            var delta = d * c;
            h *= delta;
            if (Math.Abs(delta - 1) < 1e-16) break;
        }
        return h;
    }
}
