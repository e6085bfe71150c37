using System.Text;

namespace AzureRules.Sdk.Kusto.Functions;

/// <summary>
/// The sketches behind hll()/dcount_hll() and tdigest()/percentile_tdigest(), and their dynamic form (what a
/// query stores in a column and merges later with hll_merge/tdigest_merge).
/// </summary>
internal static class KustoSketches
{
    // ---- HyperLogLog ---------------------------------------------------------------------------------

    /// <summary>
    /// Kusto's accuracy levels 0-4 (documented errors 1.6%, 0.8%, 0.4%, 0.28%, 0.2%) as HyperLogLog precisions:
    /// 2^p registers give a standard error of 1.04/√(2^p).
    /// </summary>
    public static int HllPrecision(KustoValue accuracy)
    {
        var level = accuracy.IsNumeric ? (int)Math.Clamp(accuracy.AsLong, 0, 4) : 1;
        return level switch { 0 => 12, 1 => 14, 2 => 16, 3 => 17, _ => 18 };
    }

    public sealed class Hll(int precision)
    {
        public int Precision { get; } = precision;
        public byte[] Registers { get; } = new byte[1 << precision];

        public void Add(KustoValue value)
        {
            if (value.IsNull) return;
            var hash = XxHash64.Hash(Encoding.UTF8.GetBytes(KustoFormat.ToText(value)));
            var index = (int)(hash >> (64 - Precision));
            var rest = (hash << Precision) | (1UL << (Precision - 1)); // the guard bit bounds the run of zeros
            var rank = (byte)(System.Numerics.BitOperations.LeadingZeroCount(rest) + 1);
            if (rank > Registers[index]) Registers[index] = rank;
        }

        /// <summary>Merges another sketch; sketches of different precision merge at the lower one.</summary>
        public Hll Merge(Hll other)
        {
            if (other.Precision < Precision) return other.Merge(this);
            var shift = other.Precision - Precision;
            for (var i = 0; i < other.Registers.Length; i++)
            {
                var target = i >> shift;
                // the bits a lower precision keeps in the rank: leading zeros of the dropped index bits add to it
                var dropped = i & ((1 << shift) - 1);
                var rank = other.Registers[i] == 0 ? (byte)0
                    : dropped == 0 ? (byte)(other.Registers[i] + shift) : (byte)(System.Numerics.BitOperations.LeadingZeroCount((uint)dropped) - (32 - shift) + 1);
                if (rank > Registers[target]) Registers[target] = rank;
            }
            return this;
        }

        /// <summary>The HyperLogLog estimate, with linear counting for small cardinalities.</summary>
        public long Estimate()
        {
            var m = (double)Registers.Length;
            double sum = 0;
            var zeros = 0;
            foreach (var r in Registers)
            {
                sum += Math.Pow(2, -r);
                if (r == 0) zeros++;
            }
            var alpha = 0.7213 / (1 + 1.079 / m);
            var estimate = alpha * m * m / sum;
            if (estimate <= 2.5 * m && zeros > 0) estimate = m * Math.Log(m / zeros);
            return (long)Math.Round(estimate);
        }

        public KustoValue ToDynamic() => KustoValue.Array([KustoValue.From("hll"), KustoValue.From((long)Precision), KustoValue.From(Convert.ToBase64String(Registers))]);

        public static Hll? FromDynamic(KustoValue value)
        {
            if (!value.IsArray || value.AsArray is not [{ Type: KustoType.String } tag, var precision, { Type: KustoType.String } registers]
                || tag.AsString != "hll" || !precision.IsNumeric) return null;
            var p = (int)precision.AsLong;
            if (p is < 4 or > 18) return null;
            byte[] bytes;
            try { bytes = Convert.FromBase64String(registers.AsString); }
            catch (FormatException) { return null; }
            if (bytes.Length != 1 << p) return null;
            var hll = new Hll(p);
            bytes.CopyTo(hll.Registers, 0);
            return hll;
        }
    }

    // ---- t-digest --------------------------------------------------------------------------------------

