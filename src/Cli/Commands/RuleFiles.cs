using AzureRules.Sdk.Events;
using AzureRules.Sdk.Text;

namespace AzureRules.Cli.Commands;

/// <summary>The rule files named on a command line: files as given, folders searched for rule extensions.</summary>
internal static class RuleFiles
{
    private static readonly string[] Extensions = [".yaml", ".yml", ".toml", ".json", ".ndjson", ".md", ".txt"];

    public static List<(string Path, string Text)> Read(IEnumerable<string> paths)
    {
        var files = new List<(string, string)>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                var found = FileWalk.Files(path,
                    f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase),
                    (file, problem) => Console.Error.WriteLine($"{ConsoleText.Escape(file)}: warning: {ConsoleText.Escape(problem)}"));
                foreach (var file in found)
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
