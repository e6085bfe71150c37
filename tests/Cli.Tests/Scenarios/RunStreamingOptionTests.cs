using AzureRules.Cli.Tests.Workflow;
using AzureRules.Tests;
using Xunit;

namespace AzureRules.Cli.Tests.Scenarios;

/// <summary><c>azrules run --threads</c> and <c>--lateness</c>: the seed rules give the same alerts, in the same order, on one thread or several.</summary>
public sealed class RunStreamingOptionTests
{
    private static AzrulesProcess.Result Run(params string[] options)
        => AzrulesProcess.Run(SharedMaterial.RepositoryRoot, ["run", "--rules", "src/Rules/Rules", "--events", "samples/events", .. options]);

    [Fact]
    public void One_thread_or_several_print_the_same_alerts_in_the_same_order()
    {
        var one = Run("--threads", "1");
        var several = Run("--threads", "4");

        Assert.Equal(0, one.ExitCode);
        Assert.Equal(4, one.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(one.Output, several.Output);
    }

    [Theory]
    [InlineData("--threads", "0", "--threads must be at least 1")]
    [InlineData("--lateness", "soon", "--lateness 'soon' is not a non-negative timespan")]
    public void Unusable_values_are_usage_errors(string option, string value, string message)
    {
        var result = Run(option, value);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error);
    }
}
