using System.Text.Json.Nodes;
using AzureRules.Sdk.Detections;
using AzureRules.Sdk.Testing;
using AzureRules.Sdk.Tests.Engine;
using Xunit;

namespace AzureRules.Sdk.Tests.Testing;

/// <summary>Test cases run through the real engine: schedules, at/from/to, every kind of expectation and its message.</summary>
public sealed class RuleTestRunnerTests
{
    // every 5 minutes over the last 10
    private static readonly Detection Rule = FieldEqualsDetection.Create("event.outcome", "success", TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(10), indices: "logs-*");

    private static string Event(string id, string time, string outcome = "success", string index = "logs-test")
        => $$$"""{"@timestamp":"{{{time}}}","_index":"{{{index}}}","_id":"{{{id}}}","event":{"outcome":"{{{outcome}}}"}}""";

    private static RuleTestCase Case(RuleTestExpectation expect, DateTimeOffset? at = null, DateTimeOffset? from = null, DateTimeOffset? to = null, params string[] events)
        => new()
        {
            Name = "case", Rule = Rule, TestFile = "Rules/x.tests.yaml", Line = 3, Expect = expect, At = at, From = from, To = to,
            Events = [new RuleTestEvents("inline", RuleTestEventFormat.JsonLines, string.Join("\n", events))],
        };

    private static readonly string[] TwoEvents = [Event("a", "2026-01-01T10:01:00Z"), Event("b", "2026-01-01T10:12:00Z"), Event("miss", "2026-01-01T10:13:00Z", "failure")];

    [Fact]
    public void A_replay_alerts_each_matching_event_at_the_first_execution_whose_window_holds_it()
    {
        var result = RuleTestRunner.Run(Case(new RuleTestExpectation
        {
            AlertList =
            [
                new RuleTestAlertExpectation { At = DateTimeOffset.Parse("2026-01-01T10:05:00Z"), Events = ["a"], Fields = """{"ruleName":"event.outcome is success"}""" },
                new RuleTestAlertExpectation { At = DateTimeOffset.Parse("2026-01-01T10:15:00Z"), Events = ["b"], Rows = ["""{"event":{"outcome":"success"}}"""] },
            ],
            Events = ["b", "a"],
        }, events: TwoEvents));
        Assert.True(result.Passed, result.Report());
    }

    [Fact]
    public void At_executes_once_over_the_look_back_window()
    {
        var at = DateTimeOffset.Parse("2026-01-01T10:13:00Z"); // off the schedule's boundaries: exactly then
        var result = RuleTestRunner.Run(Case(new RuleTestExpectation { Alerts = 1, Events = ["b"] }, at: at, events: TwoEvents));
        Assert.True(result.Passed, result.Report());
        Assert.Equal(at, Assert.Single(result.Alerts).Timestamp);
    }

    [Fact]
    public void From_and_to_keep_the_executions_inside_the_range()
    {
        // executions at 10:15 and 10:20 only; the 10:15 one looks back to 10:05, past event a

        var result = RuleTestRunner.Run(Case(new RuleTestExpectation { Alerts = 1, Events = ["b"] },
            from: DateTimeOffset.Parse("2026-01-01T10:11:00Z"), to: DateTimeOffset.Parse("2026-01-01T10:20:00Z"), events: TwoEvents));
        Assert.True(result.Passed, result.Report());
    }

    [Fact]
    public void Each_kind_of_difference_is_said_in_one_line()
    {
        var result = RuleTestRunner.Run(Case(new RuleTestExpectation
        {
            Alerts = 3,
            Events = ["a"],
            Rows = ["""{"event":{"outcome":"failure"}}""", """{"missing":1}"""],
            Fields = """{"severity":"High"}""",
            AlertList = [new RuleTestAlertExpectation { At = DateTimeOffset.Parse("2026-01-01T10:10:00Z") }],
        }, events: TwoEvents));
        Assert.False(result.Passed);
        Assert.Contains("expected 3 alerts, got 2", result.Failures);
        Assert.Contains("expected alerted events [a], got [a, b]", result.Failures);
        Assert.Contains("rows[1].event.outcome: expected \"failure\", got \"success\"", result.Failures);
        Assert.Contains("rows[2].missing: expected 1, but the field is absent", result.Failures);
        Assert.Contains("alert 1.severity: expected \"High\", got \"Informational\"", result.Failures);
        Assert.Contains("expected 1 alert, got 2", result.Failures);
        Assert.Contains("alert 1: expected at 2026-01-01T10:10:00Z, got 2026-01-01T10:05:00Z", result.Failures);
        Assert.Contains("actual: 2 alert(s)", result.Report());
    }

    [Fact]
    public void Numbers_compare_by_value_and_times_by_instant()
    {
        Assert.Empty(RuleTestExpectations.Differences(JsonNode.Parse("""{"n":2,"t":"2026-01-01T09:20:00Z","s":"x"}"""),
            JsonNode.Parse("""{"n":2.0,"t":"2026-01-01T09:20:00.0000000Z","s":"x","other":1}"""), ""));
        Assert.NotEmpty(RuleTestExpectations.Differences(JsonNode.Parse("""{"n":"2"}"""), JsonNode.Parse("""{"n":2}"""), ""));
        Assert.NotEmpty(RuleTestExpectations.Differences(JsonNode.Parse("""{"a":[1,2]}"""), JsonNode.Parse("""{"a":[1]}"""), ""));
        Assert.Empty(RuleTestExpectations.Differences(JsonNode.Parse("""{"gone":null}"""), JsonNode.Parse("{}"), ""));
    }

    [Fact]
    public void A_case_that_cannot_be_meaningful_fails()
    {
        var unreadable = RuleTestRunner.Run(Case(new RuleTestExpectation { Alerts = 0 }, events: ["{not json"]));
        Assert.Contains(unreadable.Failures, f => f.Contains("not a JSON event", StringComparison.Ordinal));

        var nothing = RuleTestRunner.Run(Case(new RuleTestExpectation { Alerts = 0 }, events: []));
        Assert.Contains("the case has no events and no 'at' time: the rule never executes", nothing.Failures);
    }

    [Fact]
    public void Log_analytics_csv_exports_become_events()
    {
        var csv = "TimeGenerated [UTC],ResultType,Details,Note\r\n"
                  + "\"11/20/2026, 9:00:00.000 AM\",0,\"{\"\"ip\"\":\"\"203.0.113.7\"\"}\",\"a, b\r\nc\"\r\n"
                  + "\"11/20/2026, 1:30:05.000 PM\",50126,,\r\n";
        var events = LogAnalyticsCsv.Read(csv).ToList();
        Assert.Equal([2, 4], events.Select(e => e.Line));
        Assert.Equal("2026-11-20T09:00:00.0000000Z", (string?)events[0].Event["TimeGenerated"]);
        Assert.Equal("203.0.113.7", (string?)events[0].Event["Details"]!["ip"]);
        Assert.Equal("a, b\r\nc", (string?)events[0].Event["Note"]); // line breaks inside quotes are kept as written
        Assert.Equal("2026-11-20T13:30:05.0000000Z", (string?)events[1].Event["TimeGenerated"]);
        Assert.False(events[1].Event.ContainsKey("Details"));
        Assert.Throws<FormatException>(() => LogAnalyticsCsv.Read("a,b\n1\n").ToList());
        Assert.Throws<FormatException>(() => LogAnalyticsCsv.Read("a\n\"open\n").ToList());
    }
}
