using AzureRules.Sdk.Alerts;

namespace AzureRules.Sdk.Engine;

/// <summary>
/// One rule in a streaming replay. The engine feeds events as they are read (each runner type has
/// its own Offer), and as the <see cref="StreamClock"/> moves it calls <see cref="Advance"/>, which
/// runs the executions now due and forgets what no later execution needs; <see cref="Finish"/> runs
/// the rest once the input has ended. Different runners may advance on different threads at once;
/// one runner is never called concurrently.
/// </summary>
internal interface IRuleRunner
{
    RuleRunStatistics Statistics { get; }

    /// <summary>Every execution has run: events need not be offered any more.</summary>
    bool Finished { get; }

    /// <summary>
    /// No alert this runner has yet to raise is earlier than this (the next execution's time, a lower
    /// bound when it is not known yet): the engine releases alerts in order up to the smallest of these.
    /// </summary>
    DateTimeOffset PendingFrom(StreamClock clock);

    /// <summary>Runs the executions due at the clock's watermark (all remaining ones once it has ended), adding their alerts in order.</summary>
    void Advance(StreamClock clock, List<Alert> alerts);
}

/// <summary>A scheduled rule's runner: executions come from a <see cref="ScheduleCursor"/>, one at a time, in order.</summary>
internal abstract class ScheduledRuleRunner : IRuleRunner
{
    private ScheduleCursor? _cursor;

    public abstract RuleRunStatistics Statistics { get; }

    protected abstract ScheduleCursor CreateCursor(ReplayBounds bounds);

    protected ScheduleCursor Cursor(StreamClock clock) => _cursor ??= CreateCursor(clock.Bounds);

    public bool Finished => _cursor?.Done ?? false;

    public virtual DateTimeOffset PendingFrom(StreamClock clock)
    {
        var cursor = Cursor(clock);
        if (cursor.Done) return DateTimeOffset.MaxValue;
        return cursor.Next(clock) ?? DateTimeOffset.MinValue;
    }

    public void Advance(StreamClock clock, List<Alert> alerts)
    {
        var cursor = Cursor(clock);
        while (CanRun(clock) && cursor.TakeDue(clock) is { } execution) Execute(execution, alerts);
        Forget(cursor.NeededFrom(clock), clock);
    }

    /// <summary>Whether the runner can run its next due execution now (an EQL sequence may wait for a missing-event decision).</summary>
    protected virtual bool CanRun(StreamClock clock) => true;

    protected abstract void Execute(Execution execution, List<Alert> alerts);

    /// <summary>Drops what no execution from <paramref name="neededFrom"/> on needs.</summary>
    protected abstract void Forget(DateTimeOffset neededFrom, StreamClock clock);
}
