using AzureRules.Sdk.Detections;

namespace AzureRules.Sdk.Engine;

/// <summary>An Elastic rule's schedule with Kibana's defaults for what the rule leaves out (interval 5m, from now-6m, max_signals 100).</summary>
internal readonly record struct ElasticRuleSchedule(TimeSpan Interval, TimeSpan LookBack, int MaxSignals)
{
    private static readonly TimeSpan DefaultInterval = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan DefaultLookBack = TimeSpan.FromMinutes(6);
    private const int DefaultMaxSignals = 100;

    public static ElasticRuleSchedule Of(RuleMetadata meta)
        => new(meta.Interval ?? DefaultInterval, meta.LookBack ?? DefaultLookBack, meta.MaxAlerts ?? DefaultMaxSignals);

    public ScheduleCursor Cursor(ReplayBounds bounds) => new(Interval, LookBack, bounds);
}

/// <summary>
/// What the engine needs from a runner of an Elastic rule: which indices it reads, and each event of
/// them as it is read (in the reading thread); its executions run through <see cref="IRuleRunner"/>.
/// </summary>
internal interface IElasticRuleRunner : IRuleRunner
{
    bool AppliesTo(string index);

    void Offer(Events.EventView view, Events.EventRecord record, DateTimeOffset time);

    /// <summary>
    /// The stateless part of <see cref="Offer"/>, safe on any thread at any time: whether the rule's
    /// query matches the event (an event it does not match changes nothing), or null when the runner
    /// has no such part and needs <see cref="Offer"/> itself. May throw a regex timeout.
    /// </summary>
    bool? Prematch(Events.EventView view);

    /// <summary><see cref="Offer"/> of an event <see cref="Prematch"/> found matching (its query is not run again).</summary>
    void OfferMatched(Events.EventView view, Events.EventRecord record, DateTimeOffset time);

    /// <summary>
    /// Conditions every event <see cref="Offer"/> does anything with meets (the rule's query's
    /// <see cref="ElasticEventDetection.Prefilters"/>), so the engine need not offer it other events; none when every event counts.
    /// </summary>
    IReadOnlyList<EventPrefilter> Prefilters { get; }
}

/// <summary>Picks the runner of an Elastic rule by its type.</summary>
internal static class ElasticRuleRunners
{
    public static IElasticRuleRunner Create(ElasticEventDetection rule) => rule switch
    {
        ThreatMatchDetection threatMatch when rule.Metadata.ThreatMatch is not null => new ThreatMatchRuleRunner(threatMatch),
        _ when rule.Metadata.Threshold is not null => new ThresholdRuleRunner(rule),
        _ when rule.Metadata.NewTerms is not null => new NewTermsRuleRunner(rule),
        _ => new ElasticEventRuleRunner(rule),
    };
}
