using AzureRules.Sdk.Alerts;
using AzureRules.Sdk.Detections;
using AzureRules.Sdk.Esql;
using AzureRules.Sdk.Events;

namespace AzureRules.Sdk.Engine;

/// <summary>
/// Runs an Elastic ES|QL rule as Kibana does: every <c>interval</c> the query runs over the events of its
/// FROM indices inside the look-back window <c>[now − from, now]</c>. An aggregating query (STATS)
/// alerts once per result row. A non-aggregating query alerts once per row too, and when it returns
/// <c>_id</c> (FROM … METADATA _id) each source document alerts at most once across overlapping
/// executions, and the alert carries that document. At most <c>max_signals</c> alerts per execution.
/// </summary>
internal sealed class EsqlRuleRunner : ScheduledRuleRunner
{

    private readonly EsqlDetection _rule;
    private readonly IndexPatterns _indices;
    private readonly TimeWindowBuffer<(string Index, EventRecord Event)> _events = new();
    // ids already alerted: a document alerts once across overlapping executions (kept for the whole replay)
    private readonly HashSet<string> _alerted = new(StringComparer.Ordinal);

    private readonly EsqlEnrichIndices _enrich;

    private EsqlRuleRunner(EsqlDetection rule, EsqlEnrichIndices enrich)
    {
        _rule = rule;
        _enrich = enrich;
        // FROM names the indices (a remote cluster prefix is ignored: every event is local here)
        _indices = new IndexPatterns([.. rule.SourceIndices.Select(i => i.Contains(':') ? i[(i.LastIndexOf(':') + 1)..] : i)]);
        Statistics = new RuleRunStatistics(rule);
    }

    public override RuleRunStatistics Statistics { get; }

    public static EsqlRuleRunner? TryCreate(Detection rule, EsqlEnrichIndices enrich) => rule is EsqlDetection esql ? new EsqlRuleRunner(esql, enrich) : null;

    public bool AppliesTo(string index) => _indices.Matches(index);

    public void Offer(EventRecord record, string index, DateTimeOffset time) => _events.Add(time, (index, record));

    protected override ScheduleCursor CreateCursor(ReplayBounds bounds) => ElasticRuleSchedule.Of(_rule.Metadata).Cursor(bounds);

    protected override void Forget(DateTimeOffset neededFrom, StreamClock clock) => _events.RemoveBefore(neededFrom);

    protected override void Execute(Execution execution, List<Alert> alerts)
    {
        Statistics.Executions++;
        var window = new List<(DateTimeOffset Time, string Index, EventRecord Event)>();
        for (var i = _events.FirstAtOrAfter(execution.WindowStart); i < _events.Count && _events[i].Time <= execution.Time; i++)
            window.Add((_events[i].Time, _events[i].Item.Index, _events[i].Item.Event));
        if (window.Count == 0 && !_rule.IsAggregating) return;
        alerts.AddRange(Execute(execution, window, _alerted, ElasticRuleSchedule.Of(_rule.Metadata).MaxSignals));
    }

    private List<Alert> Execute(Execution execution, List<(DateTimeOffset Time, string Index, EventRecord Event)> window, HashSet<string> alerted, int maxSignals)
    {
        var byId = new Dictionary<string, EventRecord>(StringComparer.Ordinal);
        foreach (var (_, _, record) in window) byId[record.EventId] = record;

        EsqlTable result;
        try
        {
            result = _rule.Run(_enrich.Over(EsqlTableJson.Source(window.Select(e => (e.Index, e.Event))), execution.Time), execution.Time.UtcDateTime);
        }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            // this execution yields nothing; reported, and later executions and other rules go on
            Statistics.RegexTimedOut($"the execution at {execution.Time:yyyy-MM-dd'T'HH:mm:ss'Z'}");
            return [];
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException or InvalidCastException
            or IndexOutOfRangeException or KeyNotFoundException or NullReferenceException or OverflowException or NotSupportedException
            or System.Text.Json.JsonException)
        {
            // a run-time failure of one rule is reported, and the other rules go on
            Statistics.Failure ??= $"{ex.GetType().Name}: {ex.Message}";
            return [];
        }

        var alerts = new List<Alert>();
        var idColumn = _rule.IsAggregating ? null : result.Find("_id");
        foreach (var row in result.Rows)
        {
            if (alerts.Count >= maxSignals) break;
            EventRecord[] events = [];
            if (idColumn is { } c && row[c] is string id)
            {
                if (!alerted.Add(id)) continue;
                if (byId.TryGetValue(id, out var source)) events = [source];
            }
            Statistics.Matches++;
            alerts.Add(execution.Alert(_rule, [EsqlTableJson.Row(result, row)], events));
        }
        Statistics.Alerts += alerts.Count;
        return alerts;
    }
}
