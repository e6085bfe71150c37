using System.Reflection;
using AzureRules.Generators.Mitre;
using AzureRules.Sdk.Mitre;
using Xunit;

namespace AzureRules.Generators.Tests.Mitre;

public class AttackCatalogTests
{
    [Fact]
    public void Catalog_holds_attack_v18_1()
    {
        Assert.Equal(14, AttackCatalog.Tactics.Count);
        Assert.Equal("TA0043", AttackCatalog.Tactics[0].Id);
        Assert.Equal("TA0040", AttackCatalog.Tactics[^1].Id);
        Assert.Equal(835, AttackCatalog.Techniques.Count);
        Assert.Equal(479, AttackCatalog.Techniques.Count(t => t.IsSubtechnique));
        Assert.Equal(12, AttackCatalog.Techniques.Count(t => t.Status == TechniqueStatus.Deprecated));
        Assert.Equal(132, AttackCatalog.Techniques.Count(t => t.Status == TechniqueStatus.Revoked));
    }

    [Theory]
    [InlineData("TA0006")]
    [InlineData("Credential Access")]
    [InlineData("credential-access")]
    [InlineData("CredentialAccess")]
    [InlineData("credentialaccess")]
    public void FindTactic_accepts_every_spelling(string text) => Assert.Equal("TA0006", AttackCatalog.FindTactic(text)?.Id);

    [Theory]
    [InlineData("PreAttack")]
    [InlineData("InhibitResponseFunction")]
    [InlineData("Ransomware")]
    [InlineData("")]
    public void FindTactic_returns_null_for_non_enterprise_names(string text) => Assert.Null(AttackCatalog.FindTactic(text));

    [Fact]
    public void References_name_the_sdk_members()
    {
        Assert.Equal("global::AzureRules.Sdk.Mitre.Tactics.CredentialAccess", AttackCatalog.TacticReference(AttackCatalog.FindTactic("TA0006")!));
        Assert.Equal("global::AzureRules.Sdk.Mitre.Tactics.CommandAndControl", AttackCatalog.TacticReference("CommandandControl"));
        Assert.Equal("global::AzureRules.Sdk.Mitre.Techniques.T1059_001", AttackCatalog.TechniqueReference("T1059.001"));
        Assert.Equal("global::AzureRules.Sdk.Mitre.Techniques.T1528", AttackCatalog.TechniqueReference("t1528"));
        Assert.Null(AttackCatalog.TechniqueReference("T9999"));
        Assert.Null(AttackCatalog.TacticReference("PreAttack"));
    }

    /// <summary>
    /// The generator's naming rule and the script's generated SDK members must agree, or generated
    /// rules would not compile: every catalog entry's reference must name an SDK property holding the
    /// entry with the same id (and the SDK must have nothing the catalog lacks).
    /// </summary>
    [Fact]
    public void Every_reference_resolves_to_the_sdk_member_with_the_same_id()
    {
        foreach (var tactic in AttackCatalog.Tactics)
        {
            var sdk = (Tactic)Member(typeof(Tactics), "global::AzureRules.Sdk.Mitre.Tactics.", AttackCatalog.TacticReference(tactic));
            Assert.Equal((tactic.Id, tactic.Name, tactic.ShortName), (sdk.Id, sdk.Name, sdk.ShortName));
        }
        foreach (var technique in AttackCatalog.Techniques)
        {
            var sdk = (Technique)Member(typeof(Techniques), "global::AzureRules.Sdk.Mitre.Techniques.", AttackCatalog.TechniqueReference(technique));
            Assert.Equal((technique.Id, technique.Name), (sdk.Id, sdk.Name));
            Assert.Equal(technique.TacticIds.ToArray(), sdk.TacticIds);
            Assert.Equal(technique.Status == TechniqueStatus.Deprecated, sdk.IsDeprecated);
            Assert.Equal(technique.Status == TechniqueStatus.Revoked, sdk.IsRevoked);
            Assert.Equal(technique.RevokedById, sdk.RevokedById);
        }
        Assert.Equal(AttackCatalog.Tactics.Count, Tactics.All.Count);
        Assert.Equal(AttackCatalog.Techniques.Count, Techniques.All.Count);
    }

    private static object Member(Type type, string prefix, string reference)
    {
        Assert.StartsWith(prefix, reference);
        var property = type.GetProperty(reference.Substring(prefix.Length), BindingFlags.Public | BindingFlags.Static);
        Assert.True(property is not null, $"{reference} does not exist in the SDK");
        return property!.GetValue(null)!;
    }
}
