using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using AzureRules.Generators.Diagnostics;
using AzureRules.Generators.Formats.Common;
using AzureRules.Generators.Model;

namespace AzureRules.Generators.Sentinel;

/// <summary>
/// The checks Sentinel's CI (Azure-Sentinel .script/tests/detectionTemplateSchemaValidation) runs on an
/// analytic rule template, as diagnostics at the offending value. Like the CI they apply to analytic
/// rules (Scheduled, NRT), which the alert rule API deploys; hunting queries are saved searches that
/// neither the CI nor the API validate this way (the repository's hunting queries use tactics such as
/// "Initial access"). Not here: columns the query must produce (the Kusto binder) and techniques under
/// their tactics (MITRE).
/// </summary>
internal static class SentinelRuleChecks
{
    public const int MaxQueryLength = 10_000;
    public static readonly TimeSpan MinSchedule = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan MaxSchedule = TimeSpan.FromDays(14);
    /// <summary>A query period this long must not run more often than hourly.</summary>
    public static readonly TimeSpan LongPeriod = TimeSpan.FromDays(2);
    public static readonly TimeSpan LongPeriodMinFrequency = TimeSpan.FromHours(1);
    public const int MaxTriggerThreshold = 10_000;
    public const int MaxEntityMappings = 5;
    public const int MaxFieldMappings = 3;
    public const int MaxCustomDetails = 20;
    public const int MaxCustomDetailKeyLength = 20;
    public const int MaxCustomDetailColumnLength = 500;

    public const int MaxNameLength = 256;
    public const int MaxAlertPlaceholders = 3;
    public const int MaxAlertDisplayNameLength = 256;
    public const int MaxAlertDescriptionLength = 5000;

    private static readonly Regex Placeholder = new(@"\{\{([^{}]*)\}\}", RegexOptions.CultureInvariant);
    private static readonly Regex CustomDetailKey = new(@"^[a-zA-Z]+\w*$", RegexOptions.CultureInvariant);
    private static readonly Regex CustomDetailColumn = new(@"^[a-zA-Z_]+\w*$", RegexOptions.CultureInvariant);
    private static readonly Regex ThreePartVersion = new(@"^\d+\.\d+\.\d+$", RegexOptions.CultureInvariant);

    public static EquatableArray<RuleDiagnostic> Check(RuleDefinition rule)
    {
        if (rule.Family != RuleFamily.Sentinel || rule.Kind is not ("Scheduled" or "NRT")) return EquatableArray<RuleDiagnostic>.Empty;
        var diagnostics = new List<RuleDiagnostic>();
        CheckQueryLength(rule, diagnostics);
        CheckSchedule(rule, diagnostics);
        CheckTriggerThreshold(rule, diagnostics);
        CheckVersion(rule, diagnostics);
        CheckEntityMappings(rule, diagnostics);
        CheckCustomDetails(rule, diagnostics);
        CheckAlertDetailsOverride(rule, diagnostics);
        CheckTactics(rule, diagnostics);
        CheckConnectorIds(rule, diagnostics);
        CheckTextLength("name", rule.Name, MaxNameLength, diagnostics);
        return diagnostics.ToEquatableArray();
    }

    private static void CheckQueryLength(RuleDefinition rule, List<RuleDiagnostic> diagnostics)
    {
        if (rule.Query is not { } query || query.Text.Length <= MaxQueryLength) return;
        // point at the first character over the limit
        diagnostics.Add(RuleDiagnostic.Create(DiagnosticDescriptors.SentinelQueryTooLong,
            query.MapSpan(MaxQueryLength, query.Text.Length - MaxQueryLength), Number(query.Text.Length), Number(MaxQueryLength)));
    }

