using AzureRules.Sdk.Detections;
using AzureRules.Sdk.Engine;
using AzureRules.Sdk.Events;

namespace AzureRules.Cli.Fleet;

/// <summary>
/// One replay of a worker's partitions: the engine, fed by the events stream from its first message,
/// running the rules of those partitions, publishing their alerts. It ends at the end-of-input marker
/// (every alert acknowledged) or when the worker cancels it because the partitions moved.
/// </summary>
/// <remarks>
/// There is no engine-state checkpoint: the runners' state (schedules, partial sequences, threshold
/// buckets, new_terms history, the Kusto store) is not serialisable yet, so a partition that moves
/// is replayed by its new owner from the stream's first event, and the alerts it raises again are
/// dropped by their ids. Recovery time therefore grows with the stream, not with the rule windows.
/// </remarks>
internal sealed class PartitionRun
{
    private readonly CancellationTokenSource _stop;
    private readonly StreamedEvents _events;

    private PartitionRun(IReadOnlySet<int> partitions, int ruleCount, StreamedEvents events, AlertPublisher alerts, CancellationTokenSource stop, Task<EngineResult> completion)
    {
        Partitions = partitions;
        RuleCount = ruleCount;
        _events = events;
        Alerts = alerts;
        _stop = stop;
        Completion = completion;
    }

    public IReadOnlySet<int> Partitions { get; }
    public int RuleCount { get; }
    public AlertPublisher Alerts { get; }
    public Task<EngineResult> Completion { get; }
    public StreamedEvents Events => _events;

    public static PartitionRun Start(FleetConnection fleet, IReadOnlySet<int> partitions, IReadOnlyList<Detection> rules, int partitionCount,
        Func<IEnumerable<Detection>, DetectionEngine> engineFor, CancellationToken cancellationToken)
    {
        var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var mine = RulePartitions.RulesOf(rules, partitions, partitionCount);
        var events = new StreamedEvents(fleet, stop.Token);
        var alerts = new AlertPublisher(fleet);
        var completion = Task.Run(async () =>
        {
            var result = engineFor(mine).Run(EventSource.FromTimeOrderedRecords(events.Records()), ReplayBounds.All, alerts.Publish);
            await alerts.FlushAsync();
            return result;
        }, CancellationToken.None);
        return new PartitionRun(partitions, mine.Count, events, alerts, stop, completion);
    }

    /// <summary>Stops the replay (the partitions moved, or the worker stops) and waits for it, publishing what was raised so far.</summary>
    public async Task CancelAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await Completion;
        }
        catch (Exception ex) when (ex is OperationCanceledException || ex.InnerException is OperationCanceledException)
        {
        }
        try
        {
            await Alerts.FlushAsync();
        }
        catch (Exception ex) when (ex is OperationCanceledException or NATS.Client.Core.NatsException)
        {
            // the alerts not acknowledged are raised again by the partitions' next owner
        }
        _events.Dispose();
        _stop.Dispose();
    }
}
