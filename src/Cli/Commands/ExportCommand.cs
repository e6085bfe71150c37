using System.CommandLine;
using AzureRules.Cli.Compilation;
using AzureRules.Cli.Export;
using AzureRules.Generators.Formats;
using AzureRules.Generators.Model;

namespace AzureRules.Cli.Commands;

/// <summary>
/// <c>azrules export sentinel --format arm|bicep PATH… -o DIR [--bundle]</c> and
/// <c>azrules export kibana PATH… -o FILE.ndjson</c>: deployable artefacts from rule files. Rules are
/// compiled first; any error stops the export, so only rules that build are deployed.
/// </summary>
internal static class ExportCommand
{
    public static Command Create() => new("export", "Write deployable artefacts: Sentinel ARM/Bicep templates or a Kibana NDJSON import file")
    {
        Sentinel(),
        Kibana(),
    };

    private static Command Sentinel()
    {
        var paths = new Argument<string[]>("paths") { Description = "Rule files or folders", Arity = ArgumentArity.OneOrMore };
        var format = new Option<string>("--format") { Description = "arm or bicep", DefaultValueFactory = _ => "arm" };
        format.AcceptOnlyFromAmong("arm", "bicep");
        var output = new Option<string>("--output", "-o") { Description = "Folder for the templates", Required = true };
        var bundle = new Option<bool>("--bundle") { Description = "One template with every rule instead of one per rule" };
        var command = new Command("sentinel", "Sentinel alert rules and hunting queries as ARM or Bicep templates (the workspace is a parameter)")
            { paths, format, output, bundle };
        var projectFiles = new ProjectFileOptions();
        projectFiles.AddTo(command);
        command.SetAction(parse =>
        {
            if (Load(parse.GetValue(paths)!, RuleFamily.Sentinel, projectFiles.Read(parse)) is not { } rules) return 1;
            var resources = new List<SentinelResourceBuilder.SentinelResource>();
            foreach (var rule in rules)
            {
                try { resources.Add(SentinelResourceBuilder.Build(rule)); }
                catch (ExportException ex) { Console.Error.WriteLine($"not exported: {ex.Message}"); }
            }
            var bicep = parse.GetValue(format) == "bicep";
            var extension = bicep ? ".bicep" : ".json";
            string Write(IReadOnlyList<SentinelResourceBuilder.SentinelResource> set) => bicep ? BicepWriter.Write(set) : ArmTemplateWriter.Write(set);
            var folder = parse.GetValue(output)!;
            Directory.CreateDirectory(folder);
            if (parse.GetValue(bundle))
            {
                File.WriteAllText(Path.Combine(folder, "sentinel-rules" + extension), Write(resources));
            }
            else
            {
                var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                foreach (var resource in resources)
                {
                    var name = OutputName(resource.Rule, resource.RuleId, names);
                    File.WriteAllText(Path.Combine(folder, name + extension), Write([resource]));
                }
            }
            Console.Error.WriteLine($"{resources.Count} rules written to {folder} ({(bicep ? "Bicep" : "ARM")}{(parse.GetValue(bundle) ? ", one bundle" : "")})");
            return resources.Count == rules.Count ? 0 : 1;
        });
        return command;
    }

    private static Command Kibana()
    {
        var paths = new Argument<string[]>("paths") { Description = "Rule files or folders", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--output", "-o") { Description = "The NDJSON file to write", Required = true };
        var command = new Command("kibana", "Elastic rules as an NDJSON file for Kibana's rule import API") { paths, output };
        var projectFiles = new ProjectFileOptions();
        projectFiles.AddTo(command); // its --lock also gives rules without a version in their file the locked one
        command.SetAction(parse =>
        {
            if (Load(parse.GetValue(paths)!, RuleFamily.Elastic, projectFiles.Read(parse)) is not { } rules) return 1;
            var locked = parse.GetValue(projectFiles.Lock) is { } lockPath && File.Exists(lockPath)
                ? Generators.Project.ProjectFile.Read(lockPath, Generators.Project.ProjectFileKind.Lock, File.ReadAllText(lockPath)).Lock
                    .ToDictionary(e => e.RuleId, e => e.Version, StringComparer.OrdinalIgnoreCase)
                : new Dictionary<string, string>();
            var file = parse.GetValue(output)!;
            if (Path.GetDirectoryName(Path.GetFullPath(file)) is { } folder) Directory.CreateDirectory(folder);
            using (var writer = new StreamWriter(file, append: false, new System.Text.UTF8Encoding(false)) { NewLine = "\n" })
            {
                foreach (var rule in rules)
                {
                    var version = rule.Version ?? locked.GetValueOrDefault(RuleFileReader.ClassIdOf(rule));
                    writer.WriteLine(KibanaRuleExporter.ToLine(KibanaRuleExporter.Export(rule, version)));
                }
            }
            Console.Error.WriteLine($"{rules.Count} rules written to {file}");
            return 0;
        });
        return command;
    }

    /// <summary>Compiles the files with the project files (errors stop the export; excepted ones do not) and reads their rules of one family, in path order.</summary>
    private static List<RuleDefinition>? Load(string[] paths, RuleFamily family, List<ProjectFileText> projectFiles)
    {
        var files = RuleFiles.Read(paths);
        var library = RuleLibrary.FromFiles(files, load: false, projectFiles);
        var (errors, _) = DiagnosticPrinter.Print(library.Diagnostics, Console.Error);
        if (errors > 0)
        {
            Console.Error.WriteLine($"{errors} errors: nothing exported");
            return null;
        }
        var rules = files.SelectMany(f => RuleFileReader.Read(f.Path, f.Text).Rules).ToList();
        foreach (var other in rules.Where(r => r.Family != family))
            Console.Error.WriteLine($"skipped: {other.FilePath}: '{other.Name.Value}' is a{(other.Family == RuleFamily.Elastic ? "n Elastic" : " Sentinel")} rule");
        return rules.Where(r => r.Family == family).ToList();
    }

    /// <summary>The rule file's name without extension; the rule id is added when two rules would share it.</summary>
    private static string OutputName(RuleDefinition rule, string id, HashSet<string> taken)
    {
        var stem = Path.GetFileNameWithoutExtension(rule.FilePath);
        var safe = new string(stem.Select(c => Path.GetInvalidFileNameChars().Contains(c) ? '_' : c).ToArray());
        var name = taken.Add(safe) ? safe : safe + "-" + id;
        taken.Add(name);
        return name;
    }
}
