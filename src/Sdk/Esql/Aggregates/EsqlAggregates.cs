namespace AzureRules.Sdk.Esql;

/// <summary>
/// Every ES|QL aggregate function (docs: functions-operators/aggregation-functions). The generator's
/// function catalog names the factory here for each one.
/// </summary>
public static class EsqlAggregates
{
    public static EsqlAggregator Count() => new CountAggregator(star: false);
    public static EsqlAggregator CountStar() => new CountAggregator(star: true);
    public static EsqlAggregator CountDistinct() => new CountDistinctAggregator();
    public static EsqlAggregator Sum() => new SumAggregator();
    public static EsqlAggregator Avg() => new AvgAggregator();
    public static EsqlAggregator Min() => new ExtremeAggregator(max: false);
    public static EsqlAggregator Max() => new ExtremeAggregator(max: true);
    public static EsqlAggregator Median() => new PercentileAggregator(fixedPercentile: 50);
    public static EsqlAggregator Percentile() => new PercentileAggregator(fixedPercentile: null);
    public static EsqlAggregator MedianAbsoluteDeviation() => new MedianAbsoluteDeviationAggregator();
    public static EsqlAggregator StdDev() => new VarianceAggregator(root: true);
    public static EsqlAggregator Variance() => new VarianceAggregator(root: false);
    public static EsqlAggregator Values() => new ValuesAggregator();
    public static EsqlAggregator Top() => new TopAggregator();
    public static EsqlAggregator WeightedAvg() => new WeightedAvgAggregator();
    public static EsqlAggregator First() => new FirstLastAggregator(last: false);
    public static EsqlAggregator Last() => new FirstLastAggregator(last: true);
    public static EsqlAggregator Present() => new PresentAggregator(present: true);
    public static EsqlAggregator Absent() => new PresentAggregator(present: false);

    /// <summary>COUNT(*) counts rows; COUNT(x) counts the values of x (each value of a multi-value, no nulls). Always a long.</summary>
    private sealed class CountAggregator(bool star) : EsqlAggregator
    {
        private long _count;

        public override void Add(object?[] arguments)
        {
            if (star || arguments.Length == 0) _count++;
            else _count += arguments[0] switch { null => 0, EsqlMulti m => m.Items.Length, _ => 1 };
        }

        public override object? Result() => _count;
    }

    /// <summary>
    /// COUNT_DISTINCT(field[, precision]). Elasticsearch uses HyperLogLog++: below the precision threshold
    /// (default 3000, at most 40000) it keeps the values' hashes (linear counting), so its count is exact
    /// unless two values' murmur3 hashes collide; above it, it estimates. This counts exactly at every size, with the
    /// ES|QL value comparison, so it agrees with Elasticsearch below the threshold and is the true count
    /// its estimate approximates above it; the precision argument changes nothing here. Memory: the
    /// distinct values of one group in one execution's window.
    /// </summary>
    private sealed class CountDistinctAggregator : EsqlAggregator
    {
        private readonly HashSet<object> _seen = new(EsqlValueComparer.Instance!);

        public override void Add(object?[] arguments)
        {
            foreach (var value in Values(arguments[0])) _seen.Add(value);
        }

        public override object? Result() => (long)_seen.Count;
    }

    /// <summary>SUM: integers and longs sum to a long (null and a warning on overflow), doubles to a double.</summary>
    private sealed class SumAggregator : EsqlAggregator
    {
        private long _long;
        private double _double;
        private bool _isDouble, _any, _overflow;

        public override void Add(object?[] arguments)
        {
            foreach (var value in Values(arguments[0]))
            {
                _any = true;
                if (value is double d) { _isDouble = true; _double += d; }
                else if (value is int or long)
                {
                    var l = Convert.ToInt64(value);
                    _double += l;
                    try { _long = checked(_long + l); } catch (OverflowException) { _overflow = true; }
                }
                else throw new InvalidOperationException("SUM takes numbers");
            }
        }

        public override object? Result()
        {
            if (!_any) return null;
            if (_isDouble) return _double;
            return _overflow ? EsqlWarnings.Null("java.lang.ArithmeticException: long overflow") : _long;
        }
    }

    private sealed class AvgAggregator : EsqlAggregator
    {
        private double _sum;
        private long _count;

        public override void Add(object?[] arguments)
        {
            foreach (var value in Values(arguments[0]))
            {
                _sum += EsqlConvert.ToDouble(value);
                _count++;
            }
        }

        public override object? Result() => _count == 0 ? null : _sum / _count;
    }

    /// <summary>MIN and MAX of any ordered type (numbers, strings, dates, ips, booleans, versions).</summary>
    private sealed class ExtremeAggregator(bool max) : EsqlAggregator
    {
        private object? _best;

        public override void Add(object?[] arguments)
        {
            foreach (var value in Values(arguments[0]))
            {
                if (_best is null) { _best = value; continue; }
                var c = EsqlCompare.Order(value, _best);
                if (max ? c > 0 : c < 0) _best = value;
            }
        }

        public override object? Result() => _best;
    }

    /// <summary>
    /// MEDIAN and PERCENTILE. Elasticsearch estimates with TDigest, which for the group sizes of a
    /// detection query is exact: linear interpolation between the closest ranks. Result: a double.
    /// </summary>
    private sealed class PercentileAggregator(double? fixedPercentile) : EsqlCollectingAggregator
    {
        public override object? Result()
        {
            var percentile = fixedPercentile ?? (Constants is { Length: > 1 } c && c[1] is { } p ? EsqlConvert.ToDouble(p) : 50);
            return Quantile(Collected.Select(EsqlConvert.ToDouble).ToList(), percentile);
        }
    }

