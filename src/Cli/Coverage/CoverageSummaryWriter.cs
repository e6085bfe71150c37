using AzureRules.Generators.Mitre;

namespace AzureRules.Cli.Coverage;

/// <summary>The coverage as text: techniques covered per tactic, rules without techniques, mappings that could not be placed.</summary>
internal static class CoverageSummaryWriter
{
    public static void Write(CoverageMatrix matrix, TextWriter writer)
    {
        var cells = matrix.Cells.ToList();
        // a technique is covered when a rule maps it or one of its sub-techniques
        var techniques = cells.Select(c => c.Technique.ParentId ?? c.Technique.Id).Distinct().Count();
        var subTechniques = cells.Where(c => c.Technique.IsSubtechnique).Select(c => c.Technique.Id).Distinct().Count();
        writer.WriteLine($"ATT&CK Enterprise v{AttackCatalog.Version} coverage of {matrix.RuleCount} rules: " +
            $"{techniques} techniques and {subTechniques} sub-techniques covered");
        writer.WriteLine($"{"tactic",-22} {"techniques covered",20} {"sub-techniques",15} {"rules",6}");
        foreach (var tactic in CoverageMatrix.Tactics)
        {
            var all = CoverageMatrix.TechniquesOf(tactic).ToList();
            var covered = all.Count(t => matrix.RulesFor(tactic, t).Count > 0);
            var subs = cells.Count(c => c.Tactic.Id == tactic.Id && c.Technique.IsSubtechnique);
            writer.WriteLine($"{tactic.Name,-22} {$"{covered} of {all.Count}",20} {subs,15} {matrix.RulesUnder(tactic),6}");
        }
        writer.WriteLine($"rules without techniques: {matrix.RulesWithoutTechniques.Count}");
        foreach (var rule in matrix.RulesWithoutTechniques) writer.WriteLine("  " + rule);
        if (matrix.Unplaced.Count > 0)
        {
            writer.WriteLine($"technique mappings not counted as written: {matrix.Unplaced.Count}");
            foreach (var (rule, technique, reason) in matrix.Unplaced) writer.WriteLine($"  {technique} ({reason}) in {rule}");
        }
    }
}
