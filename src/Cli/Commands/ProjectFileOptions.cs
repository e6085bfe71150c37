using System.CommandLine;
using System.Text.Json.Nodes;
using AzureRules.Cli.Compilation;

namespace AzureRules.Cli.Commands;

/// <summary>
/// The command-line form of the project files MSBuild passes as AdditionalFiles with AzureRulesFile
/// metadata: <c>--schema FILE</c> (a Sentinel custom table or an Elastic field schema, told apart by
/// their shape), <c>--lock FILE</c> and <c>--exceptions FILE</c>.
/// </summary>
internal sealed class ProjectFileOptions
{
    public Option<string[]> Schema { get; } = new("--schema") { Description = "A Sentinel custom table (CustomTables JSON) or an Elastic field schema ({index: {field: type}}); repeatable" };
    public Option<string?> Lock { get; } = new("--lock") { Description = "The version lock to check rules against" };
    public Option<string?> Exceptions { get; } = new("--exceptions") { Description = "Validation exceptions: [{ruleId, diagnosticId, reason}]" };

    public void AddTo(Command command)
    {
        command.Options.Add(Schema);
        command.Options.Add(Lock);
        command.Options.Add(Exceptions);
    }

    public List<ProjectFileText> Read(ParseResult parse)
    {
        var files = new List<ProjectFileText>();
        foreach (var path in parse.GetValue(Schema) ?? [])
        {
            var text = File.ReadAllText(path);
            files.Add(new ProjectFileText(path, text, SchemaKind(text)));
        }
        if (parse.GetValue(Lock) is { } lockPath && File.Exists(lockPath)) files.Add(new ProjectFileText(lockPath, File.ReadAllText(lockPath), "lock"));
        if (parse.GetValue(Exceptions) is { } exceptions) files.Add(new ProjectFileText(exceptions, File.ReadAllText(exceptions), "exceptions"));
        return files;
    }

    /// <summary>A Sentinel custom table has "Name" and "Properties"; anything else is read as an Elastic field schema.</summary>
    public static string SchemaKind(string text)
    {
        try
        {
            var node = JsonNode.Parse(text);
            var first = node is JsonArray array ? array.FirstOrDefault() : node;
            return first is JsonObject obj && obj.ContainsKey("Name") && obj.ContainsKey("Properties") ? "sentinel-table" : "elastic-fields";
        }
        catch (System.Text.Json.JsonException)
        {
            return "elastic-fields"; // the generator reports the syntax error at its place
        }
    }
}
