using System.CommandLine;
using AzureRules.Cli.Compilation;
using AzureRules.Sdk.Alerts;
using AzureRules.Sdk.Engine;
using AzureRules.Sdk.Events;

namespace AzureRules.Cli.Commands;

/// <summary>
/// <c>azrules run --rules PATH… --events PATH…</c>: compiles the rules, replays the events with each
/// SIEM's scheduling, prints alerts as JSON lines on stdout and a summary on stderr.
/// </summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var rules = new Option<string[]>("--rules") { Description = "Rule files or folders", Required = true, AllowMultipleArgumentsPerToken = true };
        var events = new Option<string[]>("--events") { Description = "JSON-lines event files or folders ('-' for stdin)", Required = true, AllowMultipleArgumentsPerToken = true };
        var allowErrors = new Option<bool>("--allow-errors") { Description = "Run even when a rule has errors (its alerts may be wrong)" };
        var command = new Command("run", "Run rules over events and print alerts as JSON lines") { rules, events, allowErrors };
        var filterOptions = new DiagnosticOptions();
        filterOptions.AddTo(command);
        command.SetAction(parse =>
        {
            var library = RuleLibrary.FromFiles(Testing.TestEventFiles.With(RuleFiles.Read(parse.GetValue(rules)!)));
            var diagnostics = filterOptions.Read(parse).Apply(library.Diagnostics);
            DiagnosticPrinter.Print(diagnostics, Console.Error);
            if (diagnostics.Any(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error) && !parse.GetValue(allowErrors))
            {
                Console.Error.WriteLine("azrules: the rules have errors: not run (fix them, or pass --allow-errors)");
                return CommandLineHost.Findings;
            }
            var engine = new DetectionEngine(library.Detections);
            var result = engine.Run(EventSource.JsonLines(parse.GetValue(events)!));
            foreach (var alert in result.Alerts) Console.Out.WriteLine(AlertJson.ToJsonLine(alert));
            result.WriteSummary(Console.Error);
            return 0;
        });
        return command;
    }
}
