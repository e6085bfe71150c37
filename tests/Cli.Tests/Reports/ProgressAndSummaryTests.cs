using AzureRules.Cli.Reports;
using AzureRules.Cli.Tests.Workflow;
using Xunit;

namespace AzureRules.Cli.Tests.Reports;

public sealed class ProgressAndSummaryTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("azrules-summary-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void The_progress_line_counts_with_plurals_and_a_rate()
    {
        Assert.Equal("1 file, 1 event (1/s), 1 alert, 0:01", ProgressLine.Format(1, 1, 1, TimeSpan.FromSeconds(1)));
        Assert.Equal("3 files, 2,500,000 events (500,000/s), 0 alerts, 0:05", ProgressLine.Format(3, 2_500_000, 0, TimeSpan.FromSeconds(5)));
        Assert.Equal("0 files, 0 events (0/s), 12 alerts, 2:05", ProgressLine.Format(0, 0, 12, TimeSpan.FromSeconds(125)));
    }

    [Fact]
    public void A_redirected_run_has_no_progress_line_and_a_summary_table_and_quiet_has_neither()
    {
        var root = AzureRules.Tests.SharedMaterial.RepositoryRoot;
        var rules = Path.Combine(root, "src", "Rules", "Rules");
        var events = Path.Combine(root, "samples", "events");
        var run = AzrulesProcess.Run(_folder, "run", "--rules", rules, "--events", events);
        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain("\r", run.Error);
        Assert.DoesNotContain("\e[", run.Error);
        Assert.Matches(@"5 files, 21 events read in [0-9.]+ s \([0-9,]+ events/s\), 0 malformed lines skipped, 4 alerts", run.Error);
        Assert.Matches(@"rule type +rules run +not run +executions +alerts", run.Error);
        Assert.Matches(@"Elastic query +1 +0 +30 +3", run.Error);
        Assert.Contains("Azure Storage Account Key Regenerated: 3 alerts in 30 executions, 3 matching events", run.Error);
        Assert.Contains("Storage Account Key Enumeration: 1 alert in 1 execution", run.Error);

        var quiet = AzrulesProcess.Run(_folder, "run", "--rules", rules, "--events", events, "--quiet");
        Assert.Equal(run.Output, quiet.Output);
        Assert.DoesNotContain("events read", quiet.Error);
        Assert.DoesNotContain("rule type", quiet.Error);
    }
}
