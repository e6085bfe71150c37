using System;
using System.Collections.Generic;
using System.Linq;
using AzureRules.Generators.Model;

namespace AzureRules.Generators.Emit;

/// <summary>Writes a rule's <c>RuleMetadata</c> initializer: every value typed, every text an escaped literal.</summary>
internal static class MetadataEmitter
{
    private const string Sdk = "global::AzureRules.Sdk.Detections";

    public static void Write(CodeWriter writer, RuleDefinition rule, string ruleId, string sourceFile)
    {
        writer.Open($"public static {Sdk}.RuleMetadata Definition {{ get; }} = new()");
        writer.Line($"Id = new global::System.Guid({CSharpLiteral.String(ruleId)}),");
        if (rule.IdIsDerived) writer.Line("IdIsDerived = true,");
        writer.Line($"Name = {CSharpLiteral.String(rule.Name.Value)},");
        writer.Line($"Description = {CSharpLiteral.String(rule.Description ?? "")},");
        writer.Line($"Family = {Sdk}.RuleFamily.{rule.Family},");
        writer.Line($"Kind = {CSharpLiteral.String(rule.Kind)},");
        writer.Line($"Severity = {Sdk}.Severity.{SeverityName(rule.Severity?.Value)},");
        if (rule.RiskScore is { } risk) writer.Line($"RiskScore = {CSharpLiteral.Int(risk.Value)},");
        if (rule.Version is not null) writer.Line($"Version = {CSharpLiteral.String(rule.Version)},");
        if (rule.Interval is { } interval) writer.Line($"Interval = {CSharpLiteral.TimeSpan(interval)},");
        if (rule.LookBack is { } lookBack) writer.Line($"LookBack = {CSharpLiteral.TimeSpan(lookBack)},");
        if (rule.MaxAlerts is { } max) writer.Line($"MaxAlerts = {CSharpLiteral.Int(max)},");
        if (rule.TriggerOperator is not null) writer.Line($"TriggerOperator = {Sdk}.TriggerOperator.{TriggerOperatorName(rule.TriggerOperator)},");
        if (rule.TriggerThreshold is { } threshold) writer.Line($"TriggerThreshold = {CSharpLiteral.Int(threshold)},");
        if (string.Equals(rule.EventGrouping, "AlertPerResult", StringComparison.OrdinalIgnoreCase))
            writer.Line($"EventGrouping = {Sdk}.EventGrouping.AlertPerResult,");
        if (rule.SuppressionEnabled && rule.SuppressionDuration is { } suppression)
            writer.Line($"SuppressionDuration = {CSharpLiteral.TimeSpan(suppression)},");
        WriteStrings(writer, "Indices", rule.Indices);
        WriteStrings(writer, "RequiredTables", rule.RequiredTables);
        WriteStrings(writer, "Tags", rule.Tags);
        WriteStrings(writer, "References", rule.References);
        WriteStrings(writer, "Authors", rule.Authors);
        if (rule.License is not null) writer.Line($"License = {CSharpLiteral.String(rule.License)},");
        ThreatEmitter.Write(writer, rule);
        WriteEntityMappings(writer, rule);
        WriteCustomDetails(writer, rule);
        writer.Line($"Language = {Sdk}.QueryLanguage.{rule.Language},");
        writer.Line($"Query = {CSharpLiteral.String(rule.Query?.Text ?? "")},");
        writer.Line($"SourceFile = {CSharpLiteral.String(sourceFile)},");
        writer.Line($"ContentHash = {CSharpLiteral.String(Versioning.RuleContentHash.Compute(rule))},");
        writer.Close(";");
    }

    /// <summary>Sentinel (Informational…High) and Elastic (low…critical) severities on one scale; unknown reads as Medium and is reported by the format check.</summary>
    public static string SeverityName(string? severity) => severity?.Trim().ToLowerInvariant() switch
    {
        "informational" or "info" => "Informational",
        "low" => "Low",
        "high" => "High",
        "critical" => "Critical",
        _ => "Medium",
    };

    public static string TriggerOperatorName(string op) => op.Trim().ToLowerInvariant() switch
    {
        "lt" or "lessthan" => "LessThan",
        "eq" or "equal" or "equals" => "Equal",
        "ne" or "notequal" => "NotEqual",
        _ => "GreaterThan",
    };

    private static void WriteStrings(CodeWriter writer, string property, EquatableArray<string> values)
    {
        if (values.IsEmpty) return;
        writer.Line($"{property} = [{string.Join(", ", values.Select(CSharpLiteral.String))}],");
    }

    private static void WriteEntityMappings(CodeWriter writer, RuleDefinition rule)
    {
        if (rule.EntityMappings.IsEmpty) return;
        writer.Line("EntityMappings =");
        writer.Line("[");
        foreach (var mapping in rule.EntityMappings)
        {
            var fields = string.Join(", ", mapping.Fields.Select(f =>
                $"new {Sdk}.EntityFieldMapping({CSharpLiteral.String(f.Identifier.Value)}, {CSharpLiteral.String(f.ColumnName.Value)})"));
            writer.Line($"    new {Sdk}.EntityMapping({CSharpLiteral.String(mapping.EntityType.Value)}, [{fields}]),");
        }
        writer.Line("],");
    }

    private static void WriteCustomDetails(CodeWriter writer, RuleDefinition rule)
    {
        if (rule.CustomDetails.IsEmpty) return;
        var seen = new HashSet<string>();
        writer.Line("CustomDetails = new global::System.Collections.Generic.Dictionary<string, string>");
        writer.Line("{");
        foreach (var detail in rule.CustomDetails)
        {
            if (!seen.Add(detail.Key.Value)) continue; // a repeated key is reported by the Sentinel checks
            writer.Line($"    [{CSharpLiteral.String(detail.Key.Value)}] = {CSharpLiteral.String(detail.ColumnName.Value)},");
        }
        writer.Line("},");
    }
}
