using AzureRules.Sdk.Kusto;
using AzureRules.Sdk.Kusto.Functions;
using Xunit;

namespace AzureRules.Sdk.Tests.Kusto;

/// <summary>
/// series_outliers, series_periods_detect, series_seasonal, series_decompose and series_decompose_anomalies on
/// series whose components are known: a period, a line, a spike.
/// </summary>
public sealed class KustoSeriesAnalysisTests
{
    private static KustoValue Series(IEnumerable<double> values) => KustoValue.Array([.. values.Select(KustoValue.From)]);
    private static double[] Doubles(KustoValue array) => [.. array.AsArray.Select(v => v.AsDouble)];
    private static KustoValue L(long v) => KustoValue.From(v);
    private static KustoValue S(string s) => KustoValue.From(s);

    [Fact]
    public void Decompose_takes_phase_medians_as_the_season_and_the_mean_of_the_rest_as_the_trend()
    {
        var x = Series([1, 3, 1, 3, 1, 3, 1, 13]);
        var parts = KustoSeriesFunctions.series_decompose(x, L(2)).AsBag;
        Assert.Equal([1, 3, 1, 3, 1, 3, 1, 3], Doubles(parts["seasonal"]));
        Assert.Equal(10.0 / 8, Doubles(parts["trend"])[0], 12); // the mean of [0,0,0,0,0,0,0,10]
        Assert.Equal(Doubles(parts["seasonal"]).Select(v => v + 10.0 / 8), Doubles(parts["baseline"]));
        Assert.Equal(10 - 10.0 / 8, Doubles(parts["residual"])[7], 12);
    }

    [Fact]
    public void Decompose_with_linefit_follows_a_line_and_test_points_are_not_learned()
    {
        var line = Enumerable.Range(0, 10).Select(i => 2.0 * i + 1).ToArray();
        var withOutlier = line.Take(8).Concat([500.0, 500.0]).ToArray();
        var parts = KustoSeriesFunctions.series_decompose(Series(withOutlier), L(0), S("linefit"), L(2)).AsBag;
        Assert.Equal(line, Doubles(parts["baseline"]).Select(v => Math.Round(v, 9)));
        Assert.All(Doubles(parts["seasonal"]), v => Assert.Equal(0, v));
        Assert.True(KustoSeriesFunctions.series_decompose(Series(line), L(0), S("sideways")).IsNull); // an unknown trend
    }

    [Fact]
    public void Decompose_anomalies_flags_a_spike_above_the_threshold_and_a_dip_below_it()
    {
        var x = Enumerable.Range(0, 30).Select(i => 10.0 + (i % 3)).ToArray();
        x[12] = 60;
        x[20] = -40;
        var result = KustoSeriesFunctions.series_decompose_anomalies(Series(x), KustoValue.From(1.5), L(0), S("avg")).AsBag;
        var flags = result["ad_flag"].AsArray.Select(v => v.AsLong).ToArray();
        Assert.Equal(1, flags[12]);
        Assert.Equal(-1, flags[20]);
        Assert.Equal(28, flags.Count(f => f == 0));
        Assert.True(Doubles(result["ad_score"])[12] > 1.5);
        Assert.Equal(30, result["baseline"].AsArray.Length);
    }

    [Fact]
    public void Outlier_scores_are_zero_inside_the_percentile_range_and_scaled_by_it_outside()
    {
        var x = Series([.. Enumerable.Range(1, 10).Select(i => (double)i), 100]);
        var scores = Doubles(KustoSeriesFunctions.series_outliers(x));
        // 10th percentile 2, 90th 10 (linear between ranks): 100 scores (100 - 10) / 8
        Assert.Equal((100 - 10) / 8.0, scores[10], 9);
        Assert.Equal(0, scores[5]);
        Assert.True(scores[0] < 0);
        var tukey = Doubles(KustoSeriesFunctions.series_outliers(x, S("tukey")));
        Assert.True(tukey[10] > scores[10]); // a narrower range scores the same point higher
        Assert.True(KustoSeriesFunctions.series_outliers(S("not a series")).IsNull);
    }

    [Fact]
    public void Periods_detect_finds_the_period_of_a_seasonal_series_and_seasonal_repeats_its_medians()
    {
        var x = Enumerable.Range(0, 70).Select(i => Math.Sin(2 * Math.PI * i / 7) * 10 + 50).ToArray();
        var detected = KustoSeriesFunctions.series_periods_detect(Series(x), L(2), L(20), L(2)).AsBag;
        Assert.Equal(7, detected["periods"].AsArray[0].AsDouble);
        Assert.True(detected["scores"].AsArray[0].AsDouble > 0.6);
        var seasonal = Doubles(KustoSeriesFunctions.series_seasonal(Series(x)));
        Assert.Equal(x[3], seasonal[10], 9);
        Assert.All(Doubles(KustoSeriesFunctions.series_seasonal(Series(x), L(0))), v => Assert.Equal(0, v));
    }
}
