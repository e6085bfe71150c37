using AzureRules.Cli.Compilation;
using AzureRules.Sdk.Engine;
using AzureRules.Sdk.Esql;
using AzureRules.Sdk.Events;
using AzureRules.Tests;
using Xunit;
using QueryLanguage = AzureRules.Generators.Model.QueryLanguage;

namespace AzureRules.Cli.Tests.Esql;

/// <summary>ENRICH with policies from a local file: the policy file, the engine API and the CLI option.</summary>
public sealed class EsqlEnrichTests
{
    private static readonly string Scenario = Path.Combine(SharedMaterial.RepositoryRoot, "samples", "scenarios", "esql-enrich");

    private const string Policy = """
        {"policies": [{"config": {"match": {"name": "hosts", "indices": "cmdb-*", "match_field": "host.name", "enrich_fields": ["owner", "site"]}}}]}
        """;

    [Fact]
    public void The_policy_file_reads_get_enrich_policy_output_and_a_bare_array()
    {
        var policy = Assert.Single(EsqlEnrichPolicies.Parse(Policy).Policies);
        Assert.Equal(("hosts", "match", "host.name"), (policy.Name, policy.Type, policy.MatchField));
        Assert.Equal(["cmdb-*"], policy.Indices);
        Assert.Equal(["owner", "site"], policy.EnrichFields);
        var range = Assert.Single(EsqlEnrichPolicies.Parse("""[{"range": {"name": "nets", "indices": ["networks"], "match_field": "range", "enrich_fields": "zone"}}]""").Policies);
        Assert.Equal(("range", "networks", "zone"), (range.Type, range.Indices.Single(), range.EnrichFields.Single()));
    }

    [Theory]
    [InlineData("""{"policies": {}}""", "expected {\"policies\": [...]}")]
    [InlineData("""[{"match": {"name": "p", "indices": ["i"], "match_field": "f", "enrich_fields": ["e"], "query": {"match_all": {}}}}]""", "policy [p]: a policy query (restricting the source documents) is not supported")]
    [InlineData("""[{"match": {"name": "p", "indices": [], "match_field": "f", "enrich_fields": ["e"]}}]""", "policy [p]: 'indices' must be a string or a non-empty array of strings")]
    [InlineData("""[{"match": {"name": "p", "indices": ["i"], "enrich_fields": ["e"]}}]""", "policy [p]: 'match_field' must be a non-empty string")]
    [InlineData("""[{"terms": {"name": "p"}}]""", "policy 1: expected one of match, range, geo_match as the policy's only key, not terms")]
    [InlineData("""[{"match": {"name": "p", "indices": "i", "match_field": "f", "enrich_fields": "e"}}, {"range": {"name": "p", "indices": "i", "match_field": "f", "enrich_fields": "e"}}]""", "the enrich policy [p] is defined twice")]
    [InlineData("""{"policies": [""", "not JSON")]
    public void A_malformed_policy_file_says_what_is_wrong(string json, string message)
    {
        var error = Assert.Throws<FormatException>(() => EsqlEnrichPolicies.Parse(json));
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    private static EngineResult Run(string query, EsqlEnrichPolicies policies, params string[] lines)
    {
        var file = Path.Combine(Path.GetTempPath(), "esql-enrich-" + Guid.NewGuid().ToString("N") + ".jsonl");
        File.WriteAllLines(file, lines);
        try
        {
            var library = RuleLibrary.FromDefinitions([AdHocRules.Create(QueryLanguage.Esql, query)]);
            Assert.False(library.HasErrors);
            return new DetectionEngine(library.Detections, policies).Run(EventSource.JsonLines(file));
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static readonly string[] Events =
    [
        """{"@timestamp":"2026-01-01T10:01:00Z","_index":"logs-app-default","_id":"e1","host":{"name":"web-1"}}""",
        """{"@timestamp":"2026-01-01T10:02:00Z","_index":"logs-app-default","_id":"e2","host":{"name":"db-9"}}""",
        """{"_index":"cmdb-hosts","_id":"h1","host":{"name":"web-1"},"owner":"web team","site":"par"}""",
        """{"@timestamp":"2026-01-01T10:03:00Z","_index":"cmdb-hosts","_id":"h2","host":{"name":"db-9"},"owner":"dba","site":"fra"}""",
        """{"@timestamp":"2026-01-01T10:30:00Z","_index":"cmdb-hosts","_id":"h3","host":{"name":"web-1"},"owner":"later","site":"ams"}""",
    ];

    [Fact]
    public void The_engine_enriches_from_the_policy_source_index_read_from_the_events()
    {
        var result = Run("FROM logs-* METADATA _id | ENRICH hosts ON host.name WITH who = owner | KEEP _id, host.name, who",
            EsqlEnrichPolicies.Parse(Policy), Events);
        Assert.All(result.Rules, r => Assert.Null(r.Failure));
        // the execution at 10:05 sees h1 (no time: reference data) and h2 (10:03); h3 (10:30) is not read yet then,
        // and the source index is not cut by the rule's six-minute look-back
        Assert.Equal(["e1", "e2"], result.Alerts.Select(a => (string)a.Rows.Single()["_id"]!));
        Assert.Equal(["web team", "dba"], result.Alerts.Select(a => (string)a.Rows.Single()["who"]!));
    }

    [Fact]
    public void Without_the_policy_or_with_a_field_it_does_not_enrich_the_rule_fails_with_elasticsearchs_message()
    {
        var missing = Run("FROM logs-* | ENRICH hosts ON host.name", EsqlEnrichPolicies.None, Events);
        Assert.Empty(missing.Alerts);
        Assert.Equal("InvalidOperationException: cannot find enrich policy [hosts]", Assert.Single(missing.Rules).Failure);
        var field = Run("FROM logs-* | ENRICH hosts ON host.name WITH rack", EsqlEnrichPolicies.Parse(Policy), Events);
        Assert.Equal("InvalidOperationException: Enrich field [rack] not found in enrich policy [hosts]", Assert.Single(field.Rules).Failure);
    }

    [Fact]
    public void The_scenario_rule_alerts_on_the_privileged_accounts_through_the_cli()
    {
        string[] run = ["run", "--rules", Path.Combine(Scenario, "rules"), "--events", Path.Combine(Scenario, "events")];
        var result = Workflow.AzrulesProcess.Run(Scenario, [.. run, "--enrich-policies", Path.Combine(Scenario, "policies.json")]);
        Assert.True(result.ExitCode == 0, result.Error);
        var alerts = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => System.Text.Json.Nodes.JsonNode.Parse(l)!).ToList();
        Assert.Equal(["f-1", "f-4"], alerts.Select(a => (string)a["rows"]![0]!["_id"]!));
        Assert.Equal(["Domain Admins", "Backup Operators"], alerts.Select(a => (string)a["rows"]![0]!["privileged.group"]!));
        Assert.Equal(["ann", "it-ops"], alerts.Select(a => (string)a["rows"]![0]!["privileged.owner"]!));

        var without = Workflow.AzrulesProcess.Run(Scenario, run);
        Assert.Equal(3, without.ExitCode);
        Assert.Contains("cannot find enrich policy [privileged-accounts]", without.Error, StringComparison.Ordinal);
        var missingFile = Workflow.AzrulesProcess.Run(Scenario, [.. run, "--enrich-policies", Path.Combine(Scenario, "missing.json")]);
        Assert.Equal(2, missingFile.ExitCode);
        Assert.StartsWith("azrules: --enrich-policies: ", missingFile.Error, StringComparison.Ordinal);
    }
}
