using AzureRules.Cli.Fleet;
using Xunit;

namespace AzureRules.Cli.Tests.Fleet;

/// <summary>The pure parts of the fleet, without a server: partition assignment and alert ids.</summary>
public sealed class FleetAssignmentTests
{
    private static readonly HashSet<int> NoneDone = [];

    [Fact]
    public void Every_unfinished_partition_has_exactly_one_owner_among_the_live_workers()
    {
        string[] live = ["a", "b", "c"];
        var owned = live.Select(w => Membership.Owned(w, live, new HashSet<int> { 3 }, 16)).ToList();
        var all = owned.SelectMany(o => o).ToList();
        Assert.Equal(15, all.Count);
        Assert.Equal(Enumerable.Range(0, 16).Where(p => p != 3), all.Order());
        Assert.All(owned, o => Assert.NotEmpty(o)); // 16 partitions over 3 workers: each gets some
    }

    [Fact]
    public void A_joining_worker_takes_partitions_only_from_others_and_a_leaving_one_gives_only_its_own()
    {
        string[] two = ["a", "b"];
        string[] three = ["a", "b", "c"];
        var before = two.ToDictionary(w => w, w => Membership.Owned(w, two, NoneDone, 64));
        var after = three.ToDictionary(w => w, w => Membership.Owned(w, three, NoneDone, 64));
        // rendezvous hashing: a and b keep what they had except what c takes
        Assert.Subset(before["a"], after["a"]);
        Assert.Subset(before["b"], after["b"]);
        Assert.NotEmpty(after["c"]);
    }

    [Fact]
    public void Alert_ids_are_stable_and_tell_equal_alerts_apart_by_occurrence()
    {
        string[] lines = ["{\"ruleId\":\"1\"}", "{\"ruleId\":\"2\"}", "{\"ruleId\":\"1\"}"];
        var ids = AlertIds.Of(lines);
        Assert.Equal(ids, AlertIds.Of(lines));
        Assert.Equal(3, ids.Distinct().Count());
        Assert.Equal(ids[0] + "-2", ids[2]);
    }
}
