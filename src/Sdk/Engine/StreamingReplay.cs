using System.Text.Json;
using AzureRules.Sdk.Alerts;
using AzureRules.Sdk.Detections;
using AzureRules.Sdk.Events;
using AzureRules.Sdk.Kusto;

namespace AzureRules.Sdk.Engine;

/// <summary>
/// One streaming replay (<see cref="DetectionEngine.Run(EventSource, ReplayBounds, Action{Alert}?)"/>):
/// reads the events in time order, offers each to the rules that read it, and whenever the stream
/// clock passes a rule's next execution, advances the due rules — in parallel, each on one thread —
/// then releases, in order, the alerts no rule can precede any more.
/// </summary>
internal sealed class StreamingReplay
{
    // how often the clock is checked for due executions at the least: executions wait at most this
    // long in event time (or this many events) past their due time, so a blocked rule cannot make
    // every event pay for a check of all rules
    private static readonly TimeSpan AdvanceStep = TimeSpan.FromSeconds(1);
    private const int AdvanceEvents = 4096;

    private readonly List<IElasticRuleRunner> _elastic = [];
    // each rule's event time (timestamp_override), by runner, for the Elastic and ES|QL rules
    private readonly Dictionary<IRuleRunner, RuleTimeField> _timeFields = [];
    private readonly List<SentinelRuleRunner> _sentinel = [];
    private readonly List<EsqlRuleRunner> _esql = [];
    private readonly List<IRuleRunner> _runners = [];
    private readonly List<RuleRunStatistics> _skipped = [];
    private readonly KustoEventStore _store = new();
    // documents of the enrich policies' source indices, which ES|QL's ENRICH reads as reference data
    private readonly Esql.EsqlEnrichIndices _enrich;
    private readonly StreamClock _clock;
    private readonly ElasticMatchStage _matching;
    private readonly int _parallelism;
    private readonly Action<Alert>? _onAlert;
    private readonly EngineResult _result = new();
    private readonly ErrorLog _errors = new();
    private readonly List<(Alert Alert, int Runner, long Sequence)> _unreleased = [];
    private long _sequence;
    private DateTimeOffset _nextDue = DateTimeOffset.MinValue;
    private DateTimeOffset _lastAdvance = DateTimeOffset.MinValue;
    private int _eventsSinceAdvance;

    public StreamingReplay(IEnumerable<Detection> rules, Esql.EsqlEnrichPolicies enrichPolicies, ReplayBounds bounds, TimeSpan lateness, int parallelism, bool prefilter, Action<Alert>? onAlert)
    {
        _enrich = new Esql.EsqlEnrichIndices(enrichPolicies);
        _clock = new StreamClock(lateness, bounds);
        _parallelism = Math.Max(1, parallelism);
        _onAlert = onAlert;
        foreach (var rule in rules)
        {
            if (!rule.IsExecutable)
                _skipped.Add(new RuleRunStatistics(rule) { Skipped = rule.NotExecutableReason });
            else if (rule is ElasticEventDetection elastic)
                _elastic.Add(ElasticRuleRunners.Create(elastic));
            else if (rule is Eql.Join.EqlJoinDetection join)
                _elastic.Add(new EqlSequenceRuleRunner(join));
            else if (rule is KustoDetection kusto)
                _sentinel.Add(new SentinelRuleRunner(kusto, _store));
            else if (EsqlRuleRunner.TryCreate(rule, _enrich) is { } esql)
                _esql.Add(esql);
            else
                _skipped.Add(new RuleRunStatistics(rule) { Skipped = $"the engine has no runner for {rule.GetType().BaseType?.Name}" });
        }
        foreach (var runner in _elastic) _timeFields[runner] = RuleTimeField.Of(runner.Statistics.Rule.Metadata);
        _matching = new ElasticMatchStage(_elastic, _timeFields, new PrefilterPlan(_elastic, prefilter));
        foreach (var runner in _esql) _timeFields[runner] = RuleTimeField.Of(runner.Statistics.Rule.Metadata);
        // the order alerts of one time come out in: Elastic, Sentinel, then ES|QL rules, each as given
        _runners.AddRange(_elastic);
        _runners.AddRange(_sentinel);
        _runners.AddRange(_esql);
    }

