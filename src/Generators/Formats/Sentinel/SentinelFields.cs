using System;
using System.Collections.Generic;

namespace AzureRules.Generators.Formats.Sentinel;

/// <summary>The field names of Sentinel rule YAML, as the Azure-Sentinel repository and its CI use them.</summary>
internal static class SentinelFields
{
    public const string Id = "id";
    public const string Name = "name";
    public const string Description = "description";
    public const string Severity = "severity";
    public const string RequiredDataConnectors = "requiredDataConnectors";
    public const string QueryFrequency = "queryFrequency";
    public const string QueryPeriod = "queryPeriod";
    public const string TriggerOperator = "triggerOperator";
    public const string TriggerThreshold = "triggerThreshold";
    public const string Tactics = "tactics";
    public const string RelevantTechniques = "relevantTechniques";
    public const string Query = "query";
    public const string EntityMappings = "entityMappings";
    public const string CustomDetails = "customDetails";
    public const string AlertDetailsOverride = "alertDetailsOverride";
    public const string EventGroupingSettings = "eventGroupingSettings";
    public const string IncidentConfiguration = "incidentConfiguration";
    public const string SuppressionEnabled = "suppressionEnabled";
    public const string SuppressionDuration = "suppressionDuration";
    public const string Version = "version";
    public const string Kind = "kind";
    public const string Tags = "tags";
    public const string Metadata = "metadata";

    /// <summary>Every top-level field a rule may have.</summary>
    public static readonly string[] TopLevel =
    {
        Id, Name, Description, Severity, RequiredDataConnectors, QueryFrequency, QueryPeriod, TriggerOperator,
        TriggerThreshold, Tactics, RelevantTechniques, Query, EntityMappings, CustomDetails, AlertDetailsOverride,
        EventGroupingSettings, IncidentConfiguration, SuppressionEnabled, SuppressionDuration, Version, Kind, Tags,
        Metadata, "status", "enabled", "sentinelEntitiesMappings", "alertRuleTemplateName", "templateVersion",
    };

    /// <summary>Fields Sentinel knows that the rule model does not keep (deployment state, UI hints).</summary>
    public static readonly HashSet<string> Accepted = new(StringComparer.Ordinal)
    {
        "status", "enabled", "sentinelEntitiesMappings", "alertRuleTemplateName", "templateVersion",
    };

    public const string Scheduled = "Scheduled";
    public const string Nrt = "NRT";
    public const string Hunting = "Hunting";

    public static readonly string[] Severities = { "Informational", "Low", "Medium", "High" };
}
