using System.Text.Json.Nodes;
using AzureRules.Sdk.Alerts;
using AzureRules.Sdk.Detections;
using AzureRules.Sdk.Events;
using AzureRules.Sdk.Kusto;

namespace AzureRules.Sdk.Engine;

/// <summary>
/// Runs a Sentinel Kusto rule with Sentinel's scheduling: every <c>queryFrequency</c> over the last
/// <c>queryPeriod</c> of events (by TimeGenerated), raising alerts when the number of result rows
/// passes the trigger (operator and threshold), one alert per execution or one per row (event
/// grouping), then staying quiet for the suppression duration. Sentinel does not de-duplicate across
/// overlapping periods, and neither does this. NRT rules run every minute over the last minute;
/// hunting queries run once over everything.
/// </summary>
internal sealed class SentinelRuleRunner
{
    private static readonly TimeSpan NearRealTime = TimeSpan.FromMinutes(1);
    private readonly KustoDetection _rule;
    private readonly Dictionary<string, List<(DateTimeOffset Time, EventRecord Event)>> _events = new(StringComparer.Ordinal);

    private SentinelRuleRunner(KustoDetection rule)
    {
        _rule = rule;
        Statistics = new RuleRunStatistics(rule);
    }

    public RuleRunStatistics Statistics { get; }

    public static SentinelRuleRunner? TryCreate(Detection rule) => rule is KustoDetection kusto ? new SentinelRuleRunner(kusto) : null;

    public void Offer(EventRecord record)
    {
        // every table is kept: a query may also read tables through unions with wildcards or functions
        var table = record.Envelope.SentinelTable(record.SourceFile);
        if (record.Envelope.SentinelTime is not { } time) return;
        if (!_events.TryGetValue(table, out var list)) _events[table] = list = [];
        list.Add((time, record));
    }

    public IEnumerable<Alert> Replay(DateTimeOffset first, DateTimeOffset last, ReplayOptions options)
    {
        var meta = _rule.Metadata;
        if (meta.Kind == "Hunting" || (meta.Interval is null && meta.Kind != "NRT"))
        {
            // a hunting query runs once, over the whole replay
            return Execute(options.Once(first, last), alertPerRow: false, trigger: (TriggerOperator.GreaterThan, 0));
        }
        var interval = meta.Interval ?? NearRealTime;
        var lookBack = meta.LookBack ?? interval;
        return Scheduled(options.Executions(interval, lookBack, first, last), meta);
    }

    private IEnumerable<Alert> Scheduled(IEnumerable<Execution> executions, RuleMetadata meta)
    {
        var quietUntil = DateTimeOffset.MinValue;
        foreach (var execution in executions)
        {
            if (execution.Time < quietUntil) { Statistics.Executions++; continue; }
            var alerts = Execute(execution, meta.EventGrouping == EventGrouping.AlertPerResult, (meta.TriggerOperator, meta.TriggerThreshold)).ToList();
            if (alerts.Count > 0 && meta.SuppressionDuration is { } quiet) quietUntil = execution.Time + quiet;
            foreach (var alert in alerts) yield return alert;
        }
    }

    private IEnumerable<Alert> Execute(Execution execution, bool alertPerRow, (TriggerOperator Operator, int Threshold) trigger)
    {
        Statistics.Executions++;
        KustoTable result;
        try
        {
            var inWindow = _events.SelectMany(t => t.Value.Where(e => execution.Covers(e.Time)).Select(e => (t.Key, e.Event)));
            var tables = KustoTables.FromEvents(_rule, inWindow);
            result = _rule.Execute(new KustoContext(execution.Time.UtcDateTime, tables));
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException or InvalidCastException or IndexOutOfRangeException or KeyNotFoundException or NullReferenceException or OverflowException)
        {
            // a run-time failure of one rule is reported, and the other rules go on
            Statistics.Failure ??= $"{ex.GetType().Name}: {ex.Message}";
            return [];
        }
        if (!Triggers(result.RowCount, trigger.Operator, trigger.Threshold)) return [];
        var rows = KustoTableJson.Rows(result).ToList();
        var alerts = alertPerRow
            ? rows.Select(row => NewAlert(execution, [row]))
            : [NewAlert(execution, rows)];
        var list = alerts.ToList();
        Statistics.Alerts += list.Count;
        return list;
    }

    private Alert NewAlert(Execution execution, IReadOnlyList<JsonObject> rows) => new()
    {
        Rule = _rule,
        Timestamp = execution.Time,
        WindowStart = execution.WindowStart,
        WindowEnd = execution.Time,
        Rows = rows,
    };

    private static bool Triggers(int rows, TriggerOperator op, int threshold) => op switch
    {
        TriggerOperator.LessThan => rows < threshold,
        TriggerOperator.Equal => rows == threshold,
        TriggerOperator.NotEqual => rows != threshold,
        _ => rows > threshold,
    };
}
