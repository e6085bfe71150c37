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
                var found = Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
                    .Order(StringComparer.Ordinal);
                files.AddRange(found.Select(f => (f, File.ReadAllText(f))));
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
