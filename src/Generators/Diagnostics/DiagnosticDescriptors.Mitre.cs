using Microsoft.CodeAnalysis;

namespace AzureRules.Generators.Diagnostics;

// ---- AR02xx: MITRE ATT&CK mappings (checked by Mitre/ThreatChecks.cs against ATT&CK Enterprise v18.1) ----
//
// Anything that makes a mapping meaningless (a tactic or technique that does not exist) is an error.
// Anything that is real ATT&CK but questionable (a technique under a tactic ATT&CK does not list it
// under, a revoked technique, a duplicate) is a warning: rules in the wild do this, and the SIEMs accept
// it. AR0202 is the one teams most often want strict: `dotnet_diagnostic.AR0202.severity = error`.
internal static partial class DiagnosticDescriptors
{
    private const string MitreCategory = "AzureRules.Mitre";

    public static readonly DiagnosticDescriptor UnknownTactic = Error("AR0200",
        "Unknown ATT&CK tactic",
        "Unknown ATT&CK tactic '{0}': expected an ATT&CK Enterprise tactic id (TA0006), name (Credential Access) or Sentinel name (CredentialAccess)",
        MitreCategory);

    public static readonly DiagnosticDescriptor UnknownTechnique = Error("AR0201",
        "Unknown ATT&CK technique",
        "Unknown ATT&CK technique '{0}': {1}",
        MitreCategory);

    public static readonly DiagnosticDescriptor TechniqueNotUnderTactic = Warning("AR0202",
        "Technique not under the mapped tactic",
        "Technique {0} {1} is not under {2} in ATT&CK Enterprise v18.1; ATT&CK lists it under {3}",
        MitreCategory);

    public static readonly DiagnosticDescriptor DeprecatedTechnique = Warning("AR0203",
        "Deprecated ATT&CK technique",
        "Technique {0} {1} is deprecated in ATT&CK Enterprise v18.1 and has no replacement",
        MitreCategory);

    public static readonly DiagnosticDescriptor RevokedTechnique = Warning("AR0204",
        "Revoked ATT&CK technique",
        "Technique {0} {1} was revoked in ATT&CK Enterprise v18.1; use {2}",
        MitreCategory);

    public static readonly DiagnosticDescriptor DuplicateTactic = Warning("AR0205",
        "Duplicate tactic",
        "Tactic '{0}' ({1}) is mapped more than once",
        MitreCategory);

    public static readonly DiagnosticDescriptor SubtechniqueWithoutParent = Warning("AR0206",
        "Sub-technique not under its parent technique",
        "Sub-technique {0} {1} is not under its parent technique {2} {3} in this [[rule.threat]] mapping",
        MitreCategory);

    public static readonly DiagnosticDescriptor DuplicateTechnique = Warning("AR0207",
        "Duplicate technique",
        "Technique '{0}' is mapped more than once in the same mapping",
        MitreCategory);

    public static readonly DiagnosticDescriptor NonEnterpriseTactic = Info("AR0208",
        "Sentinel tactic outside ATT&CK Enterprise",
        "Tactic '{0}' is a Microsoft Sentinel tactic outside ATT&CK Enterprise v18.1: {1}",
        MitreCategory);

    public static readonly DiagnosticDescriptor IcsTechnique = Info("AR0209",
        "ATT&CK for ICS technique",
        "Technique '{0}' is an ATT&CK for ICS technique; only ATT&CK Enterprise techniques are checked and typed",
        MitreCategory);

    public static readonly DiagnosticDescriptor UnknownHuntingMapping = Warning("AR0210",
        "Unknown ATT&CK value in a hunting query",
        "Unknown ATT&CK {0} '{1}' in a hunting query (Sentinel does not validate hunting query mappings)",
        MitreCategory);
}
