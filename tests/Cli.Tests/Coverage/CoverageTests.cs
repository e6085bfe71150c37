using System.Text.Json.Nodes;
using System.Xml.Linq;
using AzureRules.Cli.Commands;
using AzureRules.Cli.Coverage;
using AzureRules.Generators.Formats;
using AzureRules.Generators.Mitre;
using AzureRules.Generators.Model;
using AzureRules.Tests;
using Xunit;
using Xunit.Abstractions;
using static AzureRules.Cli.Tests.Export.ExportTestRules;

namespace AzureRules.Cli.Tests.Coverage;

/// <summary>The Navigator layer's shape and scores, the tactic-aware counting, the heatmap and the summary.</summary>
public sealed class CoverageTests(ITestOutputHelper output)
{
    private static readonly string[] LayerKeys = ["name", "versions", "domain", "description", "techniques", "gradient", "legendItems", "layout"];

    private static List<RuleDefinition> TestRules() =>
    [
        Read("a.yaml", ScheduledYaml),   // InitialAccess, Persistence: T1078.004, T1098
        Read("b.yaml", NrtYaml),         // Collection: T1114
        Read("c.yaml", HuntingYaml),     // Execution: T1059.001
        Read("d.toml", ThresholdToml),   // TA0006: T1110, T1110.001
        Read("e.toml", NewTermsToml),    // no techniques
    ];

    /// <summary>Checks a layer as the Navigator's layer format 4.5 requires; returns its technique entries.</summary>
    internal static List<JsonObject> AssertValidLayer(string text)
    {
        var layer = JsonNode.Parse(text)!.AsObject();
        foreach (var key in LayerKeys) Assert.True(layer.ContainsKey(key), $"layer lacks '{key}'");
        Assert.Equal("enterprise-attack", (string?)layer["domain"]);
        Assert.Equal("4.5", (string?)layer["versions"]!["layer"]);
        Assert.Equal("18", (string?)layer["versions"]!["attack"]);
        var shortNames = AttackCatalog.Tactics.Select(t => t.ShortName).ToHashSet();
        var entries = layer["techniques"]!.AsArray().Select(t => t!.AsObject()).ToList();
        foreach (var entry in entries)
        {
            var id = (string)entry["techniqueID"]!;
            var technique = AttackCatalog.FindTechnique(id);
            Assert.True(technique is { Status: TechniqueStatus.Current }, $"{id} is not a current ATT&CK v18 technique");
            var tactic = (string)entry["tactic"]!;
            Assert.Contains(tactic, shortNames);
            Assert.Contains(AttackCatalog.FindTactic(tactic)!.Id, technique!.TacticIds);
            Assert.True((int)entry["score"]! > 0);
            Assert.StartsWith($"{(int)entry["score"]!} rule", (string?)entry["comment"]);
        }
        var gradient = layer["gradient"]!;
        Assert.True(gradient["colors"]!.AsArray().Count >= 2);
        Assert.Equal(entries.Select(e => (int)e["score"]!).DefaultIfEmpty(1).Max(), (int)gradient["maxValue"]!);
        Assert.NotEmpty(layer["legendItems"]!.AsArray());
        return entries;
    }

    [Fact]
    public void The_layer_scores_rules_per_technique_and_tactic_with_names_in_comments()
    {
        var entries = AssertValidLayer(NavigatorLayerWriter.Write(CoverageMatrix.Build(TestRules()), "test"));
        var byKey = entries.ToDictionary(e => ((string)e["techniqueID"]!, (string)e["tactic"]!));
        // T1078 sits under four tactics in ATT&CK; the rule maps it under Initial Access and Persistence only
        Assert.True(byKey.ContainsKey(("T1078.004", "initial-access")));
        Assert.True(byKey.ContainsKey(("T1078.004", "persistence")));
        Assert.False(byKey.ContainsKey(("T1078.004", "defense-evasion")));
        Assert.False(byKey.ContainsKey(("T1078.004", "privilege-escalation")));
        Assert.Equal("1 rule: Sign-ins from a decoy account", (string?)byKey[("T1098", "persistence")]["comment"]);
        Assert.Equal(1, (int)byKey[("T1110.001", "credential-access")]["score"]!);
        Assert.True((bool)byKey[("T1110", "credential-access")]["showSubtechniques"]!);
        Assert.Equal(1, (int)byKey[("T1059.001", "execution")]["score"]!);
        Assert.Equal(1, (int)byKey[("T1114", "collection")]["score"]!);
    }

