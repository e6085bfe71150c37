using AzureRules.Generators.Formats;
using AzureRules.Generators.Model;
using Xunit;

namespace AzureRules.Generators.Tests.Formats.Sentinel;

/// <summary>Sentinel rules read from ARM templates: the resource shapes Sentinel's repositories use, and diagnostics at their place.</summary>
public sealed class ArmTemplateReaderTests
{
    private static string Template(string resources) => """
        {
          "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
          "contentVersion": "1.0.0.0",
          "parameters": { "workspace": { "type": "string" } },
          "resources": [
        """ + resources + """

          ]
        }
        """;

    private const string LegacyRule = """
            {
              "type": "Microsoft.OperationalInsights/workspaces/providers/alertRules",
              "name": "[concat(parameters('workspace'),'/Microsoft.SecurityInsights/','0f1a9acc-9a6e-4630-9d7c-3b446b6635d1')]",
              "apiVersion": "2022-10-01-preview",
              "kind": "Scheduled",
              "properties": {
                "displayName": "Decoy sign-in",
                "severity": "High",
                "enabled": true,
                "query": "SigninLogs\n| where UserPrincipalName =~ \"decoy@contoso.com\"",
                "queryFrequency": "PT1H",
                "queryPeriod": "P1D",
                "triggerOperator": "GreaterThan",
                "triggerThreshold": 0,
                "suppressionDuration": "PT5H",
                "suppressionEnabled": false,
                "tactics": ["InitialAccess"],
                "techniques": ["T1078"],
                "subTechniques": ["T1078.004"]
              }
            }
        """;

    [Fact]
    public void The_older_workspace_provider_form_is_read_with_its_id_from_the_name_expression()
    {
        var file = RuleFileReader.Read("rules/decoy.json", Template(LegacyRule));
        var rule = Assert.Single(file.Rules);
        Assert.Equal(RuleFormat.SentinelArm, rule.Format);
        Assert.Equal(RuleFamily.Sentinel, rule.Family);
        Assert.Equal("0f1a9acc-9a6e-4630-9d7c-3b446b6635d1", rule.Id!.Value.Value);
        Assert.Equal("Scheduled", rule.Kind);
        Assert.Equal(TimeSpan.FromHours(1), rule.Interval);
        Assert.Equal(TimeSpan.FromDays(1), rule.LookBack);
        Assert.Equal("GreaterThan", rule.TriggerOperator);
        Assert.Equal(["T1078", "T1078.004"], rule.Threat[0].Techniques.Select(t => t.Value));
        Assert.Equal(QueryLanguage.Kusto, rule.Language);
        Assert.Empty(rule.Diagnostics);
    }

    [Fact]
    public void A_query_diagnostic_points_into_the_template()
    {
        var text = Template(LegacyRule);
        var rule = Assert.Single(RuleFileReader.Read("rules/decoy.json", text).Rules);
        // the query's second line starts after the \n escape, on the same line of the file
        var position = rule.Query!.MapOffset("SigninLogs\n".Length);
        var line = text.Split('\n')[position.Line];
        Assert.Contains("\"query\": \"SigninLogs\\n| where", line);
        Assert.Equal('|', line[position.Column]);
    }

    [Fact]
    public void A_bad_duration_is_reported_at_its_value()
    {
        var text = Template(LegacyRule.Replace("\"PT1H\"", "\"hourly\""));
        var rule = Assert.Single(RuleFileReader.Read("rules/decoy.json", text).Rules);
        var diagnostic = Assert.Single(rule.Diagnostics);
        Assert.Equal("AR0107", diagnostic.Id);
        Assert.Contains("\"queryFrequency\": \"hourly\"", text.Split('\n')[diagnostic.Span.Start.Line]);
    }

    [Fact]
    public void Other_resources_of_a_deployment_are_not_rules()
    {
        var workbook = """
            { "type": "Microsoft.Insights/workbooks", "name": "wb", "apiVersion": "2022-04-01", "properties": {} },
            { "type": "Microsoft.OperationalInsights/workspaces/savedSearches", "name": "[concat(parameters('workspace'), '/f')]",
              "apiVersion": "2020-08-01", "properties": { "category": "Log Management", "displayName": "f", "query": "T" } },
        """;
        Assert.Single(RuleFileReader.Read("rules/mixed.json", Template(workbook + LegacyRule)).Rules);
    }

    [Fact]
    public void A_json_file_without_the_deployment_schema_is_still_a_kibana_rule()
    {
        var rule = Assert.Single(RuleFileReader.Read("rules/k.json", """{"rule_id":"1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f","name":"n","description":"d","type":"query","query":"a:b","risk_score":21,"severity":"low"}""").Rules);
        Assert.Equal(RuleFormat.KibanaJson, rule.Format);
    }
}
