using AzureRules.Sdk.Events;

namespace AzureRules.Sdk.Detections;

/// <summary>
/// An Elastic indicator match rule: <see cref="ElasticEventDetection.Matches"/> is the rule's query (and
/// filters) over source events, <see cref="MatchesIndicator"/> the threat query and threat filters over
/// events of the threat indices. The metadata's <see cref="RuleMetadata.ThreatMatch"/> says how the two meet.
/// </summary>
public abstract class ThreatMatchDetection(RuleMetadata metadata) : ElasticEventDetection(metadata)
{
    public abstract bool MatchesIndicator(EventView e);

    /// <summary>
    /// The threat query's own lower bound on <c>@timestamp</c> as date math (<c>now-30d/d</c>), taken
    /// out of <see cref="MatchesIndicator"/> because it is relative to each execution; null when the
    /// threat query has none.
    /// </summary>
    public virtual string? IndicatorSince => null;
}
