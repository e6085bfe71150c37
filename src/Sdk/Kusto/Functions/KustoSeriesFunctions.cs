using AzureRules.Sdk.Kusto.Scalars;

namespace AzureRules.Sdk.Kusto.Functions;

/// <summary>
/// The series_* functions over dynamic numeric arrays (learn.microsoft.com/kusto/query/series-*-function):
/// element-wise maths (a non-numeric element gives null in that place), element-wise comparisons, filling,
/// filtering and whole-series statistics. A non-array argument gives null.
/// </summary>
public static partial class KustoSeriesFunctions
{
    // ---- element-wise unary ----
    public static KustoValue series_abs(KustoValue s) => Map(s, Math.Abs);
    public static KustoValue series_acos(KustoValue s) => Map(s, Math.Acos);
    public static KustoValue series_asin(KustoValue s) => Map(s, Math.Asin);
    public static KustoValue series_atan(KustoValue s) => Map(s, Math.Atan);
    public static KustoValue series_cos(KustoValue s) => Map(s, Math.Cos);
    public static KustoValue series_sin(KustoValue s) => Map(s, Math.Sin);
    public static KustoValue series_tan(KustoValue s) => Map(s, Math.Tan);
    public static KustoValue series_exp(KustoValue s) => Map(s, Math.Exp);
    public static KustoValue series_log(KustoValue s) => Map(s, Math.Log);
    public static KustoValue series_sign(KustoValue s) => Map(s, v => Math.Sign(v));
    public static KustoValue series_floor(KustoValue s) => Map(s, Math.Floor);
    public static KustoValue series_ceiling(KustoValue s) => Map(s, Math.Ceiling);

    // ---- element-wise binary: an array and an array or a scalar; arrays of different length pad with null ----
    public static KustoValue series_add(KustoValue a, KustoValue b) => Zip(a, b, (x, y) => x + y);
    public static KustoValue series_subtract(KustoValue a, KustoValue b) => Zip(a, b, (x, y) => x - y);
    public static KustoValue series_multiply(KustoValue a, KustoValue b) => Zip(a, b, (x, y) => x * y);
    public static KustoValue series_divide(KustoValue a, KustoValue b) => Zip(a, b, (x, y) => x / y);
    public static KustoValue series_pow(KustoValue a, KustoValue b) => Zip(a, b, Math.Pow);
    public static KustoValue series_greater(KustoValue a, KustoValue b) => Compare(a, b, c => c > 0);
    public static KustoValue series_greater_equals(KustoValue a, KustoValue b) => Compare(a, b, c => c >= 0);
    public static KustoValue series_less(KustoValue a, KustoValue b) => Compare(a, b, c => c < 0);
    public static KustoValue series_less_equals(KustoValue a, KustoValue b) => Compare(a, b, c => c <= 0);
    public static KustoValue series_equals(KustoValue a, KustoValue b) => Compare(a, b, c => c == 0);
    public static KustoValue series_not_equals(KustoValue a, KustoValue b) => Compare(a, b, c => c != 0);

    /// <summary>series_magnitude(s): the Euclidean norm √Σxᵢ².</summary>
    public static KustoValue series_magnitude(KustoValue s)
    {
        if (!Numbers(s, out var x)) return KustoValue.Null;
        var sum = 0.0;
        foreach (var v in x) if (!double.IsNaN(v)) sum += v * v;
        return KustoValue.From(Math.Sqrt(sum));
    }

    /// <summary>series_dot_product(a, b): Σaᵢbᵢ.</summary>
    public static KustoValue series_dot_product(KustoValue a, KustoValue b)
    {
        if (!Numbers(a, out var x) || !Numbers(b, out var y)) return KustoValue.Null;
        var sum = 0.0;
        for (var i = 0; i < Math.Min(x.Length, y.Length); i++) if (!double.IsNaN(x[i]) && !double.IsNaN(y[i])) sum += x[i] * y[i];
        return KustoValue.From(sum);
    }

    /// <summary>series_cosine_similarity(a, b): a·b / (|a||b|).</summary>
    public static KustoValue series_cosine_similarity(KustoValue a, KustoValue b)
    {
        var dot = series_dot_product(a, b);
        var na = series_magnitude(a);
        var nb = series_magnitude(b);
        return dot.IsNull || na.IsNull || nb.IsNull ? KustoValue.Null : KustoValue.From(dot.AsDouble / (na.AsDouble * nb.AsDouble));
    }

