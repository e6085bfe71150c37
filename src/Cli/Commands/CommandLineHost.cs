using System.CommandLine;

namespace AzureRules.Cli.Commands;

/// <summary>A mistake in how azrules was called or in what it was given (a missing path): exit code 2, one line.</summary>
internal sealed class UsageException(string message) : Exception(message);

/// <summary>
/// Runs the command line with azrules' exit codes: 0 clean, 1 findings (rule errors, failed tests),
/// 2 a usage or input error — a mistyped option, a path that does not exist, a file that cannot be
/// read — reported in one line on stderr, never as a stack trace.
/// </summary>
internal static class CommandLineHost
{
    public const int Clean = 0;
    public const int Findings = 1;
    public const int UsageError = 2;

    public static int Invoke(RootCommand root, string[] args)
    {
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors) Console.Error.WriteLine($"azrules: error: {error.Message}");
            Console.Error.WriteLine("see 'azrules --help'");
            return UsageError;
        }
        try
        {
            return parse.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (Exception ex) when (ex is UsageException or FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException or IOException)
        {
            Console.Error.WriteLine($"azrules: error: {ex.Message}");
            return UsageError;
        }
    }
}
