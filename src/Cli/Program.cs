using System.CommandLine;
using AzureRules.Cli.Commands;

namespace AzureRules.Cli;

/// <summary>azrules: validate, list, run and query detection rules from the command line.</summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        var root = new RootCommand("AzureRules: compile, validate and run Sentinel and Elastic detection rules")
        {
            ValidateCommand.Create(),
            ListCommand.Create(),
            RunCommand.Create(),
            QueryCommand.Create(),
            TestCommand.Create(),
            ExportCommand.Create(),
            CoverageCommand.Create(),
            LockCommand.Create(),
            Fleet.IngestCommand.Create(),
            Fleet.WorkerCommand.Create(),
            Fleet.AlertsCommand.Create(),
            PrecompileCacheCommand.Create(),
        };
        return CommandLineHost.Invoke(root, args);
    }
}