    /// <summary>
    /// A digest of (value, weight) centroids, sorted by value. Small inputs are kept exactly (so percentiles and
    /// ranks are exact, as Kusto's are on small sets); past <see cref="MaxCentroids"/> neighbouring centroids are
    /// merged pairwise, which keeps memory bounded at the cost of precision.
    /// </summary>
    public sealed class TDigest
    {
        public const int MaxCentroids = 4096;
        private readonly List<(KustoValue Value, double Weight)> _centroids = [];
        private bool _sorted = true;

        public double Total { get; private set; }

        public void Add(KustoValue value, double weight)
        {
            if (value.IsNull || weight <= 0 || double.IsNaN(weight)) return;
            _centroids.Add((value, weight));
            Total += weight;
            _sorted = false;
            if (_centroids.Count > 2 * MaxCentroids) Compress();
        }

        public void Merge(TDigest other)
        {
            foreach (var (value, weight) in other.Centroids()) Add(value, weight);
        }

        public IReadOnlyList<(KustoValue Value, double Weight)> Centroids()
        {
            if (!_sorted)
            {
                _centroids.Sort((a, b) => KustoSortComparer.Ascending.Compare(a.Value, b.Value));
                // equal values are one centroid
                for (var i = _centroids.Count - 1; i > 0; i--)
                    if (KustoSortComparer.Ascending.Compare(_centroids[i - 1].Value, _centroids[i].Value) == 0)
                    {
                        _centroids[i - 1] = (_centroids[i - 1].Value, _centroids[i - 1].Weight + _centroids[i].Weight);
                        _centroids.RemoveAt(i);
                    }
                _sorted = true;
            }
            return _centroids;
        }

        /// <summary>Halves the centroids: each pair of neighbouring numbers of one type becomes their weighted mean.</summary>
        private void Compress()
        {
            var sorted = Centroids();
            var merged = new List<(KustoValue, double)>(sorted.Count / 2 + 1);
            var i = 0;
            while (i < sorted.Count)
            {
                if (i + 1 < sorted.Count && sorted[i].Value.IsNumeric && sorted[i].Value.Type == sorted[i + 1].Value.Type)
                {
                    var (a, wa) = sorted[i];
                    var (b, wb) = sorted[i + 1];
                    var mean = KustoValue.From((a.AsDouble * wa + b.AsDouble * wb) / (wa + wb));
                    merged.Add((a.Type == KustoType.Real ? mean : KustoConvert.To(a.Type, mean), wa + wb));
                    i += 2;
                }
                else
                {
                    merged.Add(sorted[i]);
                    i++;
                }
            }
            _centroids.Clear();
            _centroids.AddRange(merged);
        }

        /// <summary>The nearest-rank percentile: the smallest value whose cumulative weight reaches p% of the total.</summary>
        public KustoValue Percentile(double percent)
        {
            var centroids = Centroids();
            if (centroids.Count == 0 || double.IsNaN(percent)) return KustoValue.Null;
            var target = Math.Max(double.Epsilon, Math.Clamp(percent, 0, 100) / 100.0 * Total);
            double cumulative = 0;
            foreach (var (value, weight) in centroids)
            {
                cumulative += weight;
                if (cumulative >= target - 1e-9 * Total) return value;
            }
            return centroids[^1].Value;
        }

        /// <summary>How much weight is at or below <paramref name="value"/>.</summary>
        public double Rank(KustoValue value)
        {
            double rank = 0;
            foreach (var (v, weight) in Centroids())
            {
                if (KustoSortComparer.Ascending.Compare(v, value) > 0) break;
                rank += weight;
            }
            return rank;
        }

        public KustoValue ToDynamic()
            => KustoValue.Array([KustoValue.From("tdigest"), .. Centroids().Select(c => KustoValue.Array([c.Value, KustoValue.From(c.Weight)]))]);

        public static TDigest? FromDynamic(KustoValue value)
        {
            if (!value.IsArray || value.AsArray is not [{ Type: KustoType.String } tag, ..] items || tag.AsString != "tdigest") return null;
            var digest = new TDigest();
            for (var i = 1; i < items.Length; i++)
            {
                if (!items[i].IsArray || items[i].AsArray is not [var v, var w] || !w.IsNumeric) return null;
                digest.Add(v, w.AsDouble);
            }
            return digest;
        }
    }
}
