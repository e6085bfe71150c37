using AzureRules.Generators.Formats.Sentinel;
using AzureRules.Generators.Model;
using Xunit;
using static AzureRules.Generators.Tests.Sentinel.SentinelTestRules;

namespace AzureRules.Generators.Tests.Sentinel;

public sealed class SentinelYamlReaderTests
{
    // ---- fields ------------------------------------------------------------------------------------

    [Fact]
    public void Reads_the_fields_of_a_scheduled_rule()
    {
        var rule = ReadOne(Scheduled);

        Assert.Equal(RuleFormat.SentinelYaml, rule.Format);
        Assert.Equal(RuleFamily.Sentinel, rule.Family);
        Assert.Equal("Scheduled", rule.Kind);
        Assert.Equal("0f1a9acc-9a6e-4630-9d7c-3b446b6635d1", rule.Id!.Value.Value);
        Assert.Equal((1, 5), At(rule.Id.Value.Span.Start));
        Assert.Equal("Sign-ins from a decoy account", rule.Name.Value);
        Assert.Equal((2, 7), At(rule.Name.Span.Start));
        Assert.Equal("'Someone signed in with the decoy account.'\n", rule.Description);
        Assert.Equal("Medium", rule.Severity!.Value.Value);
        Assert.Equal(["SigninLogs"], rule.RequiredTables.Items.ToArray());
        Assert.Equal(["AzureActiveDirectory"], rule.DataConnectors.Items.ToArray());
        Assert.Equal((7, 18), At(rule.DataConnectorIds[0].Span.Start));
        Assert.Equal(TimeSpan.FromHours(1), rule.Interval);
        Assert.Equal((10, 17), At(rule.IntervalSpan!.Value.Start));
        Assert.Equal(TimeSpan.FromDays(1), rule.LookBack);
        Assert.Equal((11, 14), At(rule.LookBackSpan!.Value.Start));
        Assert.Equal("GreaterThan", rule.TriggerOperator);
        Assert.Equal(0, rule.TriggerThreshold);
        Assert.Equal((13, 19), At(rule.TriggerThresholdSpan!.Value.Start));
        var threat = Assert.Single(rule.Threat);
        Assert.Equal(["InitialAccess"], threat.Tactics.Select(t => t.Value));
        Assert.Equal((15, 5), At(threat.Tactics[0].Span.Start));
        Assert.Equal(["T1078.004"], threat.Techniques.Select(t => t.Value));
        Assert.Equal(QueryLanguage.Kusto, rule.Language);
        Assert.Equal("SigninLogs\n| where UserPrincipalName =~ \"decoy@contoso.com\"\n  | project TimeGenerated, UserPrincipalName, IPAddress\n", rule.Query!.Text);
        Assert.Equal(2, rule.EntityMappings.Count);
        Assert.Equal("Account", rule.EntityMappings[0].EntityType.Value);
        Assert.Equal((23, 17), At(rule.EntityMappings[0].EntityType.Span.Start));
        var field = Assert.Single(rule.EntityMappings[0].Fields);
        Assert.Equal(("FullName", "UserPrincipalName"), (field.Identifier.Value, field.ColumnName.Value));
        Assert.Equal((26, 21), At(field.ColumnName.Span.Start));
        Assert.Equal("1.0.0", rule.Version);
        Assert.Equal((31, 10), At(rule.VersionText!.Value.Span.Start));
        Assert.Empty(rule.Diagnostics);
    }

