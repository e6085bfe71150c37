using System.CommandLine;
using System.Diagnostics;
using AzureRules.Cli.Compilation;

namespace AzureRules.Cli.Commands;

/// <summary><c>azrules validate PATH…</c>: compiles rule files and prints their diagnostics; exit code 1 on any error.</summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Rule files or folders", Arity = ArgumentArity.OneOrMore };
        var info = new Option<bool>("--info") { Description = "Also print informational diagnostics" };
        var command = new Command("validate", "Compile rule files and report diagnostics (exit code 1 when any is an error)") { paths, info };
        var projectFiles = new ProjectFileOptions();
        projectFiles.AddTo(command);
        command.SetAction(parse =>
        {
            var clock = Stopwatch.StartNew();
            var files = RuleFiles.Read(parse.GetValue(paths)!);
            var library = RuleLibrary.FromFiles(files, load: false, projectFiles.Read(parse));
            var (errors, warnings) = DiagnosticPrinter.Print(library.Diagnostics, Console.Out, parse.GetValue(info));
            Console.Error.WriteLine($"{files.Count} files validated in {clock.Elapsed.TotalSeconds:0.00}s: {errors} errors, {warnings} warnings");
            return errors > 0 ? 1 : 0;
        });
        return command;
    }
}
