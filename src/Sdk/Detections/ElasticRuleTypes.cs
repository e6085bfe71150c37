namespace AzureRules.Sdk.Detections;

/// <summary>
/// Elastic <c>threshold</c>: the query's events grouped by <see cref="Fields"/> (none: one group of all
/// events); a group alerts when it has at least <see cref="Value"/> events and, for each
/// <see cref="Cardinality"/> condition, at least that many distinct values of its field.
/// </summary>
public sealed record ThresholdSettings(IReadOnlyList<string> Fields, int Value, IReadOnlyList<ThresholdCardinality> Cardinality);

/// <summary>threshold.cardinality: at least <see cref="Value"/> distinct values of <see cref="Field"/> in a group.</summary>
public sealed record ThresholdCardinality(string Field, int Value);

/// <summary>
/// Elastic <c>new_terms</c>: alert on a value of <see cref="Fields"/> (a combination of values for
/// several fields) that did not occur in the <see cref="HistoryWindow"/> before the execution's look-back.
/// </summary>
public sealed record NewTermsSettings(IReadOnlyList<string> Fields, TimeSpan HistoryWindow);

/// <summary>
/// Elastic <c>threat_match</c> (indicator match): events of the rule's indices matching its query are
/// compared with indicator documents — events of <see cref="Indices"/> matching the threat query and
/// filters — through <see cref="Mapping"/>.
/// </summary>
public sealed record ThreatMatchSettings(
    IReadOnlyList<string> Indices,
    string ThreatQuery,
    IReadOnlyList<ThreatMappingGroup> Mapping,
    string IndicatorPath);

/// <summary>A threat_mapping item: every entry must hold for the same indicator; items are alternatives.</summary>
public sealed record ThreatMappingGroup(IReadOnlyList<ThreatMappingEntry> Entries);

/// <summary>The event's <see cref="Field"/> holds a value of the indicator's <see cref="IndicatorField"/> (none of them when negated).</summary>
public sealed record ThreatMappingEntry(string Field, string IndicatorField, bool Negate = false);
