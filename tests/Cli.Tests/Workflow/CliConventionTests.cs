using System.Text.Json;
using System.Xml.Linq;
using Xunit;

namespace AzureRules.Cli.Tests.Workflow;

/// <summary>
/// azrules' conventions, through the built tool: exit codes (0 clean, 1 findings or failed tests,
/// 2 usage or input errors, never a stack trace), validate's formats and switches, test's report,
/// JUnit and coverage.
/// </summary>
public sealed class CliConventionTests : IDisposable
{
    private readonly RuleRepository _repo = new();

    public void Dispose() => _repo.Dispose();

    [Theory]
    [InlineData("validate", "/no/such/rules")]
    [InlineData("run", "--rules", "/no/such/rules", "--events", "/no/such/events")]
    [InlineData("test", "/no/such/rules")]
    [InlineData("list", "/no/such/rules")]
    [InlineData("validate", "Rules", "--format", "xml")]
    [InlineData("validate")]
    public void Usage_and_input_errors_exit_2_with_one_line_and_no_stack_trace(params string[] arguments)
    {
        var result = AzrulesProcess.Run(_repo.Root, arguments);
        Assert.Equal(2, result.ExitCode);
        Assert.DoesNotContain("   at ", result.Error);
        Assert.StartsWith("azrules: error: ", result.Error);
    }

    [Fact]
    public void Run_with_a_missing_event_path_exits_2()
    {
        var result = AzrulesProcess.Run(_repo.Root, "run", "--rules", "Rules", "--events", "/no/such/events");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("azrules: error: no such event file or folder: /no/such/events", result.Error);
    }

    [Fact]
    public void Test_prints_pass_and_fail_with_the_difference_writes_junit_and_exits_1_on_a_failure()
    {
        var junit = Path.Combine(_repo.Root, "junit.xml");
        var result = AzrulesProcess.Run(_repo.Root, "test", "Rules", "--junit", junit);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("PASS  Key regenerated: fires", result.Output);
        Assert.Contains("FAIL  Key regenerated: wrongly expects nothing", result.Output);
        Assert.Contains("expected 0 alerts, got 1", result.Output);
        Assert.Contains("2 cases: 1 passed, 1 failed", result.Output);

        var xml = XDocument.Load(junit).Root!;
        Assert.Equal("testsuites", xml.Name.LocalName);
        Assert.Equal(("2", "1"), (xml.Attribute("tests")!.Value, xml.Attribute("failures")!.Value));
        var suite = Assert.Single(xml.Elements("testsuite"));
        Assert.Equal("Key regenerated", suite.Attribute("name")!.Value);
        var failed = Assert.Single(suite.Elements("testcase"), c => c.Element("failure") is not null);
        Assert.Equal("wrongly expects nothing", failed.Attribute("name")!.Value);
        Assert.Equal("expected 0 alerts, got 1", failed.Element("failure")!.Attribute("message")!.Value);

        // fixed, the same run exits 0
        _repo.Write("Rules/regen.tests.yaml", File.ReadAllText(Path.Combine(_repo.Root, "Rules/regen.tests.yaml")).Replace("alerts: 0", "alerts: 1"));
        Assert.Equal(0, AzrulesProcess.Run(_repo.Root, "test", "Rules").ExitCode);
    }

    [Fact]
    public void Coverage_reports_rules_without_tests_conditions_never_true_and_conditions_no_near_miss_isolates()
    {
        _repo.Write("Rules/untested.toml", File.ReadAllText(Path.Combine(_repo.Root, "Rules/regen.toml"))
            .Replace("22222222-2222-2222-2222-222222222222", "33333333-3333-3333-3333-333333333333").Replace("Key regenerated", "Untested rule"));
        _repo.Write("Rules/deleted.toml", File.ReadAllText(Path.Combine(_repo.Root, "Rules/regen.toml"))
            .Replace("22222222-2222-2222-2222-222222222222", "55555555-5555-5555-5555-555555555555").Replace("Key regenerated", "Key deleted")
            .Replace("event.action:regenerate", "event.action:delete"));
        _repo.Write("Rules/deleted.tests.yaml", """
            cases:
              - name: near miss - a regeneration is no deletion
                events: [{ file: events/regen.jsonl }]
                expect: { alerts: 0 }
            """);
        _repo.Write("Rules/regen.tests.yaml", """
            cases:
              - name: fires
                events: [{ file: events/regen.jsonl }]
                expect: { events: [r-1] }
              - name: near miss - failed
                events: [{ "@timestamp": "2026-01-01T10:01:00Z", _index: logs-x, event: { action: regenerate, outcome: failure }, azure: { key: { kind: storage } } }]
                expect: { alerts: 0 }
            """);
        var result = AzrulesProcess.Run(_repo.Root, "test", "Rules", "--coverage");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("rules with test cases: 2 of 3", result.Output);
        Assert.Contains("no tests: Untested rule", result.Output);
        Assert.Contains("Key deleted: 2 of 3 top-level conditions made true by some case", result.Output);
        Assert.True(result.Output.Contains("never true: event.action:delete"), result.Output);
        var regenerated = result.Output[result.Output.IndexOf("  Key regenerated: 3 of", StringComparison.Ordinal)..];
        Assert.StartsWith("  Key regenerated: 3 of 3 top-level conditions made true by some case", regenerated);
        // only the outcome has a near miss where it alone fails
        Assert.Contains("no near miss: event.action:regenerate", regenerated);
        Assert.Contains("no near miss: azure.key.kind:storage", regenerated);
        Assert.DoesNotContain("no near miss: event.outcome", regenerated);
        Assert.Contains("no near miss: event.outcome:(success or ok)", result.Output); // Key deleted's, whole with its parentheses
        Assert.DoesNotContain("not measured", result.Output);
    }

