using AzureRules.Generators.Diagnostics;
using AzureRules.Generators.Formats.Sentinel;
using AzureRules.Generators.Sentinel;
using Xunit;
using static AzureRules.Generators.Tests.Sentinel.SentinelTestRules;

namespace AzureRules.Generators.Tests.Sentinel;

public sealed class SentinelRuleChecksTests
{
    private static List<RuleDiagnostic> Check(string text) => SentinelRuleChecks.Check(ReadOne(text)).Items.ToList();

    private static RuleDiagnostic Only(string text, string id, int line, int column)
    {
        var diagnostic = Assert.Single(Check(text));
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal((line, column), At(diagnostic.Span.Start));
        return diagnostic;
    }

    [Fact]
    public void A_valid_rule_passes() => Assert.Empty(Check(Scheduled));

    [Fact]
    public void Hunting_queries_are_not_checked()
        => Assert.Empty(Check("id: 38cc38c3-bd6c-470e-ae1a-3136a9ded97f\nname: n\nquery: T\ntactics: [Initial access]\nversion: 1\n"));

    [Fact]
    public void Query_longer_than_10000_characters_is_reported_at_the_first_character_over()
    {
        var longLine = "  | where " + new string('A', 10_000);
        var diagnostic = Only(ScheduledWith(20, longLine), "AR0701", 20, 10_000 - "SigninLogs\n".Length + 3);
        Assert.Equal(["10076", "10000"], diagnostic.Arguments.Items.ToArray());
        Assert.Contains("The query is 10076 characters long; Sentinel allows at most 10000", diagnostic.ToString());
    }

    [Theory]
    [InlineData(10, "queryFrequency: 4m", 10, 17, "queryFrequency", "4m")]
    [InlineData(10, "queryFrequency: 15d", 10, 17, "queryFrequency", "15d")]
    [InlineData(11, "queryPeriod: 20d", 11, 14, "queryPeriod", "20d")]
    [InlineData(11, "queryPeriod: PT1M", 11, 14, "queryPeriod", "1m")]
    public void Schedule_outside_5m_to_14d_is_reported(int line, string replacement, int atLine, int atColumn, string field, string shown)
    {
        var diagnostics = Check(ScheduledWith(line, replacement));
        var diagnostic = diagnostics.First(d => d.Id == "AR0702");
        Assert.Equal((atLine, atColumn), At(diagnostic.Span.Start));
        Assert.Equal([field, shown], diagnostic.Arguments.Items.ToArray());
    }

    [Fact]
    public void Period_shorter_than_frequency_is_reported_at_the_period()
    {
        var diagnostic = Only(ScheduledWith(11, "queryPeriod: 30m"), "AR0703", 11, 14);
        Assert.Equal(["30m", "1h"], diagnostic.Arguments.Items.ToArray());
    }

    [Fact]
    public void Period_of_two_days_or_more_needs_hourly_frequency()
    {
        var text = ScheduledWith(10, "queryFrequency: 30m").Replace("queryPeriod: 1d", "queryPeriod: 2d");
        var diagnostic = Only(text, "AR0704", 10, 17);
        Assert.Equal(["2d", "30m"], diagnostic.Arguments.Items.ToArray());
        Assert.Empty(Check(ScheduledWith(11, "queryPeriod: 14d")));
    }

    [Theory]
    [InlineData("triggerThreshold: -1", "-1")]
    [InlineData("triggerThreshold: 10001", "10001")]
    public void Trigger_threshold_outside_0_to_10000_is_reported(string replacement, string shown)
        => Assert.Equal([shown], Only(ScheduledWith(13, replacement), "AR0705", 13, 19).Arguments.Items.ToArray());

    [Fact]
    public void More_than_five_entity_mappings_are_reported_at_the_sixth()
    {
        var extra = string.Concat(Enumerable.Range(0, 4).Select(i => $"  - entityType: Host\n    fieldMappings:\n      - identifier: HostName\n        columnName: H{i}\n"));
        var text = ScheduledWith(31, extra.TrimEnd('\n') + "\nversion: 1.0.0");
        // entity 6 is the fourth extra one: lines 31, 35, 39, 43
        Assert.Equal(["6"], Only(text, "AR0706", 43, 17).Arguments.Items.ToArray());
    }

    [Fact]
    public void Field_mappings_must_number_one_to_three()
    {
        var four = "      - identifier: FullName\n        columnName: A\n      - identifier: Name\n        columnName: B\n      - identifier: Sid\n        columnName: C\n      - identifier: UPNSuffix\n        columnName: D";
        var diagnostic = Only(ScheduledWith(25, four).Replace("        columnName: D\n        columnName: UserPrincipalName\n", "        columnName: D\n"), "AR0707", 31, 21);
        Assert.Equal(["Account", "4"], diagnostic.Arguments.Items.ToArray());

        var none = ScheduledWith(24, "    fieldMappings: []").Replace("    fieldMappings: []\n      - identifier: FullName\n        columnName: UserPrincipalName\n", "    fieldMappings: []\n");
        Assert.Equal(["Account", "0"], Only(none, "AR0707", 23, 17).Arguments.Items.ToArray());
    }

