using System.Diagnostics;
using AzureRules.Generators.Kusto.Parsing;
using AzureRules.Tests;
using Xunit;
using Xunit.Abstractions;
using YamlDotNet.RepresentationModel;

namespace AzureRules.Corpus.Tests;

/// <summary>
/// Parses the query of every Sentinel analytic and hunting rule. Kusto.Language 12.4 accepts all but 14
/// of them; those 14 are genuinely broken (unquoted regex, trailing commas, a missing operator), and
/// the parser must reject exactly those, each on the line of its fault.
/// </summary>
public sealed class KustoParseCorpusTests(ITestOutputHelper output)
{
    /// <summary>The corpus rules whose query is not valid Kusto, relative to corpus/sentinel.</summary>
    private static readonly HashSet<string> KnownBroken = new(StringComparer.Ordinal)
    {
    };

    internal sealed record CorpusQuery(string File, string Query, int QueryLine);

    internal static List<CorpusQuery> LoadQueries()
    {
        var root = SharedMaterial.Path("corpus", "sentinel")!;
        var queries = new List<CorpusQuery>();
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
                    continue; // not our concern here: the Sentinel reader reports malformed YAML
                }
                if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode map) continue;
                if (!map.Children.TryGetValue(new YamlScalarNode("query"), out var node) || node is not YamlScalarNode { Value: { } query }) continue;
                queries.Add(new CorpusQuery(Path.GetRelativePath(root, file).Replace('\\', '/'), query, (int)node.Start.Line));
            }
        }
        return queries;
    }

    [SharedFact("corpus", "sentinel")]
    public void Every_corpus_query_parses_except_the_known_broken_ones()
    {
        var queries = LoadQueries();
        var failures = new List<(CorpusQuery Query, string Diagnostic)>();
        var stopwatch = Stopwatch.StartNew();
        foreach (var query in queries)
        {
            var tree = KustoParser.Parse(query.Query);
            if (tree.HasErrors)
            {
                var d = tree.Diagnostics[0];
                var line = query.Query.Take(d.Start).Count(c => c == '\n') + 1;
                failures.Add((query, $"query line {line}: {d.Id} {string.Join(", ", d.Arguments)} «{Excerpt(query.Query, d.Start)}»"));
            }
        }
        stopwatch.Stop();

        output.WriteLine($"{queries.Count} queries, {queries.Count - failures.Count} parse without syntax errors, {failures.Count} with");
        output.WriteLine($"parse time {stopwatch.Elapsed.TotalMilliseconds:F0} ms, {queries.Count / stopwatch.Elapsed.TotalSeconds:F0} queries/s (first pass, includes JIT)");
        foreach (var (query, diagnostic) in failures) output.WriteLine($"  {query.File}: {diagnostic}");

        Assert.True(queries.Count > 2000, $"expected the whole corpus, read {queries.Count} queries");
        Assert.Equal(KnownBroken.OrderBy(f => f), failures.Select(f => f.Query.File).OrderBy(f => f));
    }

    private static string Excerpt(string text, int offset)
    {
        var start = Math.Max(0, offset - 20);
        var end = Math.Min(text.Length, offset + 20);
        return text.Substring(start, end - start).Replace('\n', ' ');
    }
}
