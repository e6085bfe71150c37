namespace AzureRules.Sdk.Mitre;

/// <summary>An ATT&amp;CK enterprise tactic (TA0006 Credential Access). Instances live in <see cref="Tactics"/>.</summary>
public sealed class Tactic(string id, string name, string shortName)
{
    public string Id { get; } = id;
    public string Name { get; } = name;
    /// <summary>ATT&amp;CK's short name (credential-access), used by techniques' kill-chain phases.</summary>
    public string ShortName { get; } = shortName;
    /// <summary>Microsoft Sentinel's spelling of the tactic (CommandAndControl), also its member name in <see cref="Tactics"/>.</summary>
    public string SentinelName { get; } = string.Concat(name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(word => char.ToUpperInvariant(word[0]) + word[1..]));
    public string Url => $"https://attack.mitre.org/tactics/{Id}/";
    public override string ToString() => $"{Id} {Name}";
}
