using AzureRules.Generators.Kusto.Parsing;
using AzureRules.Tests;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace AzureRules.Generators.Tests.Kusto.Syntax;

/// <summary>
/// The parser must return (never throw, never hang) on any input and keep every span and diagnostic
/// inside the text: checked on random truncations and character deletions of real corpus queries.
/// </summary>
public sealed class ParserFuzzTests
{
    [SharedFact("corpus", "sentinel", "analytic")]
    public void Random_truncations_and_deletions_of_corpus_queries_parse_without_throwing()
    {
        var queries = Directory.EnumerateFiles(SharedMaterial.Path("corpus", "sentinel", "analytic")!, "*.yaml", SearchOption.AllDirectories)
            .OrderBy(f => f, StringComparer.Ordinal)
            .Where((_, i) => i % 4 == 0)
            .Select(ReadQuery)
            .OfType<string>()
            .ToList();
        Assert.NotEmpty(queries);

        var random = new Random(20261122);
        var checkedTexts = 0;
        foreach (var query in queries)
        {
            for (var i = 0; i < 4; i++)
            {
                var cut = query.Substring(0, random.Next(query.Length + 1));
                Check(cut);
                var at = random.Next(query.Length);
                Check(query.Remove(at, Math.Min(query.Length - at, 1 + random.Next(3))));
                checkedTexts += 2;
            }
        }
        Assert.True(checkedTexts > 500);

        static void Check(string text)
        {
            var tree = KustoParser.Parse(text);
            ParseAssert.SpansAreNested(tree);
            foreach (var d in tree.Diagnostics)
            {
                Assert.InRange(d.Start, 0, text.Length);
                Assert.InRange(d.Start + d.Length, d.Start, text.Length);
            }
        }
    }

    private static string? ReadQuery(string file)
    {
        try
        {
            var stream = new YamlStream();
            using var reader = new StringReader(File.ReadAllText(file));
            stream.Load(reader);
            return stream.Documents.Count > 0 && stream.Documents[0].RootNode is YamlMappingNode map
                   && map.Children.TryGetValue(new YamlScalarNode("query"), out var node) && node is YamlScalarNode scalar
                ? scalar.Value
                : null;
        }
        catch (YamlDotNet.Core.YamlException)
        {
            return null;
        }
    }
}
