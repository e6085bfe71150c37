namespace AzureRules.Sdk.Eql.Join;

/// <summary>
/// The sequence state machine, fed events in ordinal order (timestamp, tiebreaker, reading order).
/// <para>
/// It follows Elasticsearch's <c>SequenceMatcher</c> (x-pack/plugin/eql/src/main/java/org/elasticsearch/
/// xpack/eql/execution/sequence/SequenceMatcher.java): per key and stage it keeps only the latest
/// partial sequence — a hit of stage <i>n</i> takes the latest partial sequence of stage <i>n−1</i>
/// with the same key and drops the older ones (<c>trimBefore</c>); a hit of the first stage always
/// starts a new one; <c>maxspan</c> rejects a hit when its timestamp minus the sequence's first
/// timestamp is <b>greater</b> than maxspan (equal is accepted); an <c>until</c> event between the
/// sequence's last event and the hit ends the sequence. An event that matches several stages advances
/// each of them, the later stages first, so it never moves one sequence two stages.
/// </para>
/// <para>
/// <c>with runs=N</c> is N consecutive copies of its step. Missing-event stages <c>![…]</c> hold no
/// event; a completed candidate is checked against the missing events seen (<see cref="Accepts"/>),
/// and one with a trailing missing stage only once the stream has passed maxspan after its start.
/// </para>
/// Memory is bounded by the span: partial sequences older than <c>maxspan</c> (or the given
/// expiry, the rule's look-back, when there is none) are dropped, as are remembered missing events.
/// </summary>
public sealed class EqlSequenceMatcher<T>
{
    private sealed class Partial(EqlKey key, int stages, EqlOrdinal start)
    {
        public EqlKey Key { get; } = key;
        public EqlJoinEvent<T>?[] Events { get; } = new EqlJoinEvent<T>?[stages];
        public EqlOrdinal Start { get; } = start;
        public EqlOrdinal Last { get; set; } = start;
    }

    private readonly int[] _stageFilter;       // stage → index of its filter (step) in the definition
    private readonly bool[] _missing;           // stage → is a missing-event stage
    private readonly int[] _previousPositive;   // stage → the positive stage before it, or −1
    private readonly int _firstPositive, _lastPositive;
    private readonly int _untilFilter;          // −1 without until
    private readonly long? _maxSpan;            // nanoseconds
    private readonly long? _expiry;             // nanoseconds
    private readonly Dictionary<EqlKey, Partial?[]> _inFlight = [];
    private readonly List<(EqlJoinEvent<T> Event, int Filter, EqlKey Key)> _missingHits = [];
    private readonly List<(Partial Sequence, long DecideAfter)> _awaitingMissing = [];
    private readonly List<EqlJoinResult<T>> _completed = [];
    private long _added;
    private EqlOrdinal _current;

    /// <param name="expiry">How long a partial sequence may wait for its next event when the query
    /// has no maxspan: the rule's look-back. Null keeps partial sequences until the end.</param>
    public EqlSequenceMatcher(EqlJoinDefinition definition, TimeSpan? expiry = null)
    {
        if (definition.Kind != EqlJoinKind.Sequence) throw new ArgumentException("not a sequence", nameof(definition));
        var stageFilter = new List<int>();
        for (var i = 0; i < definition.Steps.Length; i++)
            for (var r = 0; r < Math.Max(1, definition.Steps[i].Runs); r++) stageFilter.Add(i);
        _stageFilter = [.. stageFilter];
        _missing = [.. _stageFilter.Select(f => definition.Steps[f].IsMissing)];
        _previousPositive = new int[_missing.Length];
        var last = -1;
        for (var s = 0; s < _missing.Length; s++)
        {
            _previousPositive[s] = last;
            if (!_missing[s]) last = s;
        }
        _firstPositive = Array.IndexOf(_missing, false);
        _lastPositive = Array.LastIndexOf(_missing, false);
        _untilFilter = definition.Until is null ? -1 : definition.Steps.Length;
        _maxSpan = definition.MaxSpan is { } span ? span.Ticks * 100 : null;
        _expiry = _maxSpan ?? (expiry is { } e ? e.Ticks * 100 : null);
    }

    public int StageCount => _stageFilter.Length;

