using System.Text.Json.Nodes;
using AzureRules.Cli.Export;
using AzureRules.Generators.Formats;
using AzureRules.Generators.Model;
using AzureRules.Generators.Versioning;
using Xunit;
using static AzureRules.Cli.Tests.Export.ExportTestRules;

namespace AzureRules.Cli.Tests.Export;

/// <summary>Each property of a Sentinel alert rule and hunting query in an ARM template, and the Bicep form.</summary>
public sealed class SentinelExportTests
{
    private static JsonObject Template(params string[] yamls)
    {
        var resources = yamls.Select((y, i) => SentinelResourceBuilder.Build(Read($"rule{i}.yaml", y))).ToList();
        return JsonNode.Parse(ArmTemplateWriter.Write(resources))!.AsObject();
    }

    private static JsonObject Resource(string yaml) => Template(yaml)["resources"]![0]!.AsObject();

    [Fact]
    public void The_template_has_the_workspace_as_its_parameter()
    {
        var template = Template(ScheduledYaml);
        Assert.Equal(ArmTemplateWriter.Schema, (string?)template["$schema"]);
        Assert.Equal("string", (string?)template["parameters"]!["workspace"]!["type"]);
        var resource = template["resources"]![0]!;
        Assert.Equal("Microsoft.SecurityInsights/alertRules", (string?)resource["type"]);
        Assert.Equal("[concat('Microsoft.OperationalInsights/workspaces/', parameters('workspace'))]", (string?)resource["scope"]);
        Assert.Equal("0f1a9acc-9a6e-4630-9d7c-3b446b6635d1", (string?)resource["name"]);
        Assert.Equal("Scheduled", (string?)resource["kind"]);
    }

    [Fact]
    public void Scheduled_rule_properties()
    {
        var p = Resource(ScheduledYaml)["properties"]!;
        Assert.Equal("Sign-ins from a decoy account", (string?)p["displayName"]);
        Assert.Equal("'Someone signed in with the decoy account.'\n", (string?)p["description"]);
        Assert.Equal("Medium", (string?)p["severity"]);
        Assert.True((bool?)p["enabled"]);
        Assert.StartsWith("SigninLogs\n| where UserPrincipalName", (string?)p["query"]);
        Assert.Equal("PT1H", (string?)p["queryFrequency"]);
        Assert.Equal("P1D", (string?)p["queryPeriod"]);
        Assert.Equal("GreaterThan", (string?)p["triggerOperator"]);
        Assert.Equal(2, (int?)p["triggerThreshold"]);
        Assert.True((bool?)p["suppressionEnabled"]);
        Assert.Equal("PT2H", (string?)p["suppressionDuration"]);
    }

    [Fact]
    public void Tactics_techniques_and_sub_techniques()
    {
        var p = Resource(ScheduledYaml)["properties"]!;
        Assert.Equal(["InitialAccess", "Persistence"], p["tactics"]!.AsArray().Select(n => (string?)n));
        // the API wants a sub-technique's parent among the techniques
        Assert.Equal(["T1078", "T1098"], p["techniques"]!.AsArray().Select(n => (string?)n));
        Assert.Equal(["T1078.004"], p["subTechniques"]!.AsArray().Select(n => (string?)n));
    }

    [Fact]
    public void Entity_mappings_custom_details_and_alert_details_override()
    {
        var p = Resource(ScheduledYaml)["properties"]!;
        Assert.Equal("Account", (string?)p["entityMappings"]![0]!["entityType"]);
        Assert.Equal("FullName", (string?)p["entityMappings"]![0]!["fieldMappings"]![0]!["identifier"]);
        Assert.Equal("IPAddress", (string?)p["entityMappings"]![1]!["fieldMappings"]![0]!["columnName"]);
        Assert.Equal("AppDisplayName", (string?)p["customDetails"]!["App"]);
        Assert.Equal("Decoy sign-in by {{UserPrincipalName}}", (string?)p["alertDetailsOverride"]!["alertDisplayNameFormat"]);
        Assert.Equal("ProductName", (string?)p["alertDetailsOverride"]!["alertDynamicProperties"]![0]!["alertProperty"]);
        Assert.Equal("AppDisplayName", (string?)p["alertDetailsOverride"]!["alertDynamicProperties"]![0]!["value"]);
    }

    [Fact]
    public void Incident_configuration_and_event_grouping()
    {
        var p = Resource(ScheduledYaml)["properties"]!;
        Assert.Equal("AlertPerResult", (string?)p["eventGroupingSettings"]!["aggregationKind"]);
        var incident = p["incidentConfiguration"]!;
        Assert.True((bool?)incident["createIncident"]);
        var grouping = incident["groupingConfiguration"]!;
        Assert.True((bool?)grouping["enabled"]);
        Assert.False((bool?)grouping["reopenClosedIncident"]);
        Assert.Equal("PT5H", (string?)grouping["lookbackDuration"]);
        Assert.Equal("Selected", (string?)grouping["matchingMethod"]);
        Assert.Equal(["Account"], grouping["groupByEntities"]!.AsArray().Select(n => (string?)n));
        Assert.Equal(["App"], grouping["groupByCustomDetails"]!.AsArray().Select(n => (string?)n));
    }