    private static void CheckSchedule(RuleDefinition rule, List<RuleDiagnostic> diagnostics)
    {
        CheckRange("queryFrequency", rule.Interval, rule.IntervalSpan);
        CheckRange("queryPeriod", rule.LookBack, rule.LookBackSpan);
        if (rule is not { Interval: { } frequency, LookBack: { } period }) return;

        if (period < frequency && rule.LookBackSpan is { } periodSpan)
            diagnostics.Add(RuleDiagnostic.Create(DiagnosticDescriptors.SentinelPeriodShorterThanFrequency, periodSpan,
                Durations.Format(period), Durations.Format(frequency)));
        if (period >= LongPeriod && frequency < LongPeriodMinFrequency && rule.IntervalSpan is { } frequencySpan)
            diagnostics.Add(RuleDiagnostic.Create(DiagnosticDescriptors.SentinelLongPeriodNeedsHourlyFrequency, frequencySpan,
                Durations.Format(period), Durations.Format(frequency)));

        void CheckRange(string field, TimeSpan? value, SourceSpan? span)
        {
            if (value is { } v && span is { } s && (v < MinSchedule || v > MaxSchedule))
                diagnostics.Add(RuleDiagnostic.Create(DiagnosticDescriptors.SentinelScheduleOutOfRange, s, field, Durations.Format(v)));
        }
    }

    private static void CheckTriggerThreshold(RuleDefinition rule, List<RuleDiagnostic> diagnostics)
    {
        if (rule is { TriggerThreshold: { } threshold, TriggerThresholdSpan: { } span } && (threshold < 0 || threshold > MaxTriggerThreshold))
            diagnostics.Add(RuleDiagnostic.Create(DiagnosticDescriptors.SentinelTriggerThresholdOutOfRange, span, Number(threshold)));
    }

    private static void CheckVersion(RuleDefinition rule, List<RuleDiagnostic> diagnostics)
    {
        if (rule.VersionText is { } version && !ThreePartVersion.IsMatch(version.Value))
            diagnostics.Add(RuleDiagnostic.Create(DiagnosticDescriptors.SentinelInvalidVersion, version.Span, version.Value));
    }

    private static void CheckEntityMappings(RuleDefinition rule, List<RuleDiagnostic> diagnostics)
    {
        var mappings = rule.EntityMappings;
        if (mappings.Count > MaxEntityMappings)
            diagnostics.Add(RuleDiagnostic.Create(DiagnosticDescriptors.SentinelEntityMappingCount,
                mappings[MaxEntityMappings].EntityType.Span, Number(mappings.Count)));

        foreach (var mapping in mappings)
        {
            var type = mapping.EntityType;
            if ((mapping.Fields.Count == 0 || mapping.Fields.Count > MaxFieldMappings))
            {
                var span = mapping.Fields.Count == 0 ? type.Span : mapping.Fields[MaxFieldMappings].Identifier.Span;
                diagnostics.Add(RuleDiagnostic.Create(DiagnosticDescriptors.SentinelFieldMappingCount, span, type.Value, Number(mapping.Fields.Count)));
            }

            if (!SentinelCiData.EntityTypes.TryGetValue(type.Value, out var entityType))
            {
                diagnostics.Add(RuleDiagnostic.Create(DiagnosticDescriptors.SentinelUnknownEntityType, type.Span,
                    type.Value, string.Join(", ", SentinelCiData.EntityTypes.Keys.OrderBy(k => k, StringComparer.Ordinal))));
                continue;
            }

            foreach (var field in mapping.Fields)
            {
                if (!entityType.Identifiers.Contains(field.Identifier.Value, StringComparer.Ordinal))
                    diagnostics.Add(RuleDiagnostic.Create(DiagnosticDescriptors.SentinelInvalidEntityIdentifier, field.Identifier.Span,
                        field.Identifier.Value, type.Value, string.Join(", ", entityType.Identifiers)));
            }

            var mapped = new HashSet<string>(mapping.Fields.Select(f => f.Identifier.Value), StringComparer.Ordinal);
            if (mapping.Fields.Count > 0 && !entityType.RequiredAnyOf.Any(group => group.All(mapped.Contains)))
                diagnostics.Add(RuleDiagnostic.Create(DiagnosticDescriptors.SentinelMissingEntityIdentifier, type.Span,
                    type.Value, DescribeRequired(entityType.RequiredAnyOf)));
        }
    }

