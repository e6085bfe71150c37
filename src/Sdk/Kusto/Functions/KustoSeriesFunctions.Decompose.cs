namespace AzureRules.Sdk.Kusto.Functions;

// series_outliers, series_periods_detect, series_seasonal, series_decompose, series_decompose_anomalies
public static partial class KustoSeriesFunctions
{
    /// <summary>
    /// series_outliers(series [, kind, ignore_val, min_percentile, max_percentile]): a score per point from Tukey's
    /// fence test: (x − Q_high)/(Q_high − Q_low) above the range, (x − Q_low)/(Q_high − Q_low) below it, 0 inside.
    /// kind 'ctukey' (the default) takes the range between min_percentile and max_percentile (10 and 90 by default),
    /// 'tukey' between the 25th and 75th. Points equal to ignore_val, and non-numbers, score 0 and are not counted.
    /// </summary>
    public static KustoValue series_outliers(KustoValue s) => series_outliers(s, KustoValue.From("ctukey"), KustoValue.Null, KustoValue.From(10L), KustoValue.From(90L));
    public static KustoValue series_outliers(KustoValue s, KustoValue kind) => series_outliers(s, kind, KustoValue.Null, KustoValue.From(10L), KustoValue.From(90L));
    public static KustoValue series_outliers(KustoValue s, KustoValue kind, KustoValue ignore) => series_outliers(s, kind, ignore, KustoValue.From(10L), KustoValue.From(90L));
    public static KustoValue series_outliers(KustoValue s, KustoValue kind, KustoValue ignore, KustoValue minPercentile) => series_outliers(s, kind, ignore, minPercentile, KustoValue.From(90L));

    public static KustoValue series_outliers(KustoValue s, KustoValue kind, KustoValue ignore, KustoValue minPercentile, KustoValue maxPercentile)
    {
        if (!Numbers(s, out var x)) return KustoValue.Null;
        var tukey = kind.Type == KustoType.String && kind.AsString.Equals("tukey", StringComparison.OrdinalIgnoreCase);
        var low = tukey ? 25 : minPercentile.IsNumeric ? minPercentile.AsDouble : 10;
        var high = tukey ? 75 : maxPercentile.IsNumeric ? maxPercentile.AsDouble : 90;
        bool Counted(double v) => !double.IsNaN(v) && !(ignore.IsNumeric && v == ignore.AsDouble);
        return KustoValue.Array([.. OutlierScores(x, Counted, low, high).Select(KustoValue.From)]);
    }

    private static double[] OutlierScores(double[] x, Func<double, bool> counted, double low, double high)
    {
        var sample = x.Where(counted).OrderBy(v => v).ToArray();
        var scores = new double[x.Length];
        if (sample.Length == 0) return scores;
        var qLow = Percentile(sample, low);
        var qHigh = Percentile(sample, high);
        var range = qHigh - qLow;
        for (var i = 0; i < x.Length; i++)
        {
            if (!counted(x[i]) || range <= 0) continue;
            scores[i] = x[i] > qHigh ? (x[i] - qHigh) / range : x[i] < qLow ? (x[i] - qLow) / range : 0;
        }
        return scores;
    }

    /// <summary>The p-th percentile of sorted values, interpolated linearly between ranks.</summary>
    private static double Percentile(double[] sorted, double p)
    {
        var rank = Math.Clamp(p, 0, 100) / 100 * (sorted.Length - 1);
        var below = (int)Math.Floor(rank);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + (sorted[above] - sorted[below]) * (rank - below);
    }

    /// <summary>
    /// series_periods_detect(series, min_period, max_period, num_periods): the strongest periods between the bounds and
    /// their scores (0-1), strongest first: a period's score is the series' autocorrelation at that lag, and a
    /// period is kept only where the autocorrelation peaks (a multiple of a stronger period is left out).
    /// </summary>
    public static KustoValue series_periods_detect(KustoValue s, KustoValue minPeriod, KustoValue maxPeriod, KustoValue count)
    {
        if (!Numbers(s, out var x) || !minPeriod.IsNumeric || !maxPeriod.IsNumeric || !count.IsNumeric) return KustoValue.Null;
        var found = DetectPeriods(x, minPeriod.AsDouble, maxPeriod.AsDouble, (int)Math.Max(0, count.AsLong));
        var bag = new KustoBag
        {
            ["periods"] = KustoValue.Array([.. found.Select(f => KustoValue.From((double)f.Period))]),
            ["scores"] = KustoValue.Array([.. found.Select(f => KustoValue.From(f.Score))]),
        };
        return KustoValue.Bag(bag);
    }

