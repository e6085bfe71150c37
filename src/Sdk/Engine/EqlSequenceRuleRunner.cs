using System.Text.Json.Nodes;
using AzureRules.Sdk.Alerts;
using AzureRules.Sdk.Eql;
using AzureRules.Sdk.Eql.Join;
using AzureRules.Sdk.Events;

namespace AzureRules.Sdk.Engine;

/// <summary>
/// Runs an EQL sequence or sample rule with Elastic's scheduling (every <c>interval</c> over
/// <c>[now − from, now]</c>, at most <c>max_signals</c> results per execution).
/// <para>
/// While reading, each event is tested against the rule's step filters once and kept only if it
/// matched one (with its join keys). At replay the kept events are put in ordinal order (timestamp,
/// then reading order) and fed to <see cref="EqlSequenceMatcher{T}"/>, whose partial sequences
/// expire with maxspan or, without one, with the rule's look-back. A completed sequence is reported by
/// the first execution whose window holds all its events — the one whose EQL search would have
/// found it — and never again (Kibana de-duplicates a sequence by its events' ids). Samples are
/// searched per execution window, as Kibana's EQL query over the window would.
/// </para>
/// The alert carries the events in order as its rows and sources (file:line); a sequence's alert
/// also carries its group id and building blocks (<see cref="SequenceAlertGroup"/>).
/// </summary>
internal sealed class EqlSequenceRuleRunner(EqlJoinDetection rule) : IElasticRuleRunner
{

    private readonly IndexPatterns _indices = new(rule.Metadata.Indices.Count > 0 ? rule.Metadata.Indices : ["*"]);
    private readonly EqlJoinDefinition _definition = rule.Join;
    private readonly List<EqlJoinEvent<EventRecord>> _hits = [];
    private long _position;
    // the rule's tiebreaker_field orders events of equal timestamp (a numeric field, as EQL requires)
    private readonly int _tiebreakerSlot = rule.Metadata.TiebreakerField is { } field ? FieldTable.Slot(field) : -1;

    public EqlJoinDetection Rule { get; } = rule;
    public RuleRunStatistics Statistics { get; } = new(rule);

    public bool AppliesTo(string index) => _indices.Matches(index);

    public void Offer(EventView view, EventRecord record, DateTimeOffset time)
    {
        var position = _position++;
        if (EqlJoinEvent<EventRecord>.Match(_definition, view) is not { } matches) return;
        var tiebreaker = _tiebreakerSlot >= 0 && view.First(_tiebreakerSlot) is { Kind: FieldKind.Number } value ? value.Number : 0;
        _hits.Add(new EqlJoinEvent<EventRecord>(new EqlOrdinal(EqlOrdinal.ToNanos(time), tiebreaker, position), record, matches));
        Statistics.Matches++;
    }

    public IEnumerable<Alert> Replay(DateTimeOffset first, DateTimeOffset last, ReplayBounds bounds)
    {
        var schedule = ElasticRuleSchedule.Of(Rule.Metadata);
        var (lookBack, maxSignals) = (schedule.LookBack, schedule.MaxSignals);
        _hits.Sort((a, b) => a.Ordinal.CompareTo(b.Ordinal));
        var executions = schedule.Executions(first, last, bounds);
        return _definition.Kind == EqlJoinKind.Sequence
            ? ReplaySequences(executions, lookBack, maxSignals)
            : ReplaySamples(executions, maxSignals);
    }

    private IEnumerable<Alert> ReplaySequences(IEnumerable<Execution> executions, TimeSpan lookBack, int maxSignals)
    {
        var matcher = new EqlSequenceMatcher<EventRecord>(_definition, lookBack);
        foreach (var hit in _hits) matcher.Add(hit);
        matcher.Finish();
        var found = matcher.TakeCompleted();
        found.Sort((a, b) => a.End.CompareTo(b.End));
        _hits.Clear();

        var pending = new List<EqlJoinResult<EventRecord>>();
        var cursor = 0;
        var alerted = 0;
        foreach (var execution in executions)
        {
            Statistics.Executions++;
            var end = EqlOrdinal.ToNanos(execution.Time);
            var start = EqlOrdinal.ToNanos(execution.WindowStart);
            while (cursor < found.Count && found[cursor].End.TimeNanos <= end) pending.Add(found[cursor++]);
            // a sequence that began before this window can be found by no later execution either;
            // in the order the EQL search returns them: by the last event (Elasticsearch's Sequence.compareTo), then key
            var inWindow = pending.Where(s => s.Start.TimeNanos >= start).OrderBy(s => s.End).ThenBy(s => s.Key).ToList();
            var reported = EqlPipe.Apply(inWindow, _definition.Pipes).Take(maxSignals).ToList();
            foreach (var sequence in reported)
            {
                alerted++;
                yield return ToAlert(execution, sequence);
            }
            // beyond max_signals: a later, overlapping execution still sees them, as Kibana's would
            pending = [.. inWindow.Except(reported)];
        }
        Statistics.MatchesNotAlerted = found.Count - alerted;
    }

    private IEnumerable<Alert> ReplaySamples(IEnumerable<Execution> executions, int maxSignals)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var cursor = 0;
        foreach (var execution in executions)
        {
            Statistics.Executions++;
            var end = EqlOrdinal.ToNanos(execution.Time);
            var start = EqlOrdinal.ToNanos(execution.WindowStart);
            while (cursor < _hits.Count && _hits[cursor].Ordinal.TimeNanos < start) cursor++;
            var matcher = new EqlSampleMatcher<EventRecord>(_definition);
            for (var i = cursor; i < _hits.Count && _hits[i].Ordinal.TimeNanos <= end; i++) matcher.Add(_hits[i]);
            var raised = 0;
            foreach (var sample in EqlPipe.Apply(matcher.Results(), _definition.Pipes))
            {
                if (raised >= maxSignals) break;
                var id = string.Join("|", sample.Events.Select(e => e?.Payload.EventId));
                if (!seen.Add(id)) continue;
                raised++;
                yield return ToAlert(execution, sample);
            }
        }
    }

    private Alert ToAlert(Execution execution, EqlJoinResult<EventRecord> result)
    {
        Statistics.Alerts++;
        var records = result.Events.Where(e => e is not null).Select(e => e!.Payload).ToList();
        var documents = records.Select(AlertDocuments.Source).ToList();
        // a sample is one alert in Kibana; a sequence is a group of building blocks and a shell alert
        var groupId = _definition.Kind == EqlJoinKind.Sequence ? SequenceAlertGroup.GroupId(Rule.Metadata.Id, records) : null;
        return new Alert
        {
            Rule = Rule,
            Timestamp = execution.Time,
            WindowStart = execution.WindowStart,
            WindowEnd = execution.Time,
            Rows = documents,
            Events = records,
            GroupId = groupId,
            BuildingBlocks = groupId is null ? [] : SequenceAlertGroup.BuildingBlocks(groupId, documents),
        };
    }
}