    [Fact]
    public void Validate_reports_a_stray_file_and_exits_0_on_warnings_1_with_warnaserror()
    {
        var clean = AzrulesProcess.Run(_repo.Root, "validate", "Rules");
        Assert.Equal(0, clean.ExitCode);
        Assert.Contains("notes.docx: note: not a rule file", clean.Error);
        Assert.Contains("warning AR0402", clean.Output); // azure.key.kind is no ECS field
        Assert.Equal(1, AzrulesProcess.Run(_repo.Root, "validate", "Rules", "--warnaserror").ExitCode);

        var ids = AzrulesProcess.Run(_repo.Root, "validate", "Rules", "--format", "json");
        var warnings = JsonDocument.Parse(ids.Output).RootElement.GetProperty("diagnostics").EnumerateArray().Select(d => d.GetProperty("id").GetString()!).ToList();
        var quiet = AzrulesProcess.Run(_repo.Root, "validate", "Rules", "--warnaserror", "--nowarn", string.Join(",", warnings));
        Assert.Equal(0, quiet.ExitCode);
        Assert.Equal("", quiet.Output);
        Assert.Equal("", AzrulesProcess.Run(_repo.Root, "validate", "Rules", "--min-severity", "error").Output);
    }

    [Fact]
    public void A_global_analyzer_config_sets_severities_as_in_the_build()
    {
        var config = _repo.Write("rules.globalconfig", "is_global = true\n# as the build reads it\ndotnet_diagnostic.AR0402.severity = error\n");
        var raised = AzrulesProcess.Run(_repo.Root, "validate", "Rules", "--globalconfig", config);
        Assert.Equal(1, raised.ExitCode);
        Assert.Contains("error AR0402", raised.Output);
        _repo.Write("rules.globalconfig", "is_global = true\ndotnet_diagnostic.AR0402.severity = none\n");
        var silenced = AzrulesProcess.Run(_repo.Root, "validate", "Rules", "--globalconfig", config, "--warnaserror");
        Assert.Equal(0, silenced.ExitCode);
        Assert.DoesNotContain("AR0402", silenced.Output);
        _repo.Write("rules.globalconfig", "dotnet_diagnostic.AR0402.severity = loud\n");
        var wrong = AzrulesProcess.Run(_repo.Root, "validate", "Rules", "--globalconfig", config);
        Assert.Equal(2, wrong.ExitCode);
        Assert.Contains("'loud' is no severity", wrong.Error);
    }

    [Fact]
    public void Run_refuses_rules_with_errors_unless_allowed()
    {
        _repo.Write("Rules/broken.toml", File.ReadAllText(Path.Combine(_repo.Root, "Rules/regen.toml"))
            .Replace("22222222-2222-2222-2222-222222222222", "44444444-4444-4444-4444-444444444444").Replace("severity = \"low\"", "severity = \"extreme\""));
        var refused = AzrulesProcess.Run(_repo.Root, "run", "--rules", "Rules", "--events", "Rules/events");
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("not run", refused.Error);
        Assert.Equal("", refused.Output);
        var allowed = AzrulesProcess.Run(_repo.Root, "run", "--rules", "Rules", "--events", "Rules/events", "--allow-errors");
        Assert.Equal(0, allowed.ExitCode);
        Assert.Contains("\"ruleName\":\"Key regenerated\"", allowed.Output);
    }

    [Fact]
    public void Query_exits_non_zero_when_it_cannot_run_the_query()
    {
        Assert.Equal(1, AzrulesProcess.Run(_repo.Root, "query", "--lang", "kuery", "--events", "Rules/events", "event.action:(").ExitCode);
        Assert.Equal(0, AzrulesProcess.Run(_repo.Root, "query", "--lang", "kuery", "--events", "Rules/events", "event.action:regenerate").ExitCode);
    }
}
