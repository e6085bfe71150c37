using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using AzureRules.Generators.Diagnostics;
using AzureRules.Generators.Model;

namespace AzureRules.Generators.Mitre;

/// <summary>
/// Checks a rule's ATT&amp;CK mappings against the Enterprise v18.1 catalog (AR0200–AR0210, see
/// DiagnosticDescriptors.Mitre.cs). Each diagnostic points at the tactic or technique as written.
/// <para>
/// A mapping is a set of tactics and the techniques mapped under them: one per Elastic
/// <c>[[rule.threat]]</c> (one tactic, written as an id), one for a Sentinel rule (all of its tactics,
/// written as Sentinel names). As in Sentinel's CI and detection-rules, a technique belongs in a mapping
/// when ATT&amp;CK lists it under at least one of the mapping's tactics (AR0202).
/// </para>
/// </summary>
internal static class ThreatChecks
{
    private static readonly Regex TechniqueIdShape = new(@"^T\d{4}(\.\d{3})?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    // ATT&CK for ICS technique ids are T0800–T0899; Enterprise ids start at T1001.
    private static readonly Regex IcsTechniqueId = new(@"^T08\d{2}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    public static IEnumerable<RuleDiagnostic> Check(RuleDefinition rule)
    {
        var diagnostics = new List<RuleDiagnostic>();
        // Sentinel validates the mappings of analytic rules only; hunting queries in the wild carry
        // labels such as "Ransomware" or "Vulnerability" there, which are worth a warning, not a failed build.
        var lenient = rule.Family == RuleFamily.Sentinel && string.Equals(rule.Kind, "Hunting", StringComparison.OrdinalIgnoreCase);
        var tacticsSeen = new Dictionary<string, Located<string>>(StringComparer.Ordinal);
        foreach (var mapping in rule.Threat)
        {
            var tactics = ResolveTactics(rule, mapping, lenient, tacticsSeen, diagnostics);
            CheckTechniques(rule, mapping, tactics, lenient, diagnostics);
        }
        return diagnostics;
    }

    /// <summary>A mapping's tactics, resolved: which Enterprise tactics they cover, and whether all were understood.</summary>
    private sealed class MappedTactics
    {
        public readonly HashSet<string> CoveredIds = new(StringComparer.Ordinal);
        public readonly List<string> Display = new();
        public bool AllKnown = true;
    }

    private static MappedTactics ResolveTactics(RuleDefinition rule, ThreatMapping mapping, bool lenient,
        Dictionary<string, Located<string>> tacticsSeen, List<RuleDiagnostic> diagnostics)
    {
        var result = new MappedTactics();
        foreach (var written in mapping.Tactics)
        {
            string key, display;
            if (AttackCatalog.FindTactic(written.Value) is { } tactic)
            {
                key = tactic.Id;
                display = $"{tactic.Id} {tactic.Name}";
                result.CoveredIds.Add(tactic.Id);
            }
            else if (rule.Family == RuleFamily.Sentinel && SentinelTactics.Find(written.Value) is { } sentinelOnly)
            {
                key = sentinelOnly.Name;
                display = sentinelOnly.Name;
                foreach (var id in sentinelOnly.EnterpriseTacticIds) result.CoveredIds.Add(id);
                diagnostics.Add(RuleDiagnostic.Create(DiagnosticDescriptors.NonEnterpriseTactic, written.Span, written.Value, sentinelOnly.Explanation));
            }
            else
            {
                result.AllKnown = false;
                diagnostics.Add(lenient
                    ? RuleDiagnostic.Create(DiagnosticDescriptors.UnknownHuntingMapping, written.Span, "tactic", written.Value)
                    : RuleDiagnostic.Create(DiagnosticDescriptors.UnknownTactic, written.Span, written.Value));
                continue;
            }

            if (tacticsSeen.ContainsKey(key))
            {
                diagnostics.Add(RuleDiagnostic.Create(DiagnosticDescriptors.DuplicateTactic, written.Span, written.Value, display));
                continue;
            }
            tacticsSeen.Add(key, written);
            result.Display.Add(display);
        }
        return result;
    }

    private static void CheckTechniques(RuleDefinition rule, ThreatMapping mapping, MappedTactics tactics, bool lenient, List<RuleDiagnostic> diagnostics)
    {
        var mappedIds = new HashSet<string>(mapping.Techniques.Select(t => t.Value.Trim()), StringComparer.OrdinalIgnoreCase);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var written in mapping.Techniques)
        {
            var id = written.Value.Trim();
            if (!seen.Add(id))
            {
                diagnostics.Add(RuleDiagnostic.Create(DiagnosticDescriptors.DuplicateTechnique, written.Span, written.Value));
                continue;
            }
            if (IcsTechniqueId.IsMatch(id))
            {
                diagnostics.Add(RuleDiagnostic.Create(DiagnosticDescriptors.IcsTechnique, written.Span, written.Value));
                continue;
            }
            if (AttackCatalog.FindTechnique(id) is not { } technique)
            {
                diagnostics.Add(lenient
                    ? RuleDiagnostic.Create(DiagnosticDescriptors.UnknownHuntingMapping, written.Span, "technique", written.Value)
                    : RuleDiagnostic.Create(DiagnosticDescriptors.UnknownTechnique, written.Span, written.Value, WhyUnknown(id)));
                continue;
            }

            if (technique.Status == TechniqueStatus.Revoked)
            {
                var replacement = AttackCatalog.FindTechnique(technique.RevokedById);
                diagnostics.Add(RuleDiagnostic.Create(DiagnosticDescriptors.RevokedTechnique, written.Span,
                    technique.Id, technique.Name, replacement?.ToString() ?? "a current technique (ATT&CK names no replacement)"));
                continue; // its tactics are history; the replacement is what to check
            }
            if (technique.Status == TechniqueStatus.Deprecated)
            {
                diagnostics.Add(RuleDiagnostic.Create(DiagnosticDescriptors.DeprecatedTechnique, written.Span, technique.Id, technique.Name));
                continue;
            }

            // detection-rules nests a sub-technique under its technique in the TOML; the reader flattens
            // them into the mapping, so a sub-technique whose parent is absent was nested elsewhere.
            // Sentinel lists sub-techniques on their own, which is fine.
            if (rule.Family == RuleFamily.Elastic && technique.ParentId is { } parentId && !mappedIds.Contains(parentId)
                && AttackCatalog.FindTechnique(parentId) is { } parent)
            {
                diagnostics.Add(RuleDiagnostic.Create(DiagnosticDescriptors.SubtechniqueWithoutParent, written.Span,
                    technique.Id, technique.Name, parent.Id, parent.Name));
            }

            // An unknown tactic might be the one the technique belongs under: AR0200 already says what to fix.
            if (tactics.AllKnown && !technique.TacticIds.Any(tactics.CoveredIds.Contains))
            {
                diagnostics.Add(RuleDiagnostic.Create(DiagnosticDescriptors.TechniqueNotUnderTactic, written.Span,
                    technique.Id, technique.Name,
                    tactics.Display.Count == 0 ? "any tactic of its mapping (the mapping has none)" : string.Join(", ", tactics.Display),
                    string.Join(", ", technique.TacticIds.Select(DescribeTactic))));
            }
        }
    }

    private static string WhyUnknown(string id)
    {
        if (!TechniqueIdShape.IsMatch(id)) return "expected a technique id such as T1528 or T1059.001";
        var dot = id.IndexOf('.');
        if (dot < 0) return $"it is not in ATT&CK Enterprise v{AttackCatalog.Version}";
        return AttackCatalog.FindTechnique(id.Substring(0, dot)) is { } parent
            ? $"{parent.Id} {parent.Name} has no sub-technique {id.Substring(dot)} in ATT&CK Enterprise v{AttackCatalog.Version}"
            : $"neither it nor its parent technique {id.Substring(0, dot)} is in ATT&CK Enterprise v{AttackCatalog.Version}";
    }

    private static string DescribeTactic(string id) => AttackCatalog.FindTacticById(id) is { } tactic ? $"{tactic.Id} {tactic.Name}" : id;
}
