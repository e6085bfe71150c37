using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using AzureRules.Cli.Compilation;
using AzureRules.Sdk.Text;

namespace AzureRules.Cli.Commands;

/// <summary><c>azrules list PATH… [--json]</c>: the rules with id, name, kind, severity, tactics and techniques.</summary>
internal static class ListCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Rule files or folders", Arity = ArgumentArity.OneOrMore };
        var json = new Option<bool>("--json") { Description = "One JSON object per rule" };
        var command = new Command("list", "List the rules in rule files") { paths, json };
        command.SetAction(parse =>
        {
            var library = RuleLibrary.FromFiles(Testing.TestEventFiles.With(RuleFiles.Read(parse.GetValue(paths)!)));
            DiagnosticPrinter.Print(library.Diagnostics, Console.Error);
            foreach (var rule in library.Detections.OrderBy(r => r.Metadata.Name, StringComparer.Ordinal))
            {
                var m = rule.Metadata;
                var tactics = m.Tactics.Select(t => t.Id).ToArray();
                var techniques = m.Techniques.Select(t => t.Id).ToArray();
                if (parse.GetValue(json))
                {
                    var line = new JsonObject
                    {
                        ["id"] = m.Id.ToString(), ["name"] = m.Name, ["family"] = m.Family.ToString(), ["kind"] = m.Kind,
                        ["language"] = m.Language.ToString(), ["severity"] = m.Severity.ToString(),
                        ["tactics"] = new JsonArray([.. tactics.Select(t => (JsonNode)t)]),
                        ["techniques"] = new JsonArray([.. techniques.Select(t => (JsonNode)t)]),
                        ["executable"] = rule.IsExecutable, ["file"] = m.SourceFile,
                    };
                    Console.WriteLine(JsonText.Write(line, new JsonSerializerOptions { WriteIndented = false }));
                }
                else
                {
                    Console.WriteLine(ConsoleText.Escape($"{m.Id}  {m.Name}  [{m.Family} {m.Kind}, {m.Severity}]  tactics: {string.Join(",", tactics)}  techniques: {string.Join(",", techniques)}{(rule.IsExecutable ? "" : "  (not executable: " + rule.NotExecutableReason + ")")}"));
                }
            }
            return library.HasErrors ? 1 : 0;
        });
        return command;
    }
}
