using System.Runtime.CompilerServices;
using System.Text.Json;
using AzureRules.Sdk.Alerts;
using AzureRules.Sdk.Detections;
using AzureRules.Sdk.Events;

namespace AzureRules.Sdk.Engine;

/// <summary>
/// Replays events through compiled detections with each SIEM's scheduling semantics and produces
/// alerts. Events are read once: each Elastic event rule matches each event of its indices as it
/// is read, Kusto rules keep the rows of the tables they read; then every rule's schedule is
/// replayed in event time. A rule that cannot execute is reported in the result, never silently skipped.
/// </summary>
public sealed class DetectionEngine
{
    private readonly List<IElasticRuleRunner> _elastic = [];
    private readonly List<SentinelRuleRunner> _sentinel = [];
    private readonly List<EsqlRuleRunner> _esql = [];
    private readonly List<RuleRunStatistics> _skipped = [];

    public DetectionEngine(IEnumerable<Detection> rules)
    {
        foreach (var rule in rules)
        {
            if (!rule.IsExecutable)
                _skipped.Add(new RuleRunStatistics(rule) { Skipped = rule.NotExecutableReason });
            else if (rule is ElasticEventDetection elastic)
                _elastic.Add(ElasticRuleRunners.Create(elastic));
            else if (rule is Eql.Join.EqlJoinDetection join)
                _elastic.Add(new EqlSequenceRuleRunner(join));
            else if (SentinelRuleRunner.TryCreate(rule) is { } sentinel)
                _sentinel.Add(sentinel);
            else if (EsqlRuleRunner.TryCreate(rule) is { } esql)
                _esql.Add(esql);
            else
                _skipped.Add(new RuleRunStatistics(rule) { Skipped = $"the engine has no runner for {rule.GetType().BaseType?.Name}" });
        }
    }

    /// <summary>What each rule has done so far (alerts grow while a run goes on; a progress display reads them).</summary>
    public IEnumerable<RuleRunStatistics> Statistics
        => _elastic.Select(r => r.Statistics).Concat(_sentinel.Select(r => r.Statistics)).Concat(_esql.Select(r => r.Statistics)).Concat(_skipped);

    /// <summary>Replays every event of the source and returns the alerts, the unreadable lines and per-rule statistics.</summary>
    public EngineResult Run(EventSource source) => Run(source, ReplayBounds.All);

    /// <summary>Replays the events, running only the executions <paramref name="bounds"/> allow (one at a time, or those in a range).</summary>
    public EngineResult Run(EventSource source, ReplayBounds bounds)
    {
        var result = new EngineResult();
        var view = new EventView();
        var runnersByIndex = new Dictionary<string, IElasticRuleRunner[]>(StringComparer.Ordinal);
        DateTimeOffset? first = null, last = null;

        // the source loads each event's fields into the view in the same pass as its envelope
        foreach (var record in source.Read(result.Errors, _elastic.Count > 0 ? view : null))
        {
            var envelope = record.Envelope;
            var index = envelope.ElasticIndex(record.SourceFile);
            if (!runnersByIndex.TryGetValue(index, out var applicable))
                runnersByIndex[index] = applicable = [.. _elastic.Where(r => r.AppliesTo(index))];

            var time = envelope.ElasticTime;
            var esqlApplicable = _esql.Count > 0 && _esql.Any(r => r.AppliesTo(index));
            if (time is null && (applicable.Length > 0 || _sentinel.Count > 0 || esqlApplicable))
            {
                result.Errors.Add(new EventError(record.SourceFile, record.LineNumber, "the event has no @timestamp or TimeGenerated: scheduled rules cannot place it in time"));
                continue;
            }
            if (time is { } t)
            {
                if (first is null || t < first) first = t;
                if (last is null || t > last) last = t;
            }

            if (applicable.Length > 0)
            {
                try
                {
                    if (!view.Holds(record.Json)) view.Load(record.Json);
                }
                catch (JsonException ex)
                {
                    result.Errors.Add(new EventError(record.SourceFile, record.LineNumber, "not a JSON event: " + EventLineCheck.Describe(ex)));
                    continue;
                }
                foreach (var runner in applicable)
                {
                    try
                    {
                        runner.Offer(view, record, time!.Value);
                    }
                    catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
                    {
                        // the event is not matched by this rule; reported, and the run goes on
                        runner.Statistics.RegexTimedOut(record.ToString());
                    }
                }
            }
            result.EventsRead++; // lines reported as malformed are not events read
            foreach (var runner in _sentinel) runner.Offer(record);
            if (esqlApplicable)
                foreach (var runner in _esql.Where(r => r.AppliesTo(index))) runner.Offer(record, index, time!.Value);
        }

        result.FirstEventTime = first;
        result.LastEventTime = last;
        // an execution at a given time runs even over no events (a rule may alert on their absence)
        if (first is null && bounds.At is { } at) first = last = at;
        if (first is { } from && last is { } to)
        {
            foreach (var runner in _elastic) result.Alerts.AddRange(runner.Replay(from, to, bounds));
            foreach (var runner in _sentinel) result.Alerts.AddRange(runner.Replay(from, to, bounds));
            foreach (var runner in _esql) result.Alerts.AddRange(runner.Replay(from, to, bounds));
        }
        result.Rules.AddRange(_elastic.Select(r => r.Statistics));
        result.Rules.AddRange(_sentinel.Select(r => r.Statistics));
        result.Rules.AddRange(_esql.Select(r => r.Statistics));
        result.Rules.AddRange(_skipped);
        result.Alerts.Sort((a, b) => a.Timestamp.CompareTo(b.Timestamp));
        return result;
    }

    /// <summary>The alerts of <see cref="Run"/>, as an async stream for hosts.</summary>
    public async IAsyncEnumerable<Alert> RunAsync(EventSource source, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var result = await Task.Run(() => Run(source), cancellationToken).ConfigureAwait(false);
        foreach (var alert in result.Alerts)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return alert;
        }
    }
}
