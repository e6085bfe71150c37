using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AzureRules.Cli.Compilation;
using AzureRules.Generators.Formats;
using AzureRules.Generators.Project;
using AzureRules.Generators.Versioning;

namespace AzureRules.Cli.Commands;

/// <summary>
/// <c>azrules lock PATH… [--lock FILE] [--check]</c>: records each rule's version and content hash, as
/// detection-rules' version lock does. A rule whose file carries a version must bump it when its
/// content changes (otherwise it is reported and its entry is left as it was); a rule without one gets
/// its version from the lock, counted up on every change. <c>--check</c> writes nothing and fails when
/// the lock is not up to date.
/// </summary>
internal static class LockCommand
{
    public const string DefaultLockFile = "azurerules.lock.json";

    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Rule files or folders", Arity = ArgumentArity.OneOrMore };
        var lockFile = new Option<string>("--lock") { Description = "The lock file", DefaultValueFactory = _ => DefaultLockFile };
        var check = new Option<bool>("--check") { Description = "Only check: exit code 1 when the lock is not up to date" };
        var command = new Command("lock", "Write or check the version lock (rule id → version and content hash)") { paths, lockFile, check };
        command.SetAction(parse =>
        {
            var files = RuleFiles.Read(parse.GetValue(paths)!);
            var library = RuleLibrary.FromFiles(files, load: false);
            var (errors, _) = DiagnosticPrinter.Print(library.Diagnostics.Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error), Console.Error);
            if (errors > 0)
            {
                Console.Error.WriteLine($"{errors} errors: the lock is not written");
                return 1;
            }
            var path = parse.GetValue(lockFile)!;
            var current = File.Exists(path)
                ? ProjectFile.Read(path, ProjectFileKind.Lock, File.ReadAllText(path)).Lock.ToDictionary(e => e.RuleId, StringComparer.OrdinalIgnoreCase)
                : new Dictionary<string, LockEntry>(StringComparer.OrdinalIgnoreCase);
            var rules = files.SelectMany(f => RuleFileReader.Read(f.Path, f.Text).Rules).ToList();
            var result = Update(rules, current, Console.Out);
            if (parse.GetValue(check))
            {
                Console.Error.WriteLine(result.Changes == 0 && result.Conflicts == 0 ? $"{path} is up to date ({rules.Count} rules)" : $"{path} is not up to date: {result.Changes} changes, {result.Conflicts} rules changed without a new version");
                return result.Changes + result.Conflicts == 0 ? 0 : 1;
            }
            File.WriteAllText(path, Write(result.Entries));
            Console.Error.WriteLine($"{path}: {rules.Count} rules, {result.Changes} changes, {result.Conflicts} rules changed without a new version");
            return result.Conflicts == 0 ? 0 : 1;
        });
        return command;
    }

    internal sealed record LockedRule(string RuleId, string Name, string Type, string Version, string Sha256);

    internal sealed record LockUpdate(List<LockedRule> Entries, int Changes, int Conflicts);

    /// <summary>The new lock for the rules; entries of rules not given are kept (a rule removed from one folder may live on in another).</summary>
    internal static LockUpdate Update(IReadOnlyList<Generators.Model.RuleDefinition> rules, IReadOnlyDictionary<string, LockEntry> current, TextWriter log)
    {
        var entries = current.Values.ToDictionary(e => e.RuleId, e => new LockedRule(e.RuleId, e.Name, "", e.Version, e.Sha256), StringComparer.OrdinalIgnoreCase);
        int changes = 0, conflicts = 0;
        foreach (var rule in rules)
        {
            var id = RuleFileReader.ClassIdOf(rule);
            var hash = RuleContentHash.Compute(rule);
            LockedRule Entry(string version) => new(id, rule.Name.Value, rule.Kind, version, hash);
            if (!current.TryGetValue(id, out var locked))
            {
                entries[id] = Entry(rule.Version ?? "1");
                log.WriteLine($"new      {id}  {rule.Version ?? "1"}  {rule.Name.Value}");
                changes++;
                continue;
            }
            var sameContent = string.Equals(locked.Sha256, hash, StringComparison.OrdinalIgnoreCase);
            if (rule.Version is { } version)
            {
                if (sameContent && version == locked.Version) { entries[id] = Entry(version); continue; }
                if (!sameContent && version == locked.Version)
                {
                    log.WriteLine($"CHANGED  {id}  {version}  {rule.Name.Value}: content changed but the version did not; bump it in {rule.FilePath}");
                    conflicts++;
                    continue;
                }
                entries[id] = Entry(version);
                log.WriteLine($"version  {id}  {locked.Version} → {version}  {rule.Name.Value}");
                changes++;
            }
            else if (sameContent)
            {
                entries[id] = Entry(locked.Version);
            }
            else
            {
                var next = VersionLock.Next(locked.Version);
                entries[id] = Entry(next);
                log.WriteLine($"bumped   {id}  {locked.Version} → {next}  {rule.Name.Value}");
                changes++;
            }
        }
        return new LockUpdate([.. entries.Values.OrderBy(e => e.RuleId, StringComparer.Ordinal)], changes, conflicts);
    }

    /// <summary>detection-rules' shape: { id: { rule_name, sha256, type, version } }, keys sorted; integer versions as numbers.</summary>
    internal static string Write(IEnumerable<LockedRule> entries)
    {
        var root = new JsonObject();
        foreach (var entry in entries)
        {
            var item = new JsonObject { ["rule_name"] = entry.Name, ["sha256"] = entry.Sha256 };
            if (entry.Type.Length > 0) item["type"] = entry.Type;
            item["version"] = int.TryParse(entry.Version, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : entry.Version;
            root[entry.RuleId] = item;
        }
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
    }
}
