using System.Text.Json.Nodes;
using AzureRules.Sdk.Alerts;
using AzureRules.Sdk.Detections;
using AzureRules.Sdk.Events;

namespace AzureRules.Sdk.Engine;

/// <summary>
/// Runs an Elastic new_terms rule as Kibana's new terms executor does (security_solution
/// <c>server/lib/detection_engine/rule_types/new_terms/</c>, its README and
/// <c>create_new_terms_alert_type.ts</c>): a term — one field's value, or a combination of values of
/// two or three fields (composite aggregation: the cartesian product of array values,
/// <c>multi_terms_composite.ts</c>) — found among the query's events in the execution's look-back is new
/// when no matching event had it between <c>history_window_start</c> and the look-back's start. Each new
/// term alerts once, on the first event (by time) in the look-back that has it; an event with several
/// new values in an array raises one alert per value. At most <c>max_signals</c> per execution.
/// State is the last time each term was seen, dropped once it is older than the history window.
/// </summary>
internal sealed class NewTermsRuleRunner : ScheduledRuleRunner, IElasticRuleRunner
{
    private readonly ElasticEventDetection _rule;
    private readonly NewTermsSettings _settings;
    private readonly IndexPatterns _indices;
    private readonly int[] _slots;
    private readonly TimeWindowBuffer<Match> _matches = new();
    private readonly TermHistory _history = new();
    // (term, event) pairs already alerted: overlapping look-backs see the same first event again
    private readonly HashSet<(string Term, EventRecord Event)> _alerted = [];
    private readonly Queue<(DateTimeOffset Time, string Term, EventRecord Event)> _alertedOrder = new();

    private readonly record struct Match(string[] Terms, EventRecord Event);

    public NewTermsRuleRunner(ElasticEventDetection rule)
    {
        _rule = rule;
        _settings = rule.Metadata.NewTerms ?? throw new ArgumentException("not a new_terms rule", nameof(rule));
        _indices = new IndexPatterns(rule.Metadata.Indices.Count > 0 ? rule.Metadata.Indices : ["*"]);
        _slots = [.. _settings.Fields.Select(FieldTable.Slot)];
        Statistics = new RuleRunStatistics(rule);
    }

    public override RuleRunStatistics Statistics { get; }

    public bool AppliesTo(string index) => _indices.Matches(index);

    // every event it does anything with matches the query
    public IReadOnlyList<EventPrefilter> Prefilters => _rule.Prefilters;

    public bool? Prematch(EventView view) => _rule.Matches(view);

    public void Offer(EventView view, EventRecord record, DateTimeOffset time)
    {
        if (_rule.Matches(view)) OfferMatched(view, record, time);
    }

    public void OfferMatched(EventView view, EventRecord record, DateTimeOffset time)
    {
        Statistics.Matches++;
        if (Finished) return; // no execution is left to see it
        var terms = TermCombinations.Keys(view, _slots);
        if (terms.Length > 0) _matches.Add(time, new Match(terms, record));
    }

    protected override ScheduleCursor CreateCursor(ReplayBounds bounds) => ElasticRuleSchedule.Of(_rule.Metadata).Cursor(bounds);

    // matches are forgotten when they become history (Execute), as each execution moves its look-back
    protected override void Forget(DateTimeOffset neededFrom, StreamClock clock)
    {
        if (neededFrom == DateTimeOffset.MaxValue) _matches.RemoveBefore(neededFrom);
    }

    protected override void Execute(Execution execution, List<Alert> alerts)
    {
        var maxSignals = ElasticRuleSchedule.Of(_rule.Metadata).MaxSignals;
        Statistics.Executions++;
        var historyStart = execution.Time - _settings.HistoryWindow;
        // events that left the look-back become history
        _matches.RemoveBefore(execution.WindowStart, (time, match) =>
        {
            foreach (var term in match.Terms) _history.Saw(term, time);
        });
        _history.Forget(before: historyStart);
        while (_alertedOrder.Count > 0 && _alertedOrder.Peek().Time < execution.WindowStart)
        {
            var (_, term, record) = _alertedOrder.Dequeue();
            _alerted.Remove((term, record));
        }

        // the first event of each term in the look-back, in time order
        var firstSeen = new Dictionary<string, (DateTimeOffset Time, Match Match)>(StringComparer.Ordinal);
        var order = new List<string>();
        for (var i = 0; i < _matches.Count && _matches[i].Time <= execution.Time; i++)
        {
            foreach (var term in _matches[i].Item.Terms)
            {
                if (firstSeen.ContainsKey(term)) continue;
                firstSeen[term] = _matches[i];
                order.Add(term);
            }
        }

        var raised = 0;
        foreach (var term in order)
        {
            if (raised == maxSignals) break;
            if (_history.SeenSince(term, historyStart)) continue;
            var (time, match) = firstSeen[term];
            if (!_alerted.Add((term, match.Event))) continue;
            _alertedOrder.Enqueue((time, term, match.Event));
            raised++;
            Statistics.Alerts++;
            alerts.Add(execution.Alert(_rule, [Document(match.Event, term)], [match.Event]));
        }
    }

    /// <summary>The source event with <c>kibana.alert.new_terms</c>: the new values, in field order (<c>wrap_new_terms_alerts.ts</c>).</summary>
    private JsonObject Document(EventRecord record, string term)
    {
        var document = AlertDocuments.Source(record);
        document["kibana.alert.new_terms"] = new JsonArray([.. TermCombinations.Split(term, _settings.Fields.Count).Select(v => (JsonNode)JsonValue.Create(v))]);
        return document;
    }

    /// <summary>When each term was last seen before the current look-back, forgetting what is older than the history window.</summary>
    private sealed class TermHistory
    {
        private readonly Dictionary<string, DateTimeOffset> _lastSeen = new(StringComparer.Ordinal);
        // every sighting in time order; a sighting superseded by a later one is skipped when it expires
        private readonly Queue<(DateTimeOffset Time, string Term)> _sightings = new();

        public void Saw(string term, DateTimeOffset time)
        {
            if (_lastSeen.TryGetValue(term, out var seen) && seen >= time) return;
            _lastSeen[term] = time;
            _sightings.Enqueue((time, term));
        }

        public void Forget(DateTimeOffset before)
        {
            while (_sightings.Count > 0 && _sightings.Peek().Time < before)
            {
                var (time, term) = _sightings.Dequeue();
                if (_lastSeen.TryGetValue(term, out var seen) && seen == time) _lastSeen.Remove(term);
            }
        }

        public bool SeenSince(string term, DateTimeOffset start) => _lastSeen.TryGetValue(term, out var seen) && seen >= start;

        public int Count => _lastSeen.Count;
    }
}
