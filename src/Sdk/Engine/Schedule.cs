namespace AzureRules.Sdk.Engine;

/// <summary>One run of a scheduled rule: its time and the start of the window it looks back over.</summary>
public readonly record struct Execution(DateTimeOffset Time, DateTimeOffset WindowStart)
{
    public bool Covers(DateTimeOffset eventTime) => eventTime >= WindowStart && eventTime <= Time;
}

/// <summary>
/// Which executions a replay makes. By default every rule runs on its schedule from the first event
/// until the last event has left its look-back window. <see cref="At"/> runs each rule exactly once,
/// at that time, over its look-back window (a hunting query over every event up to then);
/// <see cref="From"/>/<see cref="To"/> keep the scheduled executions inside that range.
/// </summary>
public sealed record ReplayOptions
{
    public DateTimeOffset? At { get; init; }
    public DateTimeOffset? From { get; init; }
    public DateTimeOffset? To { get; init; }

    /// <summary>The executions of a scheduled rule for events from <paramref name="first"/> to <paramref name="last"/>.</summary>
    internal IEnumerable<Execution> Executions(TimeSpan interval, TimeSpan lookBack, DateTimeOffset first, DateTimeOffset last)
    {
        if (At is { } at) return [new Execution(at, at - lookBack)];
        var from = From ?? first;
        var to = To ?? last + lookBack;
        // Schedule.Executions ends on the first boundary at or after its end: a range stops at To
        return Schedule.Executions(interval, lookBack, from, to).TakeWhile(e => To is null || e.Time <= to);
    }

    /// <summary>The one execution of a hunting query: over every event (or the range), ending at the last.</summary>
    internal Execution Once(DateTimeOffset first, DateTimeOffset last)
        => At is { } at ? new Execution(at, From ?? first)
            : new Execution(To ?? last.AddTicks(1), From ?? first);
}

/// <summary>
/// When a scheduled rule runs during a replay: every <c>interval</c>, on interval boundaries, from
/// the first boundary after the earliest event up to and including the first boundary at or after
/// <c>until</c>; each execution looks back over <c>[t − lookBack, t]</c>.
/// </summary>
public static class Schedule
{
    public static IEnumerable<Execution> Executions(TimeSpan interval, TimeSpan lookBack, DateTimeOffset first, DateTimeOffset until)
    {
        if (interval <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(interval), "a schedule needs a positive interval");
        // executions sit on interval boundaries (counted from the Unix epoch), as a scheduler started long ago would
        var ticks = interval.Ticks;
        var firstBoundary = new DateTimeOffset((first.UtcTicks / ticks + 1) * ticks, TimeSpan.Zero);
        for (var t = firstBoundary; ; t += interval)
        {
            yield return new Execution(t, t - lookBack);
            if (t >= until) yield break;
        }
    }
}
