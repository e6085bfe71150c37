using AzureRules.Sdk.Engine;
using Xunit;

namespace AzureRules.Sdk.Tests.Engine;

/// <summary>Schedule.Plan: the executions every runner (Elastic and Sentinel) takes for --at and --from/--to.</summary>
public sealed class ReplayBoundsTests
{
    private static readonly TimeSpan Five = TimeSpan.FromMinutes(5);
    private static DateTimeOffset T(string time) => DateTimeOffset.Parse($"2026-11-20T{time}Z");

    [Fact]
    public void At_is_one_execution_whose_look_back_ends_there_even_off_the_interval_grid()
    {
        var execution = Assert.Single(Schedule.Plan(Five, TimeSpan.FromMinutes(9), T("10:00:00"), T("11:00:00"), ReplayBounds.Once(T("10:07:30"))));
        Assert.Equal(new Execution(T("10:07:30"), T("09:58:30")), execution);
    }

    [Fact]
    public void From_and_to_keep_the_scheduled_executions_between_them_inclusive()
    {
        var times = Schedule.Plan(Five, Five, T("09:00:00"), T("12:00:00"), ReplayBounds.Between(T("10:00:00"), T("10:15:00"))).Select(e => e.Time);
        Assert.Equal([T("10:00:00"), T("10:05:00"), T("10:10:00"), T("10:15:00")], times);
    }

    [Fact]
    public void Without_bounds_the_replay_runs_until_the_last_event_has_left_the_look_back()
    {
        var times = Schedule.Plan(Five, TimeSpan.FromMinutes(6), T("10:01:00"), T("10:04:00"), ReplayBounds.All).Select(e => e.Time).ToList();
        Assert.Equal(T("10:05:00"), times[0]);
        Assert.Equal(T("10:10:00"), times[^1]);
    }

    [Fact]
    public void A_range_that_ends_before_it_starts_is_refused()
        => Assert.Throws<ArgumentException>(() => ReplayBounds.Between(T("10:00:00"), T("09:00:00")));
}
