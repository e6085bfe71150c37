using AzureRules.Sdk.Detections;

namespace AzureRules.Sdk.Eql.Join;

/// <summary>
/// An EQL sequence or sample rule. Unlike an event query it cannot decide on one event: the
/// generated class describes its steps (<see cref="Join"/>) and the engine's
/// sequence runner joins the events that match them.
/// </summary>
public abstract class EqlJoinDetection(RuleMetadata metadata) : Detection(metadata)
{
    public abstract EqlJoinDefinition Join { get; }
}
