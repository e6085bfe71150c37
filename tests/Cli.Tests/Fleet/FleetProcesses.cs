using System.Diagnostics;
using System.Text;

namespace AzureRules.Cli.Tests.Fleet;

/// <summary>azrules processes for the fleet tests: a one-shot command with its output, or a background worker that can be signalled.</summary>
internal static class FleetProcesses
{
    public sealed record Result(int ExitCode, string Output, string Error);

    public static Result Run(params string[] arguments)
    {
        using var process = Start(arguments, out var output, out var error);
        if (!process.WaitForExit(TimeSpan.FromMinutes(3))) { process.Kill(true); throw new TimeoutException("azrules " + string.Join(' ', arguments) + " did not finish"); }
        process.WaitForExit();
        return new Result(process.ExitCode, output.ToString(), error.ToString());
    }

    /// <summary>A worker (or any command) in the background; its stderr is collected in <paramref name="error"/>.</summary>
    public static Process Start(string[] arguments, out StringBuilder output, out StringBuilder error)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "azrules.dll"));
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        var process = Process.Start(start)!;
        var (o, e) = (new StringBuilder(), new StringBuilder());
        process.OutputDataReceived += (_, line) => { if (line.Data is not null) lock (o) o.AppendLine(line.Data); };
        process.ErrorDataReceived += (_, line) => { if (line.Data is not null) lock (e) e.AppendLine(line.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        (output, error) = (o, e);
        return process;
    }

    /// <summary>Sends a POSIX signal to a process by its id (SIGTERM 15, SIGKILL 9).</summary>
    public static void Signal(Process process, int signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-" + signal, process.Id.ToString() }, UseShellExecute = false })!;
        kill.WaitForExit();
    }
}
