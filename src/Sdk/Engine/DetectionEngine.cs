using System.Runtime.CompilerServices;
using System.Threading.Channels;
using AzureRules.Sdk.Alerts;
using AzureRules.Sdk.Detections;
using AzureRules.Sdk.Events;

namespace AzureRules.Sdk.Engine;

/// <summary>
/// Replays events through compiled detections with each SIEM's scheduling semantics and produces
/// alerts, streaming: events are read once, in event time (<see cref="TimeOrderedEvents"/>); each
/// Elastic rule matches the events of its indices as they are read, Kusto rules share one event store;
/// each rule's executions run as the stream clock passes them (the latest event time minus
/// <see cref="Lateness"/>), independent rules in parallel, and what no later execution needs is
/// forgotten, so memory follows the rules' look-back windows, not the input. Alerts come out in
/// order — execution time, then the rule's place (Elastic rules, Sentinel rules, ES|QL rules, each in
/// the order given), then the rule's own order — each as soon as no rule can still raise an earlier one.
/// A rule that cannot execute is reported in the result, never silently skipped.
/// </summary>
public sealed class DetectionEngine
{
    /// <summary>How far behind the latest event time an event may still arrive and be seen by every execution that covers it.</summary>
    public static readonly TimeSpan DefaultLateness = TimeSpan.FromMinutes(5);

    private readonly List<Detection> _rules;
    private readonly Esql.EsqlEnrichPolicies _enrichPolicies;

    public DetectionEngine(IEnumerable<Detection> rules) : this(rules, Esql.EsqlEnrichPolicies.None)
    {
    }

    /// <param name="rules">The compiled rules to replay.</param>
    /// <param name="enrichPolicies">The enrich policies ES|QL's ENRICH can name; their source indices are read from the events.</param>
    public DetectionEngine(IEnumerable<Detection> rules, Esql.EsqlEnrichPolicies enrichPolicies)
    {
        _rules = [.. rules];
        _enrichPolicies = enrichPolicies;
    }

    /// <summary>
    /// The bounded lateness of out-of-order events (within a file; files are merged by time). An
    /// execution runs once the stream clock is this far past it; an event older than that is reported
    /// as late (<see cref="EngineResult.LateEvents"/>) and missed by the executions already run.
    /// </summary>
    public TimeSpan Lateness { get; init; } = DefaultLateness;

    /// <summary>
    /// How many threads read and match events (in batches; the runners' state is still fed in stream
    /// order) and how many rules' executions may run at once (default: every core). The alerts and their
    /// order do not depend on it.
    /// </summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// Offer each event only to the Elastic rules whose prefilter it meets (<see cref="Detections.ElasticEventDetection.Prefilters"/>,
    /// rules grouped by field and value) rather than to every rule of its index. The alerts are the same
    /// either way (a prefilter is necessary for a match); off only to compare.
    /// </summary>
    public bool GroupByPrefilter { get; init; } = true;

    /// <summary>Replays every event of the source and returns the alerts, the unreadable lines and per-rule statistics.</summary>
    public EngineResult Run(EventSource source) => Run(source, ReplayBounds.All);

    /// <summary>Replays the events, running only the executions <paramref name="bounds"/> allow (one at a time, or those in a range).</summary>
    public EngineResult Run(EventSource source, ReplayBounds bounds) => Run(source, bounds, onAlert: null);

    /// <summary>
    /// Replays the events and hands each alert to <paramref name="onAlert"/> as soon as it is final
    /// (in order); the result then holds the count, not the alerts, so memory does not grow with them.
    /// With no callback, the result holds every alert.
    /// </summary>
    public EngineResult Run(EventSource source, ReplayBounds bounds, Action<Alert>? onAlert)
    {
        var replay = new StreamingReplay(_rules, _enrichPolicies, bounds, Lateness, MaxDegreeOfParallelism, GroupByPrefilter, onAlert);
        return replay.Run(source);
    }

    /// <summary>
    /// The alerts of a replay, each yielded as soon as its execution has run and no earlier alert can
    /// still come. The replay runs on a worker thread and waits while the caller has not taken the
    /// last 1,024 alerts; when the caller stops early, the replay stops at its next alert.
    /// </summary>
    public async IAsyncEnumerable<Alert> RunAsync(EventSource source, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var channel = Channel.CreateBounded<Alert>(new BoundedChannelOptions(1024) { SingleReader = true, SingleWriter = true });
        var producer = Task.Run(() =>
        {
            try
            {
                Run(source, ReplayBounds.All, alert => channel.Writer.WriteAsync(alert, stop.Token).AsTask().GetAwaiter().GetResult());
                channel.Writer.Complete();
            }
            catch (Exception ex)
            {
                channel.Writer.Complete(ex);
            }
        }, CancellationToken.None);
        try
        {
            await foreach (var alert in channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
                yield return alert;
            await producer.ConfigureAwait(false);
        }
        finally
        {
            stop.Cancel();
        }
    }
}
