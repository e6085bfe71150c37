using AzureRules.Sdk.Detections;
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
/// matched one (with its join keys). As the stream clock passes them, the kept events are fed in
/// ordinal order (timestamp, then reading order) to <see cref="EqlSequenceMatcher{T}"/>, whose partial
/// sequences expire with maxspan or, without one, with the rule's look-back; an execution waits
/// while a sequence ending before it still awaits its trailing missing-event decision. A completed sequence is reported by
/// the first execution whose window holds all its events — the one whose EQL search would have
/// found it — and never again (Kibana de-duplicates a sequence by its events' ids). Samples are
/// searched per execution window, as Kibana's EQL query over the window would.
/// </para>
/// The alert carries the events in order as its rows and sources (file:line); a sequence's alert
/// also carries its group id and building blocks (<see cref="SequenceAlertGroup"/>).
/// </summary>
internal sealed class EqlSequenceRuleRunner : ScheduledRuleRunner, IElasticRuleRunner
{
    private readonly IndexPatterns _indices;
    private readonly EqlJoinDefinition _definition;
    private readonly int _maxSignals;
    // hits not fed to the matcher yet (sequences), or still inside a look-back (samples)
    private readonly TimeWindowBuffer<EqlJoinEvent<EventRecord>> _hits = new();
    private readonly EqlSequenceMatcher<EventRecord>? _matcher;
    // completed sequences by end, not yet in a window (sequences)
    private readonly List<EqlJoinResult<EventRecord>> _found = [];
    private List<EqlJoinResult<EventRecord>> _pending = [];
    private readonly HashSet<string> _seenSamples = new(StringComparer.Ordinal);
    private long _position;
    private int _foundCount;
    private int _alerted;
    // the rule's tiebreaker_field orders events of equal timestamp (a numeric field, as EQL requires)
    private readonly int _tiebreakerSlot;

    public EqlSequenceRuleRunner(EqlJoinDetection rule)
    {
        Rule = rule;
        _indices = new(rule.Metadata.Indices.Count > 0 ? rule.Metadata.Indices : ["*"]);
        _definition = rule.Join;
        _tiebreakerSlot = rule.Metadata.TiebreakerField is { } field ? FieldTable.Slot(field) : -1;
        var schedule = ElasticRuleSchedule.Of(rule.Metadata);
        _maxSignals = schedule.MaxSignals;
        if (_definition.Kind == EqlJoinKind.Sequence) _matcher = new EqlSequenceMatcher<EventRecord>(_definition, schedule.LookBack);
        Statistics = new(rule);
    }

    public EqlJoinDetection Rule { get; }
    public override RuleRunStatistics Statistics { get; }

    public bool AppliesTo(string index) => _indices.Matches(index);

    // not grouped: each step has its own filter (a union of the steps' terms would do; not derived yet)
    public IReadOnlyList<EventPrefilter> Prefilters => [];

    // the event feeds state whether or not one query matches it: no stateless stage
    public bool? Prematch(EventView view) => null;

    public void OfferMatched(EventView view, EventRecord record, DateTimeOffset time) => Offer(view, record, time);

    public void Offer(EventView view, EventRecord record, DateTimeOffset time)
    {
        var position = _position++;
        if (EqlJoinEvent<EventRecord>.Match(_definition, view) is not { } matches) return;
        Statistics.Matches++;
        // after the last execution a sample has no window left; a sequence still counts in "matches outside every window"
        if (Finished && _matcher is null) return;
        var tiebreaker = _tiebreakerSlot >= 0 && view.First(_tiebreakerSlot) is { Kind: FieldKind.Number } value ? value.Number : 0;
        _hits.Add(time, new EqlJoinEvent<EventRecord>(new EqlOrdinal(EqlOrdinal.ToNanos(time), tiebreaker, position), record, matches));
    }

    protected override ScheduleCursor CreateCursor(ReplayBounds bounds) => ElasticRuleSchedule.Of(Rule.Metadata).Cursor(bounds);

    /// <summary>Feeds the matcher every hit before the watermark; an execution runs once no sequence ending at or before it is undecided.</summary>
    protected override bool CanRun(StreamClock clock)
    {
        if (_matcher is null) return true;
        if (clock.Ended)
        {
            if (_hits.Count > 0)
            {
                Feed(_hits.Count);
                _hits.RemoveBefore(DateTimeOffset.MaxValue);
                _matcher.Finish();
                TakeCompleted();
            }
            return true;
        }
        Feed(_hits.FirstAtOrAfter(clock.Watermark));
        _hits.RemoveBefore(clock.Watermark);
        _matcher.AdvanceTo(EqlOrdinal.ToNanos(clock.Watermark));
        TakeCompleted();
        var next = Cursor(clock).Next(clock);
        return next is not { } t || _matcher.EarliestUndecidedEnd is not { } undecided || undecided.TimeNanos > EqlOrdinal.ToNanos(t);
    }

