using AzureRules.Cli.Compilation;
using AzureRules.Sdk.Engine;
using AzureRules.Sdk.Events;
using Xunit;
using QueryLanguage = AzureRules.Generators.Model.QueryLanguage;

namespace AzureRules.Cli.Tests.Esql;

/// <summary>ES|QL rules in the engine, as Kibana runs them (default schedule: every 5 minutes over the last 6).</summary>
public sealed class EsqlRuleRunnerTests : IDisposable
{
    private readonly string _events = Path.Combine(Path.GetTempPath(), "esql-runner-" + Guid.NewGuid().ToString("N") + ".jsonl");

    public EsqlRuleRunnerTests()
    {
        // failed logons by one user; e2 (10:04:30) lies in two overlapping windows (09:59–10:05 and 10:04–10:10)
        File.WriteAllLines(_events,
        [
            """{"@timestamp":"2026-01-01T10:01:00Z","_index":"logs-system.security-default","_id":"e1","event":{"outcome":"failure"},"user":{"name":"ann"},"source":{"ip":"10.0.0.1"}}""",
            """{"@timestamp":"2026-01-01T10:04:30Z","_index":"logs-system.security-default","_id":"e2","event":{"outcome":"failure"},"user":{"name":"ann"},"source":{"ip":"10.0.0.2"}}""",
            """{"@timestamp":"2026-01-01T10:03:00Z","_index":"logs-system.security-default","_id":"e3","event":{"outcome":"success"},"user":{"name":"ann"},"source":{"ip":"10.0.0.3"}}""",
            """{"@timestamp":"2026-01-01T10:03:30Z","_index":"other-index","_id":"e4","event":{"outcome":"failure"},"user":{"name":"ann"}}""",
        ]);
    }

    public void Dispose() => File.Delete(_events);

    private EngineResult Run(string query)
    {
        var library = RuleLibrary.FromDefinitions([AdHocRules.Create(QueryLanguage.Esql, query)]);
        Assert.False(library.HasErrors);
        return new DetectionEngine(library.Detections).Run(EventSource.JsonLines(_events));
    }

    [Fact]
    public void A_non_aggregating_query_with_id_alerts_once_per_document_and_carries_it()
    {
        var result = Run("FROM logs-* METADATA _id | WHERE event.outcome == \"failure\" | KEEP _id, user.name, source.ip");
        Assert.Equal(["e1", "e2"], result.Alerts.Select(a => a.Events.Single().EventId));
        Assert.Equal("10.0.0.1", (string)result.Alerts[0].Rows.Single()["source.ip"]!);
        Assert.All(result.Rules, r => Assert.Null(r.Failure));
    }

    [Fact]
    public void Match_with_fuzziness_runs_over_the_window_terms()
    {
        // "anne" is one deletion from "ann"; with fuzziness 0 nothing matches
        var fuzzy = Run("FROM logs-* METADATA _id | WHERE MATCH(user.name, \"anne\", {\"fuzziness\": 1, \"max_expansions\": 10}) AND event.outcome == \"failure\" | KEEP _id");
        Assert.Equal(["e1", "e2"], fuzzy.Alerts.Select(a => a.Events.Single().EventId));
        Assert.Empty(Run("FROM logs-* METADATA _id | WHERE MATCH(user.name, \"anne\", {\"fuzziness\": 0}) | KEEP _id").Alerts);
    }

    [Fact]
    public void An_aggregating_query_alerts_once_per_result_row_of_every_execution()
    {
        var result = Run("FROM logs-* | WHERE event.outcome == \"failure\" | STATS failures = COUNT(*), ips = VALUES(source.ip) BY user.name | WHERE failures >= 2");
        // the executions at 10:05 and 10:10 (windows 09:59–10:05 and 10:04–10:10): only the first holds both failures
        var alert = Assert.Single(result.Alerts);
        Assert.Equal(DateTimeOffset.Parse("2026-01-01T10:05:00Z"), alert.Timestamp);
        Assert.Equal(2, (long)alert.Rows.Single()["failures"]!);
        Assert.Empty(alert.Events);
    }

    [Fact]
    public void A_field_read_before_a_command_creates_it_is_read_from_the_index()
    {
        // host.id is read by STATS and then created by EVAL: no event has it, so it is a null column, not an unknown one
        var result = Run("FROM logs-* | WHERE event.outcome == \"failure\" | STATS failures = COUNT(*), hosts = VALUES(host.id) BY user.name | EVAL host.id = MV_FIRST(hosts) | WHERE failures >= 2");
        Assert.All(result.Rules, r => Assert.Null(r.Failure));
        var alert = Assert.Single(result.Alerts);
        Assert.Null(alert.Rows.Single()["host.id"]);
    }

    [Fact]
    public void A_long_look_back_over_the_same_documents_reads_the_clock_of_each_execution()
    {
        // every 5 minutes over the last hour: the windows from 10:05 to 11:00 hold the same two failures, and
        // only NOW() changes; the alert stops when the last failure is 20 minutes old
        var rule = AdHocRules.Create(QueryLanguage.Esql,
            "FROM logs-* | WHERE event.outcome == \"failure\" | STATS failures = COUNT(*), last = MAX(@timestamp) BY user.name " +
            "| EVAL age = DATE_DIFF(\"minute\", last, NOW()) | WHERE age < 20") with
        {
            Interval = TimeSpan.FromMinutes(5),
            LookBack = TimeSpan.FromHours(1),
        };
        var library = RuleLibrary.FromDefinitions([rule]);
        Assert.False(library.HasErrors);
        var result = new DetectionEngine(library.Detections).Run(EventSource.JsonLines(_events));
        Assert.Equal(["10:05", "10:10", "10:15", "10:20"], result.Alerts.Select(a => a.Timestamp.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal([0, 5, 10, 15], result.Alerts.Select(a => (int)a.Rows.Single()["age"]!));
        Assert.All(result.Alerts, a => Assert.Equal(2L, (long)a.Rows.Single()["failures"]!));
    }
}
