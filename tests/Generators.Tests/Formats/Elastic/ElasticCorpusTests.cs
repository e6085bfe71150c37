using System.Diagnostics;
using AzureRules.Generators.Formats.Elastic;
using AzureRules.Generators.Formats.Toml;
using AzureRules.Tests;
using Xunit;
using Xunit.Abstractions;

namespace AzureRules.Generators.Tests.Formats.Elastic;

/// <summary>Every rule of elastic/detection-rules and every Kibana JSON file in shared/ is read.</summary>
public sealed class ElasticCorpusTests(ITestOutputHelper output)
{
    [SharedFact("corpus", "elastic", "rules")]
    public void Every_detection_rules_toml_file_parses_and_reads_without_errors()
    {
        var root = SharedMaterial.Path("corpus", "elastic", "rules")!;
        var files = Directory.GetFiles(root, "*", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal).ToArray();
        var tomlFiles = files.Where(f => f.EndsWith(".toml", StringComparison.Ordinal)).ToArray();
        Assert.Equal(files.Length - 2, tomlFiles.Length); // README.md and integrations/aws/NOTICE.txt are not rules

        var texts = tomlFiles.Select(File.ReadAllText).ToArray();
        var stopwatch = Stopwatch.StartNew();
        var results = new AzureRules.Generators.Formats.RuleFile[texts.Length];
        for (var i = 0; i < texts.Length; i++) results[i] = ElasticTomlReader.Read(tomlFiles[i], texts[i]);
        stopwatch.Stop();

        var fileDiagnostics = results.SelectMany(r => r.Diagnostics).ToList();
        var ruleDiagnostics = results.SelectMany(r => r.Rules).SelectMany(r => r.Diagnostics).ToList();
        var byId = fileDiagnostics.Concat(ruleDiagnostics).GroupBy(d => d.Id).OrderBy(g => g.Key)
            .Select(g => $"{g.Key}={g.Count()}");
        var rules = results.Sum(r => r.Rules.Count);
        output.WriteLine($"files: {files.Length} ({tomlFiles.Length} TOML), rules: {rules}, diagnostics: {string.Join(", ", byId)}");
        output.WriteLine($"read time (parse + build, text in memory): {stopwatch.ElapsedMilliseconds} ms");
        foreach (var d in fileDiagnostics.Concat(ruleDiagnostics).Take(20)) output.WriteLine(d.ToString());

        Assert.Empty(fileDiagnostics);
        Assert.Equal(tomlFiles.Length, rules);
        Assert.DoesNotContain(ruleDiagnostics, d => d.DefaultSeverity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
        // every rule with a query has its text mapped back into its file
        foreach (var rule in results.SelectMany(r => r.Rules).Where(r => r.Query is not null))
            Assert.Equal(rule.Query!.Text[0], texts[Array.IndexOf(tomlFiles, rule.FilePath)][rule.Query.MapOffset(0).Offset]);
    }

    [SharedFact("corpus", "elastic", "rules")]
    public void The_toml_parser_alone_accepts_every_corpus_file()
    {
        var root = SharedMaterial.Path("corpus", "elastic", "rules")!;
        var errors = Directory.GetFiles(root, "*.toml", SearchOption.AllDirectories)
            .Select(f => (f, TomlParser.Parse(File.ReadAllText(f)).Error))
            .Where(r => r.Error is not null)
            .Select(r => $"{r.f}{r.Error}")
            .ToList();
        Assert.Empty(errors);
    }

    [SharedFact("corpus", "elastic", "kibana-json")]
    public void Every_kibana_json_file_reads_without_errors()
    {
        var root = SharedMaterial.Path("corpus", "elastic", "kibana-json")!;
        var files = Directory.GetFiles(root, "*", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal).ToArray();
        var results = files.Select(f => KibanaJsonReader.Read(f, File.ReadAllText(f))).ToArray();
        var diagnostics = results.SelectMany(r => r.Diagnostics.Concat(r.Rules.SelectMany(x => x.Diagnostics))).ToList();
        output.WriteLine($"files: {files.Length}, rules: {results.Sum(r => r.Rules.Count)}");
        foreach (var d in diagnostics) output.WriteLine(d.ToString());

        Assert.Equal(6, files.Length);
        Assert.Empty(diagnostics);
        // 9 rules in the export, 1 template, 4 from the integration package
        Assert.Equal(14, results.Sum(r => r.Rules.Count));
        var export = results.Single(r => r.Path.EndsWith(".ndjson", StringComparison.Ordinal));
        Assert.Equal(["query", "query", "query", "eql", "esql", "new_terms", "threat_match", "threshold", "machine_learning"], export.Rules.Select(r => r.Kind));
    }
}
