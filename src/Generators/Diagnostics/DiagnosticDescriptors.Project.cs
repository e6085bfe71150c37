using Microsoft.CodeAnalysis;

namespace AzureRules.Generators.Diagnostics;

// ---- AR09xx: the rule repository's own files: version lock, custom schemas, validation exceptions ----
internal static partial class DiagnosticDescriptors
{
    public static readonly DiagnosticDescriptor VersionNotBumped = Warning("AR0901",
        "Rule changed without a new version",
        "The rule's content changed since the version lock recorded version {0} (content hash {1}…), but its version is still {0}: bump the version", "AzureRules.Versioning");

    public static readonly DiagnosticDescriptor LockedVersionNotBumped = Warning("AR0902",
        "Rule changed since the version lock",
        "The rule's content changed since the version lock recorded version {0} (content hash {1}…); the file has no version: run 'azrules lock' to record version {2}", "AzureRules.Versioning");

    public static readonly DiagnosticDescriptor InvalidProjectFile = Error("AR0903",
        "Invalid rule repository file",
        "Invalid {0}: {1}", "AzureRules.Project");

    public static readonly DiagnosticDescriptor ExceptionWithoutReason = Error("AR0910",
        "Validation exception without a reason",
        "The validation exception for rule {0} and {1} has no reason: say why the rule is excepted", "AzureRules.Project");

    public static readonly DiagnosticDescriptor StaleException = Warning("AR0911",
        "Validation exception no longer needed",
        "Rule {0} no longer reports {1}: remove its validation exception", "AzureRules.Project");

    public static readonly DiagnosticDescriptor ExceptionForUnknownRule = Warning("AR0912",
        "Validation exception for an unknown rule",
        "The validation exceptions name rule {0}, which is not among the compiled rules", "AzureRules.Project");
}
