using Microsoft.CodeAnalysis;

namespace AzureRules.Generators.Diagnostics;

// ---- AR06xx: ES|QL (Esql/: lexer and parser report AR0601, the binder the rest) ----
//
// Errors are kept for what Elasticsearch itself would reject (a syntax error, an unknown function, a
// column that KEEP or STATS removed), so a build only fails where the rule could not run in Kibana
// either. What is merely unknown to us (a field outside ECS and the detection-rules schemas, a
// command newer than this front end) is a warning: integrations have fields we have no schema for.
internal static partial class DiagnosticDescriptors
{
    private const string EsqlCategory = "AzureRules.Esql";

    public static readonly DiagnosticDescriptor EsqlSyntaxError = Error("AR0601",
        "ES|QL syntax error",
        "ES|QL syntax error: {0}",
        EsqlCategory);

    public static readonly DiagnosticDescriptor EsqlUnknownField = Warning("AR0602",
        "Unknown ES|QL field",
        "Field '{0}' is neither an ECS field nor a known non-ECS field, and no earlier command of the query creates it",
        EsqlCategory);

    public static readonly DiagnosticDescriptor EsqlUnknownFunction = Error("AR0603",
        "Unknown ES|QL function",
        "Unknown ES|QL function '{0}'",
        EsqlCategory);

    public static readonly DiagnosticDescriptor EsqlWrongArgumentCount = Error("AR0604",
        "Wrong number of arguments",
        "{0} takes {1}, not {2}",
        EsqlCategory);

    public static readonly DiagnosticDescriptor EsqlUnknownColumn = Error("AR0605",
        "Unknown ES|QL column",
        "Unknown column '{0}': {1}",
        EsqlCategory);

    public static readonly DiagnosticDescriptor EsqlAggregateOutsideStats = Error("AR0606",
        "Aggregate function outside STATS",
        "Aggregate function {0} can only be used in STATS, not in {1}",
        EsqlCategory);

    public static readonly DiagnosticDescriptor EsqlNotAggregate = Error("AR0607",
        "STATS expression without an aggregate",
        "STATS expression '{0}' must use an aggregate function such as COUNT, VALUES or MAX",
        EsqlCategory);

    public static readonly DiagnosticDescriptor EsqlUnsupportedCommand = Warning("AR0608",
        "Unknown ES|QL command",
        "Unknown ES|QL command '{0}': the query is not checked after it",
        EsqlCategory);

    public static readonly DiagnosticDescriptor EsqlUnknownMetadataField = Warning("AR0609",
        "Unknown METADATA field",
        "'{0}' is not a metadata field ES|QL knows (_id, _index, _version, _source, _score, _ignored, _index_mode, _tsid)",
        EsqlCategory);

    public static readonly DiagnosticDescriptor EsqlTypeMismatch = Warning("AR0610",
        "ES|QL type mismatch",
        "{0} is {1}, so {2}",
        EsqlCategory);
}
