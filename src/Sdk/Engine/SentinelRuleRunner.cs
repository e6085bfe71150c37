using System.Text.Json.Nodes;
using AzureRules.Sdk.Alerts;
using AzureRules.Sdk.Detections;
using AzureRules.Sdk.Kusto;

namespace AzureRules.Sdk.Engine;

/// <summary>
/// Runs a Sentinel Kusto rule with Sentinel's scheduling: every <c>queryFrequency</c> over the last
/// <c>queryPeriod</c> of events (by TimeGenerated), raising alerts when the number of result rows
/// passes the trigger (operator and threshold), one alert per execution or one per row (event
/// grouping), then staying quiet for the suppression duration. Sentinel does not de-duplicate across
/// overlapping periods, and neither does this. NRT rules run every minute over the last minute;
/// hunting queries run once over everything, when the input has ended. The events come from the
/// replay's shared <see cref="KustoEventStore"/>: an execution reads its window's slice of each table.
/// </summary>
internal sealed class SentinelRuleRunner : IRuleRunner
{
    private static readonly TimeSpan NearRealTime = TimeSpan.FromMinutes(1);
    private readonly KustoDetection _rule;
    private readonly KustoEventStore _store;
    private readonly object _registration;
    private readonly bool _hunting;
    private ScheduleCursor? _cursor;
    private StreamClock? _clock;
    private bool _huntingDone;
    private DateTimeOffset _quietUntil = DateTimeOffset.MinValue;

    public SentinelRuleRunner(KustoDetection rule, KustoEventStore store)
    {
        _rule = rule;
        _store = store;
        var meta = rule.Metadata;
        _hunting = meta.Kind == "Hunting" || (meta.Interval is null && meta.Kind != "NRT");
        Statistics = new RuleRunStatistics(rule);
        _registration = store.Register(rule, NeededFrom);
    }

    public RuleRunStatistics Statistics { get; }

    public bool Finished => _hunting ? _huntingDone : _cursor?.Done ?? false;

    private ScheduleCursor Cursor(StreamClock clock)
    {
        _clock ??= clock;
        if (_cursor is null)
        {
            var interval = _rule.Metadata.Interval ?? NearRealTime;
            _cursor = new ScheduleCursor(interval, _rule.Metadata.LookBack ?? interval, clock.Bounds);
        }
        return _cursor;
    }

    /// <summary>How far back the remaining executions look: a hunting query reads everything (from --from, if given).</summary>
    private DateTimeOffset NeededFrom()
    {
        if (_clock is null) return DateTimeOffset.MinValue;
        if (_hunting) return _huntingDone ? DateTimeOffset.MaxValue : _clock.Bounds.At is null ? _clock.Bounds.From ?? DateTimeOffset.MinValue : DateTimeOffset.MinValue;
        return Cursor(_clock).NeededFrom(_clock);
    }

    public DateTimeOffset PendingFrom(StreamClock clock)
    {
        _clock ??= clock;
        if (_hunting)
        {
            // the one execution is at --at, --to, or just after the last event
            if (_huntingDone) return DateTimeOffset.MaxValue;
            return clock.Bounds.At ?? clock.Bounds.To ?? (clock.Last ?? DateTimeOffset.MinValue);
        }
        var cursor = Cursor(clock);
        return cursor.Done ? DateTimeOffset.MaxValue : cursor.Next(clock) ?? DateTimeOffset.MinValue;
    }

    public void Advance(StreamClock clock, List<Alert> alerts)
    {
        _clock ??= clock;
        if (_hunting)
        {
            if (!clock.Ended || _huntingDone) return;
            _huntingDone = true;
            if (clock.First is not { } first || clock.Last is not { } last)
            {
                if (clock.Bounds.At is not { } at) return;
                first = last = at;
            }
            // a hunting query runs once, over the whole replay (or everything up to --at / --to)
            var bounds = clock.Bounds;
            var end = bounds.At ?? bounds.To ?? last.AddTicks(1);
            Execute(new Execution(end, bounds.At is null ? bounds.From ?? first : first), alertPerRow: false, (TriggerOperator.GreaterThan, 0), alerts);
            return;
        }
        var meta = _rule.Metadata;
        var cursor = Cursor(clock);
        while (cursor.TakeDue(clock) is { } execution)
        {
            if (execution.Time < _quietUntil) { Statistics.Executions++; continue; }
            var before = alerts.Count;
            Execute(execution, meta.EventGrouping == EventGrouping.AlertPerResult, (meta.TriggerOperator, meta.TriggerThreshold), alerts);
            if (alerts.Count > before && meta.SuppressionDuration is { } quiet) _quietUntil = execution.Time + quiet;
        }
    }

    private void Execute(Execution execution, bool alertPerRow, (TriggerOperator Operator, int Threshold) trigger, List<Alert> alerts)
    {
        Statistics.Executions++;
        KustoTable result;
        try
        {
            var context = new KustoContext(execution.Time.UtcDateTime, table => _store.Window(_registration, table, execution.WindowStart, execution.Time));
            result = _rule.Execute(context);
        }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            // this execution yields nothing; reported, and later executions and other rules go on
            Statistics.RegexTimedOut($"the execution at {execution.Time:yyyy-MM-dd'T'HH:mm:ss'Z'}");
            return;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException or InvalidCastException or IndexOutOfRangeException or KeyNotFoundException or NullReferenceException or OverflowException)
        {
            // a run-time failure of one rule is reported, and the other rules go on
            Statistics.Failure ??= $"{ex.GetType().Name}: {ex.Message}";
            return;
        }
        if (!Triggers(result.RowCount, trigger.Operator, trigger.Threshold)) return;
        var rows = KustoTableJson.Rows(result).ToList();
        var before = alerts.Count;
        if (alertPerRow)
            foreach (var row in rows) alerts.Add(NewAlert(execution, [row]));
        else
            alerts.Add(NewAlert(execution, rows));
        Statistics.Alerts += alerts.Count - before;
    }

    private Alert NewAlert(Execution execution, IReadOnlyList<JsonObject> rows) => execution.Alert(_rule, rows);

    internal static bool Triggers(int rows, TriggerOperator op, int threshold) => op switch
    {
        TriggerOperator.LessThan => rows < threshold,
        TriggerOperator.Equal => rows == threshold,
        TriggerOperator.NotEqual => rows != threshold,
        _ => rows > threshold,
    };
}
