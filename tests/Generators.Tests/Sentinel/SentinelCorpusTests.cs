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

        var stopwatch = Stopwatch.StartNew();
        var results = files.Select((f, i) => SentinelYamlReader.Read(Path.GetRelativePath(root, f), texts[i])).ToList();
        var readTime = stopwatch.Elapsed;
        var checks = results.SelectMany(r => r.Rules).Select(SentinelRuleChecks.Check).ToList();
        var totalTime = stopwatch.Elapsed;

        var rules = results.SelectMany(r => r.Rules).ToList();
        var diagnostics = results.SelectMany(r => r.Diagnostics)
            .Concat(rules.SelectMany(r => r.Diagnostics))
            .Concat(checks.SelectMany(c => c))
            .ToList();

        output.WriteLine($"{files.Count} files, {rules.Count} rules ({string.Join(", ", rules.GroupBy(r => r.Kind).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}"))})");
        output.WriteLine($"read in {readTime.TotalMilliseconds:0} ms, read and checked in {totalTime.TotalMilliseconds:0} ms");
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
}