    private static List<(int Period, double Score)> DetectPeriods(double[] x, double minPeriod, double maxPeriod, int count)
    {
        var values = x.Select(v => double.IsNaN(v) ? 0 : v).ToArray();
        var n = values.Length;
        var mean = n == 0 ? 0 : values.Average();
        var variance = values.Sum(v => (v - mean) * (v - mean));
        var result = new List<(int, double)>();
        if (n < 4 || variance <= 0) return result;
        var first = Math.Max(2, (int)Math.Ceiling(minPeriod));
        var last = Math.Min(n / 2, (int)Math.Floor(maxPeriod));
        double Correlation(int lag)
        {
            double sum = 0;
            for (var i = 0; i + lag < n; i++) sum += (values[i] - mean) * (values[i + lag] - mean);
            return sum / variance; // the biased autocorrelation: a multiple of the period scores lower than the period
        }
        var scores = new double[last + 2];
        for (var lag = Math.Max(1, first - 1); lag <= Math.Min(n - 1, last + 1); lag++) scores[lag] = Correlation(lag);
        var peaks = new List<(int Period, double Score)>();
        for (var lag = first; lag <= last; lag++)
            if (scores[lag] > 0 && scores[lag] >= scores[lag - 1] && scores[lag] >= scores[lag + 1]) peaks.Add((lag, Math.Min(1, scores[lag])));
        foreach (var peak in peaks.OrderByDescending(p => p.Score).ThenBy(p => p.Period))
        {
            if (result.Count >= count) break;
            if (result.Any(r => peak.Period % r.Item1 == 0)) continue; // a multiple of a stronger period
            result.Add(peak);
        }
        return result;
    }

    /// <summary>series_seasonal(series [, period]): each point's phase median (period −1 or absent: the detected one; none: 0s).</summary>
    public static KustoValue series_seasonal(KustoValue s) => series_seasonal(s, KustoValue.From(-1L));

    public static KustoValue series_seasonal(KustoValue s, KustoValue period)
    {
        if (!Numbers(s, out var x)) return KustoValue.Null;
        var p = SeasonalPeriod(x, period.IsNumeric ? (int)period.AsLong : -1, x.Length, 0.6);
        return KustoValue.Array([.. Seasonal(x, p, x.Length).Select(KustoValue.From)]);
    }

    private static int SeasonalPeriod(double[] x, int requested, int learn, double threshold)
    {
        if (requested >= 0) return requested;
        var detected = DetectPeriods(x[..learn], 4, learn / 2.0, 1);
        return detected.Count > 0 && detected[0].Score >= threshold ? detected[0].Period : 0;
    }

    /// <summary>The seasonal component: for each phase of the period, the median of the learning points in it.</summary>
    private static double[] Seasonal(double[] x, int period, int learn)
    {
        var seasonal = new double[x.Length];
        if (period <= 1) return seasonal;
        var medians = new double[period];
        for (var phase = 0; phase < period; phase++)
        {
            var points = new List<double>();
            for (var i = phase; i < learn; i += period) if (!double.IsNaN(x[i])) points.Add(x[i]);
            points.Sort();
            medians[phase] = points.Count == 0 ? 0 : points.Count % 2 == 1 ? points[points.Count / 2] : (points[points.Count / 2 - 1] + points[points.Count / 2]) / 2;
        }
        for (var i = 0; i < x.Length; i++) seasonal[i] = medians[i % period];
        return seasonal;
    }

    /// <summary>
    /// series_decompose(series [, seasonality, trend, test_points, seasonality_threshold]): baseline, seasonal, trend
    /// and residual, in the documented order — the seasonal component (phase medians; −1 detects the period), the
    /// trend of what is left ('avg' its mean, 'linefit' its least-squares line, 'none'), baseline = seasonal + trend,
    /// residual = series − baseline. The last test_points points are left out of learning (they are forecast).
    /// </summary>
    public static KustoValue series_decompose(KustoValue s) => Decompose(s, KustoValue.Null, KustoValue.Null, KustoValue.Null, KustoValue.Null, "avg");
    public static KustoValue series_decompose(KustoValue s, KustoValue seasonality) => Decompose(s, seasonality, KustoValue.Null, KustoValue.Null, KustoValue.Null, "avg");
    public static KustoValue series_decompose(KustoValue s, KustoValue seasonality, KustoValue trend) => Decompose(s, seasonality, trend, KustoValue.Null, KustoValue.Null, "avg");
    public static KustoValue series_decompose(KustoValue s, KustoValue seasonality, KustoValue trend, KustoValue testPoints) => Decompose(s, seasonality, trend, testPoints, KustoValue.Null, "avg");
    public static KustoValue series_decompose(KustoValue s, KustoValue seasonality, KustoValue trend, KustoValue testPoints, KustoValue threshold) => Decompose(s, seasonality, trend, testPoints, threshold, "avg");

    private static KustoValue Decompose(KustoValue s, KustoValue seasonality, KustoValue trend, KustoValue testPoints, KustoValue threshold, string defaultTrend)
    {
        if (!Numbers(s, out var x)) return KustoValue.Null;
        var parts = DecomposeParts(x, seasonality, trend, testPoints, threshold, defaultTrend);
        if (parts is null) return KustoValue.Null;
        var (baseline, seasonal, trendPart) = parts.Value;
        var bag = new KustoBag
        {
            ["baseline"] = Array(baseline),
            ["seasonal"] = Array(seasonal),
            ["trend"] = Array(trendPart),
            ["residual"] = Array([.. x.Select((v, i) => v - baseline[i])]),
        };
        return KustoValue.Bag(bag);
    }

