using Microsoft.CodeAnalysis;

namespace AzureRules.Generators.Diagnostics;

// ---- AR0320-AR0349: Kusto name binding and typing (Kusto/Binding) ----
internal static partial class DiagnosticDescriptors
{
    // A warning: a workspace may hold custom tables and functions that no published schema lists.
    public static readonly DiagnosticDescriptor KustoUnknownTable = Warning("AR0320",
        "Unknown table",
        "The table or tabular name '{0}' is not a known Log Analytics table nor defined in the query; its columns are not checked", "AzureRules.Kusto");

    public static readonly DiagnosticDescriptor KustoUnknownColumn = Error("AR0321",
        "Unknown column",
        "The name '{0}' does not refer to any column, table, variable or function in scope", "AzureRules.Kusto");

    public static readonly DiagnosticDescriptor KustoUnknownFunction = Error("AR0322",
        "Unknown function",
        "The function '{0}' is not defined", "AzureRules.Kusto");

    public static readonly DiagnosticDescriptor KustoWrongArgumentCount = Error("AR0323",
        "Wrong number of arguments",
        "The function '{0}' expects {1} argument(s) but is called with {2}", "AzureRules.Kusto");

    public static readonly DiagnosticDescriptor KustoWrongArgumentType = Error("AR0324",
        "Wrong argument type",
        "Argument {1} of '{0}' must be {2}, not {3}", "AzureRules.Kusto");

    public static readonly DiagnosticDescriptor KustoDeprecatedFunction = Info("AR0325",
        "Deprecated function name",
        "'{0}' is a deprecated name; use '{1}'", "AzureRules.Kusto");

    public static readonly DiagnosticDescriptor KustoColumnNotInPublishedSchema = Warning("AR0327",
        "Column not in the published schema",
        "The name '{0}' is not in the published schema of its table, which may be incomplete", "AzureRules.Kusto");

    public static readonly DiagnosticDescriptor KustoAggregateOutsideSummarize = Error("AR0326",
        "Aggregate function outside summarize",
        "The aggregate function '{0}' can only be used in summarize, make-series or top-nested", "AzureRules.Kusto");

    public static readonly DiagnosticDescriptor KustoAssignmentInWhere = Warning("AR0328",
        "'=' in a where clause does not compare",
        "'{0} = …' in a where clause names the value instead of comparing it to {0}: the filter keeps every row where the value is true; use '==' to compare", "AzureRules.Kusto");

    public static readonly DiagnosticDescriptor KustoPredicateNotBool = Error("AR0329",
        "Filter predicate is not a bool",
        "A {0} predicate must be a bool, not {1}", "AzureRules.Kusto");
}
