using AzureRules.Generators.Testing;
using AzureRules.Generators.Tests.Pipeline;
using Microsoft.CodeAnalysis;
using Xunit;

namespace AzureRules.Generators.Tests.Testing;

/// <summary>
/// The rule test file format: every field as the parser reads it, and every error as a diagnostic at
/// its line and column — through the real generator, whose output (GeneratedRuleTests) must compile.
/// </summary>
public sealed class RuleTestFileTests
{
    private const string RuleId = "11111111-1111-1111-1111-111111111111";
    private static readonly GeneratorHarness.RuleText Rule = new("/repo/Rules/good.toml", RuleSamples.ElasticToml(RuleId, "Good Rule"));

    private static (IReadOnlyList<Diagnostic> Diagnostics, string Generated) Generate(string testFile, string text, params GeneratorHarness.RuleText[] more)
    {
        var run = GeneratorHarness.Run(GeneratorHarness.CreateDriver([Rule, new GeneratorHarness.RuleText(testFile, text), .. more]));
        Assert.Empty(run.CompileErrors);
        var generated = run.Output.SyntaxTrees.Single(t => t.FilePath.EndsWith("GeneratedRuleTests.g.cs")).ToString();
        return ([.. run.Diagnostics.Where(d => d.Id.StartsWith("AR10", StringComparison.Ordinal))], generated);
    }

    private static Diagnostic Single(IReadOnlyList<Diagnostic> diagnostics, string id, int line, int column)
    {
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(id, diagnostic.Id);
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal((line, column), (span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1));
        return diagnostic;
    }

    [Fact]
    public void Every_field_is_read()
    {
        var syntax = RuleTestFileParser.Parse("/repo/Rules/x.tests.yaml", """
            rule: Good Rule
            cases:
              - name: all fields
                events:
                  - file: events/a.jsonl
                  - { "@timestamp": "2026-01-01T00:00:00Z", n: 5, ok: true, nothing: null, text: "5", list: [1, x] }
                table: SigninLogs
                from: 2026-01-01T00:00:00Z
                to: 2026-01-01T01:00:00+01:00
                expect:
                  alerts:
                    - { at: 2026-01-01T00:05:00Z, events: [e-1], rows: [{ a: 1 }], fields: { severity: Low } }
                  events: [e-1, e-2]
                  rows: [{ b: "2" }]
                  fields: { ruleName: Good Rule }
              - name: at and a count
                at: 2026-01-01T00:05:00Z
                expect: { alerts: 0 }
            """);
        Assert.Empty(syntax.Diagnostics);
        Assert.Equal("Good Rule", syntax.Rule!.Value.Value);
        var first = syntax.Cases[0];
        Assert.Equal("all fields", first.Name.Value);
        Assert.Equal("events/a.jsonl", first.Events[0].File!.Value.Value);
        Assert.Equal("SigninLogs", first.Events[1].Source);
        Assert.Equal("""{"@timestamp":"2026-01-01T00:00:00Z","n":5,"ok":true,"nothing":null,"text":"5","list":[1,"x"]}""" + "\n", first.Events[1].InlineJsonLines);
        Assert.Equal(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks, first.From);
        Assert.Equal(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks, first.To);
        var alert = Assert.Single(first.Expect.AlertList!.Value);
        Assert.Equal(new DateTime(2026, 1, 1, 0, 5, 0, DateTimeKind.Utc).Ticks, alert.At);
        Assert.Equal(["e-1"], alert.Events!.Value);
        Assert.Equal(["""{"a":1}"""], alert.Rows!.Value);
        Assert.Equal("""{"severity":"Low"}""", alert.Fields);
        Assert.Equal(["e-1", "e-2"], first.Expect.Events!.Value);
        Assert.Equal(["""{"b":"2"}"""], first.Expect.Rows!.Value);
        Assert.Equal("""{"ruleName":"Good Rule"}""", first.Expect.Fields);
        Assert.Equal(0, syntax.Cases[1].Expect.Alerts);
        Assert.NotNull(syntax.Cases[1].At);
    }

    [Fact]
    public void A_test_file_named_after_the_rule_file_needs_no_rule_field_and_generates_its_cases()
    {
        var (diagnostics, generated) = Generate("/repo/Rules/good.tests.yaml", """
            cases:
              - name: near miss
                events: [{ "@timestamp": "2026-01-01T00:00:00Z", event: { outcome: failure } }]
                expect: { alerts: 0 }
            """);
        Assert.Empty(diagnostics);
        Assert.Contains("Name = \"near miss\"", generated);
        Assert.Contains("TestFile = \"Rules/good.tests.yaml\"", generated);
        Assert.Contains("Expect = new global::AzureRules.Sdk.Testing.RuleTestExpectation { Alerts = 0 }", generated);
    }

