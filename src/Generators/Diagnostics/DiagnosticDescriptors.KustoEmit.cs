using Microsoft.CodeAnalysis;

namespace AzureRules.Generators.Diagnostics;

internal static partial class DiagnosticDescriptors
{
    // ---- AR0350-AR0369: Kusto constructs the runtime cannot execute yet (Kusto/Emit) -------------

    public static readonly DiagnosticDescriptor KustoUnsupportedOperator = Warning("AR0350",
        "Kusto operator not supported by the runtime yet",
        "The Kusto operator '{0}' is not supported by the runtime yet; the rule will not run", "AzureRules.Kusto");

    public static readonly DiagnosticDescriptor KustoUnsupportedFunction = Warning("AR0351",
        "Kusto function not supported by the runtime yet",
        "The Kusto function '{0}' is not supported by the runtime yet; the rule will not run", "AzureRules.Kusto");

    public static readonly DiagnosticDescriptor KustoUnsupportedAggregate = Warning("AR0352",
        "Kusto aggregation function not supported by the runtime yet",
        "The Kusto aggregation function '{0}' is not supported by the runtime yet; the rule will not run", "AzureRules.Kusto");

    public static readonly DiagnosticDescriptor KustoUnsupportedConstruct = Warning("AR0353",
        "Kusto construct not supported by the runtime yet",
        "{0} is not supported by the runtime yet; the rule will not run", "AzureRules.Kusto");
}
