using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace AzureRules.Generators.Diagnostics;

/// <summary>
/// Every diagnostic the rule compiler reports, in one place. Ids are grouped by area:
/// AR00xx compiler, AR01xx rule file formats, AR02xx MITRE ATT&amp;CK, AR03xx Kusto, AR04xx Kibana KQL,
/// AR05xx EQL, AR06xx ES|QL, AR07xx Sentinel rule checks, AR08xx Elastic rule checks.
/// Each area's descriptors live in a <c>DiagnosticDescriptors.Area.cs</c> partial beside this file.
/// Severities can be tuned per id in .editorconfig like any compiler diagnostic.
/// </summary>
internal static partial class DiagnosticDescriptors
{
    private static class Registry
    {
        public static readonly Dictionary<string, DiagnosticDescriptor> ById = new();
    }

    public static IReadOnlyCollection<DiagnosticDescriptor> All => Registry.ById.Values;

    public static DiagnosticDescriptor Get(string id)
    {
        EnsureRegistered();
        return Registry.ById.TryGetValue(id, out var descriptor) ? descriptor : InternalError;
    }

    // Touching a static field runs the type initializer, which registers every descriptor of every partial.
    private static void EnsureRegistered() => _ = InternalError;

    private static DiagnosticDescriptor Error(string id, string title, string message, string category)
        => Register(new DiagnosticDescriptor(id, title, message, category, DiagnosticSeverity.Error, isEnabledByDefault: true));

    private static DiagnosticDescriptor Warning(string id, string title, string message, string category)
        => Register(new DiagnosticDescriptor(id, title, message, category, DiagnosticSeverity.Warning, isEnabledByDefault: true));

    private static DiagnosticDescriptor Info(string id, string title, string message, string category)
        => Register(new DiagnosticDescriptor(id, title, message, category, DiagnosticSeverity.Info, isEnabledByDefault: true));

    private static DiagnosticDescriptor Register(DiagnosticDescriptor descriptor)
    {
        Registry.ById[descriptor.Id] = descriptor;
        return descriptor;
    }

    // ---- AR00xx: the compiler itself -------------------------------------------------------------

    public static readonly DiagnosticDescriptor InternalError = Error("AR0001",
        "Rule could not be compiled",
        "The rule compiler failed on this file: {0}", "AzureRules.Compiler");

    public static readonly DiagnosticDescriptor LimitExceeded = Error("AR0002",
        "Rule exceeds a compiler limit",
        "{0}", "AzureRules.Compiler");

    // ---- AR01xx: rule file formats ---------------------------------------------------------------

    public static readonly DiagnosticDescriptor MalformedFile = Error("AR0101",
        "Malformed rule file",
        "{0} syntax error: {1}", "AzureRules.Format");

    public static readonly DiagnosticDescriptor MissingField = Error("AR0102",
        "Required field missing",
        "Required field '{0}' is missing", "AzureRules.Format");

    public static readonly DiagnosticDescriptor InvalidValue = Error("AR0103",
        "Invalid field value",
        "Invalid value '{1}' for '{0}': {2}", "AzureRules.Format");

    public static readonly DiagnosticDescriptor UnknownField = Warning("AR0104",
        "Unknown field",
        "Unknown field '{0}' in {1}", "AzureRules.Format");

    public static readonly DiagnosticDescriptor UnrecognizedFormat = Error("AR0105",
        "Unrecognized rule file",
        "The file is not a rule in any supported format: {0}", "AzureRules.Format");

    public static readonly DiagnosticDescriptor DuplicateRuleId = Error("AR0106",
        "Duplicate rule id",
        "Rule id '{0}' is also used by '{1}'", "AzureRules.Format");

    public static readonly DiagnosticDescriptor InvalidDuration = Error("AR0107",
        "Invalid duration",
        "Invalid duration '{1}' for '{0}': expected a number and a unit such as 5m, 1h or 14d", "AzureRules.Format");

    public static readonly DiagnosticDescriptor InvalidDateMath = Error("AR0108",
        "Invalid date math",
        "Invalid date math '{1}' for '{0}': expected now-<number><unit> such as now-25m", "AzureRules.Format");

    public static readonly DiagnosticDescriptor InvalidSeverity = Error("AR0109",
        "Invalid severity",
        "Invalid severity '{0}': expected {1}", "AzureRules.Format");

    public static readonly DiagnosticDescriptor InvalidRiskScore = Error("AR0110",
        "Invalid risk score",
        "Invalid risk score '{0}': expected an integer from 0 to 100", "AzureRules.Format");

    public static readonly DiagnosticDescriptor DerivedRuleId = Info("AR0111",
        "Rule id derived from the name",
        "The rule has no id; using the name-based id {0}", "AzureRules.Format");

    public static readonly DiagnosticDescriptor NotExecutable = Warning("AR0120",
        "Rule cannot run yet",
        "The rule compiles but cannot be executed yet: {0}", "AzureRules.Runtime");
}
