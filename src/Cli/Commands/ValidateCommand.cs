using System.CommandLine;
using System.Diagnostics;
using AzureRules.Cli.Compilation;
using AzureRules.Cli.Reports;

namespace AzureRules.Cli.Commands;

/// <summary>
/// <c>azrules validate PATH… [--format text|json|sarif] [--output FILE] [--warnaserror] [--nowarn IDS] [--min-severity S]</c>:
/// compiles rule files (and their test files) and reports their diagnostics; exit code 1 when any reported one is an error.
/// </summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Rule files or folders", Arity = ArgumentArity.OneOrMore };
        var info = new Option<bool>("--info") { Description = "Also print informational diagnostics (same as --min-severity info)" };
        var format = new Option<string>("--format") { Description = "text (default), json or sarif (SARIF 2.1.0, for code scanning)", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json", "sarif");
        var output = new Option<string?>("--output", "-o") { Description = "Write the report to this file instead of stdout" };
        var filterOptions = new DiagnosticOptions();
        var command = new Command("validate", "Compile rule files and report diagnostics (exit code 1 when any is an error)") { paths, info, format, output };
        filterOptions.AddTo(command);
        var projectFiles = new ProjectFileOptions();
        projectFiles.AddTo(command);
        command.SetAction(parse =>
        {
            var clock = Stopwatch.StartNew();
            var files = Testing.TestEventFiles.With(RuleFiles.Read(parse.GetValue(paths)!));
            var library = RuleLibrary.FromFiles(files, load: false, projectFiles.Read(parse));
            var filter = filterOptions.Read(parse);
            if (parse.GetValue(info)) filter = filter with { MinSeverity = Microsoft.CodeAnalysis.DiagnosticSeverity.Info };
            var diagnostics = filter.Apply(library.Diagnostics);
            var errors = diagnostics.Count(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
            var warnings = diagnostics.Count(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Warning);
            var file = parse.GetValue(output);
            using (var stream = file is null ? Console.OpenStandardOutput() : File.Create(file))
            {
                switch (parse.GetValue(format))
                {
                    case "sarif":
                        SarifWriter.Write(stream, diagnostics, Directory.GetCurrentDirectory());
                        break;
                    case "json":
                        DiagnosticJsonWriter.Write(stream, diagnostics, files.Count);
                        break;
                    default:
                        using (var writer = new StreamWriter(stream, leaveOpen: true))
                            foreach (var diagnostic in diagnostics) writer.WriteLine(DiagnosticPrinter.Format(diagnostic));
                        break;
                }
            }
            Console.Error.WriteLine($"{files.Count} files validated in {clock.Elapsed.TotalSeconds:0.00}s: {errors} errors, {warnings} warnings");
            return errors > 0 ? CommandLineHost.Findings : CommandLineHost.Clean;
        });
        return command;
    }
}
