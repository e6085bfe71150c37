using System.Collections.Generic;
using AzureRules.Generators.Diagnostics;
using AzureRules.Generators.Model;

namespace AzureRules.Generators.Elastic;

/// <summary>
/// Checks of Elastic rules beyond their format: detection-rules' conventions. (The ATT&amp;CK checks
/// are in Mitre/ThreatChecks; the range of the risk score is a format check, AR0110.)
/// </summary>
internal static class ElasticRuleChecks
{
    /// <summary>detection-rules' convention: low 21, medium 47, high 73, critical 99.</summary>
    private static readonly Dictionary<string, int> ConventionalRiskScore = new()
    {
        ["low"] = 21,
        ["medium"] = 47,
        ["high"] = 73,
        ["critical"] = 99,
    };

    public static IEnumerable<RuleDiagnostic> Check(RuleDefinition rule)
    {
        if (rule.Family != RuleFamily.Elastic) yield break;
        if (rule.RiskScore is { } risk && rule.Severity is { } severity
            && ConventionalRiskScore.TryGetValue(severity.Value.Trim().ToLowerInvariant(), out var expected)
            && risk.Value != expected && risk.Value is >= 0 and <= 100)
        {
            yield return RuleDiagnostic.Create(DiagnosticDescriptors.RiskScoreInconsistentWithSeverity, risk.Span,
                risk.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), severity.Value,
                expected.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
