using AzureRules.Sdk.Detections;
using AzureRules.Sdk.Engine;
using AzureRules.Sdk.Events;
using AzureRules.Sdk.Kusto;
using Xunit;

namespace AzureRules.Sdk.Tests.Engine;

/// <summary>
/// Sentinel's scheduling as the streaming engine runs it: queryFrequency and queryPeriod, each trigger
/// operator with its threshold, one alert per execution or per result row, suppression, NRT and
/// hunting queries, eviction from the shared Kusto event store, and lateness.
/// </summary>
public sealed class SentinelSchedulingTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("azr-sentinel").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static DateTimeOffset T(string time) => DateTimeOffset.Parse(time.Contains('T') ? time : $"2026-11-20T{time}Z");

    private string Events(string name, params string[] lines)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllLines(path, lines);
        return path;
    }

    private static string Signin(string time, string user = "alice") => $"{{\"TimeGenerated\":\"{T(time):O}\",\"Type\":\"SigninLogs\",\"User\":\"{user}\"}}";

    private static EngineResult Run(KustoDetection rule, params string[] paths) => new DetectionEngine([rule]).Run(EventSource.JsonLines(paths));

    [Fact]
    public void Query_frequency_places_executions_on_its_boundaries_and_query_period_is_each_look_back()
    {
        var rule = SigninRows.Scheduled(TimeSpan.FromHours(1), TimeSpan.FromHours(2));
        var result = Run(rule, Events("s.jsonl", Signin("10:10:00"), Signin("11:30:00")));

        // executions on the hour from the first after 10:10 until the first at or after 11:30 + 2h: 11:00 … 14:00;
        // the 14:00 window (12:00–14:00) is empty, so it does not trigger
        Assert.Equal(4, result.Rules.Single().Executions);
        var rows = result.Alerts.Select(a => (a.Timestamp, a.WindowStart, a.Rows.Count)).ToList();
        Assert.Equal([(T("11:00:00"), T("09:00:00"), 1), (T("12:00:00"), T("10:00:00"), 2), (T("13:00:00"), T("11:00:00"), 1)], rows);
    }

    [Theory]
    [InlineData(TriggerOperator.GreaterThan, 1, new[] { false, true, false })]
    [InlineData(TriggerOperator.LessThan, 2, new[] { true, false, true })]
    [InlineData(TriggerOperator.Equal, 2, new[] { false, true, false })]
    [InlineData(TriggerOperator.NotEqual, 1, new[] { false, true, true })]
    public void Each_trigger_operator_compares_the_result_row_count_with_the_threshold(TriggerOperator op, int threshold, bool[] alertsAt)
    {
        // hourly over the last hour: 1 row at 11:00, 2 rows at 12:00, 0 rows at 13:00 (the last execution)
        var rule = SigninRows.Scheduled(TimeSpan.FromHours(1), TimeSpan.FromHours(1), op, threshold);
        var result = Run(rule, Events("s.jsonl", Signin("10:30:00"), Signin("11:10:00"), Signin("11:50:00")));

        Assert.Equal(3, result.Rules.Single().Executions);
        var expected = new[] { T("11:00:00"), T("12:00:00"), T("13:00:00") }.Where((_, i) => alertsAt[i]);
        Assert.Equal(expected, result.Alerts.Select(a => a.Timestamp));
    }

    [Fact]
    public void Event_grouping_gives_one_alert_per_execution_or_one_per_result_row()
    {
        var path = Events("s.jsonl", Signin("10:10:00", "alice"), Signin("10:20:00", "bob"), Signin("10:30:00", "carol"));

        var single = Run(SigninRows.Scheduled(TimeSpan.FromHours(1), TimeSpan.FromHours(1)), path);
        var perRow = Run(SigninRows.Scheduled(TimeSpan.FromHours(1), TimeSpan.FromHours(1), grouping: EventGrouping.AlertPerResult), path);

        var alert = Assert.Single(single.Alerts);
        Assert.Equal(["alice", "bob", "carol"], alert.Rows.Select(r => (string?)r["User"]));
        Assert.Equal(3, perRow.Alerts.Count);
        Assert.All(perRow.Alerts, a => Assert.Single(a.Rows));
        Assert.Equal(["alice", "bob", "carol"], perRow.Alerts.Select(a => (string?)a.Rows[0]["User"]));
        Assert.Equal(3, perRow.Rules.Single().Alerts);
    }

    [Fact]
    public void Suppression_keeps_the_rule_quiet_after_an_alert_for_its_duration()
    {
        // every 10 minutes over the last 10; an event before each of 10:10 … 11:00; suppressed for 25 minutes
        var lines = Enumerable.Range(0, 6).Select(i => Signin($"{T("10:05:00").AddMinutes(10 * i):HH:mm:ss}")).ToArray();
        var rule = SigninRows.Scheduled(TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(10), suppression: TimeSpan.FromMinutes(25));
        var result = Run(rule, Events("s.jsonl", lines));

        // alerts at 10:10, then quiet at 10:20 and 10:30 (before 10:35), alert at 10:40, quiet 10:50 and 11:00
        Assert.Equal([T("10:10:00"), T("10:40:00")], result.Alerts.Select(a => a.Timestamp));
        Assert.True(result.Rules.Single().Executions >= 6, "suppressed executions still count as executions");
    }

    [Fact]
    public void Nrt_rules_run_every_minute_over_the_last_minute()
    {
        var rule = new SigninRows(SigninRows.Meta("NRT", null, null));
        var result = Run(rule, Events("s.jsonl", Signin("10:00:30"), Signin("10:02:10")));

        Assert.Equal([(T("10:01:00"), T("10:00:00")), (T("10:03:00"), T("10:02:00"))], result.Alerts.Select(a => (a.Timestamp, a.WindowStart)));
    }

    [Fact]
    public void A_hunting_query_runs_once_over_the_whole_input()
    {
        var rule = new SigninRows(SigninRows.Meta("Hunting", null, null));
        var result = Run(rule, Events("s.jsonl", Signin("2026-11-01T10:00:00Z"), Signin("2026-11-20T10:00:00Z")));

        var alert = Assert.Single(result.Alerts);
        Assert.Equal(2, alert.Rows.Count);
        Assert.Equal(T("2026-11-01T10:00:00Z"), alert.WindowStart);
        Assert.Equal(1, result.Rules.Single().Executions);
    }

    [Fact]
    public void The_event_store_keeps_only_the_largest_look_back_so_fourteen_days_hold_what_two_days_hold()
    {
        // one event every five minutes; a rule every hour over the last 24 hours
        string Days(int days, string name) => Events(name, [.. Enumerable.Range(0, days * 24 * 12).Select(m => Signin($"{T("2026-11-01T00:00:00Z").AddMinutes(5 * m):O}"))]);
        var rule = SigninRows.Scheduled(TimeSpan.FromHours(1), TimeSpan.FromHours(24));
        var two = new DetectionEngine([rule]) { MaxDegreeOfParallelism = 1 }.Run(EventSource.JsonLines(Days(2, "two.jsonl")));
        var fourteen = new DetectionEngine([rule]) { MaxDegreeOfParallelism = 1 }.Run(EventSource.JsonLines(Days(14, "fourteen.jsonl")));

        Assert.Equal(14 * 24 * 12, fourteen.EventsRead);
        // a day of events and the few past the execution that the lateness waits for, whatever the input's length
        Assert.InRange(two.PeakKustoRows, 24 * 12, 25 * 12);
        Assert.Equal(two.PeakKustoRows, fourteen.PeakKustoRows);
        // every execution saw its whole day (both ends of a window are in it): nothing it needed was evicted
        var full = fourteen.Alerts.Where(a => a.WindowStart >= T("2026-11-01T00:00:00Z") && a.Timestamp < T("2026-11-15T00:00:00Z")).ToList();
        Assert.Equal(13 * 24, full.Count);
        Assert.All(full, a => Assert.Equal(24 * 12 + 1, a.Rows.Count));
    }

    [Fact]
    public void Files_are_merged_by_time_so_a_folder_of_per_table_files_replays_as_it_happened()
    {
        // AuditLogs.jsonl is read before SigninLogs.jsonl by name, yet both are seen by the 11:00 execution
        var rule = new TableRows(SigninRows.Meta("Scheduled", TimeSpan.FromHours(1), TimeSpan.FromHours(1)), "AuditLogs");
        Events("AuditLogs.jsonl", "{\"TimeGenerated\":\"2026-11-20T10:50:00Z\",\"Type\":\"AuditLogs\"}");
        Events("SigninLogs.jsonl", Signin("10:00:00"), Signin("13:00:00"));

        var result = new DetectionEngine([rule]).Run(EventSource.JsonLines(_folder));

        Assert.Equal(0, result.LateEvents);
        Assert.Equal(T("11:00:00"), Assert.Single(result.Alerts).Timestamp);
    }

    [Fact]
    public void Events_within_the_lateness_are_seen_and_later_ones_are_reported_not_dropped_silently()
    {
        var rule = SigninRows.Scheduled(TimeSpan.FromHours(1), TimeSpan.FromHours(1));
        var path = Events("s.jsonl", Signin("10:10:00", "a"), Signin("11:20:00", "b"), Signin("11:17:00", "within"), Signin("12:30:00", "c"), Signin("10:20:00", "late"));

        var result = new DetectionEngine([rule]) { Lateness = TimeSpan.FromMinutes(5) }.Run(EventSource.JsonLines(path));

        // the 12:00 execution saw the event 3 minutes out of order (in time order); the one 2h10m late came after 11:00 had run
        Assert.Equal(["within", "b"], result.Alerts.Single(a => a.Timestamp == T("12:00:00")).Rows.Select(r => (string?)r["User"]));
        Assert.Equal(["a"], result.Alerts.Single(a => a.Timestamp == T("11:00:00")).Rows.Select(r => (string?)r["User"]));
        Assert.Equal(1, result.LateEvents);
        Assert.StartsWith(path + "(5)", result.FirstLateEvent);
        var summary = new StringWriter();
        result.WriteSummary(summary);
        Assert.Contains("1 late event", summary.ToString());
    }

    [Fact]
    public void Malformed_lines_are_reported_in_reading_order_on_the_kusto_path()
    {
        var rule = SigninRows.Scheduled(TimeSpan.FromHours(1), TimeSpan.FromHours(1));
        var first = Events("a.jsonl", Signin("10:10:00"), "{not json", "{\"Type\":\"SigninLogs\"}");
        var second = Events("b.jsonl", "[1,2]", Signin("10:20:00"));

        var result = Run(rule, first, second);

        Assert.Equal(2, result.EventsRead);
        Assert.Equal([(first, 2), (first, 3), (second, 1)], result.Errors.Select(e => (e.SourceFile, e.LineNumber)));
        Assert.Equal(2, Assert.Single(result.Alerts).Rows.Count);
    }

    [Fact]
    public void Alerts_are_handed_out_in_order_while_the_replay_runs()
    {
        var rule = SigninRows.Scheduled(TimeSpan.FromHours(1), TimeSpan.FromHours(1));
        var path = Events("s.jsonl", [.. Enumerable.Range(0, 48).Select(h => Signin($"{T("2026-11-20T00:30:00Z").AddHours(h):O}"))]);
        var seen = new List<DateTimeOffset>();

        var result = new DetectionEngine([rule]).Run(EventSource.JsonLines(path), ReplayBounds.All, alert => seen.Add(alert.Timestamp));

        Assert.Empty(result.Alerts);
        Assert.Equal(48, result.AlertCount);
        Assert.Equal(seen.Order(), seen);
    }

    [Theory]
    [InlineData("2026-11-20T10:07:00Z", null, null)]
    [InlineData(null, "2026-11-20T11:00:00Z", "2026-11-20T12:00:00Z")]
    [InlineData(null, null, null)]
    [InlineData(null, "2026-11-20T09:10:00Z", null)]
    public void The_schedule_cursor_runs_the_executions_a_whole_replay_plans(string? at, string? from, string? to)
    {
        var bounds = at is not null ? ReplayBounds.Once(T(at)) : ReplayBounds.Between(from is null ? null : T(from), to is null ? null : T(to));
        var (first, last) = (T("10:01:00"), T("13:04:00"));
        var plan = Schedule.Plan(TimeSpan.FromMinutes(20), TimeSpan.FromMinutes(45), first, last, bounds).ToList();

        var clock = new StreamClock(TimeSpan.FromMinutes(5), bounds);
        var cursor = new ScheduleCursor(TimeSpan.FromMinutes(20), TimeSpan.FromMinutes(45), bounds);
        var streamed = new List<Execution>();
        for (var t = first; t <= last; t += TimeSpan.FromMinutes(7))
        {
            clock.Observe(t);
            while (cursor.TakeDue(clock) is { } e) streamed.Add(e);
        }
        clock.Observe(last);
        clock.End();
        while (cursor.TakeDue(clock) is { } e) streamed.Add(e);

        Assert.Equal(plan, streamed);
    }

    [Fact]
    public async Task Rules_run_in_parallel_give_the_alerts_of_one_thread_in_the_same_order_and_RunAsync_streams_them()
    {
        var path = Events("s.jsonl", [.. Enumerable.Range(0, 200).Select(m => Signin($"{T("2026-11-20T00:00:00Z").AddMinutes(7 * m):O}", $"u{m % 3}"))]);
        KustoDetection[] rules =
        [
            SigninRows.Scheduled(TimeSpan.FromMinutes(30), TimeSpan.FromHours(2)),
            SigninRows.Scheduled(TimeSpan.FromHours(1), TimeSpan.FromHours(1), grouping: EventGrouping.AlertPerResult),
            SigninRows.Scheduled(TimeSpan.FromMinutes(20), TimeSpan.FromMinutes(20), TriggerOperator.GreaterThan, 2),
        ];
        static string Describe(Alerts.Alert a) => $"{a.Rule.Metadata.Id} {a.Timestamp:O} {a.Rows.Count}";

        var one = new DetectionEngine(rules) { MaxDegreeOfParallelism = 1 }.Run(EventSource.JsonLines(path));
        var four = new DetectionEngine(rules) { MaxDegreeOfParallelism = 4 }.Run(EventSource.JsonLines(path));
        var streamed = new List<string>();
        await foreach (var alert in new DetectionEngine(rules).RunAsync(EventSource.JsonLines(path))) streamed.Add(Describe(alert));

        Assert.True(one.Alerts.Count > 100);
        Assert.Equal(one.Alerts.Select(Describe), four.Alerts.Select(Describe));
        Assert.Equal(one.Alerts.Select(Describe), streamed);
        // time order, then the rules' order for alerts of one time
        Assert.Equal(one.Alerts.OrderBy(a => a.Timestamp).ThenBy(a => Array.IndexOf(rules, a.Rule)).Select(Describe), one.Alerts.Select(Describe));
    }

    [Fact]
    public void No_events_run_no_scheduled_execution_even_with_from_but_at_still_runs_once()
    {
        var rule = SigninRows.Scheduled(TimeSpan.FromHours(1), TimeSpan.FromHours(1), TriggerOperator.Equal, 0);
        var empty = Events("empty.jsonl");

        var from = new DetectionEngine([rule]).Run(EventSource.JsonLines(empty), ReplayBounds.Between(T("10:00:00"), null));
        var at = new DetectionEngine([rule]).Run(EventSource.JsonLines(empty), ReplayBounds.Once(T("10:00:00")));

        Assert.Equal(0, from.Rules.Single().Executions);
        // "fewer than one row" … "exactly zero rows": an execution over no events can alert
        Assert.Equal(T("10:00:00"), Assert.Single(at.Alerts).Timestamp);
    }

    [Fact]
    public void Only_the_columns_the_rules_of_a_table_read_are_stored()
    {
        var path = Events("s.jsonl", "{\"TimeGenerated\":\"2026-11-20T10:10:00Z\",\"Type\":\"SigninLogs\",\"User\":\"alice\",\"IPAddress\":\"192.0.2.1\",\"Extra\":{\"deep\":[1,2]}}");
        var meta = SigninRows.Meta("Scheduled", TimeSpan.FromHours(1), TimeSpan.FromHours(1));
        var users = new ColumnsRead(meta, "User");
        var addresses = new ColumnsRead(meta with { Id = Guid.NewGuid() }, "IPAddress");

        var alone = new DetectionEngine([users]).Run(EventSource.JsonLines(path));
        var both = new DetectionEngine([users, addresses]).Run(EventSource.JsonLines(path));
        var unknown = new DetectionEngine([users, new SigninRows(meta)]).Run(EventSource.JsonLines(path));

        Assert.Equal(["User"], Assert.Single(alone.Alerts).Rows[0].Select(p => p.Key));
        Assert.All(both.Alerts, a => Assert.Equal(["User", "IPAddress"], a.Rows[0].Select(p => p.Key)));
        // a rule that does not say what it reads gets every column
        Assert.All(unknown.Alerts, a => Assert.Equal(["TimeGenerated", "Type", "User", "IPAddress", "Extra"], a.Rows[0].Select(p => p.Key)));
    }

    private sealed class ColumnsRead(RuleMetadata metadata, string column) : TableRows(metadata, "SigninLogs")
    {
        public override IReadOnlyDictionary<string, IReadOnlySet<string>>? ReadColumns { get; } =
            new Dictionary<string, IReadOnlySet<string>> { ["SigninLogs"] = new HashSet<string> { column } };
    }

    /// <summary>Returns the rows of one table in the execution's window: the trigger counts events.</summary>
    private class TableRows(RuleMetadata metadata, string table) : KustoDetection(metadata)
    {
        public override KustoTable Execute(KustoContext context) => context.Table(table);
    }

    private sealed class SigninRows(RuleMetadata metadata) : TableRows(metadata, "SigninLogs")
    {
        public static SigninRows Scheduled(TimeSpan frequency, TimeSpan period, TriggerOperator op = TriggerOperator.GreaterThan, int threshold = 0,
            EventGrouping grouping = EventGrouping.SingleAlert, TimeSpan? suppression = null)
            => new(Meta("Scheduled", frequency, period) with
            {
                TriggerOperator = op, TriggerThreshold = threshold, EventGrouping = grouping, SuppressionDuration = suppression,
            });

        public static RuleMetadata Meta(string kind, TimeSpan? frequency, TimeSpan? period) => new()
        {
            Id = Guid.NewGuid(), Name = $"{kind} sign-ins", Family = RuleFamily.Sentinel, Kind = kind,
            Interval = frequency, LookBack = period, Language = QueryLanguage.Kusto,
        };
    }
}
