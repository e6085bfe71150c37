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
        int damaged = 0, cascades = 0;
        foreach (var query in queries)
        {
            for (var i = 0; i < 4; i++)
            {
                var cut = query.Substring(0, random.Next(query.Length + 1));
                Check(cut);
                var at = random.Next(query.Length);
                Check(query.Remove(at, Math.Min(query.Length - at, 1 + random.Next(3))));
                checkedTexts += 2;

                // one deleted character is one mistake: it should give one diagnostic, not a cascade
                var errors = Check(query.Remove(random.Next(query.Length), 1));
                if (errors > 0) damaged++;
                if (errors > 1) cascades++;
            }
        }
        Assert.True(checkedTexts > 500);
        Assert.True(damaged > 50);
        Assert.True(cascades * 50 <= damaged, $"{cascades} of {damaged} single-character deletions gave more than one diagnostic");

        static int Check(string text)
        {
            var tree = KustoParser.Parse(text);
            ParseAssert.SpansAreNested(tree);
            foreach (var d in tree.Diagnostics)
            {
                Assert.InRange(d.Start, 0, text.Length);
                Assert.InRange(d.Start + d.Length, d.Start, text.Length);
            }
            return tree.Diagnostics.Count;
        }
    }

    private static readonly string[] Vocabulary =
    [
        "T", "x", "1", "1.5", "5m", "'s'", "\"s", "@'v'", "h'o'", "```m", "(", ")", "[", "]", "{", "}", "|", ";", ",", ".", "..",
        ":", "=", "==", "!=", "=~", "!~", "<", ">", "+", "-", "*", "/", "%", "!", "$left", "['b']", "//c\n", "\n",
        "let", "set", "declare", "query_parameters", "view", "where", "extend", "project", "project-away", "summarize", "by",
        "join", "kind", "on", "union", "mv-expand", "mv-apply", "to", "typeof", "parse", "with", "make-series", "from", "step",
        "top", "top-nested", "of", "sort", "asc", "desc", "nulls", "take", "distinct", "evaluate", "render", "datatable",
        "externaldata", "print", "range", "fork", "facet", "partition", "search", "find", "in", "!in", "in~", "has", "has_any",
        "between", "and", "or", "not", "dynamic", "datetime", "timespan", "guid", "long", "int", "count", "scan",
    ];

    [Fact]
    public void Random_token_soup_parses_without_throwing()
    {
        var random = new Random(42);
        for (var i = 0; i < 3000; i++)
        {
            var count = 1 + random.Next(40);
            var text = string.Join(random.Next(3) == 0 ? "" : " ", Enumerable.Range(0, count).Select(_ => Vocabulary[random.Next(Vocabulary.Length)]));
            var tree = KustoParser.Parse(text);
            ParseAssert.SpansAreNested(tree);
            Assert.All(tree.Diagnostics, d => Assert.InRange(d.Start + d.Length, d.Start, text.Length));
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