    [Fact]
    public void Reads_alert_shaping_fields()
    {
        var rule = ReadOne(ScheduledPlus("""
            customDetails:
              Sensor: DeviceId
              Count: EventCount
            alertDetailsOverride:
              alertDisplayNameFormat: Sign-in by {{UserPrincipalName}}
              alertDescriptionFormat: From {{IPAddress}}
              alertSeverityColumnName: Severity
              alertTacticsColumnName: Tactics
              alertDynamicProperties:
                - alertProperty: ProductName
                  value: Product
            eventGroupingSettings:
              aggregationKind: AlertPerResult
            incidentConfiguration:
              createIncident: false
              groupingConfiguration:
                enabled: true
            suppressionEnabled: true
            suppressionDuration: 5h
            tags:
              - Decoy
              - Schema: ASIMDns
                SchemaVersion: 0.1.1
            metadata:
              source:
                kind: Community
              author:
                name: Jane Doe
              support:
                tier: Community
              categories:
                domains: [ "Security - Others" ]
            status: Available
            """));

        Assert.Equal([("Sensor", "DeviceId"), ("Count", "EventCount")], rule.CustomDetails.Select(d => (d.Key.Value, d.ColumnName.Value)));
        Assert.Equal((34, 3), At(rule.CustomDetails[0].Key.Span.Start));
        Assert.Equal((34, 11), At(rule.CustomDetails[0].ColumnName.Span.Start));
        Assert.Equal(
            [("alertDisplayNameFormat", "Sign-in by {{UserPrincipalName}}"), ("alertDescriptionFormat", "From {{IPAddress}}"),
             ("alertSeverityColumnName", "Severity"), ("alertTacticsColumnName", "Tactics"), ("ProductName", "Product")],
            rule.AlertDetailsOverride.Select(o => (o.Property, o.Template.Value)));
        Assert.Equal((37, 27), At(rule.AlertDetailsOverride[0].Template.Span.Start));
        Assert.Equal("AlertPerResult", rule.EventGrouping);
        Assert.False(rule.CreateIncident);
        Assert.True(rule.SuppressionEnabled);
        Assert.Equal(TimeSpan.FromHours(5), rule.SuppressionDuration);
        Assert.Equal(["Decoy", "Schema: ASIMDns, SchemaVersion: 0.1.1"], rule.Tags.Items.ToArray());
        Assert.Equal(["Jane Doe"], rule.Authors.Items.ToArray());
        Assert.Empty(rule.Diagnostics);
    }

    [Fact]
    public void A_file_without_kind_or_schedule_is_a_hunting_query()
    {
        var rule = ReadOne("""
            id: 38cc38c3-bd6c-470e-ae1a-3136a9ded97f
            name: Hunt
            description: Looks for things
            requiredDataConnectors: []
            tactics: [Persistence]
            relevantTechniques: [T1059, T1053]
            query: Syslog | take 10
            """);
        Assert.Equal("Hunting", rule.Kind);
        Assert.Null(rule.Severity);
        Assert.Null(rule.Interval);
        Assert.Equal("Syslog | take 10", rule.Query!.Text);
        Assert.Equal(["T1059", "T1053"], rule.Threat[0].Techniques.Select(t => t.Value));
        Assert.Empty(rule.Diagnostics);
    }

    [Fact]
    public void Kind_scheduled_without_a_schedule_is_a_hunting_query_and_a_rule_without_kind_but_with_a_schedule_is_scheduled()
    {
        Assert.Equal("Hunting", ReadOne("id: 38cc38c3-bd6c-470e-ae1a-3136a9ded97f\nname: n\nquery: T\nkind: Scheduled\n").Kind);
        var rule = ReadOne(ScheduledWith(32, null));
        Assert.Equal("Scheduled", rule.Kind);
        Assert.Empty(rule.Diagnostics);
    }

    [Fact]
    public void Reads_an_NRT_rule_which_needs_no_schedule()
    {
        var text = Scheduled.Replace("kind: Scheduled", "kind: NRT")
            .Replace("queryFrequency: 1h\n", "").Replace("queryPeriod: 1d\n", "")
            .Replace("triggerOperator: gt\n", "").Replace("triggerThreshold: 0\n", "");
        var rule = ReadOne(text);
        Assert.Equal("NRT", rule.Kind);
        Assert.Empty(rule.Diagnostics);
    }

    [Theory]
    [InlineData("gt", "GreaterThan")]
    [InlineData("GreaterThan", "GreaterThan")]
    [InlineData("lt", "LessThan")]
    [InlineData("eq", "Equal")]
    [InlineData("NotEqual", "NotEqual")]
    public void Reads_every_spelling_of_the_trigger_operator(string written, string expected)
        => Assert.Equal(expected, ReadOne(ScheduledWith(12, "triggerOperator: " + written)).TriggerOperator);

