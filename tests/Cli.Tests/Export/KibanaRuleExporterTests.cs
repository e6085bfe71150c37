using System.Text.Json.Nodes;
using AzureRules.Cli.Export;
using AzureRules.Generators.Formats;
using AzureRules.Generators.Versioning;
using Xunit;
using static AzureRules.Cli.Tests.Export.ExportTestRules;

namespace AzureRules.Cli.Tests.Export;

/// <summary>Each field of a Kibana import line, from detection-rules TOML and Kibana JSON.</summary>
public sealed class KibanaRuleExporterTests
{
    private static JsonObject Export(string path, string text) => KibanaRuleExporter.Export(Read(path, text));

    [Fact]
    public void Common_fields_use_kibana_names_and_values()
    {
        var json = Export("rules/brute.toml", ThresholdToml);
        Assert.Equal("6b1a7c2d-0e3f-4a5b-8c9d-0e1f2a3b4c5d", (string?)json["rule_id"]);
        Assert.Equal("threshold", (string?)json["type"]);
        Assert.Equal("kuery", (string?)json["language"]);
        Assert.Equal("event.category:authentication and event.outcome:failure", (string?)json["query"]);
        Assert.Equal("logs-system.auth-*", (string?)json["index"]![0]);
        Assert.Equal("now-9m", (string?)json["from"]);
        Assert.Equal("5m", (string?)json["interval"]);      // Kibana's default, written out
        Assert.Equal(100, (int?)json["max_signals"]);       // Kibana's default, written out
        Assert.Equal(47, (int?)json["risk_score"]);
        Assert.Equal("medium", (string?)json["severity"]);
        Assert.Equal("Elastic License v2", (string?)json["license"]);
        Assert.Equal("Elastic", (string?)json["author"]![0]);
        Assert.Equal("Tactic: Credential Access", (string?)json["tags"]![1]);
        Assert.Equal("event.ingested", (string?)json["timestamp_override"]);
        Assert.Null(json["version"]); // the TOML has none: the lock file keeps it
    }

    [Fact]
    public void Fields_the_model_keeps_as_data_are_written_back_as_read()
    {
        var json = Export("rules/brute.toml", ThresholdToml);
        Assert.Equal("## Triage\nLook at the source.", (string?)json["note"]);
        Assert.Equal("Needs the System integration.", (string?)json["setup"]);
    }

    [Fact]
    public void Threshold_with_cardinality()
    {
        var threshold = Export("rules/brute.toml", ThresholdToml)["threshold"]!;
        Assert.Equal("source.ip", (string?)threshold["field"]![0]);
        Assert.Equal(25, (int?)threshold["value"]);
        Assert.Equal("user.name", (string?)threshold["cardinality"]![0]!["field"]);
        Assert.Equal(5, (int?)threshold["cardinality"]![0]!["value"]);
    }

    [Fact]
    public void Threat_nests_subtechniques_with_names_and_references()
    {
        var threat = Assert.Single(Export("rules/brute.toml", ThresholdToml)["threat"]!.AsArray())!;
        Assert.Equal("MITRE ATT&CK", (string?)threat["framework"]);
        Assert.Equal("TA0006", (string?)threat["tactic"]!["id"]);
        Assert.Equal("Credential Access", (string?)threat["tactic"]!["name"]);
        Assert.Equal("https://attack.mitre.org/tactics/TA0006/", (string?)threat["tactic"]!["reference"]);
        var technique = Assert.Single(threat["technique"]!.AsArray())!;
        Assert.Equal("T1110", (string?)technique["id"]);
        Assert.Equal("Brute Force", (string?)technique["name"]);
        var sub = Assert.Single(technique["subtechnique"]!.AsArray())!;
        Assert.Equal("T1110.001", (string?)sub["id"]);
        Assert.Equal("https://attack.mitre.org/techniques/T1110/001/", (string?)sub["reference"]);
    }

    [Fact]
    public void New_terms_toml_form_becomes_the_api_form()
    {
        var json = Export("rules/new.toml", NewTermsToml);
        Assert.Equal(["user.name", "source.geo.country_name"], json["new_terms_fields"]!.AsArray().Select(n => (string?)n));
        Assert.Equal("now-14d", (string?)json["history_window_start"]);
        Assert.Null(json["new_terms"]);
    }

    [Fact]
    public void Machine_learning_jobs_threshold_and_an_integer_version()
    {
        var json = Export("rules/ml.json", MachineLearningJson);
        Assert.Equal(["auth_rare_user", "auth_rare_source"], json["machine_learning_job_id"]!.AsArray().Select(n => (string?)n));
        Assert.Equal(75, (int?)json["anomaly_threshold"]);
        Assert.Equal(3, (int?)json["version"]);
        Assert.Null(json["language"]);
        Assert.Null(json["query"]);
        Assert.Equal("now-45m", (string?)json["from"]);
        Assert.Equal("15m", (string?)json["interval"]);
    }

    [Theory]
    [InlineData("rules/brute.toml", ThresholdToml)]
    [InlineData("rules/new.toml", NewTermsToml)]
    [InlineData("rules/ml.json", MachineLearningJson)]
    public void A_line_read_back_is_the_same_rule(string path, string text)
    {
        var rule = Read(path, text);
        var line = KibanaRuleExporter.ToLine(KibanaRuleExporter.Export(rule));
        Assert.DoesNotContain('\n', line);
        var back = Assert.Single(RuleFileReader.Read("export.ndjson", line).Rules);
        Assert.Equal(RuleCanonicalForm.Text(rule), RuleCanonicalForm.Text(back));
    }

    [Fact]
    public void A_sentinel_rule_is_refused()
        => Assert.Throws<ExportException>(() => KibanaRuleExporter.Export(Read("rule.yaml", ScheduledYaml)));
}
