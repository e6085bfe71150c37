using System.Text.Json.Nodes;
using AzureRules.Sdk.Detections;
using AzureRules.Sdk.Events;

namespace AzureRules.Sdk.Alerts;

/// <summary>
/// An alert: the rule that fired, the execution that found it (its time and look-back window) and
/// what it found — the query's result rows for Kusto rules, the matching source event for Elastic
/// event rules (also in <see cref="Events"/>, with file and line).
/// </summary>
public sealed record Alert
{
    public required Detection Rule { get; init; }
    /// <summary>When the rule's execution that raised the alert ran (replayed event time).</summary>
    public required DateTimeOffset Timestamp { get; init; }
    public required DateTimeOffset WindowStart { get; init; }
    public required DateTimeOffset WindowEnd { get; init; }
    public required IReadOnlyList<JsonObject> Rows { get; init; }
    public IReadOnlyList<EventRecord> Events { get; init; } = [];
    /// <summary>
    /// An EQL sequence's alert group: its id (<c>kibana.alert.group.id</c>) and one building-block
    /// document per event, in order, as Kibana writes them beside the sequence's shell alert.
    /// </summary>
    public string? GroupId { get; init; }
    public IReadOnlyList<JsonObject> BuildingBlocks { get; init; } = [];

    public RuleMetadata Metadata => Rule.Metadata;
}
