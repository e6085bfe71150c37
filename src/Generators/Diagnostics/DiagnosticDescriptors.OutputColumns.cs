using Microsoft.CodeAnalysis;

namespace AzureRules.Generators.Diagnostics;

// ---- AR0750-AR0769: Sentinel checks of the query's output columns (Sentinel/OutputColumnChecks.cs) ----
// Warnings: the output schema is inferred by our binder, and a wrong inference must not fail a build.
// Over the Sentinel corpus they flag 55 mapped columns in 39 of 1,094 checkable rules; the ones read by
// hand were real faults (HostCustomEntity never projected, IPCustomEntity vs IpCustomEntity).
internal static partial class DiagnosticDescriptors
{
    public static readonly DiagnosticDescriptor EntityColumnNotInOutput = Warning("AR0750",
        "Entity mapping column not in query output",
        "Entity mapping {0}.{1} uses column '{2}', which the query does not return", "AzureRules.Sentinel");

    public static readonly DiagnosticDescriptor CustomDetailColumnNotInOutput = Warning("AR0751",
        "Custom detail column not in query output",
        "Custom detail '{0}' uses column '{1}', which the query does not return", "AzureRules.Sentinel");

    public static readonly DiagnosticDescriptor AlertDetailPlaceholderNotInOutput = Warning("AR0752",
        "Alert details placeholder not in query output",
        "The {0} template uses '{{{{{1}}}}}', but the query returns no column '{1}'", "AzureRules.Sentinel");
}
