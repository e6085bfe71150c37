using System.Diagnostics;
using AzureRules.Generators.Kusto.Parsing;
using AzureRules.Generators.Kusto.Syntax;
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
    /// <summary>The corpus rules whose query is not valid Kusto (relative to corpus/sentinel), with the
    /// line of the query where the fault is and why.</summary>
    private static readonly Dictionary<string, int> KnownBroken = new(StringComparer.Ordinal)
    {
        ["analytic/Detections/ASimWebSession/PotentiallyHarmfulFileTypes.yaml"] = 6, // extract(@(\.\w+)$, ...): unquoted regex
        ["hunting/Hunting Queries/AWSS3/AWSBucketAPILogs-SuspiciousDataAccessToS3BucketsfromUnknownIP.yaml"] = 7, // where EventTime TimeGenerated between: missing operator
        ["hunting/Hunting Queries/AuditLogs/NonredeemedGuesUserInvites.yaml"] = 26, // project ..., TimeGenerated, <end>: trailing comma
        ["hunting/Hunting Queries/Microsoft 365 Defender/Campaigns/redmenshen-bpfdoor-backdoor.yaml"] = 2, // has ("a", "b"): has takes one value
        ["hunting/Hunting Queries/Microsoft 365 Defender/Exfiltration/detect-exfiltration-after-termination.yaml"] = 14, // bin(5Minutebin=Timestamp, ...)
        ["hunting/Hunting Queries/Microsoft 365 Defender/Exploits/VMWare-LPE-2022-22960.yaml"] = 2, // has ("a", "b"): has takes one value
        ["hunting/Hunting Queries/MultipleDataSources/Dev-0322CommandLineActivityNovember2021.yaml"] = 22, // extend ..., HostCustomEntity = DeviceName, <end>: trailing comma
        ["hunting/Hunting Queries/MultipleDataSources/NetworkConnectiontoOMIPorts.yaml"] = 35, // one ')' too many
        ["hunting/Hunting Queries/MultipleDataSources/PersistViaIFEORegistryKey.yaml"] = 42, // one ')' missing at the end
        ["hunting/Hunting Queries/MultipleDataSources/UnfamiliarsignincorrelationwithPortalSigninandAuditlogs.yaml"] = 41, // the YAML's entityMappings indented into the query block
        ["hunting/Solutions/Box/Hunting Queries/BoxAdminIpAddress.yaml"] = 4, // '; | extend': a statement cannot start with a pipe
        ["hunting/Solutions/CiscoDuoSecurity/Hunting Queries/CiscoDuoNewUsers.yaml"] = 3, // where DvcAction "user_create": missing operator
        ["hunting/Solutions/Snowflake/Hunting Queries/SnowflakeHighCreditConsumingQueries.yaml"] = 1, // the query starts with '| let'
        ["hunting/Solutions/Snowflake/Hunting Queries/SnowflakeTimeConsumingQueries.yaml"] = 1, // the query starts with '| let'
    };

    internal sealed record CorpusQuery(string File, string Query, int QueryLine);

    internal static List<CorpusQuery> LoadQueries()
        => [.. SentinelCorpus.Rules().Select(r => new CorpusQuery(r.File, r.Query, r.QueryLine))];

    [SharedFact("corpus", "sentinel")]
    public void Every_corpus_query_parses_except_the_known_broken_ones()
    {
        var queries = LoadQueries();
        var failures = new List<(CorpusQuery Query, string Diagnostic, int Line)>();
        var stopwatch = Stopwatch.StartNew();
        foreach (var query in queries)
        {
            var tree = KustoParser.Parse(query.Query);
            if (tree.HasErrors)
            {
                var d = tree.Diagnostics[0];
                var line = query.Query.Take(d.Start).Count(c => c == '\n') + 1;
                failures.Add((query, $"query line {line}: {d.Id} {string.Join(", ", d.Arguments)} «{Excerpt(query.Query, d.Start)}»", line));
            }
        }
        stopwatch.Stop();

        output.WriteLine($"{queries.Count} queries, {queries.Count - failures.Count} parse without syntax errors, {failures.Count} with");
        output.WriteLine($"parse time {stopwatch.Elapsed.TotalMilliseconds:F0} ms, {queries.Count / stopwatch.Elapsed.TotalSeconds:F0} queries/s (first pass, includes JIT)");
        foreach (var (query, diagnostic, _) in failures) output.WriteLine($"  {query.File}: {diagnostic}");

        Assert.True(queries.Count > 2000, $"expected the whole corpus, read {queries.Count} queries");
        Assert.Equal(KnownBroken.Keys.OrderBy(f => f), failures.Select(f => f.Query.File).OrderBy(f => f));
        foreach (var failure in failures) Assert.Equal(KnownBroken[failure.Query.File], failure.Line);
    }

    [SharedFact("corpus", "sentinel")]
    public void Corpus_trees_use_only_operators_the_parser_understands()
    {
        var queries = LoadQueries();
        var unsupported = new List<string>();
        var nodeCounts = new Dictionary<string, int>();
        foreach (var query in queries)
        {
            var tree = KustoParser.Parse(query.Query);
            if (tree.HasErrors) continue;
            foreach (var node in tree.Root.DescendantNodesAndSelf())
            {
                var name = node.GetType().Name;
                nodeCounts[name] = nodeCounts.TryGetValue(name, out var n) ? n + 1 : 1;
                if (node is UnsupportedOperator op) unsupported.Add($"{query.File}: {op.Keyword}");
                if (node is MissingExpression) unsupported.Add($"{query.File}: missing expression without a diagnostic");
                Assert.InRange(node.Span.End, node.Span.Start, query.Query.Length);
            }
        }
        foreach (var (name, count) in nodeCounts.OrderByDescending(p => p.Value)) output.WriteLine($"{count,8} {name}");
        foreach (var line in unsupported) output.WriteLine("  only delimited: " + line);
        Assert.All(unsupported, line => Assert.EndsWith(": scan", line));
    }

    [SharedFact("corpus", "sentinel")]
    public void Parse_throughput_over_the_corpus()
    {
        var queries = LoadQueries().Select(q => q.Query).ToList();
        foreach (var query in queries) KustoParser.Parse(query); // warm up
        const int passes = 3;
        var stopwatch = Stopwatch.StartNew();
        for (var pass = 0; pass < passes; pass++)
        {
            foreach (var query in queries) KustoParser.Parse(query);
        }
        stopwatch.Stop();
        var characters = queries.Sum(q => (long)q.Length) * passes;
        output.WriteLine($"{queries.Count * passes} parses in {stopwatch.Elapsed.TotalMilliseconds:F0} ms: " +
                         $"{queries.Count * passes / stopwatch.Elapsed.TotalSeconds:F0} queries/s, {characters / stopwatch.Elapsed.TotalSeconds / 1e6:F1} M chars/s");
        Assert.True(queries.Count > 0);
    }

    private static string Excerpt(string text, int offset)
    {
        var start = Math.Max(0, offset - 20);
        var end = Math.Min(text.Length, offset + 20);
        return text.Substring(start, end - start).Replace('\n', ' ');
    }
}
