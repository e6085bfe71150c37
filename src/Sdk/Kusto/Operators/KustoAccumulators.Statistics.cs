using AzureRules.Sdk.Kusto.Functions;

namespace AzureRules.Sdk.Kusto.Operators;

// covariance, weighted and multiple percentiles, bitwise aggregates, take_anyif
public static partial class KustoAccumulators
{
    public static KustoAccumulator Covariance() => new CovarianceAccumulator(sample: true, predicate: false);
    public static KustoAccumulator CovarianceIf() => new CovarianceAccumulator(sample: true, predicate: true);
    public static KustoAccumulator CovarianceP() => new CovarianceAccumulator(sample: false, predicate: false);
    public static KustoAccumulator CovariancePIf() => new CovarianceAccumulator(sample: false, predicate: true);
    public static KustoAccumulator Percentiles() => new PercentilesAccumulator(weighted: false);
    public static KustoAccumulator PercentilesW() => new PercentilesAccumulator(weighted: true);
    public static KustoAccumulator BinaryAllAnd() => new BitwiseAccumulator((a, b) => a & b);
    public static KustoAccumulator BinaryAllOr() => new BitwiseAccumulator((a, b) => a | b);
    public static KustoAccumulator BinaryAllXor() => new BitwiseAccumulator((a, b) => a ^ b);
    public static KustoAccumulator TakeAnyIf() => new AnyIfAccumulator();

    /// <summary>covariance(x, y): the sample covariance Σ(x−x̄)(y−ȳ)/(n−1) of the rows where both are numbers; covariancep: over n.</summary>
    private sealed class CovarianceAccumulator(bool sample, bool predicate) : KustoAccumulator
    {
        private readonly List<(double X, double Y)> _pairs = [];
        public override void Add(KustoValue[] arguments)
        {
            if (predicate && !arguments[2].IsTrue) return;
            if (arguments[0].IsNumeric && arguments[1].IsNumeric) _pairs.Add((arguments[0].AsDouble, arguments[1].AsDouble));
        }
        public override void Write(KustoValue[] output, int offset)
        {
            var n = _pairs.Count;
            if (n == 0 || (sample && n == 1)) { output[offset] = KustoValue.From(0.0); return; }
            var meanX = _pairs.Average(p => p.X);
            var meanY = _pairs.Average(p => p.Y);
            output[offset] = KustoValue.From(_pairs.Sum(p => (p.X - meanX) * (p.Y - meanY)) / (sample ? n - 1 : n));
        }
    }

    /// <summary>
    /// percentiles(x, p1, p2, …) and percentilesw(x, weight, p1, …): one column per percentile, each the nearest-rank
    /// value — the smallest value whose (weighted) rank reaches p% of the (weighted) count. Weights below one row
    /// count as none; a row of null value or weight is skipped.
    /// </summary>
    private sealed class PercentilesAccumulator(bool weighted) : KustoAccumulator
    {
        private readonly List<(KustoValue Value, long Weight)> _values = [];
        private double[] _percents = [];
        public override void Add(KustoValue[] arguments)
        {
            var first = weighted ? 2 : 1;
            if (_percents.Length != arguments.Length - first)
                _percents = arguments.Skip(first).Select(p => p.IsNumeric ? p.AsDouble : double.NaN).ToArray();
            if (arguments[0].IsNull) return;
            var weight = 1L;
            if (weighted)
            {
                if (!arguments[1].IsNumeric) return;
                weight = (long)arguments[1].AsDouble;
                if (weight <= 0) return;
            }
            _values.Add((arguments[0], weight));
        }
        public override void Write(KustoValue[] output, int offset)
        {
            if (_values.Count == 0) return;
            _values.Sort((a, b) => KustoSortComparer.Ascending.Compare(a.Value, b.Value));
            var total = _values.Sum(v => (double)v.Weight);
            for (var i = 0; i < _percents.Length; i++)
            {
                if (double.IsNaN(_percents[i])) continue;
                var target = Math.Max(1, Math.Ceiling(Math.Clamp(_percents[i], 0, 100) / 100.0 * total));
                double cumulative = 0;
                var chosen = _values[^1].Value;
                foreach (var (value, weight) in _values)
                {
                    cumulative += weight;
                    if (cumulative >= target) { chosen = value; break; }
                }
                output[offset + i] = chosen;
            }
        }
    }

    /// <summary>binary_all_and/or/xor(x): the bitwise fold of the group's non-null integers; null for none.</summary>
    private sealed class BitwiseAccumulator(Func<long, long, long> fold) : KustoAccumulator
    {
        private long? _value;
        public override void Add(KustoValue[] arguments)
        {
            if (!arguments[0].IsNumeric) return;
            var v = arguments[0].Type is KustoType.Real or KustoType.Decimal ? (long)arguments[0].AsDouble : arguments[0].AsLong;
            _value = _value is { } current ? fold(current, v) : v;
        }
        public override void Write(KustoValue[] output, int offset)
            => output[offset] = _value is { } v ? KustoValue.From(v) : KustoValue.NullOf(KustoType.Long);
    }

    /// <summary>take_anyif(x, predicate): the value of one row where the predicate holds, preferring a non-null one.</summary>
    private sealed class AnyIfAccumulator : KustoAccumulator
    {
        private KustoValue? _value;
        public override void Add(KustoValue[] arguments)
        {
            if (!arguments[1].IsTrue) return;
            if (_value is null || (_value.Value.IsNull && !arguments[0].IsNull)) _value = arguments[0];
        }
        public override void Write(KustoValue[] output, int offset)
        {
            if (_value is { } v) output[offset] = v;
        }
    }
}
