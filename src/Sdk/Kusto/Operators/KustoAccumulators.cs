using AzureRules.Sdk.Kusto.Scalars;

namespace AzureRules.Sdk.Kusto.Operators;

/// <summary>
/// The state of one aggregate for one summarize group: it sees the aggregate's evaluated arguments
/// for each row of the group and writes its result column(s) at the end.
/// </summary>
public abstract class KustoAccumulator
{
    public abstract void Add(KustoValue[] arguments);

    /// <summary>Writes the result; aggregates with several result columns (arg_max) write several.</summary>
    public abstract void Write(KustoValue[] output, int offset);
}

/// <summary>Kusto's aggregation functions. Nulls are skipped by every aggregate except count().</summary>
public static partial class KustoAccumulators
{
    public static KustoAccumulator Count() => new CountAccumulator(predicate: false);
    public static KustoAccumulator CountIf() => new CountAccumulator(predicate: true);
    public static KustoAccumulator DCount() => new DCountAccumulator(predicate: false);
    public static KustoAccumulator DCountIf() => new DCountAccumulator(predicate: true);
    public static KustoAccumulator Sum() => new SumAccumulator(predicate: false);
    public static KustoAccumulator SumIf() => new SumAccumulator(predicate: true);
    public static KustoAccumulator Avg() => new AvgAccumulator(predicate: false);
    public static KustoAccumulator AvgIf() => new AvgAccumulator(predicate: true);
    public static KustoAccumulator Min() => new ExtremeAccumulator(sign: -1, predicate: false);
    public static KustoAccumulator Max() => new ExtremeAccumulator(sign: 1, predicate: false);
    public static KustoAccumulator MinIf() => new ExtremeAccumulator(sign: -1, predicate: true);
    public static KustoAccumulator MaxIf() => new ExtremeAccumulator(sign: 1, predicate: true);
    public static KustoAccumulator MakeSet() => new CollectAccumulator(distinct: true, predicate: false);
    public static KustoAccumulator MakeList() => new CollectAccumulator(distinct: false, predicate: false);
    public static KustoAccumulator MakeSetIf() => new CollectAccumulator(distinct: true, predicate: true);
    public static KustoAccumulator MakeListIf() => new CollectAccumulator(distinct: false, predicate: true);
    public static KustoAccumulator MakeBag() => new BagAccumulator(predicate: false);
    public static KustoAccumulator MakeBagIf() => new BagAccumulator(predicate: true);
    public static KustoAccumulator ArgMax() => new ArgExtremeAccumulator(sign: 1);
    public static KustoAccumulator ArgMin() => new ArgExtremeAccumulator(sign: -1);
    public static KustoAccumulator TakeAny() => new AnyAccumulator();
    public static KustoAccumulator Variance() => new VarianceAccumulator(sample: true, root: false, predicate: false);
    public static KustoAccumulator Stdev() => new VarianceAccumulator(sample: true, root: true, predicate: false);
    public static KustoAccumulator VarianceP() => new VarianceAccumulator(sample: false, root: false, predicate: false);
    public static KustoAccumulator StdevP() => new VarianceAccumulator(sample: false, root: true, predicate: false);
    public static KustoAccumulator VarianceIf() => new VarianceAccumulator(sample: true, root: false, predicate: true);
    public static KustoAccumulator StdevIf() => new VarianceAccumulator(sample: true, root: true, predicate: true);
    public static KustoAccumulator Percentile() => new PercentileAccumulator();

    /// <summary>The optional limit argument of make_set/make_list (after the value, and after the predicate for the _if forms).</summary>
    private static long Limit(KustoValue[] arguments, int index) => arguments.Length > index && !arguments[index].IsNull ? arguments[index].AsLong : 1_048_576;

    private sealed class CountAccumulator(bool predicate) : KustoAccumulator
    {
        private long _count;
        public override void Add(KustoValue[] arguments)
        {
            if (!predicate || arguments[0].IsTrue) _count++;
        }
        public override void Write(KustoValue[] output, int offset) => output[offset] = KustoValue.From(_count);
    }

    private sealed class DCountAccumulator(bool predicate) : KustoAccumulator
    {
        private readonly HashSet<KustoValue> _seen = [];
        public override void Add(KustoValue[] arguments)
        {
            if (predicate && !arguments[1].IsTrue) return;
            if (!arguments[0].IsNull) _seen.Add(arguments[0]);
        }
        public override void Write(KustoValue[] output, int offset) => output[offset] = KustoValue.From((long)_seen.Count);
    }

    private sealed class SumAccumulator(bool predicate) : KustoAccumulator
    {
        private KustoValue _sum;
        public override void Add(KustoValue[] arguments)
        {
            if (predicate && !arguments[1].IsTrue) return;
            var value = arguments[0];
            if (value.IsNull) return;
            _sum = _sum.IsNull ? (value.Type == KustoType.Int ? KustoValue.From(value.Ticks) : value) : KustoArithmetic.Add(_sum, value);
        }
        public override void Write(KustoValue[] output, int offset) => output[offset] = _sum;
    }

