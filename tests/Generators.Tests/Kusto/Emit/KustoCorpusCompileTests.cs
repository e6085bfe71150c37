using AzureRules.Generators.Kusto;
using AzureRules.Generators.Model;
using AzureRules.Generators.Diagnostics;
using AzureRules.Tests;
using Xunit;
using Xunit.Abstractions;

namespace AzureRules.Generators.Tests.Kusto.Emit;

/// <summary>
/// Every query of the Sentinel corpus through the Kusto compiler: it must never throw, and the share
/// of queries the runtime can execute must not fall (the constructs that block the rest are listed).
/// </summary>
public sealed class KustoCorpusCompileTests(ITestOutputHelper output)
{
    [SharedFact("corpus", "sentinel")]
    public void Sentinel_queries_compile_and_most_are_executable()
    {
        var root = SharedMaterial.Path("corpus", "sentinel")!;
        var deserializer = new YamlDotNet.Serialization.DeserializerBuilder().Build();
        int total = 0, executable = 0, syntax = 0;
        var blockers = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(root, "*.yaml", SearchOption.AllDirectories))
        {
            string? query;
            try
            {
                var yaml = deserializer.Deserialize<Dictionary<object, object>>(File.ReadAllText(file));
                query = yaml?.GetValueOrDefault("query") as string;
            }
            catch (YamlDotNet.Core.YamlException)
            {
                continue;
            }
            if (string.IsNullOrWhiteSpace(query)) continue;
            total++;
            var start = SourceSpan.At(file, SourcePosition.Start);
            var compiled = KustoCompiler.Compile(new RuleDefinition
            {
                FilePath = file,
                Format = RuleFormat.SentinelYaml,
                Kind = "Scheduled",
                Name = new Located<string>(Path.GetFileName(file), start),
                Language = QueryLanguage.Kusto,
                Query = QueryText.Verbatim(query, file, SourcePosition.Start),
            });
            if (compiled.IsExecutable) { executable++; continue; }
            if (compiled.Diagnostics.Any(d => d.Id is "AR0301" or "AR0302")) { syntax++; continue; }
            var first = compiled.Diagnostics.FirstOrDefault(d => string.CompareOrdinal(d.Id, "AR0350") >= 0)
                ?? compiled.Diagnostics.First(d => DiagnosticDescriptors.Get(d.Id).DefaultSeverity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
            var key = first.Id + " " + string.Join(",", first.Arguments.Items);
            blockers[key] = blockers.GetValueOrDefault(key) + 1;
        }
        output.WriteLine($"{executable} of {total} Sentinel queries executable ({100.0 * executable / Math.Max(1, total):0.0}%), {syntax} with syntax errors");
        foreach (var (key, count) in blockers.OrderByDescending(kv => kv.Value).Take(30))
            output.WriteLine($"  {count,5}  {key}");
        Assert.True(total > 1000, $"only {total} queries found");
        Assert.True(executable * 100 / total >= 75, $"{executable} of {total} executable");
    }
}
