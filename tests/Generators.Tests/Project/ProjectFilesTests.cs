using AzureRules.Generators.Formats;
using AzureRules.Generators.Tests.Pipeline;
using AzureRules.Generators.Versioning;
using Microsoft.CodeAnalysis;
using Xunit;
using static AzureRules.Generators.Tests.Pipeline.GeneratorHarness;

namespace AzureRules.Generators.Tests.Project;

/// <summary>
/// The project files a test compilation declares as AdditionalFiles with AzureRulesFile metadata:
/// custom Sentinel tables and Elastic field schemas validate like built-in ones, the version lock
/// reports a rule changed without a new version, validation exceptions hide what they except and
/// report themselves when they except nothing.
/// </summary>
public sealed class ProjectFilesTests
{
    private const string CustomTableRule = """
        id: 5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b
        name: Decoy file opened
        description: A decoy file was opened.
        severity: High
        queryFrequency: 1h
        queryPeriod: 1h
        triggerOperator: gt
        triggerThreshold: 0
        tactics:
          - Collection
        relevantTechniques:
          - T1005
        query: |
          ContosoDecoy_CL
          | where FileName_s == "passwords.xlsx"
          | project TimeGenerated, Computer, FileName_s
        version: 1.0.0
        kind: Scheduled
        """;

    private const string CustomTable = """
        {
            "Name": "ContosoDecoy_CL",
            "Properties": [
                { "name": "TimeGenerated", "type": "DateTime" },
                { "name": "Computer", "type": "String" },
                { "name": "FileName_s", "type": "String" }
            ]
        }
        """;

    private const string ElasticRule = """
        {"rule_id":"2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e","name":"MyApp admin login","description":"An admin logged in to MyApp.",
         "type":"query","language":"kuery","index":["logs-myapp-*"],"query":"myapp.user.role : \"admin\" and myapp.login.count > 3",
         "risk_score":21,"severity":"low"}
        """;

    private static ImmutableDiagnostics Diagnostics(params AdditionalText[] files)
    {
        var (_, diagnostics, errors, _) = Run(CreateDriver(files));
        Assert.Empty(errors);
        return new ImmutableDiagnostics(diagnostics);
    }

    private sealed record ImmutableDiagnostics(System.Collections.Immutable.ImmutableArray<Diagnostic> All)
    {
        public IEnumerable<Diagnostic> WithId(string id) => All.Where(d => d.Id == id);
    }

