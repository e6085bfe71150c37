using System.CommandLine;
using System.Text.Json.Nodes;
using AzureRules.Cli.Compilation;

namespace AzureRules.Cli.Commands;

/// <summary>
/// The command-line form of the project files MSBuild passes as AdditionalFiles with AzureRulesFile
/// metadata: <c>--schema FILE</c> (a Sentinel custom table or an Elastic field schema, told apart by
/// their shape), <c>--lock FILE</c>, <c>--exceptions FILE</c> and <c>--functions PATH…</c> (workspace functions).
/// </summary>
internal sealed class ProjectFileOptions
{
    public Option<string[]> Schema { get; } = new("--schema") { Description = "A Sentinel custom table (CustomTables JSON) or an Elastic field schema ({index: {field: type}}); repeatable" };
    public Option<string?> Lock { get; } = new("--lock") { Description = "The version lock to check rules against" };
    public Option<string?> Exceptions { get; } = new("--exceptions") { Description = "Validation exceptions: [{ruleId, diagnosticId, reason}]" };
    public Option<string[]> Functions { get; } = new("--functions") { Description = "Workspace functions and parsers that rules call: Sentinel parser YAML (FunctionName/ParserName, …Params, …Query) or .kql/.csl/.txt bodies named as the file; files or folders, repeatable", AllowMultipleArgumentsPerToken = true };

    /// <summary>The file extensions of workspace function files in a folder given to --functions.</summary>
    private static readonly string[] FunctionExtensions = [".yaml", ".yml", ".kql", ".csl"];

    public void AddTo(Command command)
    {
        command.Options.Add(Schema);
        command.Options.Add(Lock);
        command.Options.Add(Exceptions);
        command.Options.Add(Functions);
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
        foreach (var path in FunctionFiles(parse.GetValue(Functions) ?? []))
            files.Add(new ProjectFileText(path, File.ReadAllText(path), "kusto-function"));
        return files;
    }

    /// <summary>
    /// The function files of <paramref name="paths"/>: a file as given (any extension, so a solution parser's
    /// .txt can be named), a folder's .yaml/.yml/.kql/.csl files at any depth, in path order.
    /// </summary>
    public static IEnumerable<string> FunctionFiles(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            if (File.Exists(path)) { yield return path; continue; }
            if (!Directory.Exists(path)) throw new FileNotFoundException($"no workspace function file or folder '{path}'", path);
            foreach (var file in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                         .Where(f => FunctionExtensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
                         .Order(StringComparer.Ordinal))
                yield return file;
        }
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
