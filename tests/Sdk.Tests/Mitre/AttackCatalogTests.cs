using System.Reflection;
using System.Text.Json;
using AzureRules.Sdk.Mitre;
using AzureRules.Tests;
using Xunit;

namespace AzureRules.Sdk.Tests.Mitre;

public class AttackCatalogTests
{
    [Fact]
    public void Tactics_are_the_fourteen_enterprise_tactics_in_matrix_order()
    {
        Assert.Equal(14, Tactics.All.Count);
        Assert.Same(Tactics.Reconnaissance, Tactics.All[0]);
        Assert.Same(Tactics.ResourceDevelopment, Tactics.All[1]);
        Assert.Same(Tactics.Impact, Tactics.All[^1]);
        Assert.Equal(["TA0043", "TA0042", "TA0001", "TA0002", "TA0003", "TA0004", "TA0005", "TA0006", "TA0007", "TA0008", "TA0009", "TA0011", "TA0010", "TA0040"],
            Tactics.All.Select(t => t.Id));
        Assert.Equal("TA0006", Tactics.CredentialAccess.Id);
        Assert.Equal("Credential Access", Tactics.CredentialAccess.Name);
        Assert.Equal("credential-access", Tactics.CredentialAccess.ShortName);
        Assert.Equal("CommandAndControl", Tactics.CommandAndControl.SentinelName);
    }

    [Fact]
    public void Techniques_count_matches_attack_v18_1()
    {
        Assert.Equal(835, Techniques.All.Count);
        Assert.Equal(356, Techniques.All.Count(t => !t.IsSubtechnique));
        Assert.Equal(479, Techniques.All.Count(t => t.IsSubtechnique));
        Assert.Equal(12, Techniques.All.Count(t => t.IsDeprecated));
        Assert.Equal(132, Techniques.All.Count(t => t.IsRevoked));
        Assert.Equal(Techniques.All.Count, Techniques.All.Select(t => t.Id).Distinct().Count());
    }

    [Theory]
    [InlineData("TA0006")]
    [InlineData("ta0006")]
    [InlineData("Credential Access")]
    [InlineData("credential access")]
    [InlineData("credential-access")]
    [InlineData("CredentialAccess")]
    [InlineData("CREDENTIALACCESS")]
    [InlineData(" CredentialAccess ")]
    public void Tactics_Find_accepts_every_spelling(string text)
        => Assert.Same(Tactics.CredentialAccess, Tactics.Find(text));

    [Theory]
    [InlineData("InitialAccess", "TA0001")]
    [InlineData("Initial access", "TA0001")]
    [InlineData("CommandAndControl", "TA0011")]
    [InlineData("CommandandControl", "TA0011")] // as some Sentinel analytic rules write it; Sentinel accepts it
    [InlineData("command-and-control", "TA0011")]
    [InlineData("Command and Control", "TA0011")]
    [InlineData("ResourceDevelopment", "TA0042")]
    [InlineData("PrivilegeEscalation", "TA0004")]
    public void Tactics_Find_accepts_Sentinel_names(string text, string id)
        => Assert.Equal(id, Tactics.Find(text)?.Id);

    [Theory]
    [InlineData("PreAttack")]
    [InlineData("ImpairProcessControl")]
    [InlineData("Ransomware")]
    [InlineData("TA9999")]
    [InlineData("")]
    [InlineData(null)]
    public void Tactics_Find_returns_null_for_anything_else(string? text) => Assert.Null(Tactics.Find(text));

    [Fact]
    public void T1528_is_under_credential_access()
    {
        var technique = Techniques.Find("T1528");
        Assert.Same(Techniques.T1528, technique);
        Assert.Equal("Steal Application Access Token", technique!.Name);
        Assert.Equal(["TA0006"], technique.TacticIds);
        Assert.False(technique.IsSubtechnique);
        Assert.Null(technique.ParentId);
        Assert.Contains(Tactics.CredentialAccess.Id, technique.TacticIds);
    }

    [Fact]
    public void Subtechniques_have_underscored_members_and_dotted_ids()
    {
        Assert.Equal("T1059.001", Techniques.T1059_001.Id);
        Assert.Equal("PowerShell", Techniques.T1059_001.Name);
        Assert.True(Techniques.T1059_001.IsSubtechnique);
        Assert.Equal("T1059", Techniques.T1059_001.ParentId);
        Assert.Same(Techniques.T1059, Techniques.ParentOf(Techniques.T1059_001));
        Assert.Same(Techniques.T1059_001, Techniques.Find("t1059.001"));
        Assert.Contains(Techniques.T1059_001, Techniques.SubtechniquesOf(Techniques.T1059));
        Assert.Equal("https://attack.mitre.org/techniques/T1059/001/", Techniques.T1059_001.Url);
    }

    [Theory]
    [InlineData("T9999")]
    [InlineData("T1059.999")]
    [InlineData("TA0006")]
    [InlineData("")]
    [InlineData(null)]
    public void Techniques_Find_returns_null_when_unknown(string? id) => Assert.Null(Techniques.Find(id));

