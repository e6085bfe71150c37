namespace AzureRules.Sdk.Mitre;

/// <summary>An ATT&amp;CK enterprise technique or sub-technique (T1528, T1059.001). Instances live in <see cref="Techniques"/>.</summary>
public sealed class Technique(string id, string name, string[] tacticIds, bool deprecated = false, bool revoked = false)
{
    public string Id { get; } = id;
    public string Name { get; } = name;
    /// <summary>The ids of the tactics ATT&amp;CK lists the technique under.</summary>
    public IReadOnlyList<string> TacticIds { get; } = tacticIds;
    public bool IsSubtechnique => Id.Contains('.');
    public string? ParentId => IsSubtechnique ? Id[..Id.IndexOf('.')] : null;
    public bool IsDeprecated { get; } = deprecated;
    public bool IsRevoked { get; } = revoked;
    /// <summary>For a revoked technique, the id of the technique that replaces it (revoked-by chains followed to the end).</summary>
    public string? RevokedById { get; init; }
    public string Url => $"https://attack.mitre.org/techniques/{Id.Replace('.', '/')}/";
    public override string ToString() => $"{Id} {Name}";
}
