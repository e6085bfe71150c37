using Microsoft.CodeAnalysis;

namespace AzureRules.Generators.Diagnostics;

internal static partial class DiagnosticDescriptors
{
    // ---- AR08xx: Elastic rule checks ---------------------------------------------------------------

    public static readonly DiagnosticDescriptor RiskScoreInconsistentWithSeverity = Warning("AR0801",
        "Risk score does not match severity",
        "Risk score {0} does not match severity '{1}': by convention {1} rules score {2}", "AzureRules.Elastic");
}