    [Fact]
    public void A_declared_custom_table_makes_its_rule_validate_clean_and_removing_it_brings_the_diagnostic_back()
    {
        var rule = new RuleText("/repo/Rules/decoy.yaml", CustomTableRule);
        var without = Diagnostics(rule);
        var unknown = Assert.Single(without.WithId("AR0320"));
        Assert.Equal(13, unknown.Location.GetLineSpan().StartLinePosition.Line); // ContosoDecoy_CL, line 14

        var with = Diagnostics(rule, new ProjectText("/repo/schemas/ContosoDecoy_CL.json", CustomTable, "sentinel-table"));
        Assert.Empty(with.All.Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public void A_custom_tables_columns_are_checked_like_a_built_in_tables()
    {
        var rule = new RuleText("/repo/Rules/decoy.yaml", CustomTableRule.Replace("| where FileName_s ==", "| where FileNme_s =="));
        var diagnostics = Diagnostics(rule, new ProjectText("/repo/schemas/ContosoDecoy_CL.json", CustomTable, "sentinel-table"));
        var column = Assert.Single(diagnostics.WithId("AR0321"));
        Assert.Contains("FileNme_s", column.GetMessage());
    }

    [Fact]
    public void An_invalid_custom_table_is_reported_where_it_is_wrong()
    {
        var diagnostics = Diagnostics(new RuleText("/repo/Rules/decoy.yaml", CustomTableRule),
            new ProjectText("/repo/schemas/bad.json", CustomTable.Replace("\"DateTime\"", "\"Timestamp\""), "sentinel-table"));
        var invalid = Assert.Single(diagnostics.WithId("AR0903"));
        Assert.Equal("/repo/schemas/bad.json", invalid.Location.GetLineSpan().Path);
        Assert.Equal(3, invalid.Location.GetLineSpan().StartLinePosition.Line);
    }

    [Fact]
    public void An_elastic_field_schema_for_the_rules_index_declares_its_fields()
    {
        var rule = new RuleText("/repo/Rules/myapp.json", ElasticRule);
        Assert.Equal(2, Diagnostics(rule).WithId("AR0402").Count());

        var schema = """{ "logs-myapp-*": { "myapp.user.role": "keyword", "myapp.login.count": "long" } }""";
        Assert.Empty(Diagnostics(rule, new ProjectText("/repo/schemas/myapp.json", schema, "elastic-fields")).WithId("AR0402"));

        var otherIndex = """{ "logs-other-*": { "myapp.user.role": "keyword", "myapp.login.count": "long" } }""";
        Assert.Equal(2, Diagnostics(rule, new ProjectText("/repo/schemas/other.json", otherIndex, "elastic-fields")).WithId("AR0402").Count());
    }

    [Fact]
    public void A_custom_field_type_is_used_to_check_values()
    {
        var schema = """{ "logs-myapp-*": { "myapp.user.role": "keyword", "myapp.login.count": "long" } }""";
        var rule = new RuleText("/repo/Rules/myapp.json", ElasticRule.Replace("myapp.login.count > 3", "myapp.login.count : \\\"many\\\""));
        var diagnostics = Diagnostics(rule, new ProjectText("/repo/schemas/myapp.json", schema, "elastic-fields"));
        Assert.Contains(diagnostics.All, d => d.Id.StartsWith("AR04", StringComparison.Ordinal) && d.GetMessage().Contains("myapp.login.count"));
    }

    private static string Lock(string ruleText, string path, string version, Func<string, string>? changeHash = null)
    {
        var rule = Assert.Single(RuleFileReader.Read(path, ruleText).Rules);
        var hash = RuleContentHash.Compute(rule);
        return $$"""{ "{{rule.Id!.Value.Value}}": { "rule_name": "{{rule.Name.Value}}", "sha256": "{{changeHash?.Invoke(hash) ?? hash}}", "version": "{{version}}" } }""";
    }

    [Fact]
    public void A_rule_changed_without_a_new_version_is_reported_at_its_version_line()
    {
        var path = "/repo/Rules/decoy.yaml";
        var locked = Lock(CustomTableRule, path, "1.0.0");
        var changed = CustomTableRule.Replace("triggerThreshold: 0", "triggerThreshold: 5");
        var diagnostic = Assert.Single(Diagnostics(new RuleText(path, changed), new ProjectText("/repo/azurerules.lock.json", locked, "lock")).WithId("AR0901"));
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        var version = diagnostic.Location.GetLineSpan();
        Assert.Equal(16, version.StartLinePosition.Line); // "version: 1.0.0" is line 17
        Assert.Equal(9, version.StartLinePosition.Character);

        // unchanged content, or a bumped version: nothing to say
        Assert.Empty(Diagnostics(new RuleText(path, CustomTableRule), new ProjectText("/repo/azurerules.lock.json", locked, "lock")).WithId("AR0901"));
        Assert.Empty(Diagnostics(new RuleText(path, changed.Replace("version: 1.0.0", "version: 1.0.1")), new ProjectText("/repo/azurerules.lock.json", locked, "lock")).WithId("AR0901"));
    }

    [Fact]
    public void A_rule_whose_version_the_lock_keeps_is_told_to_run_the_lock_command()
    {
        var path = "/repo/Rules/myapp.json";
        var locked = Lock(ElasticRule, path, "4", hash => new string('0', hash.Length));
        var diagnostic = Assert.Single(Diagnostics(new RuleText(path, ElasticRule), new ProjectText("/repo/azurerules.lock.json", locked, "lock")).WithId("AR0902"));
        Assert.Contains("record version 5", diagnostic.GetMessage());
    }

    [Fact]
    public void The_content_hash_ignores_the_version_and_covers_the_query()
    {
        RuleDefinitionHash(CustomTableRule, out var original);
        RuleDefinitionHash(CustomTableRule.Replace("version: 1.0.0", "version: 2.0.0"), out var bumped);
        RuleDefinitionHash(CustomTableRule.Replace("passwords.xlsx", "secrets.xlsx"), out var edited);
        Assert.Equal(original, bumped);
        Assert.NotEqual(original, edited);
        Assert.Matches("^[0-9a-f]{64}$", original);

        var output = Run(CreateDriver(new RuleText("/repo/Rules/decoy.yaml", CustomTableRule))).Output;
        Assert.Contains(output.SyntaxTrees, t => t.ToString().Contains($"ContentHash = \"{original}\""));
    }

    private static void RuleDefinitionHash(string text, out string hash)
        => hash = RuleContentHash.Compute(Assert.Single(RuleFileReader.Read("/repo/Rules/decoy.yaml", text).Rules));

    [Fact]
    public void An_exception_hides_the_excepted_diagnostic_and_reports_itself_once_it_is_stale()
    {
        var rule = new RuleText("/repo/Rules/decoy.yaml", CustomTableRule);
        var exceptions = new ProjectText("/repo/azurerules.exceptions.json",
            """[{ "ruleId": "5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b", "diagnosticId": "AR0320", "reason": "the decoy agent creates the table" }]""", "exceptions");
        var excepted = Diagnostics(rule, exceptions);
        Assert.Empty(excepted.WithId("AR0320"));
        Assert.Empty(excepted.WithId("AR0911"));

        // the table is declared now: the rule no longer reports AR0320, so its exception is stale
        var stale = Diagnostics(rule, exceptions, new ProjectText("/repo/schemas/ContosoDecoy_CL.json", CustomTable, "sentinel-table"));
        var diagnostic = Assert.Single(stale.WithId("AR0911"));
        Assert.Equal("/repo/azurerules.exceptions.json", diagnostic.Location.GetLineSpan().Path);
    }

    [Fact]
    public void An_exception_needs_a_reason_and_a_known_rule()
    {
        var rule = new RuleText("/repo/Rules/decoy.yaml", CustomTableRule);
        var diagnostics = Diagnostics(rule, new ProjectText("/repo/azurerules.exceptions.json", """
            [
              { "ruleId": "5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b", "diagnosticId": "AR0320" },
              { "ruleId": "00000000-0000-4000-8000-000000000000", "diagnosticId": "AR0320", "reason": "gone" }
            ]
            """, "exceptions"));
        Assert.Equal(DiagnosticSeverity.Error, Assert.Single(diagnostics.WithId("AR0910")).Severity);
        Assert.Single(diagnostics.WithId("AR0912"));
        Assert.Single(diagnostics.WithId("AR0320")); // an exception without a reason excepts nothing
    }

    [Fact]
    public void Editing_the_lock_does_not_recompile_the_rules()
    {
        var rule = new RuleText("/repo/Rules/decoy.yaml", CustomTableRule);
        var emptyLock = new ProjectText("/repo/azurerules.lock.json", "{}", "lock");
        var driver = Run(CreateDriver(rule, emptyLock)).Driver;
        driver = driver.ReplaceAdditionalText(emptyLock, new ProjectText("/repo/azurerules.lock.json", Lock(CustomTableRule, rule.Path, "1.0.0"), "lock"));
        driver = driver.RunGenerators(EmptyCompilation());
        var steps = driver.GetRunResult().Results[0].TrackedSteps[RuleGenerator.Steps.CompiledFiles];
        Assert.NotEmpty(steps);
        Assert.All(steps.SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }
}
