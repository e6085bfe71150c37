using AzureRules.Generators.Formats.Elastic;
using AzureRules.Generators.Model;
using AzureRules.Tests;
using Xunit;

namespace AzureRules.Generators.Tests.Formats.Elastic;

public sealed class KibanaJsonReaderTests
{
    private const string Rule = """
        {
          "rule_id": "a3ea12f3-0d4e-4667-8b44-4230c63f3c75",
          "name": "Execution via local SxS Shared Module",
          "description": "Identifies the creation of a DLL module within a Windows SxS local folder.",
          "type": "eql",
          "language": "eql",
          "index": ["winlogbeat-*", "logs-endpoint.events.file-*"],
          "query": "file where file.extension : \"dll\" and\n  file.path : \"C:\\\\*\\\\*.exe.local\\\\*.dll\"\n",
          "risk_score": 47,
          "severity": "medium",
          "from": "now-9m",
          "interval": "5m",
          "max_signals": 100,
          "version": 315,
          "author": ["Elastic"],
          "license": "Elastic License v2",
          "tags": ["Domain: Endpoint"],
          "threat": [
            {
              "framework": "MITRE ATT&CK",
              "tactic": { "id": "TA0002", "name": "Execution", "reference": "https://attack.mitre.org/tactics/TA0002/" },
              "technique": [ { "id": "T1129", "name": "Shared Modules", "subtechnique": [] } ]
            }
          ]
        }
        """;

    [Fact]
    public void A_rule_object_is_read_into_the_model()
    {
        var file = KibanaJsonReader.Read("rule.json", Rule);
        Assert.Empty(file.Diagnostics);
        var rule = Assert.Single(file.Rules);
        Assert.Empty(rule.Diagnostics);
        Assert.Equal(RuleFormat.KibanaJson, rule.Format);
        Assert.Equal("eql", rule.Kind);
        Assert.Equal(QueryLanguage.Eql, rule.Language);
        Assert.Equal("a3ea12f3-0d4e-4667-8b44-4230c63f3c75", rule.Id!.Value.Value);
        Assert.Equal(47, rule.RiskScore!.Value.Value);
        Assert.Equal(TimeSpan.FromMinutes(9), rule.LookBack);
        Assert.Equal("315", rule.Version);
        Assert.Equal(["TA0002"], Assert.Single(rule.Threat).Tactics.Select(t => t.Value));
        Assert.Equal(["T1129"], rule.Threat[0].Techniques.Select(t => t.Value));

        var query = rule.Query!;
        Assert.Equal("file where file.extension : \"dll\" and\n  file.path : \"C:\\\\*\\\\*.exe.local\\\\*.dll\"\n", query.Text);
        // the query is one JSON line: "file.path" sits after the \n escape, further along line 8
        var path = query.MapOffset(query.Text.IndexOf("file.path", StringComparison.Ordinal));
        Assert.Equal((8, Rule.Split('\n')[7].IndexOf("file.path", StringComparison.Ordinal) + 1), (path.Line + 1, path.Column + 1));
    }

    [Theory]
    [InlineData("\"severity\": \"medium\"", "\"severity\": \"Medium\"", "AR0109@10,15")]
    [InlineData("\"risk_score\": 47", "\"risk_score\": 4.7", "AR0110@9,17")]
    [InlineData("\"interval\": \"5m\"", "\"interval\": \"\"", "AR0107@12,15")]
    [InlineData("\"from\": \"now-9m\"", "\"from\": \"now+9m\"", "AR0108@11,11")]
    [InlineData("\"language\": \"eql\"", "\"language\": \"kql\"", "AR0103@6,15")]
    [InlineData("\"name\": \"Execution via local SxS Shared Module\",", "", "AR0102@1,1")]
    [InlineData("\"rule_id\": \"a3ea12f3-0d4e-4667-8b44-4230c63f3c75\",", "", "AR0111@3,11")]
    public void Each_problem_is_reported_at_the_value(string text, string replacement, string expected)
    {
        Assert.Contains(text, Rule, StringComparison.Ordinal);
        var rule = Assert.Single(KibanaJsonReader.Read("rule.json", Rule.Replace(text, replacement, StringComparison.Ordinal)).Rules);
        var d = Assert.Single(rule.Diagnostics);
        Assert.Equal(expected, $"{d.Id}@{d.Span.Start.Line + 1},{d.Span.Start.Column + 1}");
    }

    [Fact]
    public void Ndjson_export_reads_rules_and_skips_exceptions_actions_and_summary()
    {
        var text = string.Join("\n",
            """{"rule_id":"r1","name":"one","description":"d","type":"query","query":"a:1","risk_score":21,"severity":"low"}""",
            """{"list_id":"l1","name":"Exceptions","type":"detection","namespace_type":"single"}""",
            """{"id":"c1","type":"action","attributes":{"actionTypeId":".index"}}""",
            """{"rule_id":"r2","name":"two","description":"d","type":"esql","language":"esql","query":"from logs-*","risk_score":200,"severity":"high"}""",
            """{"name": "broken" """,
            """{"exported_count":2,"exported_rules_count":2}""",
            """{"something":"else"}""");
        var file = KibanaJsonReader.Read("export.ndjson", text);
        Assert.Equal(["r1", "r2"], file.Rules.Select(r => r.Id!.Value.Value));
        Assert.Equal(QueryLanguage.Kuery, file.Rules[0].Language); // Kibana's default for query rules
        Assert.Equal(["AR0110@4,115"], file.Rules[1].Diagnostics.Select(d => $"{d.Id}@{d.Span.Start.Line + 1},{d.Span.Start.Column + 1}"));
        Assert.Equal(["AR0101@5,19", "AR0105@7,1"], file.Diagnostics.Select(d => $"{d.Id}@{d.Span.Start.Line + 1},{d.Span.Start.Column + 1}"));
    }

    [SharedFact("corpus", "elastic", "kibana-json")]
    public void Integration_package_saved_objects_are_unwrapped()
    {
        var path = Directory.GetFiles(SharedMaterial.Path("corpus", "elastic", "kibana-json", "prebuilt-integrations-package")!, "6f1bb4b2-*.json").Single();
        var rule = Assert.Single(KibanaJsonReader.Read(path, File.ReadAllText(path)).Rules);
        Assert.Equal("new_terms", rule.Kind);
        Assert.Equal("6f1bb4b2-7dc8-11ee-92b2-f661ea17fbcd", rule.Id!.Value.Value);
        Assert.False(rule.NewTermsFields.IsEmpty);
        Assert.Empty(rule.Diagnostics);
    }
}
