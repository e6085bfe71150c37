using AzureRules.Sdk.Kusto.Operators;

namespace AzureRules.Sdk.Kusto.Plugins;

// The activity plugins (sliding_window_counts, active_users_count, activity_counts_metrics): each groups the
// rows by its dimension columns, places each row's time in bins of the given size from Start, and counts
// ids per bin. The result has the time column (each bin's start), the dimensions, then the counts.
public static partial class KustoPlugins
{
    /// <summary>One row's id, time (ticks) and dimension key, read once.</summary>
    private readonly record struct Activity(KustoValue Id, long Ticks, KustoKey Key);

    /// <summary>The rows with a non-null datetime, grouped by dimension key in first-seen order.</summary>
    private static List<(KustoKey Key, List<Activity> Rows)> Activities(KustoTable input, KustoBinder id, KustoBinder time, KustoMultiBinder dims)
    {
        var schema = input.Layout;
        var idOf = id(schema);
        var timeOf = time(schema);
        var dimsOf = dims(schema);
        var groups = new Dictionary<KustoKey, List<Activity>>();
        var order = new List<(KustoKey, List<Activity>)>();
        foreach (var row in input.Stream())
        {
            var t = timeOf(row);
            if (t.Type != KustoType.DateTime) continue;
            var key = new KustoKey([.. dimsOf.Select(d => d(row))]);
            if (!groups.TryGetValue(key, out var rows))
            {
                groups[key] = rows = [];
                order.Add((key, rows));
            }
            rows.Add(new Activity(idOf(row), t.Ticks, key));
        }
        return order;
    }

    private static long Ticks(KustoValue value, string what)
        => value.Type is KustoType.DateTime or KustoType.TimeSpan ? value.Ticks : throw new InvalidOperationException($"{what} must be a datetime or timespan, not '{value}'");

    /// <summary>The bins' start ticks from Start to End (End's bin included).</summary>
    private static long[] Bins(KustoValue start, KustoValue end, KustoValue bin, string plugin)
    {
        var from = Ticks(start, plugin + ": Start");
        var to = Ticks(end, plugin + ": End");
        var size = Ticks(bin, plugin + ": Bin");
        if (size <= 0) throw new InvalidOperationException($"{plugin}: the bin must be positive");
        var count = to < from ? 0 : (to - from) / size + 1;
        if (count > KustoOperators.MaxSeriesBins) throw new InvalidOperationException($"{plugin}: {count} bins exceed the limit of {KustoOperators.MaxSeriesBins}");
        return [.. Enumerable.Range(0, (int)count).Select(i => from + i * size)];
    }

    private static KustoTable ActivityTable(string timeName, string[] dimNames, string[] countNames, List<KustoValue[]> rows)
        => KustoTable.WithInferredTypes(UniqueNames([timeName, .. dimNames, .. countNames]), rows,
            [KustoType.DateTime, .. dimNames.Select(_ => (KustoType?)null), .. countNames.Select(_ => (KustoType?)KustoType.Long)]);

    private static KustoValue[] ActivityRow(long bin, KustoKey key, params long[] counts)
        => [KustoValue.FromTicks(KustoType.DateTime, bin), .. key.Values, .. counts.Select(KustoValue.From)];

    /// <summary>
    /// <c>sliding_window_counts(Id, Time, Start, End, LookbackWindow, Bin [, Dim…])</c>: for each bin from Start to
    /// End, the rows (Count) and distinct ids (dcount) in the lookback window ending with the bin: times in
    /// [bin + Bin − LookbackWindow, bin + Bin).
    /// </summary>
    public static KustoTable SlidingWindowCounts(KustoTable input, KustoBinder id, KustoBinder time, string timeName, KustoValue start, KustoValue end,
        KustoValue lookback, KustoValue bin, string[] dimNames, KustoMultiBinder dims)
    {
        var bins = Bins(start, end, bin, "sliding_window_counts");
        var size = Ticks(bin, "Bin");
        var window = Ticks(lookback, "LookbackWindow");
        var rows = new List<KustoValue[]>();
        foreach (var (key, activities) in Activities(input, id, time, dims))
        {
            foreach (var b in bins)
            {
                var inWindow = activities.Where(a => a.Ticks >= b + size - window && a.Ticks < b + size).ToList();
                rows.Add(ActivityRow(b, key, inWindow.Count, inWindow.Select(a => a.Id).Distinct().Count()));
            }
        }
        return ActivityTable(timeName, dimNames, ["Count", "dcount"], rows);
    }