    [Fact]
    public void Two_rules_on_one_technique_score_two()
    {
        var second = Read("f.yaml", NrtYaml.Replace("7d2c3e11-5b1a-4c70-9a61-0f7c1e0a2b44", "8d2c3e11-5b1a-4c70-9a61-0f7c1e0a2b44").Replace("Decoy mailbox opened", "Another mailbox rule"));
        var entries = AssertValidLayer(NavigatorLayerWriter.Write(CoverageMatrix.Build([.. TestRules(), second]), "test"));
        var t1114 = Assert.Single(entries, e => (string)e["techniqueID"]! == "T1114");
        Assert.Equal(2, (int)t1114["score"]!);
        Assert.Equal("2 rules: Another mailbox rule; Decoy mailbox opened", (string?)t1114["comment"]);
    }

    [Fact]
    public void A_technique_under_a_tactic_attack_does_not_list_counts_under_attacks_tactics_and_is_noted()
    {
        var rule = Read("g.yaml", NrtYaml.Replace("  - Collection", "  - Impact"));
        var matrix = CoverageMatrix.Build([rule]);
        var cell = Assert.Single(matrix.Cells);
        Assert.Equal("TA0009", cell.Tactic.Id);
        Assert.Contains(matrix.Unplaced, u => u.Technique == "T1114" && u.Reason.Contains("TA0009"));
    }

    [Fact]
    public void The_summary_lists_covered_techniques_per_tactic_and_rules_without_techniques()
    {
        var writer = new StringWriter();
        CoverageSummaryWriter.Write(CoverageMatrix.Build(TestRules()), writer);
        var text = writer.ToString();
        output.WriteLine(text);
        Assert.Contains("coverage of 5 rules: 5 techniques and 3 sub-techniques covered", text);
        Assert.Matches(@"Credential Access\s+1 of 17\s+1\s+1", text);
        Assert.Contains("rules without techniques: 1", text);
        Assert.Contains("Logon from a new country (e.toml)", text);
    }

    [Fact]
    public void The_heatmap_has_a_column_per_tactic_a_cell_per_technique_and_a_legend()
    {
        var matrix = CoverageMatrix.Build(TestRules());
        var svg = XDocument.Parse(HeatmapSvgWriter.Write(matrix, "test", coveredOnly: false));
        var titles = svg.Descendants().Where(e => e.Name.LocalName == "title").Select(e => e.Value).ToList();
        var expectedCells = AttackCatalog.Tactics.Sum(t => CoverageMatrix.TechniquesOf(t).Count());
        Assert.Equal(expectedCells, titles.Count);
        Assert.Contains("T1110 Brute Force (Credential Access): 1 rule", titles);
        Assert.Contains("T1078 Valid Accounts (Persistence): 1 rule", titles);
        Assert.Contains("T1078 Valid Accounts (Defense Evasion): 0 rules", titles);
        var texts = svg.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value).ToList();
        foreach (var tactic in AttackCatalog.Tactics) Assert.Contains(tactic.Name, texts);
        Assert.Contains("rules per technique:", texts);
        Assert.Contains("1 rule", texts);

        var small = XDocument.Parse(HeatmapSvgWriter.Write(matrix, "test", coveredOnly: true));
        Assert.Equal(6, small.Descendants().Count(e => e.Name.LocalName == "title"));
    }

    [Fact]
    public void The_seed_rules_render()
    {
        var files = RuleFiles.Read([Path.Combine(SharedMaterial.RepositoryRoot, "src", "Rules", "Rules")]);
        var matrix = CoverageMatrix.Build(files.SelectMany(f => RuleFileReader.Read(f.Path, f.Text).Rules));
        Assert.Equal(2, matrix.RuleCount);
        AssertValidLayer(NavigatorLayerWriter.Write(matrix, "seeds"));
        var svg = XDocument.Parse(HeatmapSvgWriter.Write(matrix, "seeds", coveredOnly: true));
        Assert.Equal(3, svg.Descendants().Count(e => e.Name.LocalName == "title"));
    }

    [SharedFact("corpus", "elastic", "rules")]
    public void The_whole_elastic_corpus_renders()
    {
        var files = RuleFiles.Read([SharedMaterial.Path("corpus", "elastic", "rules")!]);
        var matrix = CoverageMatrix.Build(files.SelectMany(f => RuleFileReader.Read(f.Path, f.Text).Rules));
        var entries = AssertValidLayer(NavigatorLayerWriter.Write(matrix, "elastic"));
        var svg = XDocument.Parse(HeatmapSvgWriter.Write(matrix, "elastic", coveredOnly: false));
        output.WriteLine($"{matrix.RuleCount} rules, {entries.Count} layer entries, {matrix.RulesWithoutTechniques.Count} rules without techniques");
        Assert.True(entries.Count > 300, $"only {entries.Count} layer entries");
        Assert.Equal(AttackCatalog.Tactics.Sum(t => CoverageMatrix.TechniquesOf(t).Count()), svg.Descendants().Count(e => e.Name.LocalName == "title"));
    }
}
