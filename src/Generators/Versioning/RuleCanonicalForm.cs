using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using AzureRules.Generators.Mitre;
using AzureRules.Generators.Model;

namespace AzureRules.Generators.Versioning;

/// <summary>
/// A rule's definition without where it was written: every value the rule model carries, normalised
/// so that two spellings of the same rule give the same text. It is what the content hash covers
/// and what "a round trip gives an equal rule" compares.
///
/// Normalisations, each because the SIEM treats the two spellings as the same rule:
/// <list type="bullet">
/// <item>durations as milliseconds (<c>1h</c> = <c>60m</c> = <c>PT1H</c>);</item>
/// <item>tactics by ATT&amp;CK id (InitialAccess = initial-access = TA0001) when the catalog knows them;</item>
/// <item>techniques as a sorted set in which a sub-technique brings its parent (Sentinel's API and
///   Kibana both require the parent, so T1059.001 alone and T1059 + T1059.001 are one mapping);</item>
/// <item>the suppression duration only while suppression is on (Sentinel ignores it otherwise).</item>
/// </list>
/// The file path, the format, positions and diagnostics are not part of a definition.
/// </summary>
internal static class RuleCanonicalForm
{
    /// <summary>The canonical JSON text; without the version it is what the content hash covers.</summary>
    public static string Text(RuleDefinition rule, bool includeVersion = true) => Build(rule, includeVersion).ToString();

    public static CanonicalJson.Object Build(RuleDefinition rule, bool includeVersion = true)
    {
        var json = new CanonicalJson.Object()
            .Set("family", CanonicalJson.From(rule.Family.ToString()))
            .Set("kind", CanonicalJson.From(rule.Kind))
            .SetIf("id", rule.Id?.Value)
            .Set("name", CanonicalJson.From(rule.Name.Value))
            .SetIf("description", rule.Description)
            .SetIf("severity", rule.Severity?.Value)
            .SetIf("risk_score", rule.RiskScore is { } risk ? CanonicalJson.From(risk.Value) : null)
            .SetIf("version", includeVersion ? rule.Version : null)
            .SetIf("interval", Duration(rule.Interval))
            .SetIf("look_back", Duration(rule.LookBack))
            .SetIf("max_alerts", rule.MaxAlerts is { } max ? CanonicalJson.From(max) : null)
            .SetIf("trigger_operator", rule.TriggerOperator)
            .SetIf("trigger_threshold", rule.TriggerThreshold is { } threshold ? CanonicalJson.From(threshold) : null)
            .SetIf("indices", rule.Indices)
            .SetIf("required_tables", rule.RequiredTables)
            .SetIf("data_connectors", rule.DataConnectors)
            .SetIf("tags", rule.Tags)
            .SetIf("references", rule.References)
            .SetIf("authors", rule.Authors)
            .SetIf("license", rule.License)
            .SetIf("false_positives", rule.FalsePositives)
            .SetIf("threat", Threat(rule.Threat))
            .SetIf("language", rule.Language == QueryLanguage.None ? null : rule.Language.ToString())
            .SetIf("query", rule.Query?.Text)
            .SetIf("entity_mappings", EntityMappings(rule.EntityMappings))
            .SetIf("custom_details", CustomDetails(rule.CustomDetails))
            .SetIf("alert_details_override", AlertDetailsOverride(rule.AlertDetailsOverride))
            .SetIf("event_grouping", rule.EventGrouping)
            .SetIf("suppression", rule.SuppressionEnabled ? Duration(rule.SuppressionDuration) ?? CanonicalJson.From(true) : null)
            .SetIf("create_incident", rule.CreateIncident is { } create ? CanonicalJson.From(create) : null)
            .SetIf("incident_grouping", IncidentGrouping(rule.IncidentGrouping))
            .SetIf("threshold_fields", rule.ThresholdFields)
            .SetIf("threshold_value", rule.ThresholdValue is { } value ? CanonicalJson.From(value) : null)
            .SetIf("threshold_cardinality", rule.ThresholdCardinality.IsEmpty ? null
                : CanonicalJson.Array(rule.ThresholdCardinality.Select(c => new CanonicalJson.Object()
                    .Set("field", CanonicalJson.From(c.Field)).Set("value", CanonicalJson.From(c.Value)))))
            .SetIf("new_terms_fields", rule.NewTermsFields)
            .SetIf("new_terms_history_window", Duration(rule.NewTermsHistoryWindow))
            .SetIf("anomaly_threshold", rule.AnomalyThreshold is { } anomaly ? CanonicalJson.From(anomaly) : null)
            .SetIf("building_block_type", rule.BuildingBlockType)
            .SetIf("timestamp_override", rule.TimestampOverride)
            .SetIf("machine_learning_job", rule.MachineLearningJob);
        if (!rule.OtherFields.IsEmpty)
        {
            var other = new CanonicalJson.Object();
            foreach (var field in rule.OtherFields) other.Set(field.Name, new RawJson(field.Json));
            json.Set("other", other);
        }
        return json;
    }

