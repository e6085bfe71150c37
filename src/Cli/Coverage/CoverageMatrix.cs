using AzureRules.Generators.Mitre;
using AzureRules.Generators.Model;

namespace AzureRules.Cli.Coverage;

/// <summary>
/// Which rules cover which ATT&amp;CK technique under which tactic, built from the rules' threat
/// mappings and the catalog in the generator (ATT&amp;CK Enterprise v18.1). Tactic-aware: a technique
/// ATT&amp;CK lists under several tactics counts only under the tactics the rule maps it with; a
/// mapping under a tactic ATT&amp;CK does not list for it counts under ATT&amp;CK's tactics (and is
/// noted, since the generator reports it as AR0202 too).
/// </summary>
internal sealed class CoverageMatrix
{
    private readonly Dictionary<(string TacticId, string TechniqueId), SortedSet<string>> _cells = new();
    private readonly Dictionary<string, HashSet<string>> _rulesByTactic = new(StringComparer.Ordinal);

    public int RuleCount { get; private set; }
    public List<string> RulesWithoutTechniques { get; } = [];
    /// <summary>Technique mappings not counted as written: unknown, deprecated or revoked ids, and techniques under a tactic ATT&amp;CK does not list them under.</summary>
    public List<(string Rule, string Technique, string Reason)> Unplaced { get; } = [];

    public static IReadOnlyList<AttackTactic> Tactics => AttackCatalog.Tactics;

    /// <summary>The current (not deprecated or revoked) techniques ATT&amp;CK lists under a tactic, parents only.</summary>
    public static IEnumerable<AttackTechnique> TechniquesOf(AttackTactic tactic)
        => AttackCatalog.Techniques.Where(t => t.Status == TechniqueStatus.Current && !t.IsSubtechnique && t.TacticIds.Contains(tactic.Id));

    /// <summary>Every (tactic, technique or sub-technique) cell with at least one rule.</summary>
    public IEnumerable<(AttackTactic Tactic, AttackTechnique Technique, IReadOnlyCollection<string> Rules)> Cells
        => _cells.OrderBy(c => c.Key.TechniqueId, StringComparer.Ordinal).ThenBy(c => c.Key.TacticId, StringComparer.Ordinal)
            .Select(c => (AttackCatalog.FindTacticById(c.Key.TacticId)!, AttackCatalog.FindTechnique(c.Key.TechniqueId)!, (IReadOnlyCollection<string>)c.Value));

    /// <summary>The rules covering a technique under a tactic, its sub-techniques included (what the heatmap shows).</summary>
    public IReadOnlyCollection<string> RulesFor(AttackTactic tactic, AttackTechnique technique)
    {
        var rules = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var cell in _cells)
        {
            if (cell.Key.TacticId != tactic.Id) continue;
            if (cell.Key.TechniqueId == technique.Id || cell.Key.TechniqueId.StartsWith(technique.Id + ".", StringComparison.Ordinal))
                rules.UnionWith(cell.Value);
        }
        return rules;
    }

    /// <summary>Rules with any technique under the tactic.</summary>
    public int RulesUnder(AttackTactic tactic) => _rulesByTactic.TryGetValue(tactic.Id, out var rules) ? rules.Count : 0;

    public static CoverageMatrix Build(IEnumerable<RuleDefinition> rules)
    {
        var list = rules.ToList();
        // two rules of the same name (copies under different ids) are two rules: their labels get the id
        var shared = list.GroupBy(r => r.Name.Value).Where(g => g.Select(r => r.Id?.Value).Distinct().Count() > 1)
            .Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        var matrix = new CoverageMatrix();
        foreach (var rule in list)
            matrix.Add(rule, shared.Contains(rule.Name.Value) ? $"{rule.Name.Value} [{rule.Id?.Value}]" : rule.Name.Value);
        return matrix;
    }

    private void Add(RuleDefinition rule, string label)
    {
        RuleCount++;
        var placed = false;
        foreach (var mapping in rule.Threat)
        {
            var tacticIds = mapping.Tactics.Select(t => AttackCatalog.FindTactic(t.Value)?.Id).OfType<string>().ToHashSet(StringComparer.Ordinal);
            foreach (var written in mapping.Techniques.Select(t => t.Value.Trim()))
            {
                var technique = AttackCatalog.FindTechnique(written);
                if (technique is null) { Unplaced.Add((label, written, "not in ATT&CK")); continue; }
                if (technique.Status == TechniqueStatus.Revoked && AttackCatalog.FindTechnique(technique.RevokedById) is { } replacement)
                {
                    Unplaced.Add((label, written, $"revoked; counted as {replacement.Id}"));
                    technique = replacement;
                }
                if (technique.Status != TechniqueStatus.Current) { Unplaced.Add((label, written, technique.Status.ToString().ToLowerInvariant())); continue; }
                var under = technique.TacticIds.Where(tacticIds.Contains).ToList();
                if (under.Count == 0)
                {
                    under = [.. technique.TacticIds];
                    Unplaced.Add((label, written, $"not under the rule's tactics in ATT&CK; counted under {string.Join(", ", under)}"));
                }
                foreach (var tacticId in under)
                {
                    if (!_cells.TryGetValue((tacticId, technique.Id), out var set))
                        _cells[(tacticId, technique.Id)] = set = new SortedSet<string>(StringComparer.Ordinal);
                    set.Add(label);
                    if (!_rulesByTactic.TryGetValue(tacticId, out var byTactic)) _rulesByTactic[tacticId] = byTactic = new HashSet<string>(StringComparer.Ordinal);
                    byTactic.Add(label);
                    placed = true;
                }
            }
        }
        if (!placed) RulesWithoutTechniques.Add($"{label} ({rule.FilePath})");
    }
}