    [Fact]
    public void Revoked_techniques_name_their_final_replacement()
    {
        Assert.True(Techniques.T1086.IsRevoked);
        Assert.Equal("T1059.001", Techniques.T1086.RevokedById);
        Assert.Same(Techniques.T1059_001, Techniques.ReplacementOf(Techniques.T1086));
        // T1162 was revoked by T1547.011, itself revoked by T1647: the chain is followed to the end
        Assert.Equal("T1647", Techniques.T1162.RevokedById);
        Assert.True(Techniques.T1064.IsDeprecated);
        Assert.Null(Techniques.T1064.RevokedById);
        Assert.All(Techniques.All.Where(t => t.IsRevoked), t =>
        {
            var replacement = Techniques.ReplacementOf(t);
            Assert.NotNull(replacement);
            Assert.False(replacement!.IsRevoked);
        });
    }

    [Fact]
    public void Every_technique_names_known_tactics_and_an_existing_parent()
    {
        Assert.All(Techniques.All, t =>
        {
            Assert.NotEmpty(t.TacticIds);
            Assert.All(t.TacticIds, id => Assert.NotNull(Tactics.FindById(id)));
            if (t.IsSubtechnique) Assert.NotNull(Techniques.ParentOf(t));
        });
    }

    [Fact]
    public void Member_names_follow_the_naming_rules()
    {
        foreach (var property in typeof(Tactics).GetProperties(BindingFlags.Public | BindingFlags.Static).Where(p => p.PropertyType == typeof(Tactic)))
            Assert.Equal(property.Name, ((Tactic)property.GetValue(null)!).SentinelName);
        var techniqueProperties = typeof(Techniques).GetProperties(BindingFlags.Public | BindingFlags.Static).Where(p => p.PropertyType == typeof(Technique)).ToList();
        Assert.Equal(Techniques.All.Count, techniqueProperties.Count);
        foreach (var property in techniqueProperties)
            Assert.Equal(property.Name, ((Technique)property.GetValue(null)!).Id.Replace('.', '_'));
    }

    /// <summary>Every STIX attack-pattern and tactic, compared field by field with the generated catalog.</summary>
    [SharedFact("corpus", "mitre", "enterprise-attack")]
    public void Catalog_matches_the_STIX_data()
    {
        var root = SharedMaterial.Path("corpus", "mitre", "enterprise-attack")!;
        var tactics = ReadObjects(Path.Combine(root, "x-mitre-tactic"));
        Assert.Equal(tactics.Count, Tactics.All.Count);
        var idByShortName = new Dictionary<string, string>();
        foreach (var tactic in tactics)
        {
            var id = AttackId(tactic);
            var shortName = tactic.GetProperty("x_mitre_shortname").GetString()!;
            idByShortName[shortName] = id;
            var found = Tactics.FindById(id);
            Assert.NotNull(found);
            Assert.Equal(tactic.GetProperty("name").GetString(), found!.Name);
            Assert.Equal(shortName, found.ShortName);
        }

        var patterns = ReadObjects(Path.Combine(root, "attack-pattern"));
        Assert.Equal(patterns.Count, Techniques.All.Count);
        Assert.Equal(patterns.Count(p => Flag(p, "x_mitre_is_subtechnique")), Techniques.All.Count(t => t.IsSubtechnique));
        Assert.Equal(patterns.Count(p => Flag(p, "x_mitre_deprecated")), Techniques.All.Count(t => t.IsDeprecated));
        Assert.Equal(patterns.Count(p => Flag(p, "revoked")), Techniques.All.Count(t => t.IsRevoked));
        foreach (var pattern in patterns)
        {
            var technique = Techniques.Find(AttackId(pattern));
            Assert.NotNull(technique);
            Assert.Equal(pattern.GetProperty("name").GetString(), technique!.Name);
            Assert.Equal(Flag(pattern, "x_mitre_is_subtechnique"), technique.IsSubtechnique);
            Assert.Equal(Flag(pattern, "x_mitre_deprecated"), technique.IsDeprecated);
            Assert.Equal(Flag(pattern, "revoked"), technique.IsRevoked);
            var phases = pattern.GetProperty("kill_chain_phases").EnumerateArray()
                .Select(p => idByShortName[p.GetProperty("phase_name").GetString()!]);
            Assert.Equal(phases, technique.TacticIds);
        }
    }

    private static List<JsonElement> ReadObjects(string folder)
        => Directory.EnumerateFiles(folder, "*.json")
            .Select(file => JsonDocument.Parse(File.ReadAllText(file)).RootElement.GetProperty("objects")[0].Clone())
            .ToList();

    private static string AttackId(JsonElement stixObject)
        => stixObject.GetProperty("external_references").EnumerateArray()
            .Single(r => r.GetProperty("source_name").GetString() == "mitre-attack")
            .GetProperty("external_id").GetString()!;

    private static bool Flag(JsonElement stixObject, string name)
        => stixObject.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;
}
