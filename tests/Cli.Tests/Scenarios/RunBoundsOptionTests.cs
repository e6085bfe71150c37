using AzureRules.Cli.Commands;
using AzureRules.Sdk.Engine;
using Xunit;

namespace AzureRules.Cli.Tests.Scenarios;

/// <summary><c>azrules run --at</c> / <c>--from</c> / <c>--to</c>: what the options become, and what they refuse.</summary>
public sealed class RunBoundsOptionTests
{
    [Fact]
    public void At_is_one_execution_in_utc()
    {
        Assert.True(RunCommand.TryReadBounds("2026-11-20T10:04:00+01:00", null, null, out var bounds, out _));
        Assert.Equal(ReplayBounds.Once(DateTimeOffset.Parse("2026-11-20T09:04:00Z")), bounds);
        Assert.True(RunCommand.TryReadBounds("2026-11-20T10:04:00", null, null, out bounds, out _)); // no offset: UTC
        Assert.Equal(DateTimeOffset.Parse("2026-11-20T10:04:00Z"), bounds.At);
    }

    [Fact]
    public void From_and_to_bound_the_replay_and_either_may_be_left_open()
    {
        Assert.True(RunCommand.TryReadBounds(null, "2026-11-20T00:00:00Z", null, out var bounds, out _));
        Assert.Equal(ReplayBounds.Between(DateTimeOffset.Parse("2026-11-20T00:00:00Z"), null), bounds);
        Assert.True(RunCommand.TryReadBounds(null, null, "2026-11-21T00:00:00Z", out bounds, out _));
        Assert.Equal(DateTimeOffset.Parse("2026-11-21T00:00:00Z"), bounds.To);
    }

    [Theory]
    [InlineData("2026-11-20T10:00:00Z", "2026-11-20T09:00:00Z", null, "cannot be combined")]
    [InlineData(null, "2026-11-20T10:00:00Z", "2026-11-20T09:00:00Z", "--to is before --from")]
    [InlineData("yesterday", null, null, "--at 'yesterday' is not a date")]
    public void Contradictions_and_unreadable_times_are_refused(string? at, string? from, string? to, string message)
    {
        Assert.False(RunCommand.TryReadBounds(at, from, to, out _, out var error));
        Assert.Contains(message, error);
    }
}
