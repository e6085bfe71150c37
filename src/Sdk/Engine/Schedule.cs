namespace AzureRules.Sdk.Engine;

/// <summary>
/// When a scheduled rule runs during a replay: every <c>interval</c>, from the first interval
/// boundary after the earliest event until every event has been covered; each execution looks
/// back over <c>[t − lookBack, t]</c>.
/// </summary>
public readonly record struct Execution(DateTimeOffset Time, DateTimeOffset WindowStart)
{
    public bool Covers(DateTimeOffset eventTime) => eventTime >= WindowStart && eventTime <= Time;
}

public static class Schedule
{
    public static IEnumerable<Execution> Executions(TimeSpan interval, TimeSpan lookBack, DateTimeOffset first, DateTimeOffset last)
    {
        if (interval <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(interval), "a schedule needs a positive interval");
        // executions sit on interval boundaries (counted from the Unix epoch), as a scheduler started long ago would
        var ticks = interval.Ticks;
        var firstBoundary = new DateTimeOffset((first.UtcTicks / ticks + 1) * ticks, TimeSpan.Zero);
        for (var t = firstBoundary; ; t += interval)
        {
            yield return new Execution(t, t - lookBack);
            if (t >= last) yield break;
        }
    }
}
