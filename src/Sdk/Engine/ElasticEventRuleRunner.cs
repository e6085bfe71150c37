using System.Text.Json.Nodes;
using AzureRules.Sdk.Alerts;
using AzureRules.Sdk.Detections;
using AzureRules.Sdk.Events;

namespace AzureRules.Sdk.Engine;

/// <summary>
/// Runs an Elastic event rule (Kibana KQL or EQL event query) with Elastic's scheduling: every
/// <c>interval</c> over <c>[now − from, now]</c>, at most <c>max_signals</c> alerts per execution,
/// and an event that already raised an alert never raises another (overlapping look-back windows
/// are normal: from = now-25m with interval = 5m sees each event five times).
/// Matching is a pure function of the event, so each event is matched once while reading; the
/// executions then run over the matches as the stream clock passes them, and a match is forgotten
/// once it is older than the next execution's look-back. The ids of alerted events are kept for
/// the whole replay (Kibana never alerts twice on one document), so that memory grows with alerts only.
/// </summary>
internal sealed class ElasticEventRuleRunner(ElasticEventDetection rule) : ScheduledRuleRunner, IElasticRuleRunner
{
    private readonly IndexPatterns _indices = new(rule.Metadata.Indices.Count > 0 ? rule.Metadata.Indices : ["*"]);
    private readonly TimeWindowBuffer<EventRecord> _matches = new();
    private readonly HashSet<string> _alerted = new(StringComparer.Ordinal);
    private readonly int _maxSignals = ElasticRuleSchedule.Of(rule.Metadata).MaxSignals;

    public ElasticEventDetection Rule { get; } = rule;
    public override RuleRunStatistics Statistics { get; } = new(rule);

    public bool AppliesTo(string index) => _indices.Matches(index);

    // every event it does anything with matches the query
    public IReadOnlyList<EventPrefilter> Prefilters => Rule.Prefilters;

    public bool? Prematch(EventView view) => Rule.Matches(view);

    public void Offer(EventView view, EventRecord record, DateTimeOffset time)
    {
        if (Rule.Matches(view)) OfferMatched(view, record, time); // a regex timeout is reported by the engine
    }

    public void OfferMatched(EventView view, EventRecord record, DateTimeOffset time)
    {
        Statistics.Matches++;
        if (Finished) CountIfNotAlerted(record); // no execution is left to alert on it
        else _matches.Add(time, record);
    }

    protected override ScheduleCursor CreateCursor(ReplayBounds bounds) => ElasticRuleSchedule.Of(Rule.Metadata).Cursor(bounds);

    protected override void Execute(Execution execution, List<Alert> alerts)
    {
        Statistics.Executions++;
        var raised = 0;
        for (var i = _matches.FirstAtOrAfter(execution.WindowStart); i < _matches.Count && _matches[i].Time <= execution.Time && raised < _maxSignals; i++)
        {
            var record = _matches[i].Item;
            if (!_alerted.Add(record.EventId)) continue;
            raised++;
            Statistics.Alerts++;
            alerts.Add(execution.Alert(Rule, [ParseSource(record)], [record]));
        }
    }

    protected override void Forget(DateTimeOffset neededFrom, StreamClock clock)
        => _matches.RemoveBefore(neededFrom, (_, record) => CountIfNotAlerted(record));

    private void CountIfNotAlerted(EventRecord record)
    {
        if (!_alerted.Contains(record.EventId)) Statistics.MatchesNotAlerted++;
    }

    private static JsonObject ParseSource(EventRecord record)
        => JsonNode.Parse(record.Json.Span) as JsonObject ?? [];
}
