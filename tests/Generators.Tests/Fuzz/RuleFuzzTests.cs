using System.Text;
using AzureRules.Generators.Pipeline;
using AzureRules.Generators.Tests.Pipeline;
using AzureRules.Tests;
using Xunit;
using Xunit.Abstractions;

namespace AzureRules.Generators.Tests.Fuzz;

/// <summary>
/// Fuzzes every rule reader (YAML, TOML, Kibana JSON and NDJSON) and every query language (Kusto,
/// Kibana KQL, EQL, ES|QL) through the same per-file step `dotnet build` runs: whatever the input,
/// the step returns diagnostics — never an exception, never AR0001 (the compiler failing on its own),
/// never a hang. A short fixed-seed run here; set AZRULES_FUZZ_SECONDS for a longer one.
/// </summary>
public sealed class RuleFuzzTests(ITestOutputHelper output)
{
    private static readonly TimeSpan PerTarget = TimeSpan.FromSeconds(2);

    private static string? Problem(string name, string text)
    {
        var file = LargeStack.Run(() => CompiledFile.From("/fuzz/" + name, name, text));
        var internalError = file.Diagnostics.FirstOrDefault(d => d.Id == "AR0001");
        return internalError is null ? null : "AR0001: " + internalError.FormatMessage();
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static string Text(byte[] input) => Encoding.UTF8.GetString(input);

    /// <summary>Whole rule files of one format; the seeds are small samples plus, when shared/ is there, a few corpus files.</summary>
    public static TheoryData<string> Formats => new() { "yaml", "toml", "json", "ndjson" };

    [Theory]
    [MemberData(nameof(Formats))]
    public void Rule_files_never_break_the_compiler(string format)
    {
        var seeds = format switch
        {
            "yaml" => [RuleSamples.SentinelYaml("11111111-1111-1111-1111-111111111111", "Fuzz", "SigninLogs | where ResultType == \"0\" | summarize count() by UserPrincipalName")],
            "toml" => [RuleSamples.ElasticToml("22222222-2222-2222-2222-222222222222", "Fuzz"), Toml("eql", "eql", "process where process.name : \"a*\" and process.args regex \"x.*\""), Toml("esql", "esql", "FROM logs-* | WHERE a == 1 | STATS c = COUNT(*) BY b")],
            "json" => [KibanaJson],
            _ => new List<string> { KibanaJson.Replace("\n", " "), "{\"list_id\":\"l1\",\"name\":\"x\",\"type\":\"detection\"}" },
        };
        seeds.AddRange(CorpusFiles(format, 6));
        Fuzz(format, seeds, input => Problem("rule." + format, Text(input)));
    }

    public static TheoryData<string> Languages => new() { "kusto", "kuery", "eql", "esql" };

    [Theory]
    [MemberData(nameof(Languages))]
    public void Queries_never_break_the_compiler(string language)
    {
        // the query alone is mutated, then placed in a valid rule file, so the query's parser, binder and emitter see it
        string[] queries = language switch
        {
            "kusto" =>
            [
                "SigninLogs | where ResultType == \"0\" and UserPrincipalName has \"admin\" | extend x = strcat(a, \"b\") | summarize count() by bin(TimeGenerated, 1h)",
                "let t = 1h; AuditLogs | where TimeGenerated > ago(t) | parse TargetResources with * \"name\\\":\\\"\" Name \"\\\"\" * | project Name, OperationName",
                "union SigninLogs, AuditLogs | where tostring(parse_json(tostring(InitiatedBy)).user) matches regex \"^a.*\" | join kind=inner (AzureActivity) on $left.IPAddress == $right.CallerIpAddress",
            ],
            "kuery" => ["event.dataset:azure.activitylogs and azure.activitylogs.operation_name:(\"A\" or \"B*\") and not event.outcome:failure", "process.name:*.exe and source.ip:10.0.0.0/8 and @timestamp >= \"now-1d\""],
            "eql" => ["process where process.name : (\"a.exe\", \"b*\") and process.args regex~ \"x[0-9]+\" and not cidrMatch(source.ip, \"10.0.0.0/8\")", "file where length(file.name) > 3 and startsWith~(file.path, \"C:\\\\\") | head 5"],
            _ => ["FROM logs-* | WHERE event.action == \"x\" AND process.name RLIKE \"a.*\" | EVAL y = TO_LOWER(user.name) | STATS n = COUNT(*) BY host.name | WHERE n > 3", "FROM logs-* | DISSECT message \"%{a} %{b}\" | KEEP a, b | LIMIT 10"],
        };
        Fuzz(language, [.. queries], input =>
        {
            var query = Text(input);
            return language switch
            {
                "kusto" => Problem("q.yaml", RuleSamples.SentinelYaml("11111111-1111-1111-1111-111111111111", "Fuzz", query.Replace("\n", "\n  "))),
                "kuery" => Problem("q.toml", RuleSamples.ElasticToml("22222222-2222-2222-2222-222222222222", "Fuzz", query.Replace("'''", "''"))),
                _ => Problem("q.toml", Toml(language, language, query.Replace("'''", "''"))),
            };
        });
    }

    private void Fuzz(string name, IReadOnlyList<string> seeds, Func<byte[], string?> target)
    {
        var fuzzer = new MutationFuzzer([.. seeds.Select(Utf8)], MutationFuzzer.CommonDictionary);
        var report = fuzzer.Run(target, MutationFuzzer.Budget(PerTarget), MutationFuzzer.Seed(13), slowInput: TimeSpan.FromSeconds(10));
        output.WriteLine($"{name}: {report.Inputs} inputs in {report.Elapsed.TotalSeconds:0.0} s, {report.Findings.Count} findings");
        Assert.True(report.Findings.Count == 0, string.Join("\n", report.Findings));
        Assert.True(report.Inputs > seeds.Count, "the fuzzer ran no mutation");
    }

    private static string Toml(string language, string type, string query) => RuleSamples.ElasticToml("33333333-3333-3333-3333-333333333333", "Fuzz", query)
        .Replace("language = \"kuery\"", $"language = \"{language}\"").Replace("type = \"query\"", $"type = \"{type}\"");

    private static IEnumerable<string> CorpusFiles(string format, int count)
    {
        var root = SharedMaterial.Path("corpus");
        if (root is null) return [];
        // a fixed, spread-out choice, so runs are reproducible
        var files = Directory.EnumerateFiles(root, "*." + format, SearchOption.AllDirectories)
            .Where(f => !f.Contains("sample-data", StringComparison.Ordinal) && new FileInfo(f).Length < 64 * 1024)
            .Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0) return [];
        return Enumerable.Range(0, Math.Min(count, files.Count)).Select(i => File.ReadAllText(files[i * files.Count / Math.Min(count, files.Count)]));
    }

    private const string KibanaJson = """
        {
          "rule_id": "a3ea12f3-0d4e-4667-8b44-4230c63f3c75",
          "name": "Fuzz",
          "description": "d",
          "type": "eql",
          "language": "eql",
          "index": ["logs-*"],
          "query": "file where file.extension : \"dll\" and file.path : \"C:\\\\*.dll\"",
          "risk_score": 47,
          "severity": "medium",
          "from": "now-9m",
          "interval": "5m",
          "threat": [{"framework": "MITRE ATT&CK", "tactic": {"id": "TA0002", "name": "Execution", "reference": "https://attack.mitre.org/tactics/TA0002/"}, "technique": []}]
        }
        """;
}
