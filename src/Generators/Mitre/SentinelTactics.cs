using System;
using System.Collections.Generic;
using AzureRules.Generators.Model;

namespace AzureRules.Generators.Mitre;

/// <summary>A tactic Microsoft Sentinel accepts that is not one of ATT&amp;CK Enterprise's.</summary>
/// <param name="Name">Sentinel's spelling.</param>
/// <param name="Explanation">What the tactic is, for the AR0208 message.</param>
/// <param name="EnterpriseTacticIds">The Enterprise tactics whose techniques it covers (empty for ICS tactics).</param>
internal sealed record SentinelOnlyTactic(string Name, string Explanation, EquatableArray<string> EnterpriseTacticIds);

/// <summary>
/// Sentinel's tactic names beyond ATT&amp;CK Enterprise. Sentinel's tactic enum (its API, and the CI that
/// validates the Azure-Sentinel repository) is the 14 Enterprise tactics in PascalCase, matched
/// case-insensitively (the repository's analytic rules write "CommandandControl"), plus:
/// <list type="bullet">
/// <item>PreAttack — Sentinel's tactic from before ATT&amp;CK split PRE-ATT&amp;CK into Reconnaissance (TA0043)
/// and Resource Development (TA0042) in 2020. The CI's technique→tactic table lists exactly those two
/// tactics' techniques (T1583–T1598) under PreAttack, so it stands for both here.</item>
/// <item>ImpairProcessControl (TA0106) and InhibitResponseFunction (TA0107) — ATT&amp;CK for ICS tactics,
/// used by the IoT/OT solutions with ICS techniques (T08xx). They cover no Enterprise technique.</item>
/// </list>
/// These are not errors: Sentinel accepts them and real rules use them. They are reported as info
/// (AR0208) because the SDK's typed <c>Tactics</c> has no member for them, so the generated metadata
/// cannot carry them.
/// <para>
/// How Sentinel's own check relates to AR0202: the CI rule NoTechniquesWithoutMatchingTactics strips a
/// sub-technique to its parent and requires that at least one of the rule's tactics be among the
/// technique's allowed tactics in a hand-kept table (shared corpus:
/// sentinel/schemas/ci-data/sentinel-ci-technique-tactic-map.json, tactic → parent technique ids,
/// Enterprise and ICS ids mixed under Sentinel's merged tactic names). AR0202 applies the same
/// any-of-the-rule's-tactics rule, but to the (sub-)technique's own tactics in ATT&amp;CK v18.1. The
/// August 2022 table differs from v18.1: it lacks 39 technique→tactic pairs added since (e.g. T1621
/// and T1649 under Credential Access, T1650 under Resource Development, T1098 under Privilege
/// Escalation), and lists 4 pairs ATT&amp;CK does not have (T1613 and T1614 under Credential Access,
/// T1609 and T1610 under Collection; ATT&amp;CK puts them under Discovery and Execution/Defense Evasion),
/// so a few mappings that Sentinel's CI passed get AR0202 here, and the other way round.
/// </para>
/// </summary>
internal static class SentinelTactics
{
    private static readonly Dictionary<string, SentinelOnlyTactic> ByKey = Index(
        new SentinelOnlyTactic("PreAttack",
            "Sentinel's name for PRE-ATT&CK, now Reconnaissance (TA0043) and Resource Development (TA0042); prefer those",
            new[] { "TA0043", "TA0042" }.ToEquatableArray()),
        new SentinelOnlyTactic("ImpairProcessControl",
            "the ATT&CK for ICS tactic Impair Process Control (TA0106), not in the SDK's Enterprise tactics",
            EquatableArray<string>.Empty),
        new SentinelOnlyTactic("InhibitResponseFunction",
            "the ATT&CK for ICS tactic Inhibit Response Function (TA0107), not in the SDK's Enterprise tactics",
            EquatableArray<string>.Empty));

    /// <summary>The Sentinel-only tactic written this way (case-insensitive), or null.</summary>
    public static SentinelOnlyTactic? Find(string? written)
        => written is not null && ByKey.TryGetValue(AttackNames.TacticKey(written), out var tactic) ? tactic : null;

    private static Dictionary<string, SentinelOnlyTactic> Index(params SentinelOnlyTactic[] tactics)
    {
        var index = new Dictionary<string, SentinelOnlyTactic>(StringComparer.Ordinal);
        foreach (var tactic in tactics) index[AttackNames.TacticKey(tactic.Name)] = tactic;
        return index;
    }
}
