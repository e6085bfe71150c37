using System;
using AzureRules.Generators.Diagnostics;

namespace AzureRules.Generators.Model;

/// <summary>The file format a rule was written in.</summary>
internal enum RuleFormat
{
    SentinelYaml,
    /// <summary>A Sentinel rule page whose "Analytic Rule Definition" section is the rule YAML.</summary>
    SentinelDocPage,
    ElasticToml,
    KibanaJson,
    /// <summary>An Elastic prebuilt-rule documentation page (front matter, **Field**: lines, query block).</summary>
    ElasticDocPage,
    /// <summary>An ARM deployment template of Sentinel alertRules and hunting savedSearches (what <c>azrules export sentinel</c> writes).</summary>
    SentinelArm,
}

/// <summary>Which SIEM's semantics the rule runs with.</summary>
internal enum RuleFamily { Sentinel, Elastic }

internal enum QueryLanguage { None, Kusto, Kuery, Eql, Esql, Lucene }

/// <summary>
/// One rule, whatever format it came from: the single model every reader produces and every checker
/// and emitter consumes. Field names follow neither SIEM but the concept; values are kept as written
/// (with their place in the file) where a later check needs to point at them.
/// </summary>
internal sealed record RuleDefinition
{
    public required string FilePath { get; init; }
    public required RuleFormat Format { get; init; }
    public RuleFamily Family => Format is RuleFormat.SentinelYaml or RuleFormat.SentinelDocPage or RuleFormat.SentinelArm ? RuleFamily.Sentinel : RuleFamily.Elastic;

    /// <summary>Sentinel: Scheduled, NRT or Hunting. Elastic: the rule type (query, eql, esql, threshold, …).</summary>
    public required string Kind { get; init; }

    public Located<string>? Id { get; init; }
    /// <summary>True when the file has no id and <see cref="Id"/> is a name-based UUID.</summary>
    public bool IdIsDerived { get; init; }
    public required Located<string> Name { get; init; }
    public string? Description { get; init; }
    public Located<string>? Severity { get; init; }
    public Located<int>? RiskScore { get; init; }
    public string? Version { get; init; }
    public Located<string>? VersionText { get; init; }

    // ---- schedule ----
    /// <summary>Sentinel queryFrequency / Elastic interval.</summary>
    public TimeSpan? Interval { get; init; }
    /// <summary>Sentinel queryPeriod / Elastic look-back (the span of <c>from</c> before now).</summary>
    public TimeSpan? LookBack { get; init; }
    /// <summary>Where <see cref="Interval"/>, <see cref="LookBack"/> and <see cref="TriggerThreshold"/> are written, for range checks.</summary>
    public SourceSpan? IntervalSpan { get; init; }
    public SourceSpan? LookBackSpan { get; init; }
    public SourceSpan? TriggerThresholdSpan { get; init; }
    /// <summary>Elastic max_signals.</summary>
    public int? MaxAlerts { get; init; }
    public string? TriggerOperator { get; init; }
    public int? TriggerThreshold { get; init; }

    // ---- data ----
    public EquatableArray<string> Indices { get; init; } = EquatableArray<string>.Empty;
    /// <summary>Sentinel requiredDataConnectors' data types: the tables the rule reads.</summary>
    public EquatableArray<string> RequiredTables { get; init; } = EquatableArray<string>.Empty;
    public EquatableArray<string> DataConnectors { get; init; } = EquatableArray<string>.Empty;
    /// <summary>The <see cref="DataConnectors"/> with where each is written, for the connector id check.</summary>
    public EquatableArray<Located<string>> DataConnectorIds { get; init; } = EquatableArray<Located<string>>.Empty;

    // ---- descriptive ----
    public EquatableArray<string> Tags { get; init; } = EquatableArray<string>.Empty;
    public EquatableArray<string> References { get; init; } = EquatableArray<string>.Empty;
    public EquatableArray<string> Authors { get; init; } = EquatableArray<string>.Empty;
    public string? License { get; init; }
    public EquatableArray<string> FalsePositives { get; init; } = EquatableArray<string>.Empty;

