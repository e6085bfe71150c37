using Microsoft.CodeAnalysis;

namespace AzureRules.Generators.Diagnostics;

internal static partial class DiagnosticDescriptors
{
    // ---- AR0300-AR0319: Kusto syntax (the parser in Kusto/Parsing) --------------------------------
    // AR0320 and up belong to the Kusto binder.

    public static readonly DiagnosticDescriptor KustoSyntaxError = Error("AR0301",
        "Kusto syntax error",
        "Kusto syntax error: {0}", "AzureRules.Kusto");

    public static readonly DiagnosticDescriptor KustoInvalidLiteral = Error("AR0302",
        "Invalid Kusto literal",
        "Invalid {0} literal '{1}'", "AzureRules.Kusto");
}