    [Fact]
    public void Entity_type_must_be_known()
    {
        var diagnostic = Only(ScheduledWith(27, "  - entityType: Url"), "AR0708", 27, 17);
        Assert.Equal("Url", diagnostic.Arguments[0]);
        Assert.Contains("URL", diagnostic.Arguments[1]);
    }

    [Fact]
    public void Identifier_must_belong_to_the_entity_type_and_a_required_one_must_be_mapped()
    {
        var diagnostics = Check(ScheduledWith(29, "      - identifier: IpAddress"));
        Assert.Equal(["AR0709", "AR0710"], diagnostics.Select(d => d.Id));
        Assert.Equal((29, 21), At(diagnostics[0].Span.Start));
        Assert.Equal(["IpAddress", "IP", "Address"], diagnostics[0].Arguments.Items.ToArray());
        Assert.Equal((27, 17), At(diagnostics[1].Span.Start));
        Assert.Equal("Entity 'IP' must map Address", diagnostics[1].FormatMessage());
    }

    [Fact]
    public void File_hash_needs_algorithm_and_value_together()
    {
        var text = ScheduledWith(27, "  - entityType: FileHash").Replace("identifier: Address", "identifier: Value");
        var diagnostic = Only(text, "AR0710", 27, 17);
        Assert.Equal("Entity 'FileHash' must map Algorithm and Value", diagnostic.FormatMessage());
        Assert.Equal("Entity 'Account' must map FullName, Sid, Name, AadUserId, PUID or ObjectGuid",
            Only(ScheduledWith(25, "      - identifier: UPNSuffix"), "AR0710", 23, 17).FormatMessage());
    }

    [Fact]
    public void At_most_twenty_custom_details_with_valid_names()
    {
        var details = "customDetails:\n" + string.Concat(Enumerable.Range(1, 21).Select(i => $"  Detail{i}: Column{i}\n"));
        Assert.Equal(["21", "20"], Only(ScheduledPlus(details.TrimEnd('\n')), "AR0711", 54, 3).Arguments.Items.ToArray());

        Assert.Equal(["1Sensor"], Only(ScheduledPlus("customDetails:\n  1Sensor: DeviceId"), "AR0712", 34, 3).Arguments.Items.ToArray());
        Only(ScheduledPlus("customDetails:\n  SensorWithAVeryLongName: DeviceId"), "AR0712", 34, 3);
        Assert.Equal(["Device-Id"], Only(ScheduledPlus("customDetails:\n  Sensor: Device-Id"), "AR0713", 34, 11).Arguments.Items.ToArray());
        Assert.Empty(Check(ScheduledPlus("customDetails:\n  Sensor_1: _DeviceId")));
    }

    [Fact]
    public void Tactics_must_be_Sentinel_tactic_names_in_any_case()
    {
        var diagnostic = Only(ScheduledWith(15, "  - Initial Access"), "AR0714", 15, 5);
        Assert.Equal("Initial Access", diagnostic.Arguments[0]);
        Assert.Empty(Check(ScheduledWith(15, "  - CommandandControl")));
        Assert.Empty(Check(ScheduledWith(15, "  - ResourceDevelopment")));
    }

    [Theory]
    [InlineData("version: 1.0")]
    [InlineData("version: 1.0.0.0")]
    [InlineData("version: v1.0.0")]
    public void Version_must_have_three_numbers(string replacement)
        => Only(ScheduledWith(31, replacement), "AR0715", 31, 10);

    [Fact]
    public void Unknown_connector_id_is_a_warning()
    {
        var diagnostic = Only(ScheduledWith(7, "  - connectorId: AzureActiveDirectoryX"), "AR0716", 7, 18);
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Warning, diagnostic.DefaultSeverity);
        Assert.StartsWith($"{RulePath}(7,18): warning AR0716: Unknown data connector id 'AzureActiveDirectoryX'", diagnostic.ToString());
    }

    [Fact]
    public void Alert_formats_have_at_most_three_placeholders()
    {
        var four = "alertDetailsOverride:\n  alertDisplayNameFormat: Sign-in by {{A}} from {{B}}\n  alertDescriptionFormat: '{{A}} {{B}} {{C}} {{D}}'";
        var diagnostic = Only(ScheduledPlus(four), "AR0717", 35, 27);
        Assert.Equal("'alertDescriptionFormat' has 4 {{column}} placeholders; Sentinel allows at most 3", diagnostic.FormatMessage());
    }

    [Fact]
    public void Name_and_alert_display_name_are_at_most_256_characters()
    {
        var longName = new string('n', 257);
        Assert.Equal(["name", "257", "256"], Only(ScheduledWith(2, "name: " + longName), "AR0718", 2, 7).Arguments.Items.ToArray());
        Only(ScheduledPlus("alertDetailsOverride:\n  alertDisplayNameFormat: " + longName), "AR0718", 34, 27);
    }

    [Fact]
    public void Every_Sentinel_descriptor_is_registered_in_its_range()
    {
        // AR0701-AR0749 are the Sentinel CI checks; AR0750+ the output-column checks of the Kusto binder
        var ids = DiagnosticDescriptors.All.Select(d => d.Id)
            .Where(id => string.CompareOrdinal(id, "AR0700") > 0 && string.CompareOrdinal(id, "AR0750") < 0).OrderBy(id => id).ToList();
        Assert.Equal(Enumerable.Range(701, 18).Select(n => $"AR0{n}"), ids);
    }
}
