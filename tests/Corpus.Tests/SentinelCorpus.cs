using AzureRules.Tests;
using YamlDotNet.RepresentationModel;

namespace AzureRules.Corpus.Tests;

/// <summary>A Sentinel corpus rule read directly with YamlDotNet, independent of the product's reader.</summary>
internal sealed record SentinelCorpusRule(string File, YamlMappingNode Map, string Query, int QueryLine);

/// <summary>
/// Every rule with a query in corpus/sentinel/analytic and hunting, in path order, for the Kusto
/// parse and bind corpus tests. Malformed YAML is skipped here: the Sentinel reader's tests report it.
/// </summary>
internal static class SentinelCorpus
{
    public static List<SentinelCorpusRule> Rules()
    {
        var root = SharedMaterial.Path("corpus", "sentinel")!;
        var rules = new List<SentinelCorpusRule>();
        foreach (var folder in new[] { "analytic", "hunting" })
        {
            var files = Directory.EnumerateFiles(Path.Combine(root, folder), "*.*", SearchOption.AllDirectories)
                .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
                .OrderBy(f => f, StringComparer.Ordinal);
            foreach (var file in files)
            {
                var stream = new YamlStream();
                try
                {
                    using var reader = new StringReader(File.ReadAllText(file));
                    stream.Load(reader);
                }
                catch (YamlDotNet.Core.YamlException)
                {
                    continue;
                }
                if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode map) continue;
                if (!map.Children.TryGetValue(new YamlScalarNode("query"), out var node) || node is not YamlScalarNode { Value: { } query }) continue;
                rules.Add(new SentinelCorpusRule(Path.GetRelativePath(root, file).Replace('\\', '/'), map, query, (int)node.Start.Line));
            }
        }
        return rules;
    }
}
