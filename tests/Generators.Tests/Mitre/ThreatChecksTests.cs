using AzureRules.Generators.Diagnostics;
using AzureRules.Generators.Mitre;
using AzureRules.Generators.Model;
using Microsoft.CodeAnalysis;
using Xunit;

namespace AzureRules.Generators.Tests.Mitre;

public class ThreatChecksTests
{
    // ThreatRuleBuilder.Sentinel writes "tactics:" on line 4 and one "  - value" per line after it, so the
    // i-th tactic is at line 5+i, column 5 and, with n tactics, the j-th technique at line 6+n+j, column 5.

    [Fact]
    public void Seed_mapping_of_T1586_under_initial_access_is_a_warning_at_the_technique()
    {
        var rule = ThreatRuleBuilder.Sentinel(["InitialAccess", "LateralMovement"], ["T1586", "T1570"]);

        var diagnostic = Assert.Single(ThreatChecks.Check(rule));

        AssertAt(diagnostic, "AR0202", line: 8, column: 5, length: 5);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.DefaultSeverity);
        Assert.Equal("Technique T1586 Compromise Accounts is not under TA0001 Initial Access, TA0008 Lateral Movement "
            + "in ATT&CK Enterprise v18.1; ATT&CK lists it under TA0042 Resource Development", diagnostic.FormatMessage());
        Assert.Equal("rule.yaml(8,5): warning AR0202: " + diagnostic.FormatMessage(), diagnostic.ToString());
    }

    [Fact]
    public void Valid_sentinel_mapping_has_no_diagnostics()
    {
        var rule = ThreatRuleBuilder.Sentinel(["CredentialAccess", "InitialAccess", "CommandandControl"], ["T1528", "T1078.004", "T1071"]);
        Assert.Empty(ThreatChecks.Check(rule));
    }

    [Fact]
    public void Unknown_tactic_is_an_error_and_suspends_the_tactic_check()
    {
        var rule = ThreatRuleBuilder.Sentinel(["InitialAccess", "Ransomware"], ["T1586"]);

        var diagnostic = Assert.Single(ThreatChecks.Check(rule));

        AssertAt(diagnostic, "AR0200", line: 6, column: 5, length: 10);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.DefaultSeverity);
        Assert.Contains("'Ransomware'", diagnostic.FormatMessage());
    }

    [Fact]
    public void Unknown_values_in_hunting_queries_are_warnings()
    {
        var rule = ThreatRuleBuilder.Sentinel(["Ransomware", "Execution"], ["None", "T1059"], kind: "Hunting");

        var diagnostics = ThreatChecks.Check(rule).ToList();

        Assert.Collection(diagnostics,
            d => { AssertAt(d, "AR0210", line: 5, column: 5, length: 10); Assert.Equal(["tactic", "Ransomware"], d.Arguments); },
            d => { AssertAt(d, "AR0210", line: 8, column: 5, length: 4); Assert.Equal(["technique", "None"], d.Arguments); });
        Assert.All(diagnostics, d => Assert.Equal(DiagnosticSeverity.Warning, d.DefaultSeverity));
    }

    [Theory]
    [InlineData("T9999", "it is not in ATT&CK Enterprise v18.1")]
    [InlineData("T1078.999", "T1078 Valid Accounts has no sub-technique .999 in ATT&CK Enterprise v18.1")]
    [InlineData("T9999.001", "neither it nor its parent technique T9999 is in ATT&CK Enterprise v18.1")]
    [InlineData("1078", "expected a technique id such as T1528 or T1059.001")]
    public void Unknown_technique_is_an_error_saying_why(string id, string why)
    {
        var rule = ThreatRuleBuilder.Sentinel(["InitialAccess"], [id]);

        var diagnostic = Assert.Single(ThreatChecks.Check(rule));

        AssertAt(diagnostic, "AR0201", line: 7, column: 5, length: id.Length);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.DefaultSeverity);
        Assert.Equal($"Unknown ATT&CK technique '{id}': {why}", diagnostic.FormatMessage());
    }

    [Fact]
    public void Revoked_technique_is_a_warning_naming_its_replacement()
    {
        var rule = ThreatRuleBuilder.Sentinel(["Execution"], ["T1059", "T1086"]);

        var diagnostic = Assert.Single(ThreatChecks.Check(rule));

        AssertAt(diagnostic, "AR0204", line: 8, column: 5, length: 5);
        Assert.Equal("Technique T1086 PowerShell was revoked in ATT&CK Enterprise v18.1; use T1059.001 PowerShell", diagnostic.FormatMessage());
    }

    [Fact]
    public void Revoked_sub_technique_follows_the_revocation_chain()
    {
        var rule = ThreatRuleBuilder.Sentinel(["Persistence"], ["T1547.011"]);
        var diagnostic = Assert.Single(ThreatChecks.Check(rule));
        AssertAt(diagnostic, "AR0204", line: 7, column: 5, length: 9);
        Assert.EndsWith("use T1647 Plist File Modification", diagnostic.FormatMessage());
    }

    [Fact]
    public void Deprecated_technique_is_a_warning()
    {
        var rule = ThreatRuleBuilder.Sentinel(["Execution", "DefenseEvasion"], ["T1064"]);

        var diagnostic = Assert.Single(ThreatChecks.Check(rule));

        AssertAt(diagnostic, "AR0203", line: 8, column: 5, length: 5);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.DefaultSeverity);
        Assert.Equal(["T1064", "Scripting"], diagnostic.Arguments);
    }

    [Fact]
    public void Duplicate_tactic_is_a_warning_at_the_second_spelling()
    {
        var rule = ThreatRuleBuilder.Sentinel(["InitialAccess", "Execution", "Initial Access"], ["T1078"]);

        var diagnostic = Assert.Single(ThreatChecks.Check(rule));

        AssertAt(diagnostic, "AR0205", line: 7, column: 5, length: 14);
        Assert.Equal("Tactic 'Initial Access' (TA0001 Initial Access) is mapped more than once", diagnostic.FormatMessage());
    }

    [Fact]
    public void Duplicate_technique_is_a_warning_at_the_second_occurrence()
    {
        var rule = ThreatRuleBuilder.Sentinel(["Execution"], ["T1059", "T1204", "t1059"]);
        var diagnostic = Assert.Single(ThreatChecks.Check(rule));
        AssertAt(diagnostic, "AR0207", line: 9, column: 5, length: 5);
    }

    [Fact]
    public void Technique_without_any_tactic_is_not_under_a_tactic()
    {
        var rule = ThreatRuleBuilder.Sentinel([], ["T1528"]);
        var diagnostic = Assert.Single(ThreatChecks.Check(rule));
        AssertAt(diagnostic, "AR0202", line: 6, column: 5, length: 5);
        Assert.Contains("(the mapping has none)", diagnostic.FormatMessage());
    }

    [Fact]
    public void Sub_technique_is_checked_against_its_own_tactics()
    {
        // T1078.004 Cloud Accounts is under Initial Access, Persistence, Privilege Escalation and Defense Evasion
        Assert.Empty(ThreatChecks.Check(ThreatRuleBuilder.Sentinel(["DefenseEvasion"], ["T1078.004"])));
        var diagnostic = Assert.Single(ThreatChecks.Check(ThreatRuleBuilder.Sentinel(["Discovery"], ["T1078.004"])));
        AssertAt(diagnostic, "AR0202", line: 7, column: 5, length: 9);
    }

    [Fact]
    public void PreAttack_is_info_and_stands_for_reconnaissance_and_resource_development()
    {
        // as RecordedFutureHashObservedInUndergroundinCommonSecurityLog.yaml maps it
        var rule = ThreatRuleBuilder.Sentinel(["PreAttack"], ["T1587.001", "T1595"]);

        var diagnostic = Assert.Single(ThreatChecks.Check(rule));

        AssertAt(diagnostic, "AR0208", line: 5, column: 5, length: 9);
        Assert.Equal(DiagnosticSeverity.Info, diagnostic.DefaultSeverity);
        Assert.StartsWith("Tactic 'PreAttack' is a Microsoft Sentinel tactic outside ATT&CK Enterprise v18.1: Sentinel's name for PRE-ATT&CK", diagnostic.FormatMessage());
    }

    [Fact]
    public void ICS_tactics_and_techniques_are_info()
    {
        // as IoTINoSensorTrafficDetected.yaml maps it
        var rule = ThreatRuleBuilder.Sentinel(["InhibitResponseFunction"], ["T0881"]);

        Assert.Collection(ThreatChecks.Check(rule),
            d => AssertAt(d, "AR0208", line: 5, column: 5, length: 23),
            d => AssertAt(d, "AR0209", line: 7, column: 5, length: 5));
    }

    [Fact]
    public void Enterprise_technique_under_an_ICS_tactic_only_is_not_under_its_tactic()
    {
        var rule = ThreatRuleBuilder.Sentinel(["ImpairProcessControl"], ["T1078"]);
        Assert.Collection(ThreatChecks.Check(rule),
            d => AssertAt(d, "AR0208", line: 5, column: 5, length: 20),
            d => { AssertAt(d, "AR0202", line: 7, column: 5, length: 5); Assert.Contains("not under ImpairProcessControl", d.FormatMessage()); });
    }

    // ---- Elastic: one mapping per [[rule.threat]], tactic written as an id after the techniques ----

    private const string ElasticToml = """
        [rule]
        name = "test rule"

        [[rule.threat]]
        framework = "MITRE ATT&CK"
        [[rule.threat.technique]]
        id = "T1528"
        name = "Steal Application Access Token"

        [rule.threat.tactic]
        id = "TA0006"
        name = "Credential Access"

        [[rule.threat]]
        framework = "MITRE ATT&CK"
        [[rule.threat.technique]]
        id = "T1059"
        name = "Command and Scripting Interpreter"
        [[rule.threat.technique.subtechnique]]
        id = "T1059.001"
        name = "PowerShell"
        [[rule.threat.technique]]
        id = "T1204"
        name = "User Execution"
        [[rule.threat.technique.subtechnique]]
        id = "T1547.001"
        name = "Registry Run Keys / Startup Folder"

        [rule.threat.tactic]
        id = "TA0002"
        name = "Execution"

        [[rule.threat]]
        framework = "MITRE ATT&CK"
        [rule.threat.tactic]
        id = "TA0006"
        name = "Credential Access"
        """;

    [Fact]
    public void Elastic_mappings_are_checked_one_threat_entry_at_a_time()
    {
        var builder = new ThreatRuleBuilder("rule.toml", ElasticToml);
        var credentialAccess = Elastic(builder, ["T1528"], "TA0006");
        var execution = Elastic(builder, ["T1059", "T1059.001", "T1204", "T1547.001"], "TA0002");
        var again = Elastic(builder, [], "TA0006");
        var rule = builder.Rule(RuleFormat.ElasticToml, "query", credentialAccess, execution, again);

        Assert.Collection(ThreatChecks.Check(rule),
            // T1547.001 was nested under T1204, not under its parent T1547…
            d => { AssertAt(d, "AR0206", line: 26, column: 7, length: 9); Assert.Equal(["T1547.001", "Registry Run Keys / Startup Folder", "T1547", "Boot or Logon Autostart Execution"], d.Arguments); },
            // …and is not an Execution technique
            d => { AssertAt(d, "AR0202", line: 26, column: 7, length: 9); Assert.Contains("TA0003 Persistence, TA0004 Privilege Escalation", d.FormatMessage()); },
            // the third [[rule.threat]] repeats Credential Access
            d => AssertAt(d, "AR0205", line: 36, column: 7, length: 6));
    }

    [Fact]
    public void Sentinel_names_are_not_Elastic_tactics()
    {
        var builder = new ThreatRuleBuilder("rule.toml", "[rule.threat.tactic]\nid = \"PreAttack\"\n");
        var rule = builder.Rule(RuleFormat.ElasticToml, "query", Elastic(builder, [], "PreAttack"));
        AssertAt(Assert.Single(ThreatChecks.Check(rule)), "AR0200", line: 2, column: 7, length: 9);
    }

    [Fact]
    public void Elastic_seed_mapping_is_clean()
    {
        var builder = new ThreatRuleBuilder("rule.toml", ElasticToml);
        var rule = builder.Rule(RuleFormat.ElasticDocPage, "query", Elastic(builder, ["T1528"], "TA0006"));
        Assert.Empty(ThreatChecks.Check(rule));
    }

    [Fact]
    public void Mitre_descriptors_use_only_their_id_range()
    {
        var mitre = DiagnosticDescriptors.All.Where(d => d.Category == "AzureRules.Mitre").ToList();
        Assert.Equal(11, mitre.Count);
        Assert.All(mitre, d => Assert.InRange(int.Parse(d.Id.Substring(2)), 200, 249));
        Assert.Equal(DiagnosticSeverity.Warning, DiagnosticDescriptors.Get("AR0202").DefaultSeverity);
        Assert.Same(DiagnosticDescriptors.TechniqueNotUnderTactic, DiagnosticDescriptors.Get("AR0202"));
    }

    [Fact]
    public void Diagnostics_become_Roslyn_diagnostics_at_the_value()
    {
        var rule = ThreatRuleBuilder.Sentinel(["InitialAccess", "LateralMovement"], ["T1586", "T1570"]);
        var diagnostic = Assert.Single(ThreatChecks.Check(rule)).ToDiagnostic();
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal("rule.yaml", span.Path);
        Assert.Equal((7, 4, 7, 9), (span.StartLinePosition.Line, span.StartLinePosition.Character, span.EndLinePosition.Line, span.EndLinePosition.Character));
    }

    private static ThreatMapping Elastic(ThreatRuleBuilder builder, string[] techniques, string tactic)
    {
        // the TOML writes techniques before the tactic: locate them in that order
        var locatedTechniques = techniques.Select(builder.Next).ToList();
        var locatedTactic = builder.Next(tactic);
        return new ThreatMapping(new[] { locatedTactic }.ToEquatableArray(), locatedTechniques.ToEquatableArray());
    }

    /// <summary>Asserts the id and the one-based line and column of the value the diagnostic points at.</summary>
    private static void AssertAt(RuleDiagnostic diagnostic, string id, int line, int column, int length)
    {
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal((line, column), (diagnostic.Span.Start.Line + 1, diagnostic.Span.Start.Column + 1));
        Assert.Equal(length, diagnostic.Span.Length);
    }
}
