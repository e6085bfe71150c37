using AzureRules.Generators.Kusto.Parsing;
using AzureRules.Tests;
using BenchmarkDotNet.Attributes;
using YamlDotNet.RepresentationModel;

namespace AzureRules.Benchmarks;

/// <summary>
/// Kusto parse throughput: the whole Sentinel corpus (analytic and hunting queries) per operation,
/// and the seed rule's query alone. Run with BenchmarkSwitcher, filter <c>*KustoParse*</c>.
/// </summary>
[MemoryDiagnoser]
public class KustoParseBenchmark
{
    private List<string> _queries = [];
    private string _seed = "";

    [GlobalSetup]
    public void Setup()
    {
        var root = SharedMaterial.Path("corpus", "sentinel")
            ?? throw new InvalidOperationException("the benchmark needs ../shared/corpus/sentinel");
        foreach (var file in Directory.EnumerateFiles(root, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            try
            {
                var stream = new YamlStream();
                using var reader = new StringReader(File.ReadAllText(file));
                stream.Load(reader);
                if (stream.Documents.Count > 0 && stream.Documents[0].RootNode is YamlMappingNode map
                    && map.Children.TryGetValue(new YamlScalarNode("query"), out var node) && node is YamlScalarNode { Value: { } query })
                {
                    _queries.Add(query);
                }
            }
            catch (YamlDotNet.Core.YamlException)
            {
            }
        }
        _seed = _queries.FirstOrDefault(q => q.Contains("listkeys/action", StringComparison.Ordinal) && q.Contains("$right. CallerIpAddress", StringComparison.Ordinal)) ?? _queries[0];
    }

    [Benchmark(Description = "parse the whole Sentinel corpus")]
    public int ParseCorpus()
    {
        var nodes = 0;
        foreach (var query in _queries) nodes += KustoParser.Parse(query).Root.Statements.Count;
        return nodes;
    }

    [Benchmark(Description = "parse the seed query")]
    public int ParseSeed() => KustoParser.Parse(_seed).Root.Statements.Count;
}