    public EngineResult Run(EventSource source)
    {
        var ownView = new EventView();
        var esqlByIndex = new Dictionary<string, RuleTarget<EsqlRuleRunner>[]>(StringComparer.Ordinal);
        // files are read, and each event matched against the Elastic rules' queries, on every core;
        // what follows — the runners' state, the clock, executions — sees the events one by one in stream order
        foreach (var (record, order, time, readView, ready) in TimeOrderedEvents.Read(source, _errors, _parallelism, _matching.Prepare))
        {
            var view = ownView;
            var envelope = record.Envelope;
            var prepared = ready as PreparedEvent;
            var index = prepared?.Index ?? envelope.ElasticIndex(record.SourceFile);
            // documents of an enrich policy's source index are reference data: kept with or without a time
            if (_enrich.IsSourceIndex(index)) _enrich.Offer(index, record.EventId, record.Json, envelope.ElasticTime);
            var applicable = prepared?.Targets ?? _matching.For(index);
            if (!esqlByIndex.TryGetValue(index, out var esqlTargets))
                esqlByIndex[index] = esqlTargets = [.. _esql.Where(r => r.AppliesTo(index)).Select(r => new RuleTarget<EsqlRuleRunner>(r, _timeFields[r]))];

            var esqlApplicable = esqlTargets.Length > 0;
            if (time is null && (applicable.Count > 0 || _sentinel.Count > 0 || esqlApplicable))
            {
                _errors.Add(order, new EventError(record.SourceFile, record.LineNumber, "the event has no @timestamp or TimeGenerated: scheduled rules cannot place it in time"));
                continue;
            }
            if (time is { } t && !_clock.Observe(t))
            {
                _result.LateEvents++;
                _result.FirstLateEvent ??= $"{record} at {t:yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'}";
            }

            // the view is read when an Elastic rule matches the event or an ES|QL rule places it by another field
            // (the reader loads it in the same pass as the envelope; events given in memory are loaded here)
            if (applicable.Count > 0 || esqlTargets.Any(t => t.Time.IsOverride))
            {
                if (readView is not null && readView.Holds(record.Json)) view = readView;
                else if (!Load(view, record, order)) continue;
            }
            // events given in memory are matched here, once loaded
            if (applicable.Count > 0) Offer(view, record, time!.Value, prepared ?? _matching.Prepare(record, view));
            _result.EventsRead++; // lines reported as malformed are not events read
            if (_sentinel.Count > 0 && envelope.SentinelTime is { } sentinelTime)
            {
                try
                {
                    _store.Add(envelope.SentinelTable(record.SourceFile), sentinelTime, record.Json);
                }
                catch (JsonException ex)
                {
                    _errors.Add(order, new EventError(record.SourceFile, record.LineNumber, "the Kusto rules cannot read the event: " + EventLineCheck.Describe(ex)));
                }
            }
            if (esqlApplicable)
            {
                // one document for every ES|QL rule that reads the event: it keeps its fields once flattened
                var document = EsqlRuleRunner.Document(record);
                foreach (var (runner, timeField) in esqlTargets)
                {
                    if (!runner.Finished && timeField.TimeOf(view, time!.Value) is { } esqlTime) runner.Offer(record, document, index, esqlTime);
                }
            }

            _eventsSinceAdvance++;
            if (_clock.Watermark > _nextDue && (_clock.Watermark >= _lastAdvance + AdvanceStep || _eventsSinceAdvance >= AdvanceEvents))
                Advance();
        }

        _clock.End();
        Advance();
        _result.FirstEventTime = _clock.First;
        _result.LastEventTime = _clock.Last;
        _result.Errors.AddRange(_errors.InReadingOrder());
        _result.Rules.AddRange(_runners.Select(r => r.Statistics));
        _result.Rules.AddRange(_skipped);
        return _result;
    }

