using System.Collections.Generic;
using System.Linq;
using AzureRules.Generators.Model;

namespace AzureRules.Generators.Mitre;

/// <summary>One entry of the SDK's <c>RuleMetadata.Threat</c>: a tactic and the techniques under it, as C# expressions.</summary>
internal sealed record TacticTechniques(string TacticReference, EquatableArray<string> TechniqueReferences);

/// <summary>
/// Arranges a rule's mappings as the SDK's per-tactic <c>ThreatMapping</c> list, for the metadata emitter.
/// Elastic already writes one tactic per mapping, so its techniques stay under it. Sentinel writes one
/// flat list: each technique goes under every one of the rule's tactics that ATT&amp;CK lists it under,
/// and under the first tactic when it fits none (AR0202 has warned; the rule's mapping is kept as written).
/// Entries are merged per tactic, in the order tactics are first written. Values the SDK has no member
/// for — unknown ids, Sentinel-only and ICS tactics, ICS techniques — are left out (AR0200/AR0201/AR0208/AR0209).
/// </summary>
internal static class ThreatLayout
{
    public static EquatableArray<TacticTechniques> Arrange(EquatableArray<ThreatMapping> threat)
    {
        var order = new List<AttackTactic>();
        var techniquesByTactic = new Dictionary<string, List<AttackTechnique>>();
        foreach (var mapping in threat)
        {
            var tactics = mapping.Tactics.Select(t => AttackCatalog.FindTactic(t.Value)).OfType<AttackTactic>().Distinct().ToList();
            foreach (var tactic in tactics)
            {
                if (techniquesByTactic.ContainsKey(tactic.Id)) continue;
                order.Add(tactic);
                techniquesByTactic.Add(tactic.Id, new List<AttackTechnique>());
            }
            if (tactics.Count == 0) continue;

            foreach (var written in mapping.Techniques)
            {
                if (AttackCatalog.FindTechnique(written.Value) is not { } technique) continue;
                var under = tactics.Where(t => technique.TacticIds.Contains(t.Id)).ToList();
                if (under.Count == 0) under.Add(tactics[0]);
                foreach (var tactic in under)
                {
                    var list = techniquesByTactic[tactic.Id];
                    if (!list.Contains(technique)) list.Add(technique);
                }
            }
        }
        return order
            .Select(t => new TacticTechniques(AttackCatalog.TacticReference(t),
                techniquesByTactic[t.Id].Select(AttackCatalog.TechniqueReference).ToEquatableArray()))
            .ToEquatableArray();
    }
}
