using AzureRules.Sdk.Mitre;

namespace AzureRules.Sdk.Detections;

/// <summary>Which SIEM's semantics (schedule, matching, alert shape) a rule runs with.</summary>
public enum RuleFamily { Sentinel, Elastic }

public enum QueryLanguage { None, Kusto, Kuery, Eql, Esql, Lucene }

/// <summary>Sentinel's trigger comparison between the number of result rows and the threshold.</summary>
public enum TriggerOperator { GreaterThan, LessThan, Equal, NotEqual }

/// <summary>Sentinel eventGroupingSettings: one alert per execution, or one per result row.</summary>
public enum EventGrouping { SingleAlert, AlertPerResult }

/// <summary>A tactic with the techniques the rule maps under it.</summary>
public sealed record ThreatMapping(Tactic Tactic, IReadOnlyList<Technique> Techniques);

/// <summary>A Sentinel entity mapping: the entity type and which result column fills each identifier.</summary>
public sealed record EntityMapping(string EntityType, IReadOnlyList<EntityFieldMapping> Fields);

public sealed record EntityFieldMapping(string Identifier, string ColumnName);

/// <summary>Everything a rule file says about the rule, as typed values. Generated code fills it.</summary>
public sealed record RuleMetadata
{
    public required Guid Id { get; init; }
    /// <summary>True when the rule file has no id and <see cref="Id"/> is a UUID derived from the name.</summary>
    public bool IdIsDerived { get; init; }
    public required string Name { get; init; }
    public string Description { get; init; } = "";
    public required RuleFamily Family { get; init; }
    /// <summary>Sentinel: Scheduled, NRT or Hunting. Elastic: the rule type (query, eql, esql, threshold, …).</summary>
    public required string Kind { get; init; }
    public Severity Severity { get; init; }
    public int? RiskScore { get; init; }
    public string? Version { get; init; }

    /// <summary>How often the rule runs (Sentinel queryFrequency, Elastic interval); null for hunting queries.</summary>
    public TimeSpan? Interval { get; init; }
    /// <summary>How far back each run looks (Sentinel queryPeriod, Elastic <c>from</c>).</summary>
    public TimeSpan? LookBack { get; init; }
    /// <summary>Elastic max_signals: alerts per execution at most.</summary>
    public int? MaxAlerts { get; init; }
    public TriggerOperator TriggerOperator { get; init; } = TriggerOperator.GreaterThan;
    public int TriggerThreshold { get; init; }
    public EventGrouping EventGrouping { get; init; } = EventGrouping.SingleAlert;
    public TimeSpan? SuppressionDuration { get; init; }

    public IReadOnlyList<string> Indices { get; init; } = [];
    /// <summary>
    /// Elastic <c>timestamp_override</c> (usually <c>event.ingested</c>): the field that places an
    /// event in an execution's window instead of <c>@timestamp</c>; events without it fall back to
    /// <c>@timestamp</c> unless <see cref="TimestampOverrideFallbackDisabled"/>.
    /// </summary>
    public string? TimestampOverride { get; init; }
    public bool TimestampOverrideFallbackDisabled { get; init; }
    /// <summary>EQL <c>tiebreaker_field</c>: orders events with equal timestamps, before reading order.</summary>
    public string? TiebreakerField { get; init; }
    public IReadOnlyList<string> RequiredTables { get; init; } = [];
    public IReadOnlyList<string> Tags { get; init; } = [];
    public IReadOnlyList<string> References { get; init; } = [];
    public IReadOnlyList<string> Authors { get; init; } = [];
    public string? License { get; init; }

    public IReadOnlyList<ThreatMapping> Threat { get; init; } = [];
    public IReadOnlyList<Tactic> Tactics => [.. Threat.Select(t => t.Tactic).Distinct()];
    public IReadOnlyList<Technique> Techniques => [.. Threat.SelectMany(t => t.Techniques).Distinct()];

    public IReadOnlyList<EntityMapping> EntityMappings { get; init; } = [];
    public IReadOnlyDictionary<string, string> CustomDetails { get; init; } = new Dictionary<string, string>();

    /// <summary>Elastic threshold rules: group-by fields, count and cardinality.</summary>
    public ThresholdSettings? Threshold { get; init; }
    /// <summary>Elastic new_terms rules: the fields and the history window.</summary>
    public NewTermsSettings? NewTerms { get; init; }
    /// <summary>Elastic threat_match rules: threat indices, mapping and indicator path.</summary>
    public ThreatMatchSettings? ThreatMatch { get; init; }

    public QueryLanguage Language { get; init; }
    public string Query { get; init; } = "";
    /// <summary>The rule file the class was generated from, relative to its project.</summary>
    public string SourceFile { get; init; } = "";
    /// <summary>SHA-256 of the rule's normalised definition without its version (what <c>azrules lock</c> records).</summary>
    public string ContentHash { get; init; } = "";
}