    [Theory]
    [InlineData("5m", 5)]
    [InlineData("14d", 14 * 24 * 60)]
    [InlineData("PT5M", 5)]
    [InlineData("P1D", 24 * 60)]
    [InlineData("6h ", 6 * 60)]
    public void Reads_durations(string written, int minutes)
        => Assert.Equal(TimeSpan.FromMinutes(minutes), ReadOne(ScheduledWith(10, "queryFrequency: " + written)).Interval);

    // ---- format diagnostics at the value ------------------------------------------------------------

    [Fact]
    public void Reports_malformed_yaml_at_the_parser_position()
    {
        var file = SentinelYamlReader.Read(RulePath, "id: 0f1a9acc-9a6e-4630-9d7c-3b446b6635d1\nname: a\n  bad: b\n");
        Assert.Empty(file.Rules);
        var diagnostic = Assert.Single(file.Diagnostics);
        Assert.Equal("AR0101", diagnostic.Id);
        Assert.Equal((3, 6), At(diagnostic.Span.Start));
        Assert.StartsWith($"{RulePath}(3,6): error AR0101: YAML syntax error: ", diagnostic.ToString());
    }

    [Fact]
    public void Reports_a_duplicate_field_as_malformed_at_the_second_key()
    {
        var file = SentinelYamlReader.Read(RulePath, ScheduledPlus("severity: High"));
        var diagnostic = Assert.Single(file.Diagnostics);
        Assert.Equal("AR0101", diagnostic.Id);
        Assert.Equal((33, 1), At(diagnostic.Span.Start));
    }

    [Fact]
    public void Reports_a_document_that_is_not_a_mapping()
    {
        var file = SentinelYamlReader.Read(RulePath, "- a\n- b\n");
        Assert.Equal("AR0101", Assert.Single(file.Diagnostics).Id);
        Assert.Equal("AR0101", Assert.Single(SentinelYamlReader.Read(RulePath, "").Diagnostics).Id);
    }

    [Theory]
    [InlineData(1, "queryFrequency")]
    [InlineData(2, "queryPeriod")]
    [InlineData(3, "triggerOperator")]
    [InlineData(4, "triggerThreshold")]
    [InlineData(5, "severity")]
    [InlineData(6, "id")]
    [InlineData(7, "name")]
    [InlineData(8, "query")]
    public void Reports_a_missing_required_field_of_a_scheduled_rule(int which, string field)
    {
        var line = which switch { 1 => 10, 2 => 11, 3 => 12, 4 => 13, 5 => 5, 6 => 1, 7 => 2, _ => 0 };
        var text = which == 8 ? ScheduledWith(18, "query: \"\"").Replace("  SigninLogs\n", "").Replace("  | where UserPrincipalName =~ \"decoy@contoso.com\"\n", "").Replace("    | project TimeGenerated, UserPrincipalName, IPAddress\n", "")
            : ScheduledWith(line, null);
        var rule = Assert.Single(SentinelYamlReader.Read(RulePath, text).Rules);
        var diagnostic = Assert.Single(rule.Diagnostics);
        Assert.Equal("AR0102", diagnostic.Id);
        Assert.Equal(field, diagnostic.Arguments[0]);
        Assert.Equal((1, 1), At(diagnostic.Span.Start));
    }

    [Fact]
    public void A_hunting_query_needs_only_id_name_and_query()
    {
        var rule = Assert.Single(SentinelYamlReader.Read(RulePath, "description: d\n").Rules);
        Assert.Equal(["id", "name", "query"], rule.Diagnostics.Select(d => d.Arguments[0]));
        Assert.All(rule.Diagnostics, d => Assert.Equal("AR0102", d.Id));
    }

