using System.CommandLine;
using AzureRules.Cli.Compilation;
using AzureRules.Sdk.Alerts;
using AzureRules.Sdk.Engine;
using AzureRules.Sdk.Events;
using AzureRules.Sdk.Kusto;

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
        var externalData = new Option<string?>("--external-data") { Description = "Folder of local files that Kusto externaldata URLs resolve to (by file name, or through DIR/urls.tsv)" };
        var command = new Command("run", "Run rules over events and print alerts as JSON lines") { rules, events, externalData };
        command.SetAction(parse =>
        {
            if (parse.GetValue(externalData) is { } dataFolder) KustoExternalData.Default = KustoExternalData.FromFolder(dataFolder);
            var library = RuleLibrary.FromFiles(RuleFiles.Read(parse.GetValue(rules)!));
            DiagnosticPrinter.Print(library.Diagnostics, Console.Error);
            var engine = new DetectionEngine(library.Detections);
            var result = engine.Run(EventSource.JsonLines(parse.GetValue(events)!));
            foreach (var alert in result.Alerts) Console.Out.WriteLine(AlertJson.ToJsonLine(alert));
            result.WriteSummary(Console.Error);
            return 0;
        });
        return command;
    }
}