    private bool Load(EventView view, EventRecord record, ReadingOrder order)
    {
        try
        {
            view.Load(record.Json);
            return true;
        }
        catch (JsonException ex)
        {
            _errors.Add(order, new EventError(record.SourceFile, record.LineNumber, "not a JSON event: " + EventLineCheck.Describe(ex)));
            return false;
        }
    }

    /// <summary>Feeds the runners, in their order, an event with what the stateless stage found for each.</summary>
    private static void Offer(EventView view, EventRecord record, DateTimeOffset time, PreparedEvent prepared)
    {
        for (var i = 0; i < prepared.Selected.Length; i++)
        {
            var outcome = prepared.Outcomes[i];
            if (outcome == PrematchOutcome.NoMatch) continue;
            var (runner, timeField) = prepared.Targets[prepared.Selected[i]];
            // a runner whose executions are over still counts its matches (the summary's "matching events")
            // a rule whose timestamp_override field the event lacks, with no fallback, never sees it
            if (timeField.TimeOf(view, time) is not { } ruleTime) continue;
            if (outcome == PrematchOutcome.RegexTimedOut)
            {
                runner.Statistics.RegexTimedOut(record.ToString());
                continue;
            }
            try
            {
                if (outcome == PrematchOutcome.Match) runner.OfferMatched(view, record, ruleTime);
                else runner.Offer(view, record, ruleTime);
            }
            catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
            {
                // the event is not matched by this rule; reported, and the run goes on
                runner.Statistics.RegexTimedOut(record.ToString());
            }
        }
    }

    /// <summary>Runs every due execution (rules in parallel), forgets what is no longer needed, and releases the alerts that are final.</summary>
    private void Advance()
    {
        _lastAdvance = _clock.Watermark;
        _eventsSinceAdvance = 0;
        var due = new List<int>();
        for (var i = 0; i < _runners.Count; i++)
        {
            if (_clock.Ended || _runners[i].PendingFrom(_clock) < _clock.Watermark) due.Add(i);
        }
        var alerts = new List<Alert>[due.Count];
        if (_parallelism == 1 || due.Count < 2)
        {
            for (var k = 0; k < due.Count; k++) _runners[due[k]].Advance(_clock, alerts[k] = []);
        }
        else
        {
            Parallel.For(0, due.Count, new ParallelOptions { MaxDegreeOfParallelism = _parallelism },
                k => _runners[due[k]].Advance(_clock, alerts[k] = []));
        }
        for (var k = 0; k < due.Count; k++)
            foreach (var alert in alerts[k]) _unreleased.Add((alert, due[k], _sequence++));
        _result.PeakKustoRows = Math.Max(_result.PeakKustoRows, _store.Count);
        _store.Forget();

        var pending = DateTimeOffset.MaxValue;
        foreach (var runner in _runners)
        {
            var from = runner.PendingFrom(_clock);
            if (from < pending) pending = from;
        }
        _nextDue = pending;
        Release(_clock.Ended ? DateTimeOffset.MaxValue : pending);
    }

    /// <summary>Hands out, in order, the alerts before <paramref name="before"/>: no rule can raise an earlier one any more.</summary>
    private void Release(DateTimeOffset before)
    {
        if (_unreleased.Count == 0) return;
        _unreleased.Sort((a, b) =>
        {
            var c = a.Alert.Timestamp.CompareTo(b.Alert.Timestamp);
            if (c != 0) return c;
            c = a.Runner.CompareTo(b.Runner);
            return c != 0 ? c : a.Sequence.CompareTo(b.Sequence);
        });
        var released = 0;
        while (released < _unreleased.Count && (before == DateTimeOffset.MaxValue || _unreleased[released].Alert.Timestamp < before))
        {
            var alert = _unreleased[released++].Alert;
            _result.AlertCount++;
            if (_onAlert is null) _result.Alerts.Add(alert);
            else _onAlert(alert);
        }
        _unreleased.RemoveRange(0, released);
    }
}