    /// <summary>The shape of GeneratedRuleTests, as a golden file (AZURERULES_UPDATE_GOLDEN=1 rewrites it).</summary>
    [Fact]
    public void Generated_test_cases_match_the_golden_file()
    {
        var events = new GeneratorHarness.RuleText("/repo/Rules/events/a.jsonl", "{\"@timestamp\":\"2026-01-01T00:00:00Z\",\"_id\":\"e-1\"}\n");
        var (diagnostics, generated) = Generate("/repo/Rules/good.tests.yaml", """
            cases:
              - name: "fires \"quoted\" */ and more"
                events:
                  - file: events/a.jsonl
                  - { "@timestamp": "2026-01-01T00:01:00Z", event: { outcome: success } }
                table: logs-x
                at: 2026-01-01T00:05:00Z
                expect:
                  alerts:
                    - { at: 2026-01-01T00:05:00Z, events: [e-1], rows: [{ n: 1 }], fields: { severity: Medium } }
              - name: near miss from a file
                events: [{ file: events/a.jsonl }]
                from: 2026-01-01T00:00:00Z
                to: 2026-01-01T01:00:00Z
                expect: { alerts: 0, events: [], rows: [], fields: { riskScore: 47 } }
            """, events);
        Assert.Empty(diagnostics);
        var golden = Path.Combine(AzureRules.Tests.SharedMaterial.RepositoryRoot, "tests", "Generators.Tests", "Testing", "GeneratedRuleTests.golden.txt");
        if (Environment.GetEnvironmentVariable("AZURERULES_UPDATE_GOLDEN") == "1") File.WriteAllText(golden, generated);
        Assert.Equal(File.ReadAllText(golden).ReplaceLineEndings("\n"), generated.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Event_files_are_found_relative_to_the_test_file_and_embedded()
    {
        var events = new GeneratorHarness.RuleText("/repo/Rules/events/a.jsonl", """{"@timestamp":"2026-01-01T00:00:00Z"}""");
        var (diagnostics, generated) = Generate("/repo/Rules/sub/good.tests.yaml", """
            rule: 11111111-1111-1111-1111-111111111111
            cases:
              - name: from a file
                events: [{ file: ../events/a.jsonl }]
                expect: { alerts: 1 }
            """, events);
        Assert.Empty(diagnostics);
        Assert.Contains("\"../events/a.jsonl\", global::AzureRules.Sdk.Testing.RuleTestEventFormat.JsonLines, Events0", generated);
        Assert.Contains("@timestamp", generated);
    }

    public static TheoryData<string, string, int, int> Errors => new()
    {
        // YAML that does not parse
        { "cases: [unclosed\n", "AR1001", 2, 1 },
        // not a mapping
        { "- a\n- b\n", "AR1001", 1, 1 },
        // a rule no file defines
        { "rule: No Such Rule\ncases:\n  - name: x\n    expect: { alerts: 0 }\n", "AR1002", 1, 7 },
        // a missing event file, at its path
        { "rule: Good Rule\ncases:\n  - name: x\n    events:\n      - file: nope.jsonl\n    expect: { alerts: 0 }\n", "AR1003", 5, 15 },
        // a value of the wrong kind
        { "rule: Good Rule\ncases:\n  - name: x\n    at: yesterday\n    expect: { alerts: 0 }\n", "AR1004", 4, 9 },
        { "rule: Good Rule\ncases:\n  - name: x\n    expect: { alerts: many }\n", "AR1004", 4, 23 },
        { "rule: Good Rule\ncases:\n  - name: x\n    events: { a: 1 }\n    expect: { alerts: 0 }\n", "AR1004", 4, 13 },
        { "rule: Good Rule\ncases:\n  - name: x\n    expect: { rows: [1] }\n", "AR1004", 4, 22 },
        { "rule: Good Rule\ncases:\n  - name: x\n    at: 2026-01-01T00:00:00Z\n    from: 2026-01-01T00:00:00Z\n    expect: { alerts: 0 }\n", "AR1004", 3, 5 },
        { "rule: Good Rule\ncases: 3\n", "AR1004", 2, 8 },
        // an unknown field
        { "rule: Good Rule\ncases:\n  - name: x\n    expected: { alerts: 0 }\n    expect: { alerts: 0 }\n", "AR1005", 4, 5 },
        // two cases of one name
        { "rule: Good Rule\ncases:\n  - name: x\n    expect: { alerts: 0 }\n  - name: x\n    expect: { alerts: 1 }\n", "AR1006", 5, 11 },
        // an expectation of nothing
        { "rule: Good Rule\ncases:\n  - name: x\n    expect: {}\n", "AR1007", 4, 13 },
        // required fields
        { "rule: Good Rule\n", "AR1008", 1, 1 },
        { "rule: Good Rule\ncases:\n  - expect: { alerts: 0 }\n", "AR1008", 3, 5 },
        { "rule: Good Rule\ncases:\n  - name: x\n", "AR1008", 3, 11 },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public void Every_error_is_a_diagnostic_at_its_line_and_column(string text, string id, int line, int column)
    {
        var (diagnostics, _) = Generate("/repo/Rules/checks.tests.yaml", text);
        var diagnostic = Single(diagnostics, id, line, column);
        Assert.Equal("/repo/Rules/checks.tests.yaml", diagnostic.Location.GetLineSpan().Path);
    }

    [Fact]
    public void A_test_file_beside_no_rule_file_and_naming_none_is_an_error()
    {
        var (diagnostics, _) = Generate("/repo/Rules/orphan.tests.yaml", "cases:\n  - name: x\n    expect: { alerts: 0 }\n");
        Assert.Contains("no rule file named 'orphan.*'", Single(diagnostics, "AR1002", 1, 1).GetMessage());
    }

    [Fact]
    public void Test_files_event_files_and_rules_are_told_apart_by_name()
    {
        Assert.True(RuleTestFileParser.IsTestFile("/r/X.tests.yaml"));
        Assert.True(RuleTestFileParser.IsTestFile("/r/X.TESTS.yml"));
        Assert.False(RuleTestFileParser.IsTestFile("/r/X.yaml"));
        Assert.True(AzureRules.Generators.Pipeline.RuleFileInput.IsEventFile("/r/a.jsonl"));
        Assert.True(AzureRules.Generators.Pipeline.RuleFileInput.IsEventFile("/r/a.csv"));
        Assert.False(AzureRules.Generators.Pipeline.RuleFileInput.IsEventFile("/r/a.json"));
    }
}
