using AzureRules.Sdk.Detections;
using AzureRules.Sdk.Events;

namespace AzureRules.Sdk.Tests.Engine;

/// <summary>Rules of the stateful Elastic types for engine tests: every event of the index matches the query.</summary>
internal sealed class MatchAllDetection(RuleMetadata metadata) : ElasticEventDetection(metadata)
{
    public override bool Matches(EventView e) => true;

    private static RuleMetadata Settings(string kind, TimeSpan interval, TimeSpan lookBack, int maxAlerts) => new()
    {
        Id = Guid.NewGuid(), Name = kind + " test", Family = RuleFamily.Elastic, Kind = kind,
        Interval = interval, LookBack = lookBack, MaxAlerts = maxAlerts, Indices = ["logs-*"],
    };

    public static MatchAllDetection Threshold(string[] fields, int value, ThresholdCardinality[]? cardinality = null, int minutes = 5, int lookBackMinutes = 10, int maxAlerts = 100)
        => new(Settings("threshold", TimeSpan.FromMinutes(minutes), TimeSpan.FromMinutes(lookBackMinutes), maxAlerts) with
        {
            Threshold = new ThresholdSettings(fields, value, cardinality ?? []),
        });

    public static MatchAllDetection NewTerms(string[] fields, TimeSpan history, int minutes = 5, int lookBackMinutes = 6)
        => new(Settings("new_terms", TimeSpan.FromMinutes(minutes), TimeSpan.FromMinutes(lookBackMinutes), 100) with
        {
            NewTerms = new NewTermsSettings(fields, history),
        });
}

/// <summary>An indicator match rule for engine tests: events of logs-* with event.kind "event", indicators of ti-* with event.kind "enrichment".</summary>
internal sealed class KindThreatMatchDetection(RuleMetadata metadata, string? since) : ThreatMatchDetection(metadata)
{
    // an instance field: resolved when the rule is built, before the engine reads the first event
    private readonly int _kind = FieldTable.Slot("event.kind");

    public override bool Matches(EventView e) => e.First(_kind).AsString() == "event";

    public override bool MatchesIndicator(EventView e) => e.First(_kind).AsString() == "enrichment";

    public override string? IndicatorSince => since;

    public static KindThreatMatchDetection Create(ThreatMappingGroup[] mapping, string? since = null)
        => new(new RuleMetadata
        {
            Id = Guid.NewGuid(), Name = "threat_match test", Family = RuleFamily.Elastic, Kind = "threat_match",
            Interval = TimeSpan.FromMinutes(5), LookBack = TimeSpan.FromMinutes(6), MaxAlerts = 100, Indices = ["logs-*"],
            ThreatMatch = new ThreatMatchSettings(["ti-*"], "", mapping, "threat.indicator"),
        }, since);
}
