using System.Globalization;
using NATS.Client.KeyValueStore;

namespace AzureRules.Cli.Fleet;

/// <summary>
/// Who is in the fleet and who runs which partition. Each live worker renews an entry in the workers
/// bucket, whose entries expire after <see cref="FleetConnection.WorkerLease"/>: a worker that dies
/// (SIGKILL, a lost machine) drops out by itself, one that stops cleanly deletes its entry. Partitions
/// go to live workers by rendezvous hashing (each partition to the worker with the highest hash of
/// worker and partition), so every worker computes the same assignment from the same member list, and
/// a join or leave moves only the partitions that must move. Finished partitions (the input's end
/// reached, every alert acknowledged) are recorded in the state bucket and never run again.
/// </summary>
internal sealed class Membership(INatsKVStore workers, INatsKVStore state, string workerId)
{
    private const string WorkerPrefix = "worker.";
    private const string DonePrefix = "done.";
    private const string PartitionCountKey = "partitions";

    public string WorkerId { get; } = workerId;

    /// <summary>A KV key holds letters, digits, '-', '_', '=' and '/': anything else in a worker id becomes '_'.</summary>
    public static string SafeId(string id) => new([.. id.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '=' ? c : '_')]);

    public async Task HeartbeatAsync(CancellationToken cancellationToken)
        => await workers.PutAsync(WorkerPrefix + WorkerId, DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture), cancellationToken: cancellationToken);

    public async Task LeaveAsync(CancellationToken cancellationToken)
        => await workers.DeleteAsync(WorkerPrefix + WorkerId, cancellationToken: cancellationToken);

    public async Task<SortedSet<string>> LiveAsync(CancellationToken cancellationToken)
        => [.. (await KeysAsync(workers, WorkerPrefix, cancellationToken)).Select(k => k[WorkerPrefix.Length..])];

    public async Task<HashSet<int>> DoneAsync(CancellationToken cancellationToken)
        => [.. (await KeysAsync(state, DonePrefix, cancellationToken)).Select(k => int.Parse(k[DonePrefix.Length..], CultureInfo.InvariantCulture))];

    public async Task MarkDoneAsync(IEnumerable<int> partitions, CancellationToken cancellationToken)
    {
        foreach (var partition in partitions)
            await state.PutAsync(DonePrefix + partition.ToString(CultureInfo.InvariantCulture), WorkerId, cancellationToken: cancellationToken);
    }

    /// <summary>
    /// The fleet's partition count: the first worker records its own; every later one must agree (a rule's
    /// partition depends on it). Null, with the reason, when this worker was started with another count.
    /// </summary>
    public async Task<(int Count, string? Problem)> AgreePartitionCountAsync(int? requested, CancellationToken cancellationToken)
    {
        var mine = requested ?? RulePartitions.DefaultCount;
        var entry = await state.TryGetEntryAsync<string>(PartitionCountKey, cancellationToken: cancellationToken);
        if (!entry.Success)
        {
            var created = await state.TryCreateAsync(PartitionCountKey, mine.ToString(CultureInfo.InvariantCulture), cancellationToken: cancellationToken);
            if (created.Success) return (mine, null);
            entry = await state.TryGetEntryAsync<string>(PartitionCountKey, cancellationToken: cancellationToken);
        }
        var fleetCount = int.Parse(entry.Value.Value!, CultureInfo.InvariantCulture);
        if (requested is { } r && r != fleetCount)
            return (fleetCount, $"--partitions {r}: the fleet already runs with {fleetCount} partitions (a rule's partition depends on the count)");
        return (fleetCount, null);
    }

    /// <summary>The unfinished partitions this worker owns among <paramref name="live"/> workers.</summary>
    public static SortedSet<int> Owned(string me, IReadOnlyCollection<string> live, IReadOnlySet<int> done, int count)
    {
        var owned = new SortedSet<int>();
        for (var p = 0; p < count; p++)
        {
            if (done.Contains(p)) continue;
            var best = live.Append(me).Distinct().MaxBy(worker => (Score(worker, p), worker));
            if (best == me) owned.Add(p);
        }
        return owned;
    }

    private static ulong Score(string worker, int partition)
    {
        // FNV-1a 64 over "worker/partition", then a final mix so that near-equal ids spread
        var hash = 14695981039346656037ul;
        foreach (var c in $"{worker}/{partition.ToString(CultureInfo.InvariantCulture)}")
        {
            hash ^= c;
            hash *= 1099511628211ul;
        }
        hash ^= hash >> 33;
        hash *= 0xff51afd7ed558ccdul;
        hash ^= hash >> 33;
        return hash;
    }

    private static async Task<List<string>> KeysAsync(INatsKVStore store, string prefix, CancellationToken cancellationToken)
    {
        var keys = new List<string>();
        try
        {
            await foreach (var key in store.GetKeysAsync(cancellationToken: cancellationToken))
                if (key.StartsWith(prefix, StringComparison.Ordinal)) keys.Add(key);
        }
        catch (NatsKVException)
        {
            // an empty bucket: no keys
        }
        return keys;
    }
}