    /// <summary>series_sum(s), series_stats_dynamic(s): the series' statistics, ignoring non-numeric elements.</summary>
    public static KustoValue series_sum(KustoValue s) => Numbers(s, out var x) ? KustoValue.From(x.Where(v => !double.IsNaN(v)).Sum()) : KustoValue.Null;

    public static KustoValue series_stats_dynamic(KustoValue s) => series_stats_dynamic(s, KustoValue.From(false));

    /// <summary>
    /// series_stats and series_fit_line return several columns; the emitter reads each from the bag their dynamic
    /// forms return (min, min_idx, …; rsquare, slope, …), so these are those forms.
    /// </summary>
    public static KustoValue series_stats(KustoValue s) => series_stats_dynamic(s);
    public static KustoValue series_stats(KustoValue s, KustoValue ignoreNonFinite) => series_stats_dynamic(s, ignoreNonFinite);
    public static KustoValue series_fit_line(KustoValue s) => series_fit_line_dynamic(s);

    /// <summary>series_stats_dynamic(s, ignore_nonfinite): min, min_idx, max, max_idx, avg, stdev (sample), variance (sample), sum, len.</summary>
    public static KustoValue series_stats_dynamic(KustoValue s, KustoValue ignoreNonFinite)
    {
        if (!Numbers(s, out var x)) return KustoValue.Null;
        var skip = ignoreNonFinite.IsTrue;
        double min = double.NaN, max = double.NaN, sum = 0;
        long minIndex = -1, maxIndex = -1, n = 0;
        for (var i = 0; i < x.Length; i++)
        {
            var v = x[i];
            if (double.IsNaN(v) || (skip && !double.IsFinite(v))) continue;
            if (minIndex < 0 || v < min) { min = v; minIndex = i; }
            if (maxIndex < 0 || v > max) { max = v; maxIndex = i; }
            sum += v;
            n++;
        }
        var avg = n > 0 ? sum / n : double.NaN;
        var squares = 0.0;
        foreach (var v in x) if (!double.IsNaN(v) && (!skip || double.IsFinite(v))) squares += (v - avg) * (v - avg);
        var variance = n > 1 ? squares / (n - 1) : 0.0;
        var bag = new KustoBag
        {
            ["min"] = KustoValue.From(min), ["min_idx"] = KustoValue.From(minIndex),
            ["max"] = KustoValue.From(max), ["max_idx"] = KustoValue.From(maxIndex),
            ["avg"] = KustoValue.From(avg), ["stdev"] = KustoValue.From(Math.Sqrt(variance)),
            ["variance"] = KustoValue.From(variance), ["sum"] = KustoValue.From(sum), ["len"] = KustoValue.From((long)x.Length),
        };
        return KustoValue.Bag(bag);
    }

    /// <summary>series_fit_line_dynamic(s): the least-squares line over x = 1…n: rsquare, slope, variance, rvariance, interception, line_fit.</summary>
    public static KustoValue series_fit_line_dynamic(KustoValue s)
    {
        if (!Numbers(s, out var y) || y.Length == 0) return KustoValue.Null;
        var n = y.Length;
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (var i = 0; i < n; i++) { var xi = i + 1.0; sx += xi; sy += y[i]; sxx += xi * xi; sxy += xi * y[i]; }
        var denominator = n * sxx - sx * sx;
        var slope = denominator == 0 ? 0 : (n * sxy - sx * sy) / denominator;
        var intercept = (sy - slope * sx) / n;
        var mean = sy / n;
        double total = 0, residual = 0;
        var fit = new KustoValue[n];
        for (var i = 0; i < n; i++)
        {
            var f = intercept + slope * (i + 1);
            fit[i] = KustoValue.From(f);
            total += (y[i] - mean) * (y[i] - mean);
            residual += (y[i] - f) * (y[i] - f);
        }
        var variance = n > 1 ? total / (n - 1) : 0;
        var rvariance = n > 1 ? residual / (n - 1) : 0;
        var bag = new KustoBag
        {
            ["rsquare"] = KustoValue.From(total == 0 ? 1.0 : 1 - residual / total), ["slope"] = KustoValue.From(slope),
            ["variance"] = KustoValue.From(variance), ["rvariance"] = KustoValue.From(rvariance),
            ["interception"] = KustoValue.From(intercept), ["line_fit"] = KustoValue.Array(fit),
        };
        return KustoValue.Bag(bag);
    }

