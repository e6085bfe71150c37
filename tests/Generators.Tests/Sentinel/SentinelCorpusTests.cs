using System.Diagnostics;
using AzureRules.Generators.Formats.Sentinel;
using AzureRules.Generators.Sentinel;
using AzureRules.Tests;
using Xunit;
using Xunit.Abstractions;

namespace AzureRules.Generators.Tests.Sentinel;

/// <summary>Every analytic rule and hunting query of the Azure-Sentinel repository (2022-08), read and checked.</summary>
public sealed class SentinelCorpusTests(ITestOutputHelper output)
{
    /// <summary>Files that are not valid YAML in the repository itself (found by this test, checked by hand).</summary>
    private static readonly string[] TrulyMalformed =
    [
    ];

    [SharedFact("corpus", "sentinel", "analytic")]
    public void Reads_every_Sentinel_rule_of_the_corpus()
    {
        var root = SharedMaterial.Path("corpus", "sentinel")!;
        var files = new[] { "analytic", "hunting" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(root, folder), "*.*", SearchOption.AllDirectories))
            .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToList();
        var texts = files.Select(File.ReadAllText).ToList();

        // CPU time too: the wall clock of a shared test machine says little
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var stopwatch = Stopwatch.StartNew();
        var results = files.Select((f, i) => SentinelYamlReader.Read(Path.GetRelativePath(root, f), texts[i])).ToList();
        var readTime = stopwatch.Elapsed;
        var checks = results.SelectMany(r => r.Rules).Select(SentinelRuleChecks.Check).ToList();
        var totalTime = stopwatch.Elapsed;
        process.Refresh();
        var cpuTime = process.TotalProcessorTime - cpuBefore;

        var rules = results.SelectMany(r => r.Rules).ToList();
        var diagnostics = results.SelectMany(r => r.Diagnostics)
            .Concat(rules.SelectMany(r => r.Diagnostics))
            .Concat(checks.SelectMany(c => c))
            .ToList();

        output.WriteLine($"{files.Count} files, {rules.Count} rules ({string.Join(", ", rules.GroupBy(r => r.Kind).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}"))})");
        output.WriteLine($"read in {readTime.TotalMilliseconds:0} ms, read and checked in {totalTime.TotalMilliseconds:0} ms (wall clock; {cpuTime.TotalMilliseconds:0} ms CPU in the process meanwhile)");
        foreach (var group in diagnostics.GroupBy(d => d.Id).OrderBy(g => g.Key))
        {
            output.WriteLine($"{group.Key}: {group.Count()} in {group.Select(d => d.Span.FilePath).Distinct().Count()} files");
            foreach (var d in group.Take(4)) output.WriteLine("    " + d);
        }

        // every query character maps back to itself in the file
        var mapFailures = rules.Where(r => r.Query is not null)
            .Select(r => (Rule: r, Bad: QueryMapAssert.Mismatches(r.Query!, texts[files.FindIndex(f => Path.GetRelativePath(root, f) == r.FilePath)])))
            .Where(x => x.Bad.Count > 0).ToList();
        foreach (var (rule, bad) in mapFailures.Take(10))
            output.WriteLine($"map: {rule.FilePath}: {bad.Count} characters, first at {bad[0]} → {rule.Query!.MapOffset(bad[0])}");

        var malformed = diagnostics.Where(d => d.Id is "AR0001" or "AR0101").Select(d => d.Span.FilePath.Replace('\\', '/')).Distinct().OrderBy(p => p).ToList();
        Assert.Equal(TrulyMalformed, malformed);
        Assert.Empty(mapFailures);
        Assert.Equal(files.Count, rules.Count + malformed.Count);
    }

    /// <summary>
    /// Every corpus rule placed in a rule page, as the seed page holds one: the page reader finds the
    /// same rule, with every position moved down by the page's lines above the YAML.
    /// </summary>
    [SharedFact("corpus", "sentinel", "analytic")]
    public void Reads_every_Sentinel_rule_of_the_corpus_from_a_rule_page()
    {
        var root = SharedMaterial.Path("corpus", "sentinel")!;
        const string above = "Title\n\nKQL Query\n\nSigninLogs | take 1\n\nAnalytic Rule Definition\n\n";
        const int linesAbove = 8;
        var compared = 0;
        foreach (var file in new[] { "analytic", "hunting" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(root, folder), "*.y*ml", SearchOption.AllDirectories)))
        {
            var yaml = File.ReadAllText(file);
            if (!yaml.EndsWith('\n')) yaml += "\n";
            var page = above + yaml + "\nRequired Data Sources\n\nSentinel TableNotes\n";
            Assert.True(SentinelDocPageReader.LooksLike(page), file);
            var fromYaml = Assert.Single(SentinelYamlReader.Read(file, yaml).Rules);
            var fromPage = Assert.Single(SentinelDocPageReader.Read(file, page).Rules);
            Assert.Equal(fromYaml.Name.Value, fromPage.Name.Value);
            Assert.Equal(fromYaml.Name.Span.Start.Line + linesAbove, fromPage.Name.Span.Start.Line);
            Assert.Equal(fromYaml.Query!.Text, fromPage.Query!.Text);
            var start = fromYaml.Query.MapOffset(0);
            Assert.Equal(start with { Offset = start.Offset + above.Length, Line = start.Line + linesAbove }, fromPage.Query.MapOffset(0));
            QueryMapAssert.EveryCharacterMapsToItself(fromPage.Query, page);
            Assert.Equal(fromYaml.Diagnostics.Count, fromPage.Diagnostics.Count);
            compared++;
        }
        output.WriteLine($"{compared} rules read alike from their YAML and from a rule page");
    }
}
