using System.CommandLine;
using AzureRules.Cli.Compilation;

namespace AzureRules.Cli.Commands;

/// <summary>
/// Compiles the rules a replaying command (<c>run</c>, <c>worker</c>) was given, prints their
/// diagnostics, and refuses rules with errors unless <c>--allow-errors</c>.
/// </summary>
internal static class RuleLoading
{
    /// <summary>The compiled rules, or null (the reason printed) when they have errors and errors are not allowed.</summary>
    public static RuleLibrary? Load(ParseResult parse, string[] rulePaths, DiagnosticOptions filterOptions, CacheOption cacheOption, bool allowErrors, ProjectFileOptions? projectFiles = null)
    {
        var library = RuleLibrary.FromFiles(Testing.TestEventFiles.With(RuleFiles.Read(rulePaths)), projectFiles: projectFiles?.Read(parse), cache: cacheOption.Read(parse));
        var diagnostics = filterOptions.Read(parse).Apply(library.Diagnostics);
        DiagnosticPrinter.Print(diagnostics, Console.Error);
        if (diagnostics.Any(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error) && !allowErrors)
        {
            Console.Error.WriteLine("azrules: the rules have errors: not run (fix them, or pass --allow-errors)");
            return null;
        }
        return library;
    }
}