    /// <summary>Partial sequences held now (for tests and memory checks).</summary>
    public int InFlight => _inFlight.Values.Sum(stages => stages.Count(p => p is not null));

    /// <summary>Feeds the next event; events must come in ordinal order.</summary>
    public void Add(EqlJoinEvent<T> e)
    {
        _current = e.Ordinal;
        DecideAwaiting(e.Ordinal.TimeNanos, final: false);
        if (++_added % 1024 == 0) Expire(e.Ordinal.TimeNanos);

        // later stages first: an event must not carry one sequence over two stages
        for (var stage = _stageFilter.Length - 1; stage >= 0; stage--)
        {
            if (_missing[stage]) continue;
            foreach (var match in e.Matches)
            {
                if (match.Filter != _stageFilter[stage]) continue;
                foreach (var key in match.Keys) Advance(stage, key, e);
            }
        }
        foreach (var match in e.Matches)
        {
            if (match.Filter == _untilFilter)
                foreach (var key in match.Keys) Until(key, e.Ordinal);
            else if (_missing.Length > 0 && IsMissingFilter(match.Filter))
                foreach (var key in match.Keys) _missingHits.Add((e, match.Filter, key));
        }
    }

    /// <summary>
    /// No event before <paramref name="nowNanos"/> is still to come: candidates whose trailing
    /// missing-event window closed before it are decided (a streaming caller's watermark).
    /// </summary>
    public void AdvanceTo(long nowNanos) => DecideAwaiting(nowNanos, final: false);

    /// <summary>The earliest end of a candidate still waiting for its missing-event decision (null when none waits).</summary>
    public EqlOrdinal? EarliestUndecidedEnd
    {
        get
        {
            EqlOrdinal? earliest = null;
            foreach (var (sequence, _) in _awaitingMissing)
            {
                var end = sequence.Events[_lastPositive]!.Ordinal;
                if (earliest is null || end < earliest.Value) earliest = end;
            }
            return earliest;
        }
    }

    /// <summary>Ends the stream: candidates waiting for a trailing missing-event window are decided.</summary>
    public void Finish() => DecideAwaiting(long.MaxValue, final: true);

    /// <summary>The sequences completed so far, in completion order; the caller takes them.</summary>
    public List<EqlJoinResult<T>> TakeCompleted()
    {
        var completed = new List<EqlJoinResult<T>>(_completed);
        _completed.Clear();
        return completed;
    }

    private bool IsMissingFilter(int filter)
    {
        for (var s = 0; s < _stageFilter.Length; s++)
            if (_missing[s] && _stageFilter[s] == filter) return true;
        return false;
    }

    private void Advance(int stage, EqlKey key, EqlJoinEvent<T> e)
    {
        Partial sequence;
        if (stage == _firstPositive)
        {
            sequence = new Partial(key, _stageFilter.Length, e.Ordinal);
        }
        else
        {
            if (!_inFlight.TryGetValue(key, out var stages)) return;
            var previous = _previousPositive[stage];
            if (stages[previous] is not { } found) return;
            stages[previous] = null; // taken, and with it every older one (only the latest is kept)
            if (_maxSpan is { } max && e.Ordinal.TimeNanos - found.Start.TimeNanos > max) return;
            sequence = found;
        }
        sequence.Events[stage] = e;
        sequence.Last = e.Ordinal;
        if (stage == _lastPositive)
        {
            Complete(sequence);
            return;
        }
        if (!_inFlight.TryGetValue(key, out var slots)) _inFlight[key] = slots = new Partial?[_stageFilter.Length];
        slots[stage] = sequence; // the latest partial sequence of a stage replaces the older one
    }

    private void Until(EqlKey key, EqlOrdinal ordinal)
    {
        if (!_inFlight.TryGetValue(key, out var stages)) return;
        // a sequence advanced by this very event is not ended by it: until must lie between two events
        for (var s = 0; s < stages.Length; s++)
            if (stages[s] is { } p && p.Last < ordinal) stages[s] = null;
    }

    private void Complete(Partial sequence)
    {
        if (_firstPositive == 0 && _lastPositive == _stageFilter.Length - 1 && !_missing.Any(m => m))
        {
            _completed.Add(new EqlJoinResult<T>(sequence.Key, sequence.Events));
            return;
        }
        var trailing = _lastPositive < _stageFilter.Length - 1;
        if (!trailing)
        {
            if (Accepts(sequence)) _completed.Add(new EqlJoinResult<T>(sequence.Key, sequence.Events));
            return;
        }
        var decideAfter = _maxSpan is { } max ? sequence.Start.TimeNanos + max : long.MaxValue;
        _awaitingMissing.Add((sequence, decideAfter));
    }

