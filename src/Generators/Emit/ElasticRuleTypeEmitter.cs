using System.Linq;
using AzureRules.Generators.Model;

namespace AzureRules.Generators.Emit;

/// <summary>Writes the Elastic-only metadata: the time fields, and the typed settings of threshold, new_terms and threat_match rules.</summary>
internal static class ElasticRuleTypeEmitter
{
    private const string Sdk = "global::AzureRules.Sdk.Detections";
    /// <summary>Kibana's default threat_indicator_path.</summary>
    private const string DefaultIndicatorPath = "threat.indicator";

    public static void Write(CodeWriter writer, RuleDefinition rule)
    {
        if (rule.Family != RuleFamily.Elastic) return;
        if (rule.TimestampOverride is { } timestampOverride)
            writer.Line($"TimestampOverride = {CSharpLiteral.String(timestampOverride)},");
        if (rule.TimestampOverrideFallbackDisabled) writer.Line("TimestampOverrideFallbackDisabled = true,");
        if (rule.TiebreakerField is { } tiebreaker) writer.Line($"TiebreakerField = {CSharpLiteral.String(tiebreaker)},");
        switch (rule.Kind)
        {
            case "threshold" when rule.ThresholdValue is { } value:
                var cardinality = string.Join(", ", rule.ThresholdCardinality.Select(c =>
                    $"new {Sdk}.ThresholdCardinality({CSharpLiteral.String(c.Field)}, {CSharpLiteral.Int(c.Value)})"));
                writer.Line($"Threshold = new {Sdk}.ThresholdSettings({Strings(rule.ThresholdFields)}, {CSharpLiteral.Int(value)}, [{cardinality}]),");
                break;
            case "new_terms" when rule.NewTermsHistoryWindow is { } history && !rule.NewTermsFields.IsEmpty:
                writer.Line($"NewTerms = new {Sdk}.NewTermsSettings({Strings(rule.NewTermsFields)}, {CSharpLiteral.TimeSpan(history)}),");
                break;
            case "threat_match":
                writer.Line($"ThreatMatch = new {Sdk}.ThreatMatchSettings(");
                writer.Line($"    {Strings(rule.ThreatIndices)},");
                writer.Line($"    {CSharpLiteral.String(rule.ThreatQuery?.Text ?? "")},");
                writer.Line("    [");
                foreach (var group in rule.ThreatMapping)
                {
                    var entries = string.Join(", ", group.Entries.Select(e =>
                        $"new {Sdk}.ThreatMappingEntry({CSharpLiteral.String(e.Field)}, {CSharpLiteral.String(e.Value)}{(e.Negate ? ", Negate: true" : "")})"));
                    writer.Line($"        new {Sdk}.ThreatMappingGroup([{entries}]),");
                }
                writer.Line("    ],");
                writer.Line($"    {CSharpLiteral.String(rule.ThreatIndicatorPath ?? DefaultIndicatorPath)}),");
                break;
        }
    }

    private static string Strings(EquatableArray<string> values) => "[" + string.Join(", ", values.Select(CSharpLiteral.String)) + "]";
}