    // ---- ATT&CK ----
    public EquatableArray<ThreatMapping> Threat { get; init; } = EquatableArray<ThreatMapping>.Empty;

    // ---- query ----
    public QueryLanguage Language { get; init; }
    public QueryText? Query { get; init; }

    // ---- Sentinel alert shaping ----
    public EquatableArray<EntityMapping> EntityMappings { get; init; } = EquatableArray<EntityMapping>.Empty;
    public EquatableArray<CustomDetail> CustomDetails { get; init; } = EquatableArray<CustomDetail>.Empty;
    public EquatableArray<AlertDetailOverride> AlertDetailsOverride { get; init; } = EquatableArray<AlertDetailOverride>.Empty;
    /// <summary>Sentinel eventGroupingSettings.aggregationKind: SingleAlert (default) or AlertPerResult.</summary>
    public string? EventGrouping { get; init; }
    public bool SuppressionEnabled { get; init; }
    public TimeSpan? SuppressionDuration { get; init; }
    public bool? CreateIncident { get; init; }
    /// <summary>Sentinel incidentConfiguration.groupingConfiguration: how alerts are grouped into incidents.</summary>
    public IncidentGrouping? IncidentGrouping { get; init; }

    // ---- Elastic rule types ----
    public EquatableArray<string> ThresholdFields { get; init; } = EquatableArray<string>.Empty;
    public int? ThresholdValue { get; init; }
    /// <summary>threshold.cardinality: a group alerts only with at least Value distinct values of Field.</summary>
    public EquatableArray<ThresholdCardinality> ThresholdCardinality { get; init; } = EquatableArray<ThresholdCardinality>.Empty;
    public EquatableArray<string> NewTermsFields { get; init; } = EquatableArray<string>.Empty;
    /// <summary>new_terms history_window_start (now-7d): how far back a term must not have been seen.</summary>
    public TimeSpan? NewTermsHistoryWindow { get; init; }
    /// <summary>machine_learning anomaly_threshold (0..100).</summary>
    public int? AnomalyThreshold { get; init; }
    /// <summary>Elastic building_block_type ("default"): alerts are building blocks, hidden from the alert list.</summary>
    public string? BuildingBlockType { get; init; }
    /// <summary>Elastic timestamp_override (<c>event.ingested</c>): the field that places an event in an execution's window.</summary>
    public string? TimestampOverride { get; init; }
    /// <summary>Elastic timestamp_override_fallback_disabled: events without the override field are not searched.</summary>
    public bool TimestampOverrideFallbackDisabled { get; init; }
    /// <summary>EQL rules' event_category_override: the field an EQL event category (<c>process where</c>) tests.</summary>
    public string? EventCategoryOverride { get; init; }
    /// <summary>EQL rules' tiebreaker_field: orders events with equal timestamps.</summary>
    public string? TiebreakerField { get; init; }
    public string? MachineLearningJob { get; init; }
    /// <summary>Kibana <c>filters</c>: conditions ANDed with the query (negated ones as NOT).</summary>
    public EquatableArray<KibanaFilter> Filters { get; init; } = EquatableArray<KibanaFilter>.Empty;

    // ---- threat_match (indicator match) ----
    /// <summary>threat_index: the index patterns indicator documents come from.</summary>
    public EquatableArray<string> ThreatIndices { get; init; } = EquatableArray<string>.Empty;
    /// <summary>threat_query: which documents of the threat indices are indicators (Kibana KQL).</summary>
    public QueryText? ThreatQuery { get; init; }
    public QueryLanguage ThreatLanguage { get; init; }
    public EquatableArray<KibanaFilter> ThreatFilters { get; init; } = EquatableArray<KibanaFilter>.Empty;
    /// <summary>threat_mapping: entries ANDed within a group, groups ORed.</summary>
    public EquatableArray<ThreatMappingGroup> ThreatMapping { get; init; } = EquatableArray<ThreatMappingGroup>.Empty;
    /// <summary>threat_indicator_path (default <c>threat.indicator</c>): the indicator object copied into enrichments.</summary>
    public string? ThreatIndicatorPath { get; init; }

