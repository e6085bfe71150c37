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
/// schedule is then replayed over the matches.
/// </summary>
internal sealed class ElasticEventRuleRunner(ElasticEventDetection rule) : IElasticRuleRunner
{
    private readonly IndexPatterns _indices = new(rule.Metadata.Indices.Count > 0 ? rule.Metadata.Indices : ["*"]);
    private readonly List<(DateTimeOffset Time, EventRecord Event)> _matches = [];

    public ElasticEventDetection Rule { get; } = rule;
    public RuleRunStatistics Statistics { get; } = new(rule);

    public bool AppliesTo(string index) => _indices.Matches(index);

    public void Offer(EventView view, EventRecord record, DateTimeOffset time)
    {
        if (!Rule.Matches(view)) return; // a regex timeout is reported by the engine
        _matches.Add((time, record));
        Statistics.Matches++;
    }

    public IEnumerable<Alert> Replay(DateTimeOffset first, DateTimeOffset last, ReplayBounds bounds)
    {
        var schedule = ElasticRuleSchedule.Of(Rule.Metadata);
        var maxSignals = schedule.MaxSignals;
        // stable: equal times keep reading order
        var pending = _matches.OrderBy(m => m.Time).ToList();
        var alerted = new HashSet<string>(StringComparer.Ordinal);
        var cursor = 0; // matches before the cursor are older than every remaining window
        // run until the last event has left every window: later executions could still alert on it
        foreach (var execution in schedule.Executions(first, last, bounds))
        {
            Statistics.Executions++;
            while (cursor < pending.Count && pending[cursor].Time < execution.WindowStart) cursor++;
            var raised = 0;
            for (var i = cursor; i < pending.Count && pending[i].Time <= execution.Time && raised < maxSignals; i++)
            {
                var (time, record) = pending[i];
                if (time < execution.WindowStart || !alerted.Add(record.EventId)) continue;
                raised++;
                Statistics.Alerts++;
                yield return new Alert
                {
                    Rule = Rule,
                    Timestamp = execution.Time,
                    WindowStart = execution.WindowStart,
                    WindowEnd = execution.Time,
                    Rows = [ParseSource(record)],
                    Events = [record],
                };
            }
        }
        Statistics.MatchesNotAlerted = pending.Count(m => !alerted.Contains(m.Event.EventId));
    }

    private static JsonObject ParseSource(EventRecord record)
        => JsonNode.Parse(record.Json.Span) as JsonObject ?? [];
}
