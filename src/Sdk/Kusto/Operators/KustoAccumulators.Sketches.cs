using AzureRules.Sdk.Kusto.Functions;

namespace AzureRules.Sdk.Kusto.Operators;

// hll, hll_if, hll_merge, tdigest, tdigest_merge: sketches a query stores and merges later
public static partial class KustoAccumulators
{
    public static KustoAccumulator Hll() => new HllAccumulator(predicate: false);
    public static KustoAccumulator HllIf() => new HllAccumulator(predicate: true);
    public static KustoAccumulator HllMerge() => new HllMergeAccumulator();
    public static KustoAccumulator TDigest() => new TDigestAccumulator();
    public static KustoAccumulator TDigestMerge() => new TDigestMergeAccumulator();

    /// <summary>hll(x [, accuracy]) / hll_if(x, predicate [, accuracy]): a HyperLogLog sketch of the distinct values.</summary>
    private sealed class HllAccumulator(bool predicate) : KustoAccumulator
    {
        private KustoSketches.Hll? _sketch;
        public override void Add(KustoValue[] arguments)
        {
            var accuracyAt = predicate ? 2 : 1;
            _sketch ??= new KustoSketches.Hll(KustoSketches.HllPrecision(arguments.Length > accuracyAt ? arguments[accuracyAt] : KustoValue.Null));
            if (predicate && !arguments[1].IsTrue) return;
            _sketch.Add(arguments[0]);
        }
        public override void Write(KustoValue[] output, int offset) => output[offset] = _sketch?.ToDynamic() ?? KustoValue.Null;
    }

    /// <summary>hll_merge(sketch): the union of the group's sketches.</summary>
    private sealed class HllMergeAccumulator : KustoAccumulator
    {
        private KustoSketches.Hll? _merged;
        public override void Add(KustoValue[] arguments)
        {
            foreach (var argument in arguments)
                if (KustoSketches.Hll.FromDynamic(argument) is { } sketch) _merged = _merged is null ? sketch : _merged.Merge(sketch);
        }
        public override void Write(KustoValue[] output, int offset) => output[offset] = _merged?.ToDynamic() ?? KustoValue.Null;
    }

    /// <summary>tdigest(x [, weight]): a digest of the values for percentiles and ranks.</summary>
    private sealed class TDigestAccumulator : KustoAccumulator
    {
        private readonly KustoSketches.TDigest _digest = new();
        public override void Add(KustoValue[] arguments)
        {
            var weight = arguments.Length > 1 ? (arguments[1].IsNumeric ? arguments[1].AsDouble : 0) : 1;
            _digest.Add(arguments[0], weight);
        }
        public override void Write(KustoValue[] output, int offset) => output[offset] = _digest.Total > 0 ? _digest.ToDynamic() : KustoValue.Null;
    }

    /// <summary>tdigest_merge(digest): the digests of the group merged.</summary>
    private sealed class TDigestMergeAccumulator : KustoAccumulator
    {
        private readonly KustoSketches.TDigest _digest = new();
        public override void Add(KustoValue[] arguments)
        {
            if (KustoSketches.TDigest.FromDynamic(arguments[0]) is { } digest) _digest.Merge(digest);
        }
        public override void Write(KustoValue[] output, int offset) => output[offset] = _digest.Total > 0 ? _digest.ToDynamic() : KustoValue.Null;
    }
}
