using AzureRules.Generators.Testing;

namespace AzureRules.Cli.Testing;

/// <summary>
/// The event files the test files among the rule files refer to. The generator reads no disk: a
/// build hands it event files as AdditionalFiles, and the CLI hands it the ones tests name (read
/// here, relative to the test file). A file that does not exist is left out, so the generator
/// reports it (AR1003) at the test file's line, as a build would.
/// </summary>
internal static class TestEventFiles
{
    /// <summary>The rule files and, after them, the event files their tests refer to.</summary>
    public static List<(string Path, string Text)> With(List<(string Path, string Text)> files)
    {
        files.AddRange(Referenced(files).ToList());
        return files;
    }

    public static IEnumerable<(string Path, string Text)> Referenced(IReadOnlyCollection<(string Path, string Text)> files)
    {
        var known = new HashSet<string>(files.Select(f => Path.GetFullPath(f.Path)), StringComparer.Ordinal);
        foreach (var (path, text) in files.Where(f => RuleTestFileParser.IsTestFile(f.Path)).ToList())
        {
            var syntax = RuleTestFileParser.Parse(path, text);
            foreach (var file in syntax.Cases.SelectMany(c => c.Events).Select(e => e.File).OfType<Generators.Model.Located<string>>())
            {
                var eventPath = Path.IsPathRooted(file.Value) ? file.Value : Path.Combine(Path.GetDirectoryName(path) ?? "", file.Value);
                if (!File.Exists(eventPath) || !known.Add(Path.GetFullPath(eventPath))) continue;
                yield return (eventPath, File.ReadAllText(eventPath));
            }
        }
    }
}
