using AzureRules.Generators.Formats.Elastic;
using AzureRules.Generators.Model;
using Xunit;

namespace AzureRules.Generators.Tests.Formats.Elastic;

/// <summary>detection-rules TOML into the rule model, and each diagnostic at its one-based line and column.</summary>
public sealed class ElasticTomlReaderTests
{
    private const string Rule = """
        [metadata]
        creation_date = "2020/08/18"
        integration = ["azure"]
        maturity = "production"
        updated_date = "2025/01/15"

        [rule]
        author = ["Elastic", "Austin Songer"]
        description = "Identifies a rotation to storage account access keys in Azure."
        false_positives = ["Key rotation by an administrator."]
        from = "now-25m"
        index = ["filebeat-*", "logs-azure*"]
        language = "kuery"
        license = "Elastic License v2"
        name = "Azure Storage Account Key Regenerated"
        references = ["https://docs.microsoft.com/en-us/azure/storage/common/storage-account-keys-manage"]
        risk_score = 21
        rule_id = "1e0b832e-957e-43ae-b319-db82d228c908"
        severity = "low"
        tags = ["Domain: Cloud", "Data Source: Azure"]
        timestamp_override = "event.ingested"
        type = "query"

        query = '''
        event.dataset:azure.activitylogs and
          event.outcome:(Success or success)
        '''


        [[rule.threat]]
        framework = "MITRE ATT&CK"
        [[rule.threat.technique]]
        id = "T1528"
        name = "Steal Application Access Token"
        reference = "https://attack.mitre.org/techniques/T1528/"


        [rule.threat.tactic]
        id = "TA0006"
        name = "Credential Access"
        reference = "https://attack.mitre.org/tactics/TA0006/"

        [[rule.threat]]
        framework = "MITRE ATT&CK"
        [[rule.threat.technique]]
        id = "T1059"
        [[rule.threat.technique.subtechnique]]
        id = "T1059.001"
        [[rule.threat.technique.subtechnique]]
        id = "T1059.003"

        [rule.threat.tactic]
        id = "TA0002"
        """;

    private static RuleDefinition ReadOne(string text)
    {
        var file = ElasticTomlReader.Read("rule.toml", text);
        Assert.Empty(file.Diagnostics);
        return Assert.Single(file.Rules);
    }

    private static string[] Found(RuleDefinition rule)
        => rule.Diagnostics.Select(d => $"{d.Id}@{d.Span.Start.Line + 1},{d.Span.Start.Column + 1}").ToArray();

    [Fact]
    public void A_query_rule_is_read_into_the_model()
    {
        var rule = ReadOne(Rule);
        Assert.Empty(rule.Diagnostics);
        Assert.Equal(RuleFormat.ElasticToml, rule.Format);
        Assert.Equal(RuleFamily.Elastic, rule.Family);
        Assert.Equal("query", rule.Kind);
        Assert.Equal("1e0b832e-957e-43ae-b319-db82d228c908", rule.Id!.Value.Value);
        Assert.False(rule.IdIsDerived);
        Assert.Equal("Azure Storage Account Key Regenerated", rule.Name.Value);
        Assert.Equal((15, 8), (rule.Name.Span.Start.Line + 1, rule.Name.Span.Start.Column + 1));
        Assert.Equal("Identifies a rotation to storage account access keys in Azure.", rule.Description);
        Assert.Equal("low", rule.Severity!.Value.Value);
        Assert.Equal(21, rule.RiskScore!.Value.Value);
        Assert.Equal(TimeSpan.FromMinutes(5), rule.Interval); // default
        Assert.Equal(TimeSpan.FromMinutes(25), rule.LookBack);
        Assert.Equal(100, rule.MaxAlerts); // default
        Assert.Equal(["filebeat-*", "logs-azure*"], rule.Indices);
        Assert.Equal(["Domain: Cloud", "Data Source: Azure"], rule.Tags);
        Assert.Equal(["Elastic", "Austin Songer"], rule.Authors);
        Assert.Equal(["Key rotation by an administrator."], rule.FalsePositives);
        Assert.Single(rule.References);
        Assert.Equal("Elastic License v2", rule.License);
        Assert.Equal("event.ingested", rule.TimestampOverride);
        Assert.Equal(QueryLanguage.Kuery, rule.Language);
        Assert.Null(rule.Version);
    }