    private static CanonicalJson? Duration(TimeSpan? value)
        => value is { } span ? CanonicalJson.From((long)span.TotalMilliseconds) : null;

    private static CanonicalJson? Threat(EquatableArray<ThreatMapping> threat)
    {
        if (threat.IsEmpty) return null;
        return CanonicalJson.Array(threat.Select(mapping => (CanonicalJson)new CanonicalJson.Object()
            .Set("tactics", CanonicalJson.Strings(mapping.Tactics.Select(t => TacticKey(t.Value))))
            .Set("techniques", CanonicalJson.Strings(TechniqueSet(mapping.Techniques.Select(t => t.Value))))));
    }

    /// <summary>A tactic by its ATT&amp;CK id when the catalog knows it, else as written.</summary>
    public static string TacticKey(string tactic) => AttackCatalog.FindTactic(tactic)?.Id ?? tactic.Trim();

    /// <summary>Technique ids, upper-cased, with each sub-technique's parent, sorted and without repeats.</summary>
    public static IEnumerable<string> TechniqueSet(IEnumerable<string> techniques)
    {
        var set = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var raw in techniques)
        {
            var id = raw.Trim().ToUpperInvariant();
            set.Add(id);
            var dot = id.IndexOf('.');
            if (dot > 0) set.Add(id.Substring(0, dot));
        }
        return set;
    }

    private static CanonicalJson? EntityMappings(EquatableArray<EntityMapping> mappings)
        => mappings.IsEmpty ? null : CanonicalJson.Array(mappings.Select(m => (CanonicalJson)new CanonicalJson.Object()
            .Set("entity_type", CanonicalJson.From(m.EntityType.Value))
            .Set("fields", CanonicalJson.Array(m.Fields.Select(f => (CanonicalJson)new CanonicalJson.Object()
                .Set("identifier", CanonicalJson.From(f.Identifier.Value))
                .Set("column", CanonicalJson.From(f.ColumnName.Value)))))));

    private static CanonicalJson? CustomDetails(EquatableArray<CustomDetail> details)
        => details.IsEmpty ? null : CanonicalJson.Array(details.Select(d => (CanonicalJson)new CanonicalJson.Object()
            .Set("key", CanonicalJson.From(d.Key.Value)).Set("column", CanonicalJson.From(d.ColumnName.Value))));

    private static CanonicalJson? AlertDetailsOverride(EquatableArray<AlertDetailOverride> overrides)
        => overrides.IsEmpty ? null : CanonicalJson.Array(overrides.Select(o => (CanonicalJson)new CanonicalJson.Object()
            .Set("property", CanonicalJson.From(o.Property)).Set("template", CanonicalJson.From(o.Template.Value))));

    private static CanonicalJson? IncidentGrouping(IncidentGrouping? grouping)
        => grouping is null ? null : new CanonicalJson.Object()
            .Set("enabled", CanonicalJson.From(grouping.Enabled))
            .Set("reopen_closed_incident", CanonicalJson.From(grouping.ReopenClosedIncident))
            .SetIf("lookback", Duration(grouping.LookbackDuration))
            .SetIf("matching_method", grouping.MatchingMethod)
            .SetIf("group_by_entities", grouping.GroupByEntities)
            .SetIf("group_by_alert_details", grouping.GroupByAlertDetails)
            .SetIf("group_by_custom_details", grouping.GroupByCustomDetails);

    /// <summary>JSON text that is canonical already (an <see cref="OtherField"/>).</summary>
    private sealed class RawJson(string json) : CanonicalJson
    {
        public override void WriteTo(System.Text.StringBuilder builder) => builder.Append(json);
    }
}
