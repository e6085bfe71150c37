using AzureRules.Sdk.Detections;

namespace AzureRules.Cli.Fleet;

/// <summary>
/// The fleet's unit of work: a partition is a fixed share of the rules, by a stable hash of the rule's
/// id and name, so every worker that loads the same rules splits them the same way. Work is split by
/// rule, not by the events' keys: an Elastic rule's executions are scheduled from the earliest event
/// it sees and <c>max_signals</c> caps each execution over all keys, so a rule that saw only some
/// hosts' events would raise other alerts than one process does. Each partition's rules see every event.
/// </summary>
internal static class RulePartitions
{
    public const int DefaultCount = 16;

    public static int Of(Detection rule, int count)
    {
        // FNV-1a: stable across processes and runtimes (string.GetHashCode is randomised per process)
        var hash = 2166136261u;
        foreach (var c in rule.Metadata.Id.ToString("N") + "/" + rule.Metadata.Name)
        {
            hash ^= c;
            hash *= 16777619u;
        }
        return (int)(hash % (uint)count);
    }

    public static List<Detection> RulesOf(IEnumerable<Detection> rules, IReadOnlySet<int> partitions, int count)
        => [.. rules.Where(r => partitions.Contains(Of(r, count)))];
}
