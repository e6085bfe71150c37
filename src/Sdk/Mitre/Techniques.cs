namespace AzureRules.Sdk.Mitre;

/// <summary>
/// The ATT&amp;CK Enterprise techniques and sub-techniques. The properties and <see cref="All"/> are
/// generated from the ATT&amp;CK data by tools/extract-mitre.py (Techniques.g.cs); this part holds the lookups.
/// </summary>
public static partial class Techniques
{
    /// <summary>The technique or sub-technique with this id (T1528, T1059.001; case-insensitive), or null.</summary>
    public static Technique? Find(string? id)
        => id is null ? null : Lookup.ById.GetValueOrDefault(id.Trim());

    /// <summary>The technique a sub-technique belongs to (T1059 for T1059.001); null for a technique.</summary>
    public static Technique? ParentOf(Technique technique) => Find(technique.ParentId);

    /// <summary>The technique that replaces a revoked one; null when the technique is not revoked.</summary>
    public static Technique? ReplacementOf(Technique technique) => Find(technique.RevokedById);

    /// <summary>The sub-techniques of a technique, in id order.</summary>
    public static IEnumerable<Technique> SubtechniquesOf(Technique technique)
        => All.Where(t => t.ParentId == technique.Id);

    // A nested holder so the index is built on first use, after the generated properties are set.
    private static class Lookup
    {
        public static readonly Dictionary<string, Technique> ById = All.ToDictionary(t => t.Id, StringComparer.OrdinalIgnoreCase);
    }
}
