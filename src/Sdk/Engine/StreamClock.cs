namespace AzureRules.Sdk.Engine;

/// <summary>
/// Where a replay is in event time: the earliest and latest event times read so far and the
/// watermark, the latest event time minus the allowed lateness. Every event still to come is
/// expected at or after the watermark, so an execution whose time is before it can run now: no
/// event it covers can arrive any more. An event before the watermark is late: it is reported
/// (<see cref="EngineResult.LateEvents"/>), still stored, and the executions already run do not see it.
/// </summary>
internal sealed class StreamClock(TimeSpan lateness, ReplayBounds bounds)
{
    public TimeSpan Lateness { get; } = lateness;
    public ReplayBounds Bounds { get; } = bounds;
    public DateTimeOffset? First { get; private set; }
    public DateTimeOffset? Last { get; private set; }
    /// <summary>Executions strictly before this time are due; MaxValue once the input has ended.</summary>
    public DateTimeOffset Watermark { get; private set; } = DateTimeOffset.MinValue;
    public bool Ended { get; private set; }

    /// <summary>Takes an event time into account; false when the event is late (before the watermark).</summary>
    public bool Observe(DateTimeOffset time)
    {
        var late = time < Watermark;
        if (First is null || time < First) First = time;
        if (Last is null || time > Last)
        {
            Last = time;
            var watermark = time - Lateness;
            if (watermark > Watermark) Watermark = watermark;
        }
        return !late;
    }

    /// <summary>The input has ended: every planned execution is due. With --at and no events, the execution still runs.</summary>
    public void End()
    {
        Ended = true;
        Watermark = DateTimeOffset.MaxValue;
    }
}
