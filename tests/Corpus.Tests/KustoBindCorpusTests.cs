using System.Diagnostics;
using AzureRules.Generators.Diagnostics;
using AzureRules.Generators.Kusto.Binding;
using AzureRules.Generators.Kusto.Parsing;
using AzureRules.Generators.Kusto.Symbols;
using AzureRules.Tests;
using Xunit;
using Xunit.Abstractions;
using YamlDotNet.RepresentationModel;

namespace AzureRules.Corpus.Tests;

/// <summary>
/// Binds the query of every Sentinel analytic and hunting rule against the Sentinel workspace schemas.
/// Reference: Kusto.Language 12.4 with the same CI schemas binds 1,940 of them without error, 2,011 with
/// Log Analytics' standard columns. Every error that remains must be a real fault of the rule or a table
/// nobody publishes a schema for; they are listed in <see cref="KnownUnbindable"/>.
/// </summary>
public sealed class KustoBindCorpusTests(ITestOutputHelper output)
{
    internal sealed record CorpusQuery(string File, string Query);

    /// <summary>The fewest queries that must bind without an error.</summary>
    private const int MinimumClean = 2230;

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
                    continue;
                }
                if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode map) continue;
                if (!map.Children.TryGetValue(new YamlScalarNode("query"), out var node) || node is not YamlScalarNode { Value: { } query }) continue;
                queries.Add(new CorpusQuery(Path.GetRelativePath(root, file).Replace('\\', '/'), query));
            }
        }
        return queries;
    }

    [SharedFact("corpus", "sentinel")]
    public void Corpus_queries_bind_without_errors()
    {
        var queries = LoadQueries();
        var globals = KustoGlobals.Sentinel;
        var parseFailures = 0;
        var clean = 0;
        var errors = new List<(string File, string Id, string Cause, string Text)>();
        var infos = new Dictionary<string, int>();
        var warnings = new List<(string File, string Id, string Cause, string Text)>();
        var stopwatch = Stopwatch.StartNew();
        foreach (var query in queries)
        {
            var tree = KustoParser.Parse(query.Query);
            if (tree.HasErrors) { parseFailures++; continue; }
            var bound = KustoBinder.Bind(tree, globals);
            var hasError = false;
            foreach (var diagnostic in bound.Diagnostics)
            {
                var descriptor = DiagnosticDescriptors.Get(diagnostic.Id);
                if (descriptor.DefaultSeverity != Microsoft.CodeAnalysis.DiagnosticSeverity.Error)
                {
                    infos[diagnostic.Id] = infos.GetValueOrDefault(diagnostic.Id) + 1;
                    if (descriptor.DefaultSeverity == Microsoft.CodeAnalysis.DiagnosticSeverity.Warning)
                        warnings.Add((query.File, diagnostic.Id, string.Format(descriptor.MessageFormat.ToString(), diagnostic.Arguments.Items.Cast<object>().ToArray()), ""));
                    continue;
                }
                hasError = true;
                var text = query.Query.Substring(diagnostic.Start, Math.Min(diagnostic.Length, query.Query.Length - diagnostic.Start));
                var message = string.Format(descriptor.MessageFormat.ToString(), diagnostic.Arguments.Items.Cast<object>().ToArray());
                var line = query.Query.Take(diagnostic.Start).Count(c => c == '\n') + 1;
                errors.Add(($"{query.File}:{line}", diagnostic.Id, message, text));
            }
            if (!hasError) clean++;
        }
        stopwatch.Stop();

        output.WriteLine($"{queries.Count} queries, {parseFailures} do not parse, {clean} bind clean, " +
                         $"{queries.Count - parseFailures - clean} with binding errors ({stopwatch.ElapsedMilliseconds} ms)");
        foreach (var group in errors.GroupBy(e => e.Id).OrderByDescending(g => g.Count()))
        {
            output.WriteLine($"{group.Key}: {group.Count()} in {group.Select(e => e.File.Substring(0, e.File.LastIndexOf(':'))).Distinct().Count()} files");
            foreach (var cause in group.GroupBy(e => e.Cause).OrderByDescending(g => g.Count()))
                output.WriteLine($"    {cause.Count(),4}  {cause.Key}   e.g. {cause.First().File}");
        }
        foreach (var info in infos) output.WriteLine($"{info.Key} (not an error): {info.Value}");
        output.WriteLine("Warnings by cause:");
        foreach (var cause in warnings.GroupBy(e => e.Id + " " + e.Cause).OrderByDescending(g => g.Count()))
            output.WriteLine($"    {cause.Count(),4}  {cause.Key}   e.g. {cause.First().File}");

        Assert.True(clean >= MinimumClean, $"{clean} of {queries.Count} queries bind clean; expected at least {MinimumClean}");
    }
}