    /// <summary>
    /// <c>active_users_count(Id, Time, Start, End, LookbackWindow, Period, ActivePeriodsCount, Bin [, Dim…])</c>: for
    /// each bin from Start to End, the distinct ids seen in the bin at a time when they had been seen in at least
    /// ActivePeriodsCount distinct periods (Time binned by Period) of the lookback window ending then
    /// ((period − LookbackWindow, period]). Bins without such an id are left out.
    /// </summary>
    public static KustoTable ActiveUsersCount(KustoTable input, KustoBinder id, KustoBinder time, string timeName, KustoValue start, KustoValue end,
        KustoValue lookback, KustoValue period, KustoValue activePeriods, KustoValue bin, string[] dimNames, KustoMultiBinder dims)
    {
        var bins = Bins(start, end, bin, "active_users_count");
        var size = Ticks(bin, "Bin");
        var window = Ticks(lookback, "LookbackWindow");
        var periodSize = Ticks(period, "Period");
        if (periodSize <= 0) throw new InvalidOperationException("active_users_count: the period must be positive");
        var needed = activePeriods.AsLong;
        var rows = new List<KustoValue[]>();
        foreach (var (key, activities) in Activities(input, id, time, dims))
        {
            var periodsById = activities.GroupBy(a => a.Id)
                .ToDictionary(g => g.Key, g => g.Select(a => Math.DivRem(a.Ticks, periodSize).Quotient * periodSize).Distinct().Order().ToArray());
            var activeByBin = new Dictionary<long, HashSet<KustoValue>>();
            foreach (var a in activities)
            {
                if (a.Ticks < bins.FirstOrDefault() || bins.Length == 0) continue;
                var index = (a.Ticks - bins[0]) / size;
                if (index >= bins.Length) continue;
                var at = Math.DivRem(a.Ticks, periodSize).Quotient * periodSize;
                var seen = periodsById[a.Id].Count(p => p > at - window && p <= at);
                if (seen < needed) continue;
                if (!activeByBin.TryGetValue(index, out var ids)) activeByBin[index] = ids = [];
                ids.Add(a.Id);
            }
            foreach (var (index, ids) in activeByBin.OrderBy(p => p.Key))
                rows.Add(ActivityRow(bins[index], key, ids.Count));
        }
        return ActivityTable(timeName, dimNames, ["dcount"], rows);
    }

    /// <summary>
    /// <c>activity_counts_metrics(Id, Time, Start, End, Window [, Dim…])</c>: for each window from Start to End,
    /// its rows (count), distinct ids (dcount), ids not seen in an earlier window (new_dcount) and distinct ids
    /// from Start through it (aggregated_dcount). Rows outside the windows are left out.
    /// </summary>
    public static KustoTable ActivityCountsMetrics(KustoTable input, KustoBinder id, KustoBinder time, string timeName, KustoValue start, KustoValue end,
        KustoValue window, string[] dimNames, KustoMultiBinder dims)
    {
        var bins = Bins(start, end, window, "activity_counts_metrics");
        var size = Ticks(window, "Window");
        var rows = new List<KustoValue[]>();
        foreach (var (key, activities) in Activities(input, id, time, dims))
        {
            var seen = new HashSet<KustoValue>();
            var byBin = activities.Where(a => bins.Length > 0 && a.Ticks >= bins[0] && (a.Ticks - bins[0]) / size < bins.Length)
                .GroupBy(a => (a.Ticks - bins[0]) / size).ToDictionary(g => g.Key, g => g.ToList());
            for (var i = 0; i < bins.Length; i++)
            {
                var inBin = byBin.TryGetValue(i, out var list) ? list : [];
                var distinct = inBin.Select(a => a.Id).Distinct().ToList();
                var fresh = distinct.Count(seen.Add);
                rows.Add(ActivityRow(bins[i], key, inBin.Count, distinct.Count, fresh, seen.Count));
            }
        }
        return ActivityTable(timeName, dimNames, ["count", "dcount", "new_dcount", "aggregated_dcount"], rows);
    }
}
