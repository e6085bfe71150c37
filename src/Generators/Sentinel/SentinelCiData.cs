using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace AzureRules.Generators.Sentinel;

/// <summary>
/// The lists Sentinel's CI validates rules against (tools/extract-sentinel-ci.py extracts them into
/// Data/sentinel-*): tactic names, entity types with their identifiers, data connector ids.
/// </summary>
internal static class SentinelCiData
{
    /// <summary>One entity type: the identifiers it has, and the groups of which one must be mapped.</summary>
    internal sealed record EntityType(string Name, IReadOnlyList<string> Identifiers, IReadOnlyList<IReadOnlyList<string>> RequiredAnyOf);

    private static readonly Lazy<IReadOnlyList<string>> TacticList = new(() => Lines("sentinel-tactics.txt").ToList());
    private static readonly Lazy<HashSet<string>> ConnectorIdSet = new(() => new HashSet<string>(Lines("sentinel-connector-ids.txt"), StringComparer.Ordinal));
    private static readonly Lazy<Dictionary<string, EntityType>> EntityTypeTable = new(LoadEntityTypes);

    public static IReadOnlyList<string> Tactics => TacticList.Value;

    /// <summary>Case-insensitive, as the CI reads tactics into its enum (the repository writes "CommandandControl").</summary>
    public static bool IsTactic(string name) => TacticList.Value.Contains(name, StringComparer.OrdinalIgnoreCase);

    public static bool IsConnectorId(string id) => ConnectorIdSet.Value.Contains(id);

    public static IReadOnlyDictionary<string, EntityType> EntityTypes => EntityTypeTable.Value;

    private static Dictionary<string, EntityType> LoadEntityTypes()
    {
        var types = new Dictionary<string, EntityType>(StringComparer.Ordinal);
        foreach (var line in Lines("sentinel-entity-identifiers.tsv"))
        {
            var columns = line.Split('\t');
            if (columns.Length < 3) continue;
            var identifiers = columns[1].Split(',');
            var required = columns[2].Split(';').Select(group => (IReadOnlyList<string>)group.Split('+')).ToList();
            types[columns[0]] = new EntityType(columns[0], identifiers, required);
        }
        return types;
    }

    /// <summary>The non-comment lines of an embedded data file.</summary>
    private static IEnumerable<string> Lines(string name)
    {
        using var stream = typeof(SentinelCiData).Assembly.GetManifestResourceStream("AzureRules.Data." + name)
            ?? throw new InvalidOperationException($"embedded resource AzureRules.Data.{name} is missing");
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
            if (line.Length > 0 && line[0] != '#') lines.Add(line);
        return lines;
    }
}
