namespace AzureRules.Sdk.Mitre;

/// <summary>
/// The ATT&amp;CK Enterprise tactics. The properties and <see cref="All"/> are generated from the ATT&amp;CK
/// data by tools/extract-mitre.py (Tactics.g.cs); this part holds the lookups.
/// </summary>
public static partial class Tactics
{
    /// <summary>
    /// Finds a tactic however it is written: its id (TA0006), its name (Credential Access), ATT&amp;CK's
    /// short name (credential-access) or Sentinel's name (CredentialAccess), ignoring case, spaces,
    /// hyphens and underscores. Returns null for anything else, including Sentinel's tactics that are
    /// not in ATT&amp;CK Enterprise (PreAttack, ImpairProcessControl, InhibitResponseFunction).
    /// </summary>
    public static Tactic? Find(string? idOrName)
        => idOrName is null ? null : Lookup.ByKey.GetValueOrDefault(Key(idOrName));

    /// <summary>The tactic with this exact id (TA0006), or null.</summary>
    public static Tactic? FindById(string? id)
        => id is null ? null : Lookup.ById.GetValueOrDefault(id.Trim());

    // Every spelling of a tactic collapses to the same key: its letters and digits, upper case.
    // "Command and Control", "command-and-control", "CommandAndControl" → COMMANDANDCONTROL.
    private static string Key(string text)
        => string.Concat(text.Where(char.IsLetterOrDigit)).ToUpperInvariant();

    // A nested holder so the index is built on first use, after the generated properties are set.
    private static class Lookup
    {
        public static readonly Dictionary<string, Tactic> ById = All.ToDictionary(t => t.Id, StringComparer.OrdinalIgnoreCase);

        public static readonly Dictionary<string, Tactic> ByKey = BuildKeys();

        private static Dictionary<string, Tactic> BuildKeys()
        {
            var keys = new Dictionary<string, Tactic>(StringComparer.Ordinal);
            foreach (var tactic in All)
            {
                keys[Key(tactic.Id)] = tactic;
                keys[Key(tactic.Name)] = tactic;
                keys[Key(tactic.ShortName)] = tactic;
                keys[Key(tactic.SentinelName)] = tactic;
            }
            return keys;
        }
    }
}
