using Microsoft.CodeAnalysis;

namespace AzureRules.Generators.Diagnostics;

// ---- AR0150-AR0169: the Sentinel rule format --------------------------------------------------------
internal static partial class DiagnosticDescriptors
{
    public static readonly DiagnosticDescriptor SentinelFieldNameCase = Warning("AR0150",
        "Field name in the wrong case",
        "Field '{0}' is written '{1}': Sentinel's CI reads field names ignoring case, other tools may not", "AzureRules.Format");
}

// ---- AR07xx: the checks Sentinel's CI (detectionTemplateSchemaValidation) runs on analytic rules ----
internal static partial class DiagnosticDescriptors
{
    private const string SentinelCategory = "AzureRules.Sentinel";

    public static readonly DiagnosticDescriptor SentinelQueryTooLong = Error("AR0701",
        "Query too long for Sentinel",
        "The query is {0} characters long; Sentinel allows at most {1}", SentinelCategory);

    public static readonly DiagnosticDescriptor SentinelScheduleOutOfRange = Error("AR0702",
        "Schedule out of range",
        "'{0}' is {1}; Sentinel allows 5m to 14d", SentinelCategory);

    public static readonly DiagnosticDescriptor SentinelPeriodShorterThanFrequency = Error("AR0703",
        "Query period shorter than frequency",
        "queryPeriod {0} is shorter than queryFrequency {1}: events between runs would never be queried", SentinelCategory);

    public static readonly DiagnosticDescriptor SentinelLongPeriodNeedsHourlyFrequency = Error("AR0704",
        "Long query period needs a frequency of at least 1h",
        "A queryPeriod of {0} (2 days or more) needs a queryFrequency of at least 1h, not {1}", SentinelCategory);

    public static readonly DiagnosticDescriptor SentinelTriggerThresholdOutOfRange = Error("AR0705",
        "Trigger threshold out of range",
        "triggerThreshold {0} is out of range: Sentinel allows 0 to 10000", SentinelCategory);

    public static readonly DiagnosticDescriptor SentinelEntityMappingCount = Error("AR0706",
        "Wrong number of entity mappings",
        "The rule has {0} entity mappings; Sentinel allows 1 to 5", SentinelCategory);

    public static readonly DiagnosticDescriptor SentinelFieldMappingCount = Error("AR0707",
        "Wrong number of field mappings",
        "Entity '{0}' has {1} field mappings; Sentinel allows 1 to 3", SentinelCategory);

    public static readonly DiagnosticDescriptor SentinelUnknownEntityType = Error("AR0708",
        "Unknown entity type",
        "Unknown entity type '{0}': expected one of {1}", SentinelCategory);

    public static readonly DiagnosticDescriptor SentinelInvalidEntityIdentifier = Error("AR0709",
        "Identifier not valid for the entity type",
        "'{0}' is not an identifier of entity type '{1}': expected one of {2}", SentinelCategory);

    public static readonly DiagnosticDescriptor SentinelMissingEntityIdentifier = Error("AR0710",
        "Entity mapping lacks a required identifier",
        "Entity '{0}' must map {1}", SentinelCategory);

    public static readonly DiagnosticDescriptor SentinelTooManyCustomDetails = Error("AR0711",
        "Too many custom details",
        "The rule has {0} custom details; Sentinel allows at most {1}", SentinelCategory);

    public static readonly DiagnosticDescriptor SentinelInvalidCustomDetailKey = Error("AR0712",
        "Invalid custom detail key",
        "Custom detail key '{0}' is invalid: it must start with a letter, contain only letters, digits and '_', and be at most 20 characters long", SentinelCategory);

    public static readonly DiagnosticDescriptor SentinelInvalidCustomDetailColumn = Error("AR0713",
        "Invalid custom detail column",
        "Custom detail column '{0}' is invalid: it must start with a letter or '_' and contain only letters, digits and '_'", SentinelCategory);

    public static readonly DiagnosticDescriptor SentinelUnknownTactic = Error("AR0714",
        "Unknown tactic",
        "Unknown tactic '{0}': expected one of {1}", SentinelCategory);

    public static readonly DiagnosticDescriptor SentinelInvalidVersion = Error("AR0715",
        "Invalid rule version",
        "Invalid version '{0}': expected three numbers such as 1.0.0", SentinelCategory);

    public static readonly DiagnosticDescriptor SentinelTooManyPlaceholders = Error("AR0717",
        "Too many placeholders in an alert format",
        "'{0}' has {1} {{{{column}}}} placeholders; Sentinel allows at most {2}", SentinelCategory);

    public static readonly DiagnosticDescriptor SentinelTextTooLong = Error("AR0718",
        "Text too long for Sentinel",
        "'{0}' is {1} characters long; Sentinel allows at most {2}", SentinelCategory);

    public static readonly DiagnosticDescriptor SentinelUnknownConnectorId = Warning("AR0716",
        "Unknown data connector",
        "Unknown data connector id '{0}': it is not one of Sentinel's connector ids", SentinelCategory);
}
