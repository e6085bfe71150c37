namespace AzureRules.Generators.Mitre;

/// <summary>An ATT&amp;CK Enterprise tactic as the catalog knows it (TA0006 Credential Access credential-access).</summary>
internal sealed record AttackTactic(string Id, string Name, string ShortName)
{
    /// <summary>
    /// Sentinel's spelling (CommandAndControl): the name in PascalCase. It is also the tactic's member
    /// name in the SDK's <c>Tactics</c> class, as tools/extract-mitre.py writes it.
    /// </summary>
    public string SentinelName { get; } = AttackNames.PascalCase(Name);
}