    /// <summary>series_fill_const(s, constant = 0, missing = null): replaces the missing value (null by default) with the constant.</summary>
    public static KustoValue series_fill_const(KustoValue s) => series_fill_const(s, KustoValue.From(0L), KustoValue.Null);
    public static KustoValue series_fill_const(KustoValue s, KustoValue constant) => series_fill_const(s, constant, KustoValue.Null);

    public static KustoValue series_fill_const(KustoValue s, KustoValue constant, KustoValue missing)
    {
        if (!s.IsArray) return KustoValue.Null;
        return KustoValue.Array([.. s.AsArray.Select(v => IsMissing(v, missing) ? constant : v)]);
    }

    /// <summary>series_fill_forward(s, missing = null) / series_fill_backward: carries the last (next) present value over missing ones.</summary>
    public static KustoValue series_fill_forward(KustoValue s) => series_fill_forward(s, KustoValue.Null);

    public static KustoValue series_fill_forward(KustoValue s, KustoValue missing)
    {
        if (!s.IsArray) return KustoValue.Null;
        var items = (KustoValue[])s.AsArray.Clone();
        for (var i = 1; i < items.Length; i++) if (IsMissing(items[i], missing) && !IsMissing(items[i - 1], missing)) items[i] = items[i - 1];
        return KustoValue.Array(items);
    }

    public static KustoValue series_fill_backward(KustoValue s) => series_fill_backward(s, KustoValue.Null);

    public static KustoValue series_fill_backward(KustoValue s, KustoValue missing)
    {
        if (!s.IsArray) return KustoValue.Null;
        var items = (KustoValue[])s.AsArray.Clone();
        for (var i = items.Length - 2; i >= 0; i--) if (IsMissing(items[i], missing) && !IsMissing(items[i + 1], missing)) items[i] = items[i + 1];
        return KustoValue.Array(items);
    }

    public static KustoValue series_fill_linear(KustoValue s) => series_fill_linear(s, KustoValue.Null, KustoValue.From(true), KustoValue.From(0.0));
    public static KustoValue series_fill_linear(KustoValue s, KustoValue missing) => series_fill_linear(s, missing, KustoValue.From(true), KustoValue.From(0.0));
    public static KustoValue series_fill_linear(KustoValue s, KustoValue missing, KustoValue fillEdges) => series_fill_linear(s, missing, fillEdges, KustoValue.From(0.0));

    /// <summary>
    /// series_fill_linear(s, missing = null, fill_edges = true, constant_value = 0): interpolates missing values
    /// between present neighbours; with fill_edges the leading and trailing gaps take the nearest present value.
    /// constant_value is only for a series with no present value at all: it is filled with it (an explicit null
    /// keeps the nulls). An integer series stays integer (interpolated values truncate, as the documented output).
    /// </summary>
    public static KustoValue series_fill_linear(KustoValue s, KustoValue missing, KustoValue fillEdges, KustoValue constant)
    {
        if (!s.IsArray) return KustoValue.Null;
        var items = (KustoValue[])s.AsArray.Clone();
        var present = Enumerable.Range(0, items.Length).Where(i => !IsMissing(items[i], missing) && items[i].IsNumeric).ToArray();
        if (present.Length == 0)
            return KustoValue.Array([.. items.Select(_ => constant)]);
        var integral = present.All(i => items[i].Type is KustoType.Int or KustoType.Long);
        KustoValue Make(double v) => integral ? KustoValue.From((long)v) : KustoValue.From(v);
        for (var p = 0; p + 1 < present.Length; p++)
        {
            int from = present[p], to = present[p + 1];
            for (var i = from + 1; i < to; i++)
                items[i] = Make(items[from].AsDouble + (items[to].AsDouble - items[from].AsDouble) * (i - from) / (to - from));
        }
        if (fillEdges.IsNull || fillEdges.IsTrue)
        {
            for (var i = 0; i < present[0]; i++) items[i] = items[present[0]];
            for (var i = present[^1] + 1; i < items.Length; i++) items[i] = items[present[^1]];
        }
        return KustoValue.Array(items);
    }

