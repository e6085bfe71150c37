using Microsoft.CodeAnalysis;

namespace AzureRules.Generators.Diagnostics;

// ---- AR05xx: Elasticsearch EQL (AR0500-AR0549) ---------------------------------------------------
internal static partial class DiagnosticDescriptors
{
    private const string EqlCategory = "AzureRules.Eql";

    public static readonly DiagnosticDescriptor EqlSyntaxError = Error("AR0501",
        "EQL syntax error",
        "EQL syntax error: {0}", EqlCategory);

    public static readonly DiagnosticDescriptor EqlUnknownField = Warning("AR0502",
        "Unknown EQL field",
        "Field '{0}' is neither an ECS field nor a known non-ECS field of the detection rules", EqlCategory);

    public static readonly DiagnosticDescriptor EqlTypeMismatch = Warning("AR0503",
        "EQL type mismatch",
        "{0}", EqlCategory);

    public static readonly DiagnosticDescriptor EqlMaxSpanExceedsLookBack = Warning("AR0504",
        "Sequence maxspan longer than the look-back",
        "The sequence's maxspan {0} is longer than the rule's look-back window {1}: a sequence can never span more than one run's window", EqlCategory);

    public static readonly DiagnosticDescriptor EqlUnknownFunction = Error("AR0505",
        "Unknown EQL function",
        "Unknown EQL function '{0}'", EqlCategory);

    public static readonly DiagnosticDescriptor EqlWrongArity = Error("AR0506",
        "Wrong number of arguments",
        "Function '{0}' takes {1} argument(s), not {2}", EqlCategory);

    public static readonly DiagnosticDescriptor EqlNoCaseInsensitiveVariant = Error("AR0507",
        "Function has no case-insensitive variant",
        "Function '{0}' has no case-insensitive '~' variant", EqlCategory);

    public static readonly DiagnosticDescriptor EqlInvalidRegex = Error("AR0508",
        "Invalid regular expression",
        "Invalid regular expression: {0}", EqlCategory);

    public static readonly DiagnosticDescriptor EqlInvalidCidr = Error("AR0509",
        "Invalid CIDR block",
        "'{0}' is not a CIDR block such as 10.0.0.0/8", EqlCategory);

    public static readonly DiagnosticDescriptor EqlConstantRequired = Error("AR0510",
        "Constant required",
        "{0} must be a constant", EqlCategory);

    public static readonly DiagnosticDescriptor EqlInvalidPipe = Error("AR0511",
        "Invalid pipe",
        "{0}", EqlCategory);

    public static readonly DiagnosticDescriptor EqlJoinKeyMismatch = Error("AR0512",
        "Join keys do not line up",
        "Every query of a sequence or sample must have the same number of 'by' keys: expected {0}, found {1}", EqlCategory);
}