    private void DecideAwaiting(long now, bool final)
    {
        if (_awaitingMissing.Count == 0) return;
        for (var i = 0; i < _awaitingMissing.Count; i++)
        {
            var (sequence, decideAfter) = _awaitingMissing[i];
            if (!final && now <= decideAfter) continue;
            if (Accepts(sequence)) _completed.Add(new EqlJoinResult<T>(sequence.Key, sequence.Events));
            _awaitingMissing.RemoveAt(i--);
        }
    }

    /// <summary>
    /// Whether a candidate survives its missing-event stages, as Elasticsearch's
    /// <c>TumblingWindow.doCheckMissingEvents</c> decides (x-pack/plugin/eql/.../execution/sequence/TumblingWindow.java):
    /// a missing stage between two events rejects the candidate if a matching event (same key) has a
    /// timestamp strictly between theirs. Leading and trailing missing stages look for the latest
    /// matching event before the first event and the earliest after the last one; the candidate stands
    /// if they found none, or if the span from that event to the other end of the sequence (or to each
    /// other, with both) exceeds maxspan.
    /// </summary>
    private bool Accepts(Partial sequence)
    {
        var start = sequence.Events[_firstPositive]!.Ordinal.TimeNanos;
        var end = sequence.Events[_lastPositive]!.Ordinal.TimeNanos;
        long? lastLeading = null, firstTrailing = null;
        for (var stage = 0; stage < _stageFilter.Length; stage++)
        {
            if (!_missing[stage]) continue;
            var before = _previousPositive[stage];
            var after = NextPositive(stage);
            foreach (var (hit, filter, key) in _missingHits)
            {
                if (filter != _stageFilter[stage] || !key.Equals(sequence.Key)) continue;
                var t = hit.Ordinal.TimeNanos;
                if (before < 0)
                {
                    if (t < start && (lastLeading is null || t > lastLeading)) lastLeading = t;
                }
                else if (after < 0)
                {
                    if (t > end && (firstTrailing is null || t < firstTrailing)) firstTrailing = t;
                }
                else if (t > sequence.Events[before]!.Ordinal.TimeNanos && t < sequence.Events[after]!.Ordinal.TimeNanos)
                {
                    return false;
                }
            }
        }
        var leadingStage = _missing[0];
        var trailingStage = _missing[^1];
        if (lastLeading is null && firstTrailing is null) return true;
        if (leadingStage && lastLeading is null) return true;
        if (trailingStage && firstTrailing is null) return true;
        if (leadingStage && trailingStage) return ExceedsMaxSpan(lastLeading!.Value, firstTrailing!.Value);
        return leadingStage ? ExceedsMaxSpan(lastLeading!.Value, end) : ExceedsMaxSpan(start, firstTrailing!.Value);
    }

    private bool ExceedsMaxSpan(long from, long to) => _maxSpan is { } max && to - from > max;

    private int NextPositive(int stage)
    {
        for (var s = stage + 1; s < _missing.Length; s++)
            if (!_missing[s]) return s;
        return -1;
    }

    /// <summary>Drops partial sequences that can no longer complete within the span, and missing events no window can reach.</summary>
    private void Expire(long now)
    {
        if (_expiry is not { } span) return;
        var horizon = now - span;
        List<EqlKey>? empty = null;
        foreach (var (key, stages) in _inFlight)
        {
            var any = false;
            for (var s = 0; s < stages.Length; s++)
            {
                if (stages[s] is { } p && p.Start.TimeNanos < horizon) stages[s] = null;
                any |= stages[s] is not null;
            }
            if (!any) (empty ??= []).Add(key);
        }
        if (empty is not null) foreach (var key in empty) _inFlight.Remove(key);
        // a missing-event window reaches at most one span before a candidate's first event, which is within a span of now
        var missingHorizon = now - 2 * span;
        _missingHits.RemoveAll(h => h.Event.Ordinal.TimeNanos < missingHorizon);
    }
}
