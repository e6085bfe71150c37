namespace AzureRules.Sdk.Engine;

/// <summary>One run of a scheduled rule: its time and the start of the window it looks back over.</summary>
public readonly record struct Execution(DateTimeOffset Time, DateTimeOffset WindowStart)
{
    public bool Covers(DateTimeOffset eventTime) => eventTime >= WindowStart && eventTime <= Time;

    /// <summary>An alert this execution raises: stamped with its time and window, carrying what the rule found.</summary>
    public Alerts.Alert Alert(Detections.Detection rule, IReadOnlyList<System.Text.Json.Nodes.JsonObject> rows, IReadOnlyList<Events.EventRecord>? events = null)
        => new() { Rule = rule, Timestamp = Time, WindowStart = WindowStart, WindowEnd = Time, Rows = rows, Events = events ?? [] };
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

    /// <summary>
    /// The executions of one rule in a replay of events from <paramref name="first"/> to
    /// <paramref name="last"/>, within <paramref name="bounds"/>: one at <see cref="ReplayBounds.At"/>, or
    /// the scheduled ones from the first boundary after the first event (or at/after <see cref="ReplayBounds.From"/>)
    /// until the last event has left the look-back (or up to <see cref="ReplayBounds.To"/>).
    /// </summary>
    public static IEnumerable<Execution> Plan(TimeSpan interval, TimeSpan lookBack, DateTimeOffset first, DateTimeOffset last, ReplayBounds bounds)
    {
        if (bounds.At is { } at) return [new Execution(at, at - lookBack)];
        // Executions starts strictly after its first argument: one tick earlier includes a boundary at From
        var start = bounds.From is { } from ? from.AddTicks(-1) : first;
        var executions = Executions(interval, lookBack, start, bounds.To ?? last + lookBack);
        return bounds.To is { } to ? executions.TakeWhile(e => e.Time <= to) : executions;
    }
}