    internal static object? Quantile(List<double> values, double percentile)
    {
        if (values.Count == 0) return null;
        values.Sort();
        var rank = percentile / 100 * (values.Count - 1);
        var low = (int)Math.Floor(rank);
        var high = (int)Math.Ceiling(rank);
        return values[low] + (values[high] - values[low]) * (rank - low);
    }

    private sealed class MedianAbsoluteDeviationAggregator : EsqlCollectingAggregator
    {
        public override object? Result()
        {
            var values = Collected.Select(EsqlConvert.ToDouble).ToList();
            if (Quantile(values, 50) is not double median) return null;
            return Quantile(values.Select(v => Math.Abs(v - median)).ToList(), 50);
        }
    }

    /// <summary>STD_DEV and VARIANCE: the population forms, as Elasticsearch computes them.</summary>
    private sealed class VarianceAggregator(bool root) : EsqlCollectingAggregator
    {
        public override object? Result()
        {
            if (Collected.Count == 0) return null;
            var values = Collected.Select(EsqlConvert.ToDouble).ToList();
            var mean = values.Average();
            var variance = values.Sum(v => (v - mean) * (v - mean)) / values.Count;
            return root ? Math.Sqrt(variance) : variance;
        }
    }

    /// <summary>VALUES: the distinct values of the group as a multi-value (sorted here; Elasticsearch guarantees no order).</summary>
    private sealed class ValuesAggregator : EsqlCollectingAggregator
    {
        public override object? Result()
            => EsqlMulti.Of(Collected.Distinct(EsqlValueComparer.Instance!).Order(EsqlValueComparer.Instance).ToList()!);
    }

    /// <summary>TOP(field, limit, order): the limit largest (desc) or smallest (asc) values, duplicates kept, in that order.</summary>
    /// <summary>
    /// TOP(field, limit, order[, outputField]): the <c>limit</c> smallest (asc) or largest (desc) values of
    /// field, or, with outputField, that field's values on those rows (rows whose outputField is null do not count).
    /// </summary>
    private sealed class TopAggregator : EsqlCollectingAggregator
    {
        private readonly List<(object Key, object Output)> _pairs = [];

        public override void Add(object?[] arguments)
        {
            if (arguments.Length < 4)
            {
                base.Add(arguments);
                return;
            }
            base.Add([null, .. arguments[1..]]); // keeps the constants
            if (arguments[3] is not { } output) return;
            foreach (var key in Values(arguments[0])) _pairs.Add((key, output));
        }

        public override object? Result()
        {
            var limit = Constants is { Length: > 1 } c && c[1] is { } l ? (int)EsqlConvert.ToDouble(l) : 1;
            var descending = Constants is { Length: > 2 } d && d[2] is string order && order.Equals("desc", StringComparison.OrdinalIgnoreCase);
            if (Constants is { Length: > 3 })
            {
                var byKey = descending ? _pairs.OrderByDescending(p => p.Key, EsqlValueComparer.Instance) : _pairs.OrderBy(p => p.Key, EsqlValueComparer.Instance);
                return EsqlMulti.Of(byKey.Take(limit).SelectMany(p => Values(p.Output)).ToList()!);
            }
            var sorted = descending ? Collected.OrderDescending(EsqlValueComparer.Instance) : Collected.Order(EsqlValueComparer.Instance);
            return EsqlMulti.Of(sorted.Take(limit).ToList()!);
        }
    }

    private sealed class WeightedAvgAggregator : EsqlAggregator
    {
        private double _sum, _weights;

        public override void Add(object?[] arguments)
        {
            if (arguments[0] is null || arguments[1] is null) return;
            if (arguments[0] is EsqlMulti || arguments[1] is EsqlMulti) { EsqlWarnings.Null(EsqlWarnings.MultiValue); return; }
            var weight = EsqlConvert.ToDouble(arguments[1]!);
            _sum += EsqlConvert.ToDouble(arguments[0]!) * weight;
            _weights += weight;
        }

        public override object? Result() => _weights == 0 ? null : _sum / _weights;
    }

    /// <summary>
    /// FIRST(value, sort) / LAST(value, sort): the value of the row with the smallest / largest sort key.
    /// A row whose key is null counts only while no row with a key has been seen, so when no row has one
    /// the first row's value is the result (Elasticsearch's csv-spec case nullFieldArgInMultiInputAggs).
    /// </summary>
    private sealed class FirstLastAggregator(bool last) : EsqlAggregator
    {
        private object? _value, _key;
        private bool _any;

        public override void Add(object?[] arguments)
        {
            var key = arguments.Length > 1 ? arguments[1] : null;
            if (key is EsqlMulti) return;
            if (key is null)
            {
                if (!_any) _value = arguments[0];
                _any = true;
                return;
            }
            _any = true;
            if (_key is null || (last ? EsqlCompare.Order(key, _key) > 0 : EsqlCompare.Order(key, _key) < 0))
            {
                _key = key;
                _value = arguments[0];
            }
        }

        public override object? Result() => _value;
    }

    private sealed class PresentAggregator(bool present) : EsqlAggregator
    {
        private bool _seen;

        public override void Add(object?[] arguments) => _seen |= arguments[0] is not null;

        public override object? Result() => present ? _seen : !_seen;
    }
}