    /// <summary>series_iir(x, numerators b, denominators a): yᵢ = (Σ bₖxᵢ₋ₖ − Σ_{k≥1} aₖyᵢ₋ₖ) / a₀.</summary>
    public static KustoValue series_iir(KustoValue s, KustoValue numerators, KustoValue denominators)
    {
        if (!Numbers(s, out var x) || !Numbers(numerators, out var b) || !Numbers(denominators, out var a) || a.Length == 0 || a[0] == 0) return KustoValue.Null;
        var y = new double[x.Length];
        for (var i = 0; i < x.Length; i++)
        {
            var v = 0.0;
            for (var k = 0; k < b.Length && k <= i; k++) v += b[k] * x[i - k];
            for (var k = 1; k < a.Length && k <= i; k++) v -= a[k] * y[i - k];
            y[i] = v / a[0];
        }
        return KustoValue.Array([.. y.Select(KustoValue.From)]);
    }

    /// <summary>series_fir(x, filter, normalize = true, center = false): a finite impulse response filter.</summary>
    public static KustoValue series_fir(KustoValue s, KustoValue filter) => series_fir(s, filter, KustoValue.From(true), KustoValue.From(false));
    public static KustoValue series_fir(KustoValue s, KustoValue filter, KustoValue normalize) => series_fir(s, filter, normalize, KustoValue.From(false));

    public static KustoValue series_fir(KustoValue s, KustoValue filter, KustoValue normalize, KustoValue center)
    {
        if (!Numbers(s, out var x) || !Numbers(filter, out var f) || f.Length == 0) return KustoValue.Null;
        var total = f.Sum();
        if (normalize.IsTrue && total != 0) f = [.. f.Select(v => v / total)];
        var shift = center.IsTrue ? f.Length / 2 : 0;
        var y = new KustoValue[x.Length];
        for (var i = 0; i < x.Length; i++)
        {
            var v = 0.0;
            for (var k = 0; k < f.Length; k++)
            {
                var j = i + shift - k;
                if (j >= 0 && j < x.Length) v += f[k] * x[j];
            }
            y[i] = KustoValue.From(v);
        }
        return KustoValue.Array(y);
    }

    // ---- helpers ----
    private static bool IsMissing(KustoValue v, KustoValue missing)
        => missing.IsNull ? v.IsNull || (v.Type == KustoType.Real && double.IsNaN(v.AsDouble)) : KustoComparison.AreEqual(v, missing) == true;

    /// <summary>The series as doubles, NaN where an element is not a number.</summary>
    private static bool Numbers(KustoValue s, out double[] values)
    {
        values = [];
        if (s.IsString) s = KustoConvert.ToDynamic(s);
        if (!s.IsArray) return false;
        values = [.. s.AsArray.Select(v => v.IsNumeric ? v.AsDouble : double.NaN)];
        return true;
    }

    private static KustoValue Map(KustoValue s, Func<double, double> f)
        => s.IsArray ? KustoValue.Array([.. s.AsArray.Select(v => v.IsNumeric ? KustoValue.From(f(v.AsDouble)) : KustoValue.Null)]) : KustoValue.Null;

    private static KustoValue Zip(KustoValue a, KustoValue b, Func<double, double, double> f)
    {
        if (!a.IsArray && !b.IsArray) return KustoValue.Null;
        var length = Math.Max(a.IsArray ? a.AsArray.Length : 0, b.IsArray ? b.AsArray.Length : 0);
        var result = new KustoValue[length];
        for (var i = 0; i < length; i++)
        {
            var x = At(a, i);
            var y = At(b, i);
            result[i] = x.IsNumeric && y.IsNumeric ? KustoValue.From(f(x.AsDouble, y.AsDouble)) : KustoValue.Null;
        }
        return KustoValue.Array(result);
    }

    private static KustoValue Compare(KustoValue a, KustoValue b, Func<int, bool> test)
    {
        if (!a.IsArray && !b.IsArray) return KustoValue.Null;
        var length = Math.Max(a.IsArray ? a.AsArray.Length : 0, b.IsArray ? b.AsArray.Length : 0);
        var result = new KustoValue[length];
        for (var i = 0; i < length; i++)
        {
            var x = At(a, i);
            var y = At(b, i);
            result[i] = x.IsNumeric && y.IsNumeric ? KustoValue.From(test(x.AsDouble.CompareTo(y.AsDouble))) : KustoValue.Null;
        }
        return KustoValue.Array(result);
    }

    /// <summary>Element i of an array, or the scalar itself (a scalar operand applies to every element).</summary>
    private static KustoValue At(KustoValue v, int i) => v.IsArray ? (i < v.AsArray.Length ? v.AsArray[i] : KustoValue.Null) : v;
}
