namespace AzureRules.Sdk.Esql;

/// <summary>The MV_ functions: they read every value of their argument (a single value is a one-value list).</summary>
public static partial class EsqlFunctions
{
    public static object? MvCount(object? v) => v is null ? null : All(v).Length;
    public static object? MvFirst(object? v) => v is null ? null : All(v)[0];
    public static object? MvLast(object? v) => v is null ? null : All(v)[^1];
    public static object? MvMin(object? v) => v is null ? null : All(v).Min(EsqlValueComparer.Instance);
    public static object? MvMax(object? v) => v is null ? null : All(v).Max(EsqlValueComparer.Instance);

    /// <summary>MV_DEDUPE: duplicates removed, first occurrences kept in order.</summary>
    public static object? MvDedupe(object? v) => v is null ? null : EsqlMulti.Of(All(v).Distinct(EsqlValueComparer.Instance!).ToList()!);

    public static object? MvSort(object? v, object? order = null)
    {
        if (v is null) return null;
        var descending = order is string o && o.Equals("desc", StringComparison.OrdinalIgnoreCase);
        var sorted = descending ? All(v).OrderDescending(EsqlValueComparer.Instance) : All(v).Order(EsqlValueComparer.Instance);
        return EsqlMulti.Of(sorted.ToList()!);
    }

    public static object? MvAppend(object? a, object? b)
    {
        if (a is null) return b;
        if (b is null) return a;
        return EsqlMulti.Of([.. All(a), .. All(b)]);
    }

    public static object? MvConcat(object? v, object? delimiter)
    {
        if (v is null || !Single(delimiter, out var d)) return null;
        return string.Join(Text(d), All(v).Select(Text));
    }

    /// <summary>MV_SUM: integers overflow to null with a warning, as addition does.</summary>
    public static object? MvSum(object? v)
    {
        if (v is null) return null;
        object? sum = null;
        foreach (var item in All(v))
        {
            sum = sum is null ? item : EsqlArithmetic.Add(sum, item);
            if (sum is null) return null;
        }
        return sum;
    }

    public static object? MvAvg(object? v) => v is null ? null : All(v).Average(EsqlConvert.ToDouble);

    /// <summary>MV_MEDIAN: integers give the integer mean of the middle two (rounded down), doubles the exact mean.</summary>
    public static object? MvMedian(object? v)
    {
        if (v is null) return null;
        var sorted = All(v).Order(EsqlValueComparer.Instance).ToArray();
        var middle = sorted.Length / 2;
        if (sorted.Length % 2 == 1) return sorted[middle];
        var (a, b) = (sorted[middle - 1], sorted[middle]);
        return a switch
        {
            int x => (object)(int)Math.Floor(((long)x + (int)b) / 2.0),
            long x => (long)Math.Floor(((decimal)x + (long)b) / 2),
            ulong x => (ulong)(((decimal)x + (ulong)b) / 2),
            _ => (EsqlConvert.ToDouble(a) + EsqlConvert.ToDouble(b)) / 2,
        };
    }

    public static object? MvMedianAbsoluteDeviation(object? v)
    {
        if (v is null) return null;
        var values = All(v).Select(EsqlConvert.ToDouble).ToList();
        var median = (double)EsqlAggregates.Quantile(values, 50)!;
        var deviation = (double)EsqlAggregates.Quantile(values.Select(x => Math.Abs(x - median)).ToList(), 50)!;
        return All(v)[0] switch
        {
            int => (object)(int)deviation,
            long => (long)deviation,
            _ => deviation,
        };
    }

    public static object? MvPercentile(object? v, object? percentile)
    {
        if (v is null || !Single(percentile, out var p)) return null;
        var q = EsqlConvert.ToDouble(p);
        if (q is < 0 or > 100) return EsqlWarnings.Null("java.lang.IllegalArgumentException: Percentile parameter must be a number between 0 and 100, found [" + EsqlFormat.Single(p) + "]");
        var result = (double)EsqlAggregates.Quantile(All(v).Select(EsqlConvert.ToDouble).ToList(), q)!;
        return All(v)[0] switch
        {
            int => (object)(int)result,
            long => (long)result,
            _ => result,
        };
    }

    /// <summary>MV_SLICE(v, start, end): 0-based inclusive positions, negative ones counting from the end.</summary>
    public static object? MvSlice(object? v, object? start, object? end = null)
    {
        if (v is null || !Single(start, out var s)) return null;
        var items = All(v);
        var from = Int(s);
        var to = from;
        if (end is not null)
        {
            if (!Single(end, out var e)) return null;
            to = Int(e);
        }
        if (from < 0) from += items.Length;
        if (to < 0) to += items.Length;
        if (from > to) return EsqlWarnings.Null("org.elasticsearch.xpack.esql.core.InvalidArgumentException: Start offset is greater than end offset");
        from = Math.Max(from, 0);
        to = Math.Min(to, items.Length - 1);
        if (from > to) return null;
        return EsqlMulti.Of(items[from..(to + 1)]);
    }

    public static object? MvZip(object? a, object? b, object? delimiter = null)
    {
        if (a is null && b is null) return null;
        var separator = delimiter is null ? "," : Single(delimiter, out var d) ? Text(d) : null;
        if (separator is null) return null;
        var left = All(a);
        var right = All(b);
        var zipped = new List<object>();
        for (var i = 0; i < Math.Max(left.Length, right.Length); i++)
        {
            if (i < left.Length && i < right.Length) zipped.Add(Text(left[i]) + separator + Text(right[i]));
            else zipped.Add(Text(i < left.Length ? left[i] : right[i]));
        }
        return EsqlMulti.Of(zipped);
    }

    /// <summary>MV_CONTAINS(superset, subset): every value of the subset is in the superset (a null subset is contained).</summary>
    public static object? MvContains(object? superset, object? subset)
    {
        if (subset is null) return true;
        if (superset is null) return false;
        var all = All(superset);
        return All(subset).All(x => all.Contains(x, EsqlValueComparer.Instance!));
    }

    public static object? MvIntersection(object? a, object? b)
    {
        if (a is null || b is null) return null;
        var right = All(b);
        return EsqlMulti.Of(All(a).Where(x => right.Contains(x, EsqlValueComparer.Instance!)).Distinct(EsqlValueComparer.Instance!).ToList()!);
    }

    public static object? MvUnion(object? a, object? b)
    {
        if (a is null) return MvDedupe(b);
        if (b is null) return MvDedupe(a);
        return EsqlMulti.Of(All(a).Concat(All(b)).Distinct(EsqlValueComparer.Instance!).ToList()!);
    }

    public static object? MvDifference(object? a, object? b)
    {
        if (a is null) return null;
        var right = All(b);
        return EsqlMulti.Of(All(a).Where(x => !right.Contains(x, EsqlValueComparer.Instance!)).Distinct(EsqlValueComparer.Instance!).ToList()!);
    }
}

public static partial class EsqlFunctions
{
    /// <summary>An array literal <c>[1, 2, 3]</c>: a multi-value (nulls dropped; one item is a single value).</summary>
    public static object? Array(params object?[] items) => EsqlMulti.Of(items.SelectMany(All).ToList());
}
