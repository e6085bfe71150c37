using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using AzureRules.Generators.Model;

namespace AzureRules.Generators.Mitre;

/// <summary>
/// The ATT&amp;CK Enterprise v18.1 catalog (Data/mitre-attack.tsv, extracted by tools/extract-mitre.py
/// from MITRE's STIX data): tactics in matrix order, every technique and sub-technique including
/// deprecated and revoked ones. The threat checks validate mappings against it, and the metadata
/// emitter asks it for the SDK members (<c>Tactics.CredentialAccess</c>, <c>Techniques.T1059_001</c>)
/// that stand for a mapping in generated code.
/// </summary>
internal static class AttackCatalog
{
    public const string Version = "18.1";

    private const string SdkTactics = "global::AzureRules.Sdk.Mitre.Tactics.";
    private const string SdkTechniques = "global::AzureRules.Sdk.Mitre.Techniques.";

    private static readonly Lazy<Catalog> Data = new(Load);

    /// <summary>The 14 Enterprise tactics in matrix order (Reconnaissance … Impact).</summary>
    public static IReadOnlyList<AttackTactic> Tactics => Data.Value.Tactics;

    /// <summary>Every technique and sub-technique, ordered by id.</summary>
    public static IReadOnlyList<AttackTechnique> Techniques => Data.Value.Techniques;

    /// <summary>
    /// A tactic however a rule writes it: id (TA0006), name (Credential Access), short name
    /// (credential-access) or Sentinel name (CredentialAccess), ignoring case, spaces, hyphens and
    /// underscores; null when it is none of the Enterprise tactics.
    /// </summary>
    public static AttackTactic? FindTactic(string? idOrName)
        => idOrName is not null && Data.Value.TacticsByKey.TryGetValue(AttackNames.TacticKey(idOrName), out var tactic) ? tactic : null;

    public static AttackTactic? FindTacticById(string? id)
        => id is not null && Data.Value.TacticsById.TryGetValue(id.Trim(), out var tactic) ? tactic : null;

    /// <summary>A technique or sub-technique by id (T1528, T1059.001; case-insensitive), or null.</summary>
    public static AttackTechnique? FindTechnique(string? id)
        => id is not null && Data.Value.TechniquesById.TryGetValue(id.Trim(), out var technique) ? technique : null;

    /// <summary>The C# expression for a tactic in generated code: <c>global::AzureRules.Sdk.Mitre.Tactics.CredentialAccess</c>.</summary>
    public static string TacticReference(AttackTactic tactic) => SdkTactics + tactic.SentinelName;

    /// <summary>The C# expression for a tactic as a rule writes it, or null when it is not an Enterprise tactic.</summary>
    public static string? TacticReference(string idOrName) => FindTactic(idOrName) is { } tactic ? TacticReference(tactic) : null;

    /// <summary>The C# expression for a technique in generated code: <c>global::AzureRules.Sdk.Mitre.Techniques.T1059_001</c>.</summary>
    public static string TechniqueReference(AttackTechnique technique) => SdkTechniques + technique.MemberName;

    /// <summary>The C# expression for a technique id as a rule writes it, or null when the id is not in the catalog.</summary>
    public static string? TechniqueReference(string id) => FindTechnique(id) is { } technique ? TechniqueReference(technique) : null;

    private sealed class Catalog(List<AttackTactic> tactics, List<AttackTechnique> techniques)
    {
        public readonly IReadOnlyList<AttackTactic> Tactics = tactics;
        public readonly IReadOnlyList<AttackTechnique> Techniques = techniques;
        public readonly Dictionary<string, AttackTactic> TacticsById = tactics.ToDictionary(t => t.Id, StringComparer.OrdinalIgnoreCase);
        public readonly Dictionary<string, AttackTactic> TacticsByKey = IndexTactics(tactics);
        public readonly Dictionary<string, AttackTechnique> TechniquesById = techniques.ToDictionary(t => t.Id, StringComparer.OrdinalIgnoreCase);

        private static Dictionary<string, AttackTactic> IndexTactics(List<AttackTactic> tactics)
        {
            var index = new Dictionary<string, AttackTactic>(StringComparer.Ordinal);
            foreach (var tactic in tactics)
            {
                foreach (var spelling in new[] { tactic.Id, tactic.Name, tactic.ShortName, tactic.SentinelName })
                    index[AttackNames.TacticKey(spelling)] = tactic;
            }
            return index;
        }
    }

    // One line per entry. Tactics: id, name, short name. Techniques: id, name, comma-separated tactic
    // ids, status ("", "deprecated" or "revoked"), revoked-by; trailing empty columns are left out.
    private static Catalog Load()
    {
        var tactics = new List<AttackTactic>();
        var techniques = new List<AttackTechnique>();
        using var stream = typeof(AttackCatalog).Assembly.GetManifestResourceStream("AzureRules.Data.mitre-attack.tsv")
            ?? throw new InvalidOperationException("the embedded ATT&CK catalog is missing");
        using var reader = new StreamReader(stream);
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var parts = line.Split('\t');
            if (parts[0].StartsWith("TA", StringComparison.Ordinal))
            {
                tactics.Add(new AttackTactic(parts[0], parts[1], parts[2]));
                continue;
            }
            var tacticIds = parts.Length > 2 && parts[2].Length > 0 ? parts[2].Split(',') : Array.Empty<string>();
            var status = Column(parts, 3) switch
            {
                "deprecated" => TechniqueStatus.Deprecated,
                "revoked" => TechniqueStatus.Revoked,
                _ => TechniqueStatus.Current,
            };
            techniques.Add(new AttackTechnique(parts[0], parts[1], tacticIds.ToEquatableArray(), status, Column(parts, 4)));
        }
        return new Catalog(tactics, techniques);
    }

    private static string? Column(string[] parts, int index) => index < parts.Length && parts[index].Length > 0 ? parts[index] : null;
}
