using AzureRules.Sdk.Events;

namespace AzureRules.Sdk.Detections;

/// <summary>
/// An Elastic rule that decides on one event at a time: a Kibana KQL (query) rule or an EQL event
/// query. The generated override reads fields by slot from the <see cref="EventView"/>.
/// </summary>
public abstract class ElasticEventDetection(RuleMetadata metadata) : Detection(metadata)
{
    public abstract bool Matches(EventView e);

    /// <summary>
    /// Conditions every event <see cref="Matches"/> accepts meets, each on its own (the compiler derives
    /// them from the query). None when nothing is known: the engine then offers the rule every event of
    /// its indices.
    /// </summary>
    public virtual IReadOnlyList<EventPrefilter> Prefilters => [];
}
