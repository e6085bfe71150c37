using AzureRules.Sdk.Events;
using AzureRules.Sdk.Text;

namespace AzureRules.Cli.Commands;

/// <summary>The rule files named on a command line: files as given, folders searched for rule extensions.</summary>
internal static class RuleFiles
{
    private static readonly string[] Extensions = [".yaml", ".yml", ".toml", ".json", ".ndjson", ".md", ".txt"];
    // event files that rule tests read: they belong in a rule folder and are read on demand
    private static readonly string[] EventExtensions = [".jsonl", ".csv"];

    public static List<(string Path, string Text)> Read(IEnumerable<string> paths)
    {
        var files = new List<(string, string)>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                var all = FileWalk.Files(path, _ => true,
                    (file, problem) => Console.Error.WriteLine($"{ConsoleText.Escape(file)}: warning: {ConsoleText.Escape(problem)}")).ToList();
                foreach (var file in all.Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase)))
                {
                    try
                    {
                        files.Add((file, File.ReadAllText(file)));
                    }
                    catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                    {
                        Console.Error.WriteLine($"{ConsoleText.Escape(file)}: warning: cannot be read: {ConsoleText.Escape(ex.Message)}; skipped");
                    }
                }
                // a file of another kind in a rule folder is said, not silently skipped
                foreach (var other in all.Where(f => !Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase)
                             && !EventExtensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase)))
                    Console.Error.WriteLine($"{ConsoleText.Escape(other)}: note: not a rule file (rule files are {string.Join(" ", Extensions)}), skipped");
            }
            else if (File.Exists(path))
            {
                files.Add((path, File.ReadAllText(path)));
            }
            else
            {
                throw new FileNotFoundException($"no such rule file or folder: {path}", path);
            }
        }
        return files;
    }
}
