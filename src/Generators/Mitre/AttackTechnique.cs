using AzureRules.Generators.Model;

namespace AzureRules.Generators.Mitre;

internal enum TechniqueStatus { Current, Deprecated, Revoked }

/// <summary>
/// An ATT&amp;CK Enterprise technique or sub-technique (T1528, T1059.001) with the ids of the tactics
/// ATT&amp;CK lists it under. A revoked technique names the technique that replaces it, when ATT&amp;CK does.
/// </summary>
internal sealed record AttackTechnique(string Id, string Name, EquatableArray<string> TacticIds, TechniqueStatus Status, string? RevokedById)
{
    public bool IsSubtechnique => Id.IndexOf('.') >= 0;
    public string? ParentId => IsSubtechnique ? Id.Substring(0, Id.IndexOf('.')) : null;

    /// <summary>The member name in the SDK's <c>Techniques</c> class: T1059.001 is T1059_001.</summary>
    public string MemberName => AttackNames.TechniqueMemberName(Id);

    public override string ToString() => $"{Id} {Name}";
}