    private sealed class AvgAccumulator(bool predicate) : KustoAccumulator
    {
        private double _sum;
        private long _count;
        public override void Add(KustoValue[] arguments)
        {
            if (predicate && !arguments[1].IsTrue) return;
            var value = arguments[0];
            if (!value.IsNumeric) return;
            _sum += value.AsDouble;
            _count++;
        }
        public override void Write(KustoValue[] output, int offset) => output[offset] = _count == 0 ? KustoValue.Null : KustoValue.From(_sum / _count);
    }

    private sealed class ExtremeAccumulator(int sign, bool predicate) : KustoAccumulator
    {
        private KustoValue _best;
        public override void Add(KustoValue[] arguments)
        {
            if (predicate && !arguments[1].IsTrue) return;
            var value = arguments[0];
            if (value.IsNull || (value.IsString && value.AsString.Length == 0)) return;
            if (_best.IsNull || KustoComparison.Compare(value, _best) * sign > 0) _best = value;
        }
        public override void Write(KustoValue[] output, int offset) => output[offset] = _best;
    }

    private sealed class CollectAccumulator(bool distinct, bool predicate) : KustoAccumulator
    {
        private readonly List<KustoValue> _items = [];
        private readonly HashSet<KustoValue> _seen = [];
        public override void Add(KustoValue[] arguments)
        {
            if (predicate && !arguments[1].IsTrue) return;
            var value = arguments[0];
            if (value.IsNull) return;
            if (_items.Count >= Limit(arguments, predicate ? 2 : 1)) return;
            if (distinct && value.IsArray)
            {
                // make_set of arrays collects their elements
                foreach (var item in value.AsArray)
                    if (_seen.Add(item)) _items.Add(item);
                return;
            }
            if (!distinct || _seen.Add(value)) _items.Add(value);
        }
        public override void Write(KustoValue[] output, int offset) => output[offset] = KustoValue.Array([.. _items]);
    }

    private sealed class BagAccumulator(bool predicate) : KustoAccumulator
    {
        private readonly KustoBag _bag = new();
        public override void Add(KustoValue[] arguments)
        {
            if (predicate && !arguments[1].IsTrue) return;
            if (!arguments[0].IsBag) return;
            foreach (var (key, value) in arguments[0].AsBag.Properties)
                if (!_bag.TryGet(key, out _)) _bag[key] = value;
        }
        public override void Write(KustoValue[] output, int offset) => output[offset] = KustoValue.Bag(_bag);
    }

    /// <summary>arg_max/arg_min: the first argument is compared; all arguments of the winning row are kept.</summary>
    private sealed class ArgExtremeAccumulator(int sign) : KustoAccumulator
    {
        private KustoValue[]? _best;
        private KustoValue[]? _first;
        public override void Add(KustoValue[] arguments)
        {
            var value = arguments[0];
            if (value.IsNull)
            {
                // a group whose compared values are all null still returns a row
                _first ??= (KustoValue[])arguments.Clone();
                return;
            }
            if (_best is null || KustoComparison.Compare(value, _best[0]) * sign > 0) _best = (KustoValue[])arguments.Clone();
        }
        public override void Write(KustoValue[] output, int offset)
        {
            var row = _best ?? _first;
            if (row is null) return;
            Array.Copy(row, 0, output, offset, row.Length);
        }
    }

    private sealed class AnyAccumulator : KustoAccumulator
    {
        private KustoValue[]? _first;
        public override void Add(KustoValue[] arguments)
        {
            if (_first is null || (_first.All(v => v.IsNull) && arguments.Any(v => !v.IsNull))) _first = (KustoValue[])arguments.Clone();
        }
        public override void Write(KustoValue[] output, int offset)
        {
            if (_first is not null) Array.Copy(_first, 0, output, offset, _first.Length);
        }
    }

    private sealed class VarianceAccumulator(bool sample, bool root, bool predicate) : KustoAccumulator
    {
        private readonly List<double> _values = [];
        public override void Add(KustoValue[] arguments)
        {
            if (predicate && !arguments[1].IsTrue) return;
            if (arguments[0].IsNumeric) _values.Add(arguments[0].AsDouble);
        }
        public override void Write(KustoValue[] output, int offset)
        {
            var n = _values.Count;
            if (n == 0 || (sample && n == 1)) { output[offset] = KustoValue.From(0.0); return; }
            var mean = _values.Average();
            var variance = _values.Sum(v => (v - mean) * (v - mean)) / (sample ? n - 1 : n);
            output[offset] = KustoValue.From(root ? Math.Sqrt(variance) : variance);
        }
    }

    /// <summary>percentile(x, p): the nearest-rank value (Kusto estimates; on small sets this is exact).</summary>
    private sealed class PercentileAccumulator : KustoAccumulator
    {
        private readonly List<KustoValue> _values = [];
        private double _p;
        public override void Add(KustoValue[] arguments)
        {
            _p = arguments[1].AsDouble;
            if (!arguments[0].IsNull) _values.Add(arguments[0]);
        }
        public override void Write(KustoValue[] output, int offset)
        {
            if (_values.Count == 0) return;
            _values.Sort(Functions.KustoSortComparer.Ascending);
            var rank = (int)Math.Ceiling(_p / 100.0 * _values.Count);
            output[offset] = _values[Math.Clamp(rank - 1, 0, _values.Count - 1)];
        }
    }
}