    [Fact]
    public void The_query_maps_to_its_lines_in_the_file()
    {
        var query = ReadOne(Rule).Query!;
        Assert.Equal("event.dataset:azure.activitylogs and\n  event.outcome:(Success or success)\n", query.Text);
        Assert.Equal("rule.toml", query.FilePath);
        var start = query.MapOffset(0);
        Assert.Equal((25, 1), (start.Line + 1, start.Column + 1));
        var outcome = query.MapOffset(query.Text.IndexOf("event.outcome", StringComparison.Ordinal));
        Assert.Equal((26, 3), (outcome.Line + 1, outcome.Column + 1));
    }

    [Fact]
    public void Each_threat_table_becomes_one_mapping_with_its_tactic_techniques_and_subtechniques()
    {
        var threat = ReadOne(Rule).Threat;
        Assert.Equal(2, threat.Count);
        Assert.Equal(["TA0006"], threat[0].Tactics.Select(t => t.Value));
        Assert.Equal(["T1528"], threat[0].Techniques.Select(t => t.Value));
        Assert.Equal((33, 6), (threat[0].Techniques[0].Span.Start.Line + 1, threat[0].Techniques[0].Span.Start.Column + 1));
        Assert.Equal(["TA0002"], threat[1].Tactics.Select(t => t.Value));
        Assert.Equal(["T1059", "T1059.001", "T1059.003"], threat[1].Techniques.Select(t => t.Value));
    }

