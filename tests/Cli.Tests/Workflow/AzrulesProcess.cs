using System.Diagnostics;

namespace AzureRules.Cli.Tests.Workflow;

/// <summary>Runs the built azrules (beside the test assembly) as a process: real exit codes, real stdout and stderr.</summary>
internal static class AzrulesProcess
{
    public sealed record Result(int ExitCode, string Output, string Error);

    public static Result Run(string workingDirectory, params string[] arguments) => Run(workingDirectory, [], arguments);

    public static Result Run(string workingDirectory, IEnumerable<(string Name, string Value)> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "azrules.dll"));
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2))) { process.Kill(true); throw new TimeoutException("azrules did not finish"); }
        return new Result(process.ExitCode, output, error.Result);
    }
}
