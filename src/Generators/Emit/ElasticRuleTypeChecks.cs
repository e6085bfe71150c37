using System.Linq;
using AzureRules.Generators.Model;

namespace AzureRules.Generators.Emit;

/// <summary>
/// Whether a threshold, new_terms or threat_match rule has what its runner needs. The reader has already
/// reported malformed fields at their place; this says why the rule cannot run, so it never runs with a
/// setting silently missing.
/// </summary>
internal static class ElasticRuleTypeChecks
{
    /// <summary>Kibana limits new_terms_fields to three.</summary>
    public const int MaxNewTermsFields = 3;

    public static string? WhyNotExecutable(RuleDefinition rule) => rule.Kind switch
    {
        "threshold" => rule.ThresholdValue is null ? "threshold.value is missing or invalid" : null,
        "new_terms" => rule.NewTermsFields.Count is < 1 or > MaxNewTermsFields
                ? $"new_terms needs one to {MaxNewTermsFields} fields, the rule has {rule.NewTermsFields.Count}"
            : rule.NewTermsHistoryWindow is not { } history ? "history_window_start is missing or invalid"
            : rule.LookBack is { } lookBack && history <= lookBack ? "history_window_start must be earlier than from (Kibana rejects the rule)"
            : null,
        "threat_match" => rule.ThreatIndices.IsEmpty ? "threat_index is missing"
            : rule.ThreatMapping.IsEmpty ? "threat_mapping has no entries"
            // Kibana rejects an item of negated entries only: nothing positive to look indicators up by
            : rule.ThreatMapping.Any(g => g.Entries.All(e => e.Negate)) ? "a threat_mapping item has only negated entries (Kibana requires one that is not)"
            : null,
        _ => null,
    };
}