    /// <summary>
    /// Feeds the first <paramref name="count"/> hits to the matcher in ordinal order: the buffer keeps
    /// them by time, and events of equal time go by the tiebreaker field (then reading order).
    /// </summary>
    private void Feed(int count)
    {
        if (_tiebreakerSlot < 0)
        {
            for (var i = 0; i < count; i++) _matcher!.Add(_hits[i].Item);
            return;
        }
        var batch = new EqlJoinEvent<EventRecord>[count];
        for (var i = 0; i < count; i++) batch[i] = _hits[i].Item;
        Array.Sort(batch, (a, b) => a.Ordinal.CompareTo(b.Ordinal));
        foreach (var hit in batch) _matcher!.Add(hit);
    }

    private void TakeCompleted()
    {
        var completed = _matcher!.TakeCompleted();
        if (completed.Count == 0) return;
        _foundCount += completed.Count;
        _found.AddRange(completed);
        _found.Sort((a, b) => a.End.CompareTo(b.End));
    }

    protected override void Execute(Execution execution, List<Alert> alerts)
    {
        Statistics.Executions++;
        if (_matcher is null) ExecuteSamples(execution, alerts);
        else ExecuteSequences(execution, alerts);
    }

    private void ExecuteSequences(Execution execution, List<Alert> alerts)
    {
        var end = EqlOrdinal.ToNanos(execution.Time);
        var start = EqlOrdinal.ToNanos(execution.WindowStart);
        var taken = 0;
        while (taken < _found.Count && _found[taken].End.TimeNanos <= end) _pending.Add(_found[taken++]);
        _found.RemoveRange(0, taken);
        // a sequence that began before this window can be found by no later execution either;
        // in the order the EQL search returns them: by the last event (Elasticsearch's Sequence.compareTo), then key
        var inWindow = _pending.Where(s => s.Start.TimeNanos >= start).OrderBy(s => s.End).ThenBy(s => s.Key).ToList();
        var reported = EqlPipe.Apply(inWindow, _definition.Pipes).Take(_maxSignals).ToList();
        foreach (var sequence in reported)
        {
            _alerted++;
            alerts.Add(ToAlert(execution, sequence));
        }
        // beyond max_signals: a later, overlapping execution still sees them, as Kibana's would
        _pending = [.. inWindow.Except(reported)];
    }

    private void ExecuteSamples(Execution execution, List<Alert> alerts)
    {
        var end = EqlOrdinal.ToNanos(execution.Time);
        var matcher = new EqlSampleMatcher<EventRecord>(_definition);
        for (var i = _hits.FirstAtOrAfter(execution.WindowStart); i < _hits.Count && _hits[i].Item.Ordinal.TimeNanos <= end; i++) matcher.Add(_hits[i].Item);
        var raised = 0;
        foreach (var sample in EqlPipe.Apply(matcher.Results(), _definition.Pipes))
        {
            if (raised >= _maxSignals) break;
            var id = string.Join("|", sample.Events.Select(e => e?.Payload.EventId));
            if (!_seenSamples.Add(id)) continue;
            raised++;
            alerts.Add(ToAlert(execution, sample));
        }
    }

    protected override void Forget(DateTimeOffset neededFrom, StreamClock clock)
    {
        if (_matcher is null) _hits.RemoveBefore(neededFrom);
        if (neededFrom == DateTimeOffset.MaxValue && _matcher is not null) Statistics.MatchesNotAlerted = _foundCount - _alerted;
    }

    private Alert ToAlert(Execution execution, EqlJoinResult<EventRecord> result)
    {
        Statistics.Alerts++;
        var records = result.Events.Where(e => e is not null).Select(e => e!.Payload).ToList();
        var documents = records.Select(AlertDocuments.Source).ToList();
        // a sample is one alert in Kibana; a sequence is a group of building blocks and a shell alert
        var groupId = _definition.Kind == EqlJoinKind.Sequence ? SequenceAlertGroup.GroupId(Rule.Metadata.Id, records) : null;
        return execution.Alert(Rule, documents, records) with
        {
            GroupId = groupId,
            BuildingBlocks = groupId is null ? [] : SequenceAlertGroup.BuildingBlocks(groupId, documents),
        };
    }
}