    [Fact]
    public void What_the_api_cannot_hold_is_in_the_template_metadata()
    {
        var rule = Template(ScheduledYaml)["metadata"]!["azureRules"]!["rules"]!["0f1a9acc-9a6e-4630-9d7c-3b446b6635d1"]!;
        Assert.Equal("1.0.3", (string?)rule["version"]);
        Assert.Equal(["AzureActiveDirectory"], rule["dataConnectors"]!.AsArray().Select(n => (string?)n));
        Assert.Equal(["SigninLogs"], rule["dataTypes"]!.AsArray().Select(n => (string?)n));
        Assert.Equal(["Decoy"], rule["tags"]!.AsArray().Select(n => (string?)n));
        Assert.Equal(["Contoso SOC"], rule["authors"]!.AsArray().Select(n => (string?)n));
    }

    [Fact]
    public void Nrt_rules_have_no_schedule()
    {
        var resource = Resource(NrtYaml);
        Assert.Equal("NRT", (string?)resource["kind"]);
        var p = resource["properties"]!.AsObject();
        Assert.False(p.ContainsKey("queryFrequency"));
        Assert.False(p.ContainsKey("queryPeriod"));
        Assert.False(p.ContainsKey("triggerThreshold"));
        Assert.Equal("High", (string?)p["severity"]);
    }

    [Fact]
    public void Hunting_queries_are_saved_searches_with_the_hunting_tags()
    {
        var template = Template(HuntingYaml);
        var resource = template["resources"]![0]!;
        Assert.Equal("Microsoft.OperationalInsights/workspaces/savedSearches", (string?)resource["type"]);
        Assert.Equal("[concat(parameters('workspace'), '/3a1f5c2e-8b7d-4e6f-9a0b-1c2d3e4f5a6b')]", (string?)resource["name"]);
        var p = resource["properties"]!;
        Assert.Equal("Hunting Queries", (string?)p["category"]);
        Assert.Equal("Rare processes on servers", (string?)p["displayName"]);
        var tags = p["tags"]!.AsArray().ToDictionary(t => (string)t!["name"]!, t => (string?)t!["value"]);
        Assert.Equal("Processes seen on one server only.", tags["description"]);
        Assert.Equal("Execution", tags["tactics"]);
        Assert.Equal("T1059.001", tags["techniques"]);
        // the entity mappings a saved search cannot hold
        var kept = template["metadata"]!["azureRules"]!["rules"]!["3a1f5c2e-8b7d-4e6f-9a0b-1c2d3e4f5a6b"]!;
        Assert.Equal("Process", (string?)kept["alertRuleProperties"]!["entityMappings"]![0]!["entityType"]);
    }

    [Theory]
    [InlineData(ScheduledYaml)]
    [InlineData(NrtYaml)]
    [InlineData(HuntingYaml)]
    public void A_template_read_back_is_the_same_rule(string yaml)
    {
        var rule = Read("rule.yaml", yaml);
        var template = ArmTemplateWriter.Write([SentinelResourceBuilder.Build(rule)]);
        var back = Assert.Single(RuleFileReader.Read("rule.json", template).Rules);
        Assert.Equal(RuleFormat.SentinelArm, back.Format);
        Assert.Equal(RuleCanonicalForm.Text(rule), RuleCanonicalForm.Text(back));
    }

    [Fact]
    public void A_bundle_holds_every_rule_and_reads_back_as_all_of_them()
    {
        var rules = new[] { ScheduledYaml, NrtYaml, HuntingYaml }.Select((y, i) => Read($"r{i}.yaml", y)).ToList();
        var template = ArmTemplateWriter.Write([.. rules.Select(SentinelResourceBuilder.Build)]);
        var back = RuleFileReader.Read("bundle.json", template).Rules;
        Assert.Equal(rules.Select(r => RuleCanonicalForm.Text(r)), back.Select(r => RuleCanonicalForm.Text(r)));
    }

    [Fact]
    public void Bicep_scopes_rules_to_the_workspace_parameter()
    {
        var resources = new[] { ScheduledYaml, HuntingYaml }.Select((y, i) => SentinelResourceBuilder.Build(Read($"r{i}.yaml", y))).ToList();
        var bicep = BicepWriter.Write(resources);
        Assert.Contains("param workspace string", bicep);
        Assert.Contains("resource sentinelWorkspace 'Microsoft.OperationalInsights/workspaces@2022-10-01' existing = {", bicep);
        Assert.Contains("resource rule1 'Microsoft.SecurityInsights/alertRules@2023-12-01-preview' = {\n  scope: sentinelWorkspace\n  name: '0f1a9acc-9a6e-4630-9d7c-3b446b6635d1'\n  kind: 'Scheduled'", bicep);
        Assert.Contains("resource hunting2 'Microsoft.OperationalInsights/workspaces/savedSearches@2020-08-01' = {\n  parent: sentinelWorkspace", bicep);
        Assert.Contains("    queryFrequency: 'PT1H'\n", bicep);
        // a multi-line query is a verbatim string, written exactly
        Assert.Contains("    query: '''\nSigninLogs\n| where UserPrincipalName =~ \"decoy@contoso.com\"\n", bicep);
        Assert.Contains("alertDisplayNameFormat: 'Decoy sign-in by {{UserPrincipalName}}'", bicep);
    }

    [Theory]
    [InlineData("it's", @"'it\'s'")]
    [InlineData(@"C:\temp", @"'C:\\temp'")]
    [InlineData("${x}", @"'\${x}'")]
    [InlineData("a\tb", @"'a\tb'")]
    public void Bicep_strings_are_escaped(string value, string literal) => Assert.Equal(literal, BicepWriter.Quote(value));

    [Fact]
    public void An_elastic_rule_is_refused()
        => Assert.Throws<ExportException>(() => SentinelResourceBuilder.Build(Read("r.toml", NewTermsToml)));
}
