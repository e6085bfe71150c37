using AzureRules.Generators.Mitre;
using AzureRules.Generators.Model;
using Xunit;

namespace AzureRules.Generators.Tests.Mitre;

public class ThreatLayoutTests
{
    private const string Tactics = "global::AzureRules.Sdk.Mitre.Tactics.";
    private const string Techniques = "global::AzureRules.Sdk.Mitre.Techniques.";

    [Fact]
    public void Sentinel_techniques_go_under_their_attack_tactics_and_misfits_under_the_first()
    {
        var rule = ThreatRuleBuilder.Sentinel(["InitialAccess", "Persistence", "LateralMovement", "PreAttack"],
            ["T1586", "T1078", "T1570", "T0881", "T9999"]);

        var layout = ThreatLayout.Arrange(rule.Threat);

        Assert.Collection(layout,
            e => { Assert.Equal(Tactics + "InitialAccess", e.TacticReference); Assert.Equal([Techniques + "T1586", Techniques + "T1078"], e.TechniqueReferences); },
            e => { Assert.Equal(Tactics + "Persistence", e.TacticReference); Assert.Equal([Techniques + "T1078"], e.TechniqueReferences); },
            e => { Assert.Equal(Tactics + "LateralMovement", e.TacticReference); Assert.Equal([Techniques + "T1570"], e.TechniqueReferences); });
    }

    [Fact]
    public void Elastic_mappings_keep_their_tactic_and_merge_repeated_tactics()
    {
        var builder = new ThreatRuleBuilder("rule.toml", "T1528 TA0006 T1059 T1059.001 TA0002 T1552 TA0006");
        ThreatMapping Mapping(string[] techniques, string tactic)
        {
            var located = techniques.Select(builder.Next).ToList();
            return new ThreatMapping(new[] { builder.Next(tactic) }.ToEquatableArray(), located.ToEquatableArray());
        }
        var threat = new[] { Mapping(["T1528"], "TA0006"), Mapping(["T1059", "T1059.001"], "TA0002"), Mapping(["T1552"], "TA0006") }.ToEquatableArray();

        Assert.Collection(ThreatLayout.Arrange(threat),
            e => { Assert.Equal(Tactics + "CredentialAccess", e.TacticReference); Assert.Equal([Techniques + "T1528", Techniques + "T1552"], e.TechniqueReferences); },
            e => { Assert.Equal(Tactics + "Execution", e.TacticReference); Assert.Equal([Techniques + "T1059", Techniques + "T1059_001"], e.TechniqueReferences); });
    }

    [Fact]
    public void Techniques_without_an_enterprise_tactic_are_left_out()
        => Assert.Empty(ThreatLayout.Arrange(ThreatRuleBuilder.Sentinel(["InhibitResponseFunction"], ["T1078"]).Threat));
}