    private static string Replace(string line, string with)
    {
        Assert.Contains(line, Rule, StringComparison.Ordinal);
        return Rule.Replace(line, with, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("severity = \"low\"", "severity = \"urgent\"", "AR0109@19,12", "Invalid severity 'urgent': expected low, medium, high or critical")]
    [InlineData("risk_score = 21", "risk_score = 101", "AR0110@17,14", "Invalid risk score '101': expected an integer from 0 to 100")]
    [InlineData("risk_score = 21", "risk_score = -1", "AR0110@17,14", "'-1'")]
    [InlineData("risk_score = 21", "risk_score = \"21\"", "AR0110@17,14", "'21'")]
    [InlineData("from = \"now-25m\"", "from = \"now-25m\"\ninterval = \"5 minutes\"", "AR0107@12,12", "Invalid duration '5 minutes' for 'interval'")]
    [InlineData("from = \"now-25m\"", "from = \"25m ago\"", "AR0108@11,8", "Invalid date math '25m ago' for 'from'")]
    [InlineData("type = \"query\"", "type = \"sigma\"", "AR0103@22,8", "Invalid value 'sigma' for 'type'")]
    [InlineData("language = \"kuery\"", "language = \"sql\"", "AR0103@13,12", "Invalid value 'sql' for 'language'")]
    [InlineData("index = [\"filebeat-*\", \"logs-azure*\"]", "index = \"filebeat-*\"", "AR0103@12,9", "expected an array, found a string")]
    [InlineData("from = \"now-25m\"", "from = \"now-25m\"\nmax_signals = 0", "AR0103@12,15", "Invalid value '0' for 'max_signals'")]
    [InlineData("rule_id = \"1e0b832e-957e-43ae-b319-db82d228c908\"\n", "", "AR0102@7,1", "Required field 'rule_id' is missing")]
    [InlineData("severity = \"low\"\n", "", "AR0102@7,1", "Required field 'severity' is missing")]
    [InlineData("name = \"Azure Storage Account Key Regenerated\"\n", "", "AR0102@7,1", "Required field 'name' is missing")]
    [InlineData("id = \"TA0006\"\n", "", "AR0102@38,1", "Required field 'threat.tactic.id' is missing")]
    [InlineData("maturity = \"production\"\n", "", "AR0102@1,1", "Required field 'metadata.maturity' is missing")]
    public void Each_problem_is_reported_at_the_value(string line, string replacement, string expected, string message)
    {
        var rule = ReadOne(Replace(line, replacement));
        var diagnostic = Assert.Single(rule.Diagnostics);
        Assert.Equal(expected, Found(rule)[0]);
        Assert.Contains(message, diagnostic.FormatMessage(), StringComparison.Ordinal);
        Assert.StartsWith("rule.toml(", diagnostic.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_query_of_a_query_rule_is_reported_at_the_rule_table()
    {
        var text = Rule.Substring(0, Rule.IndexOf("query = '''", StringComparison.Ordinal));
        Assert.Equal(["AR0102@7,1"], Found(ReadOne(text)));
    }

    [Fact]
    public void A_toml_syntax_error_fails_the_file_at_its_place()
    {
        var file = ElasticTomlReader.Read("rule.toml", Replace("risk_score = 21", "risk_score = 21 21"));
        Assert.Empty(file.Rules);
        var error = Assert.Single(file.Diagnostics);
        Assert.Equal("AR0101", error.Id);
        Assert.Equal("rule.toml(17,17): error AR0101: TOML syntax error: expected the end of the line, found '2'", error.ToString());
    }

    [Fact]
    public void A_file_without_a_rule_table_is_reported()
    {
        var file = ElasticTomlReader.Read("x.toml", "[metadata]\nmaturity = \"production\"\n");
        Assert.Equal("AR0102", Assert.Single(file.Diagnostics).Id);
    }

    [Fact]
    public void Schedule_values_and_rule_type_fields_are_read()
    {
        var rule = ReadOne("""
            [metadata]
            creation_date = "2020/01/01"
            maturity = "production"
            updated_date = "2020/01/01"
            [rule]
            author = ["Elastic"]
            description = "d"
            name = "Threshold"
            risk_score = 47
            rule_id = "r1"
            severity = "medium"
            type = "threshold"
            language = "lucene"
            interval = "1h"
            from = "now-2h"
            max_signals = 1000
            version = 3
            query = "event.category:authentication"
            [rule.threshold]
            field = ["source.ip", "user.name"]
            value = 20
            [[rule.threshold.cardinality]]
            field = "host.id"
            value = 5
            """);
        Assert.Equal([new ThresholdCardinality("host.id", 5)], rule.ThresholdCardinality);
        Assert.Empty(rule.Diagnostics);
        Assert.Equal(QueryLanguage.Lucene, rule.Language);
        Assert.Equal(TimeSpan.FromHours(1), rule.Interval);
        Assert.Equal(TimeSpan.FromHours(2), rule.LookBack);
        Assert.Equal(1000, rule.MaxAlerts);
        Assert.Equal("3", rule.Version);
        Assert.Equal(["source.ip", "user.name"], rule.ThresholdFields);
        Assert.Equal(20, rule.ThresholdValue);
    }

    [Fact]
    public void New_terms_and_machine_learning_rules_are_read()
    {
        const string header = "[metadata]\ncreation_date = \"2020/01/01\"\nmaturity = \"production\"\nupdated_date = \"2020/01/01\"\n[rule]\nauthor = [\"Elastic\"]\ndescription = \"d\"\nname = \"n\"\nrisk_score = 21\nrule_id = \"r\"\nseverity = \"low\"\n";
        var newTerms = ReadOne(header + """
            type = "new_terms"
            language = "kuery"
            query = "event.category:process"
            [rule.new_terms]
            field = "new_terms_fields"
            value = ["host.id", "process.executable"]
            [[rule.new_terms.history_window_start]]
            field = "history_window_start"
            value = "now-7d"
            """);
        Assert.Empty(newTerms.Diagnostics);
        Assert.Equal(["host.id", "process.executable"], newTerms.NewTermsFields);
        Assert.Equal(TimeSpan.FromDays(7), newTerms.NewTermsHistoryWindow);

        var ml = ReadOne(header + "type = \"machine_learning\"\nanomaly_threshold = 75\nmachine_learning_job_id = [\"v3_linux_rare\", \"v3_windows_rare\"]\n");
        Assert.Empty(ml.Diagnostics);
        Assert.Equal(QueryLanguage.None, ml.Language);
        Assert.Null(ml.Query);
        Assert.Equal("v3_linux_rare,v3_windows_rare", ml.MachineLearningJob);
        Assert.Equal(75, ml.AnomalyThreshold);

        var buildingBlock = ReadOne(header + "type = \"query\"\nquery = \"a:b\"\nbuilding_block_type = \"default\"\n");
        Assert.Equal("default", buildingBlock.BuildingBlockType);

        var badWindow = ReadOne(header + "type = \"new_terms\"\nquery = \"a:b\"\nnew_terms_fields = [\"host.id\"]\nhistory_window_start = \"7d\"\n");
        Assert.Equal(["AR0108@15,24"], Found(badWindow));

        var mlMissing = ReadOne(header + "type = \"machine_learning\"\n");
        Assert.Equal(["machine_learning_job_id", "anomaly_threshold"], mlMissing.Diagnostics.Select(d => d.Arguments[0]));
    }
}
