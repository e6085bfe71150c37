using AzureRules.Sdk.Detections;
using AzureRules.Sdk.Engine;

namespace AzureRules.Cli.Fleet;

/// <summary>
/// A worker's life: join (heartbeat), wait a moment for the others starting with it, then every
/// heartbeat compute the partitions it owns and match its replays to them (<see cref="RebalanceAsync"/>);
/// when a replay reaches the end of input, record its partitions as finished. It leaves when every partition
/// of the fleet is finished, or when stopped (SIGTERM, Ctrl+C): then it stops its replay, waits for
/// the alerts already raised to be acknowledged, and deletes its heartbeat so that its partitions move
/// at once instead of after the lease.
/// </summary>
internal sealed class FleetWorker(FleetConnection fleet, Membership membership, IReadOnlyList<Detection> rules, int partitionCount,
    Func<IEnumerable<Detection>, DetectionEngine> engineFor, TextWriter log, bool quiet)
{
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan StatusEvery = TimeSpan.FromSeconds(5);

    private readonly List<PartitionRun> _runs = [];
    private DateTimeOffset _lastStatus = DateTimeOffset.MinValue;
    private long _alerts;
    private long _duplicates;

    /// <summary>Runs until the fleet is finished (0) or <paramref name="stop"/> is cancelled (0, after a clean stop); 1 when a replay failed.</summary>
    public async Task<int> RunAsync(CancellationToken stop)
    {
        var name = membership.WorkerId;
        try
        {
            await membership.HeartbeatAsync(stop);
            // partitions without rules have nothing to replay: finished from the start
            var empty = Enumerable.Range(0, partitionCount).Where(p => !rules.Any(r => RulePartitions.Of(r, partitionCount) == p));
            await membership.MarkDoneAsync(empty, stop);
            // workers started together see each other before the first assignment (fewer restarts)
            await Task.Delay(Heartbeat * 1.5, stop);
            while (true)
            {
                await membership.HeartbeatAsync(stop);
                foreach (var finished in _runs.Where(r => r.Completion.IsCompleted).ToList())
                {
                    _runs.Remove(finished);
                    await FinishAsync(name, finished, stop);
                }
                var done = await membership.DoneAsync(stop);
                if (done.Count >= partitionCount && _runs.Count == 0)
                {
                    if (!quiet) log.WriteLine($"worker {name}: every partition of the fleet is finished; {_alerts:N0} alerts published by this worker");
                    await membership.LeaveAsync(CancellationToken.None);
                    return 0;
                }
                await RebalanceAsync(name, Membership.Owned(name, await membership.LiveAsync(stop), done, partitionCount), stop);
                Status(name);
                await Task.Delay(Heartbeat, stop);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            foreach (var running in _runs)
            {
                await running.CancelAsync();
                Count(running);
                if (!quiet) log.WriteLine($"worker {name}: stopped; partitions {List(running.Partitions)} unfinished: their next owner replays them from the stream's start (the engine's state is not checkpointed)");
            }
            _runs.Clear();
            await membership.LeaveAsync(CancellationToken.None);
            if (!quiet) log.WriteLine($"worker {name}: left the fleet; {_alerts:N0} alerts published by this worker");
            return 0;
        }
    }

    /// <summary>
    /// Matches the replays to the partitions owned now. A replay holding a partition this worker lost
    /// is stopped (an engine cannot drop rules halfway), and its other partitions start again; the
    /// partitions gained start in a replay of their own, so the replays already under way keep their
    /// progress (a survivor taking over a dead worker's partitions does not start its own again).
    /// </summary>
    private async Task RebalanceAsync(string name, SortedSet<int> owned, CancellationToken stop)
    {
        foreach (var moved in _runs.Where(r => !r.Partitions.IsSubsetOf(owned)).ToList())
        {
            _runs.Remove(moved);
            await moved.CancelAsync();
            Count(moved);
        }
        var unassigned = new SortedSet<int>(owned);
        foreach (var run in _runs) unassigned.ExceptWith(run.Partitions);
        if (unassigned.Count == 0) return;
        var started = PartitionRun.Start(fleet, unassigned, rules, partitionCount, engineFor, stop);
        _runs.Add(started);
        _lastStatus = DateTimeOffset.UtcNow;
        if (!quiet) log.WriteLine($"worker {name}: replaying partitions {List(unassigned)} ({started.RuleCount} rules) from the stream's start");
    }

    /// <summary>A replay reached the end of input with every alert acknowledged: its partitions are finished for the fleet.</summary>
    private async Task FinishAsync(string name, PartitionRun finished, CancellationToken stop)
    {
        var result = await finished.Completion; // a failed replay throws here
        Count(finished);
        foreach (var problem in finished.Events.Problems) log.WriteLine($"worker {name}: {problem}");
        await membership.MarkDoneAsync(finished.Partitions, stop);
        if (!quiet) log.WriteLine($"worker {name}: partitions {List(finished.Partitions)} finished: {result.EventsRead:N0} events, {finished.Alerts.Published:N0} alerts published"
            + (finished.Alerts.Duplicates > 0 ? $" ({finished.Alerts.Duplicates:N0} already published by a previous owner)" : "")
            + (result.LateEvents > 0 ? $", {result.LateEvents:N0} late events (first: {result.FirstLateEvent})" : ""));
        foreach (var rule in result.Rules.Where(r => r.Incomplete))
            log.WriteLine($"worker {name}: {rule.Rule.Metadata.Name}: {rule.Failure ?? $"{rule.RegexTimeouts} regex timeouts (first: {rule.FirstRegexTimeout})"}");
    }

    private void Count(PartitionRun run)
    {
        _alerts += run.Alerts.Published;
        _duplicates += run.Alerts.Duplicates;
    }

    private void Status(string name)
    {
        if (quiet || _runs.Count == 0 || DateTimeOffset.UtcNow - _lastStatus < StatusEvery) return;
        _lastStatus = DateTimeOffset.UtcNow;
        foreach (var run in _runs)
            log.WriteLine($"worker {name}: partitions {List(run.Partitions)}: {run.Events.Events:N0} events read (stream position {run.Events.Position:N0}, lag {run.Events.Pending:N0}), {run.Alerts.Published:N0} alerts");
    }

    private static string List(IEnumerable<int> partitions) => string.Join(',', partitions);
}