    /// <summary>"FullName, Sid or Name"; a group that needs several identifiers reads "Algorithm and Value".</summary>
    private static string DescribeRequired(IReadOnlyList<IReadOnlyList<string>> groups)
    {
        var alternatives = groups.Select(g => string.Join(" and ", g)).ToList();
        return alternatives.Count == 1
            ? alternatives[0]
            : string.Join(", ", alternatives.Take(alternatives.Count - 1)) + " or " + alternatives[alternatives.Count - 1];
    }

    private static void CheckCustomDetails(RuleDefinition rule, List<RuleDiagnostic> diagnostics)
    {
        var details = rule.CustomDetails;
        if (details.Count > MaxCustomDetails)
            diagnostics.Add(RuleDiagnostic.Create(DiagnosticDescriptors.SentinelTooManyCustomDetails,
                details[MaxCustomDetails].Key.Span, Number(details.Count), Number(MaxCustomDetails)));
        foreach (var detail in details)
        {
            if (detail.Key.Value.Length > MaxCustomDetailKeyLength || !CustomDetailKey.IsMatch(detail.Key.Value))
                diagnostics.Add(RuleDiagnostic.Create(DiagnosticDescriptors.SentinelInvalidCustomDetailKey, detail.Key.Span, detail.Key.Value));
            if (detail.ColumnName.Value.Length > MaxCustomDetailColumnLength || !CustomDetailColumn.IsMatch(detail.ColumnName.Value))
                diagnostics.Add(RuleDiagnostic.Create(DiagnosticDescriptors.SentinelInvalidCustomDetailColumn, detail.ColumnName.Span, detail.ColumnName.Value));
        }
    }

    /// <summary>The alert name and description formats: their length, and at most three {{column}} placeholders.</summary>
    private static void CheckAlertDetailsOverride(RuleDefinition rule, List<RuleDiagnostic> diagnostics)
    {
        foreach (var format in rule.AlertDetailsOverride)
        {
            var maxLength = format.Property switch
            {
                "alertDisplayNameFormat" => MaxAlertDisplayNameLength,
                "alertDescriptionFormat" => MaxAlertDescriptionLength,
                _ => 0,
            };
            if (maxLength == 0) continue;
            CheckTextLength(format.Property, format.Template, maxLength, diagnostics);
            var placeholders = Placeholder.Matches(format.Template.Value).Count;
            if (placeholders > MaxAlertPlaceholders)
                diagnostics.Add(RuleDiagnostic.Create(DiagnosticDescriptors.SentinelTooManyPlaceholders, format.Template.Span,
                    format.Property, Number(placeholders), Number(MaxAlertPlaceholders)));
        }
    }

    private static void CheckTextLength(string field, Located<string> text, int maxLength, List<RuleDiagnostic> diagnostics)
    {
        if (text.Value.Length > maxLength)
            diagnostics.Add(RuleDiagnostic.Create(DiagnosticDescriptors.SentinelTextTooLong, text.Span, field, Number(text.Value.Length), Number(maxLength)));
    }

    private static void CheckTactics(RuleDefinition rule, List<RuleDiagnostic> diagnostics)
    {
        foreach (var threat in rule.Threat)
            foreach (var tactic in threat.Tactics)
                if (!SentinelCiData.IsTactic(tactic.Value))
                    diagnostics.Add(RuleDiagnostic.Create(DiagnosticDescriptors.SentinelUnknownTactic, tactic.Span,
                        tactic.Value, string.Join(", ", SentinelCiData.Tactics)));
    }

    private static void CheckConnectorIds(RuleDefinition rule, List<RuleDiagnostic> diagnostics)
    {
        foreach (var connector in rule.DataConnectorIds)
            if (!SentinelCiData.IsConnectorId(connector.Value))
                diagnostics.Add(RuleDiagnostic.Create(DiagnosticDescriptors.SentinelUnknownConnectorId, connector.Span, connector.Value));
    }

    private static string Number(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