    /// <summary>
    /// The rule's fields that the model does not interpret (Elastic <c>note</c>, <c>setup</c>,
    /// <c>threat_mapping</c>, <c>related_integrations</c>, …), each as canonical JSON, in name order:
    /// exporters write them back unchanged and the content hash covers them.
    /// </summary>
    public EquatableArray<OtherField> OtherFields { get; init; } = EquatableArray<OtherField>.Empty;

    /// <summary>Problems the reader found in the file itself.</summary>
    public EquatableArray<RuleDiagnostic> Diagnostics { get; init; } = EquatableArray<RuleDiagnostic>.Empty;
}

/// <summary>
/// Tactics and the techniques mapped under them. Elastic writes one entry per <c>[[rule.threat]]</c>
/// (one tactic); Sentinel's flat <c>tactics</c>/<c>relevantTechniques</c> lists become one entry with
/// all of them. Tactics are kept as written: a Sentinel name (InitialAccess) or an ATT&amp;CK id (TA0006).
/// Sub-techniques are listed with their dotted ids (T1059.001).
/// </summary>
internal sealed record ThreatMapping(EquatableArray<Located<string>> Tactics, EquatableArray<Located<string>> Techniques);

/// <summary>One Elastic threshold cardinality condition: at least <see cref="Value"/> distinct values of <see cref="Field"/>.</summary>
internal sealed record ThresholdCardinality(string Field, int Value);

/// <summary>One threat_mapping entry: the event's <see cref="Field"/> equals (or, negated, differs from) the indicator's <see cref="Value"/> field.</summary>
internal sealed record ThreatMappingEntry(string Field, string Value, bool Negate);

/// <summary>One threat_mapping item: all of its entries must hold for the same indicator.</summary>
internal sealed record ThreatMappingGroup(EquatableArray<ThreatMappingEntry> Entries);

internal enum KibanaFilterKind
{
    /// <summary><c>match_phrase</c>/<c>match</c> (phrase)/<c>term</c>: the field holds the value.</summary>
    Phrase,
    /// <summary><c>bool.should</c> of phrases (Kibana's "is one of").</summary>
    Phrases,
    Exists,
    /// <summary>Elasticsearch <c>wildcard</c>: <c>*</c> and <c>?</c>, <c>\</c> escapes.</summary>
    Wildcard,
    /// <summary>A filter shape the runtime does not evaluate: <see cref="KibanaFilter.Unsupported"/> says which.</summary>
    Unsupported,
}

/// <summary>
/// One Kibana filter (the pills above the query bar, kept in a rule's <c>filters</c> and
/// <c>threat_filters</c>), reduced to what decides a match. Disabled filters are dropped by the reader.
/// </summary>
internal sealed record KibanaFilter(KibanaFilterKind Kind, string Field, EquatableArray<string> Values, bool Negate, bool CaseInsensitive, string? Unsupported = null);

/// <summary>A Sentinel entity mapping: entity type and (identifier, column) pairs.</summary>
internal sealed record EntityMapping(Located<string> EntityType, EquatableArray<FieldMapping> Fields);

internal sealed record FieldMapping(Located<string> Identifier, Located<string> ColumnName);

internal sealed record CustomDetail(Located<string> Key, Located<string> ColumnName);

/// <summary>alertDetailsOverride: which alert property, and its template with {{column}} placeholders.</summary>
internal sealed record AlertDetailOverride(string Property, Located<string> Template);

/// <summary>Sentinel's incident grouping: alerts of one rule within <see cref="LookbackDuration"/> become one incident.</summary>
internal sealed record IncidentGrouping(
    bool Enabled,
    bool ReopenClosedIncident,
    TimeSpan? LookbackDuration,
    string? MatchingMethod,
    EquatableArray<string> GroupByEntities,
    EquatableArray<string> GroupByAlertDetails,
    EquatableArray<string> GroupByCustomDetails);

/// <summary>A rule field the model keeps only as data: its name and its value as canonical JSON (sorted keys, no spaces).</summary>
internal sealed record OtherField(string Name, string Json);
