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
    private readonly TimeWindowBuffer<(string Index, EventRecord Event, EsqlDocument Document)> _events = new();
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

    /// <summary>An event as a document of its index, keyed by its event id (Elasticsearch's <c>_id</c>, else file and line).</summary>
    public static EsqlDocument Document(EventRecord record) => new(record.EventId, record.Json);

    public void Offer(EventRecord record, EsqlDocument document, string index, DateTimeOffset time) => _events.Add(time, (index, record, document));

    protected override ScheduleCursor CreateCursor(ReplayBounds bounds) => ElasticRuleSchedule.Of(_rule.Metadata).Cursor(bounds);

    protected override void Forget(DateTimeOffset neededFrom, StreamClock clock) => _events.RemoveBefore(neededFrom);

    protected override void Execute(Execution execution, List<Alert> alerts)
    {
        Statistics.Executions++;
        var first = _events.FirstAtOrAfter(execution.WindowStart);
        var end = _events.EndAtOrBefore(execution.Time);
        if (first >= end && !_rule.IsAggregating) return;
        var documents = new WindowIdentity(_events.Added, _events.Dropped + first, _events.Dropped + end);

        EsqlTable result;
        try
        {
            // the window's indices are grouped only when a command reads them: a kept table needs them only for ENRICH or LOOKUP JOIN
            var source = _enrich.Over(new DeferredSource(() => EsqlTableJson.Source(Window(first, end).Select(e => (e.Index, e.Document)))), execution.Time);
            if (_documentTable is not { } kept || kept.Window != documents)
            {
                _documentTable = null;
                _documentTable = (documents, _rule.ReadDocuments(source));
            }
            result = _rule.Finish(source, _documentTable.Value.Table, execution.Time.UtcDateTime);
        }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            // this execution yields nothing; reported, and later executions and other rules go on
            Statistics.RegexTimedOut($"the execution at {execution.Time:yyyy-MM-dd'T'HH:mm:ss'Z'}");
            return;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException or InvalidCastException
            or IndexOutOfRangeException or KeyNotFoundException or NullReferenceException or OverflowException or NotSupportedException
            or System.Text.Json.JsonException)
        {
            // a run-time failure of one rule is reported, and the other rules go on
            Statistics.Failure ??= $"{ex.GetType().Name}: {ex.Message}";
            return;
        }
        alerts.AddRange(Alerts(execution, result, first, end));
    }

    private IEnumerable<(string Index, EventRecord Event, EsqlDocument Document)> Window(int first, int end)
    {
        for (var i = first; i < end; i++) yield return _events[i].Item;
    }

    /// <summary>A source made on first use (and then kept), for the one execution it is created in.</summary>
    private sealed class DeferredSource(Func<EsqlSource> create) : EsqlSource
    {
        private EsqlSource? _source;

        private EsqlSource Source => _source ??= create();

        public override IEnumerable<EsqlIndex> Indices(IReadOnlyList<string> patterns) => Source.Indices(patterns);

        public override EsqlEnrichPolicy? EnrichPolicy(string name) => Source.EnrichPolicy(name);

        public override IEnumerable<EsqlIndex> EnrichIndices(EsqlEnrichPolicy policy) => Source.EnrichIndices(policy);
    }

    /// <summary>
    /// Which of the kept events a window holds: with no event added in between, equal positions among
    /// all events ever kept are the same events (late events are inserted, so an addition changes it).
    /// </summary>
    private readonly record struct WindowIdentity(long Added, long From, long To);

    // the table of the query's document-only commands for the last window: an execution over the same
    // documents (a long look-back re-read every interval) runs only the commands that read the clock
    private (WindowIdentity Window, EsqlTable Table)? _documentTable;

    /// <summary>One alert per result row, at most max_signals; a row with an <c>_id</c> alerts once over all executions and carries its event.</summary>
    private List<Alert> Alerts(Execution execution, EsqlTable result, int first, int end)
    {
        var maxSignals = ElasticRuleSchedule.Of(_rule.Metadata).MaxSignals;
        var alerts = new List<Alert>();
        var idColumn = _rule.IsAggregating ? null : result.Find("_id");
        Dictionary<string, EventRecord>? byId = null;
        foreach (var row in result.Rows)
        {
            if (alerts.Count >= maxSignals) break;
            EventRecord[] events = [];
            if (idColumn is { } c && row[c] is string id)
            {
                if (!_alerted.Add(id)) continue;
                byId ??= Window(first, end).GroupBy(e => e.Document.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last().Event, StringComparer.Ordinal);
                if (byId.TryGetValue(id, out var source)) events = [source];
            }
            Statistics.Matches++;
            alerts.Add(execution.Alert(_rule, [EsqlTableJson.Row(result, row)], events));
        }
        Statistics.Alerts += alerts.Count;
        return alerts;
    }
}
