namespace AzureRules.Sdk.Engine;

/// <summary>
/// Walks one rule's schedule (<see cref="Schedule.Plan"/>) as the stream clock moves, giving the
/// executions that are due, so that a streaming replay runs exactly the executions a replay of the
/// whole input would. The plan starts at the first interval boundary after the earliest event (or
/// at/after <see cref="ReplayBounds.From"/>) — recomputed while no execution has run, as an earlier
/// event may still arrive within the lateness — and ends at the first boundary at or after the last
/// event plus the look-back (or at <see cref="ReplayBounds.To"/>), known once the input has ended.
/// </summary>
internal sealed class ScheduleCursor(TimeSpan interval, TimeSpan lookBack, ReplayBounds bounds)
{
    private DateTimeOffset? _next;
    private bool _started;
    private bool _done;

    public TimeSpan Interval { get; } = interval > TimeSpan.Zero ? interval : throw new ArgumentOutOfRangeException(nameof(interval), "a schedule needs a positive interval");
    public TimeSpan LookBack { get; } = lookBack;

    /// <summary>The next execution's time, when known (null before any event, and after the last execution).</summary>
    public DateTimeOffset? Next(StreamClock clock)
    {
        if (_done) return null;
        if (bounds.At is { } at) return at;
        if (!_started)
        {
            var start = bounds.From is { } from ? from.AddTicks(-1) : clock.First;
            if (start is null) return null;
            var ticks = Interval.Ticks;
            // boundaries counted from the Unix epoch, as a scheduler started long ago would run
            _next = new DateTimeOffset((start.Value.UtcTicks / ticks + 1) * ticks, TimeSpan.Zero);
        }
        return _next;
    }

    /// <summary>Where the next execution's look-back starts: what is older is no longer needed (MaxValue when no execution is left).</summary>
    public DateTimeOffset NeededFrom(StreamClock clock)
    {
        if (_done) return DateTimeOffset.MaxValue;
        return Next(clock) is { } next ? next - LookBack : DateTimeOffset.MinValue;
    }

    public bool Done => _done;

    /// <summary>The next execution if it is due now (before the watermark, or any left once the input has ended); null otherwise.</summary>
    public Execution? TakeDue(StreamClock clock)
    {
        if (Next(clock) is not { } t) return null;
        if (bounds.At is not null)
        {
            if (!clock.Ended && t >= clock.Watermark) return null;
            _done = true;
            return new Execution(t, t - LookBack);
        }
        if (bounds.To is { } to && t > to) { _done = true; return null; }
        if (!clock.Ended && t >= clock.Watermark) return null;
        _started = true;
        var until = bounds.To ?? (clock.Last ?? t) + LookBack;
        // the plan's last execution is the first boundary at or after its end
        if (t >= until) _done = true;
        else _next = t + Interval;
        return new Execution(t, t - LookBack);
    }
}