    [Theory]
    [InlineData(5, "severity: Hight", "AR0109", 5, 11)]
    [InlineData(5, "severity: medium", "AR0109", 5, 11)]
    [InlineData(10, "queryFrequency: 5 minutes", "AR0107", 10, 17)]
    [InlineData(10, "queryFrequency: 30s", "AR0107", 10, 17)]
    [InlineData(11, "queryPeriod:   P1X", "AR0107", 11, 16)]
    [InlineData(12, "triggerOperator: greater", "AR0103", 12, 18)]
    [InlineData(13, "triggerThreshold: zero", "AR0103", 13, 19)]
    [InlineData(1, "id: f090f8f4a-b986-42d2-b536-e0795c723e25", "AR0103", 1, 5)]
    [InlineData(32, "kind: Fusion", "AR0103", 32, 7)]
    [InlineData(14, "tactics: InitialAccess", "AR0103", 14, 10)]
    [InlineData(32, "kind: Scheduled\nReferences: x", "AR0104", 33, 1)]
    [InlineData(9, "      - SigninLogs\n    dataTables: [SigninLogs]", "AR0104", 10, 5)]
    [InlineData(25, "      - identifier: FullName\n        column: X", "AR0104", 26, 9)]
    public void Reports_an_invalid_value_where_it_is_written(int line, string replacement, string id, int expectedLine, int expectedColumn)
    {
        var rule = Assert.Single(SentinelYamlReader.Read(RulePath, ScheduledWith(line, replacement)).Rules);
        var diagnostic = rule.Diagnostics.First(d => d.Id != "AR0102");
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal((expectedLine, expectedColumn), At(diagnostic.Span.Start));
        Assert.Contains($"({expectedLine},{expectedColumn}): ", diagnostic.ToString());
    }

    [Fact]
    public void Reads_a_field_name_in_another_case_with_a_warning_as_the_CI_does()
    {
        var text = ScheduledWith(8, "    datatypes:").Replace("severity: Medium", "Severity: Medium");
        var rule = Assert.Single(SentinelYamlReader.Read(RulePath, text).Rules);
        Assert.Equal(["SigninLogs"], rule.RequiredTables.Items.ToArray());
        Assert.Equal("Medium", rule.Severity!.Value.Value);
        Assert.Equal([("AR0150", 5, 1), ("AR0150", 8, 5)], rule.Diagnostics.Select(d => (d.Id, At(d.Span.Start).Line, At(d.Span.Start).Column)).ToArray());
        Assert.Equal("Field 'dataTypes' is written 'datatypes': Sentinel's CI reads field names ignoring case, other tools may not", rule.Diagnostics[1].FormatMessage());
    }

    [Fact]
    public void Reports_an_empty_entity_mapping_list()
    {
        var text = string.Join("\n", ScheduledLines.Take(21)) + "\nentityMappings: []\nversion: 1.0.0\nkind: Scheduled\n";
        var diagnostic = Assert.Single(Assert.Single(SentinelYamlReader.Read(RulePath, text).Rules).Diagnostics);
        Assert.Equal("AR0706", diagnostic.Id);
        Assert.Equal((22, 17), At(diagnostic.Span.Start));
    }

    [Fact]
    public void Never_throws_on_odd_shapes()
    {
        string[] odd =
        [
            "id: [1, 2]\nname: {a: b}\nquery: [x]\nentityMappings: x\ncustomDetails: [a]\ntags: {a: b}\nmetadata: 3\n",
            "? [complex key]\n: value\nname: n\n",
            "query: |\n",
            "query: >-\n\n\n",
            "name: &a x\nid: *a\nquery: *a\n",
            "\uFEFFid: 0f1a9acc-9a6e-4630-9d7c-3b446b6635d1\nname: n\nquery: |\n  T\n",
            "%YAML 1.2\n---\nname: n\n...\n---\nname: m\n",
        ];
        foreach (var text in odd)
        {
            var file = SentinelYamlReader.Read(RulePath, text);
            Assert.DoesNotContain(file.Diagnostics.Concat(file.Rules.SelectMany(r => r.Diagnostics)), d => d.Id == "AR0001");
        }
    }
}
