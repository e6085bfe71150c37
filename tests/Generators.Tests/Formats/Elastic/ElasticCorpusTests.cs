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

        var stopwatch = Stopwatch.StartNew();
        var texts = tomlFiles.Select(File.ReadAllText).ToArray();
        var readFiles = stopwatch.ElapsedMilliseconds;
        var results = new AzureRules.Generators.Formats.RuleFile[texts.Length];
        for (var i = 0; i < texts.Length; i++) results[i] = ElasticTomlReader.Read(tomlFiles[i], texts[i]);
        var firstPass = stopwatch.ElapsedMilliseconds - readFiles;
        // a second pass shows the steady state, without JIT compilation
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        stopwatch.Restart();
        for (var i = 0; i < texts.Length; i++) ElasticTomlReader.Read(tomlFiles[i], texts[i]);
        stopwatch.Stop();
        // CPU time is steadier than wall time on a shared machine (it includes any test running alongside)
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;

        var fileDiagnostics = results.SelectMany(r => r.Diagnostics).ToList();
        var ruleDiagnostics = results.SelectMany(r => r.Rules).SelectMany(r => r.Diagnostics).ToList();
        var byId = fileDiagnostics.Concat(ruleDiagnostics).GroupBy(d => d.Id).OrderBy(g => g.Key)
            .Select(g => $"{g.Key}={g.Count()}");
        var rules = results.Sum(r => r.Rules.Count);
        output.WriteLine($"files: {files.Length} ({tomlFiles.Length} TOML), rules: {rules}, diagnostics: {string.Join(", ", byId)}");
        output.WriteLine($"time: load files {readFiles} ms, read rules {firstPass} ms (first pass), {stopwatch.ElapsedMilliseconds} ms (second pass, {cpu.TotalMilliseconds:0} ms CPU), {texts.Sum(t => t.Length) / 1024} KiB of text");
        foreach (var d in fileDiagnostics.Concat(ruleDiagnostics).Take(20)) output.WriteLine(d.ToString());

        Assert.Empty(fileDiagnostics);
        Assert.Equal(tomlFiles.Length, rules);
        Assert.DoesNotContain(ruleDiagnostics, d => d.DefaultSeverity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
        // every query maps back into its file: each map segment starts where its first character was
        // written (or at the escape sequence that stands for it), at the right line and column
        var queries = 0;
        foreach (var rule in results.SelectMany(r => r.Rules).Where(r => r.Query is not null))
        {
            var text = texts[Array.IndexOf(tomlFiles, rule.FilePath)];
            var lines = new AzureRules.Generators.Diagnostics.TextLines(text);
            var query = rule.Query!;
            foreach (var segment in query.Map)
            {
                Assert.Equal(lines.PositionOf(segment.FilePosition.Offset), segment.FilePosition);
                if (segment.QueryOffset == query.Text.Length) continue;
                var written = text[segment.FilePosition.Offset];
                Assert.True(written == query.Text[segment.QueryOffset] || written == '\\', $"{rule.FilePath}{segment.FilePosition}");
            }
            queries++;
        }
        output.WriteLine($"queries mapped: {queries}");
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