    private static KustoValue Array(double[] values) => KustoValue.Array([.. values.Select(KustoValue.From)]);

    private static (double[] Baseline, double[] Seasonal, double[] Trend)? DecomposeParts(double[] x, KustoValue seasonality, KustoValue trend, KustoValue testPoints, KustoValue threshold, string defaultTrend)
    {
        var test = testPoints.IsNumeric ? (int)Math.Clamp(testPoints.AsLong, 0, x.Length) : 0;
        var learn = x.Length - test;
        var period = SeasonalPeriod(x, seasonality.IsNumeric ? (int)seasonality.AsLong : -1, learn, threshold.IsNumeric ? threshold.AsDouble : 0.6);
        var seasonal = Seasonal(x, period, learn);
        var deseasoned = x.Select((v, i) => v - seasonal[i]).ToArray();
        var kind = trend.Type == KustoType.String ? trend.AsString.ToLowerInvariant() : defaultTrend;
        var trendPart = new double[x.Length];
        var learned = Enumerable.Range(0, learn).Where(i => !double.IsNaN(deseasoned[i])).ToArray();
        switch (kind)
        {
            case "avg":
                var mean = learned.Length == 0 ? 0 : learned.Average(i => deseasoned[i]);
                System.Array.Fill(trendPart, mean);
                break;
            case "linefit":
            {
                double sx = 0, sy = 0, sxx = 0, sxy = 0;
                foreach (var i in learned) { sx += i; sy += deseasoned[i]; sxx += (double)i * i; sxy += i * deseasoned[i]; }
                var n = learned.Length;
                var denominator = n * sxx - sx * sx;
                var slope = denominator == 0 ? 0 : (n * sxy - sx * sy) / denominator;
                var intercept = n == 0 ? 0 : (sy - slope * sx) / n;
                for (var i = 0; i < x.Length; i++) trendPart[i] = intercept + slope * i;
                break;
            }
            case "none":
                break;
            default:
                return null;
        }
        var baseline = seasonal.Select((v, i) => v + trendPart[i]).ToArray();
        return (baseline, seasonal, trendPart);
    }

    /// <summary>
    /// series_decompose_anomalies(series [, threshold 1.5, seasonality −1, trend 'linefit', test_points 0, method 'ctukey',
    /// seasonality_threshold 0.6]): the series decomposed, then Tukey's fence test on the residual: ad_score is the
    /// residual's outlier score, ad_flag +1 / −1 where it is above threshold / below −threshold, else 0.
    /// </summary>
    public static KustoValue series_decompose_anomalies(KustoValue s) => Anomalies(s, [], 0);
    public static KustoValue series_decompose_anomalies(KustoValue s, KustoValue a) => Anomalies(s, [a], 1);
    public static KustoValue series_decompose_anomalies(KustoValue s, KustoValue a, KustoValue b) => Anomalies(s, [a, b], 2);
    public static KustoValue series_decompose_anomalies(KustoValue s, KustoValue a, KustoValue b, KustoValue c) => Anomalies(s, [a, b, c], 3);
    public static KustoValue series_decompose_anomalies(KustoValue s, KustoValue a, KustoValue b, KustoValue c, KustoValue d) => Anomalies(s, [a, b, c, d], 4);
    public static KustoValue series_decompose_anomalies(KustoValue s, KustoValue a, KustoValue b, KustoValue c, KustoValue d, KustoValue e) => Anomalies(s, [a, b, c, d, e], 5);
    public static KustoValue series_decompose_anomalies(KustoValue s, KustoValue a, KustoValue b, KustoValue c, KustoValue d, KustoValue e, KustoValue f) => Anomalies(s, [a, b, c, d, e, f], 6);

    private static KustoValue Anomalies(KustoValue s, KustoValue[] options, int count)
    {
        KustoValue Option(int i) => i < count ? options[i] : KustoValue.Null;
        if (!Numbers(s, out var x)) return KustoValue.Null;
        var threshold = Option(0).IsNumeric ? Option(0).AsDouble : 1.5;
        var parts = DecomposeParts(x, Option(1), Option(2), Option(3), Option(5), "linefit");
        if (parts is null) return KustoValue.Null;
        var baseline = parts.Value.Baseline;
        var residual = x.Select((v, i) => v - baseline[i]).ToArray();
        var tukey = Option(4).Type == KustoType.String && Option(4).AsString.Equals("tukey", StringComparison.OrdinalIgnoreCase);
        var scores = OutlierScores(residual, v => !double.IsNaN(v), tukey ? 25 : 10, tukey ? 75 : 90);
        var bag = new KustoBag
        {
            ["ad_flag"] = KustoValue.Array([.. scores.Select(v => KustoValue.From(v > threshold ? 1L : v < -threshold ? -1L : 0L))]),
            ["ad_score"] = Array(scores),
            ["baseline"] = Array(baseline),
        };
        return KustoValue.Bag(bag);
    }
}
