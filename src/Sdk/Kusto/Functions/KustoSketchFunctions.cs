namespace AzureRules.Sdk.Kusto.Functions;

/// <summary>
/// The scalar side of the sketches: dcount_hll over an hll()/hll_merge() value, and percentile_tdigest,
/// percentiles_array_tdigest, rank_tdigest and percentrank_tdigest over a tdigest()/tdigest_merge() value.
/// A value that is not such a sketch gives null.
/// </summary>
public static class KustoSketchFunctions
{
    public static KustoValue dcount_hll(KustoValue hll)
        => KustoSketches.Hll.FromDynamic(hll) is { } sketch ? KustoValue.From(sketch.Estimate()) : KustoValue.Null;

    /// <summary>percentile_tdigest(digest, p [, typeof(T)]): the nearest-rank value of the digest at p.</summary>
    public static KustoValue percentile_tdigest(KustoValue digest, KustoValue percent)
        => KustoSketches.TDigest.FromDynamic(digest) is { } d && percent.IsNumeric ? d.Percentile(percent.AsDouble) : KustoValue.Null;

    public static KustoValue percentile_tdigest(KustoValue digest, KustoValue percent, KustoValue type)
    {
        var value = percentile_tdigest(digest, percent);
        return value.IsNull || type.IsNull ? value : KustoConvert.To(KustoTypes.Parse(type.AsString), value);
    }

    /// <summary>percentiles_array_tdigest(digest, p1, p2, …) or (digest, dynamic([p1, …])): the values as an array.</summary>
    public static KustoValue percentiles_array_tdigest(KustoValue digest, params KustoValue[] percents)
    {
        if (KustoSketches.TDigest.FromDynamic(digest) is not { } d) return KustoValue.Null;
        var list = percents.Length == 1 && percents[0].IsArray ? percents[0].AsArray : percents;
        return KustoValue.Array([.. list.Select(p => p.IsNumeric ? d.Percentile(p.AsDouble) : KustoValue.Null)]);
    }

    /// <summary>rank_tdigest(digest, v): how many of the digest's values are at or below v (weights counted).</summary>
    public static KustoValue rank_tdigest(KustoValue digest, KustoValue value)
    {
        if (KustoSketches.TDigest.FromDynamic(digest) is not { } d || value.IsNull) return KustoValue.Null;
        if (value.IsArray) return KustoValue.Array([.. value.AsArray.Select(v => v.IsNull ? KustoValue.Null : KustoValue.From((long)Math.Round(d.Rank(v))))]);
        return KustoValue.From((long)Math.Round(d.Rank(value)));
    }

    /// <summary>percentrank_tdigest(digest, v): the share of the digest's weight at or below v, as a percentage.</summary>
    public static KustoValue percentrank_tdigest(KustoValue digest, KustoValue value)
    {
        if (KustoSketches.TDigest.FromDynamic(digest) is not { } d || value.IsNull || d.Total <= 0) return KustoValue.Null;
        return KustoValue.From(d.Rank(value) / d.Total * 100);
    }
}
