using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace AzureRules.Generators.Emit;

/// <summary>
/// C# class names from rule names: PascalCase of the letters and digits ("Azure Storage Account Key
/// Regenerated" → AzureStorageAccountKeyRegenerated), valid whatever the name holds, unique in the
/// assembly (a clash gets the start of the rule id as suffix), and stable for a given set of rules.
/// </summary>
internal static class ClassNames
{
    public static string FromRuleName(string name)
    {
        var builder = new StringBuilder();
        var upperNext = true;
        foreach (var c in name)
        {
            if (c < 128 && char.IsLetterOrDigit(c))
            {
                builder.Append(upperNext ? char.ToUpperInvariant(c) : c);
                upperNext = false;
            }
            else
            {
                upperNext = true;
            }
        }
        if (builder.Length == 0) builder.Append("Rule");
        if (char.IsDigit(builder[0])) builder.Insert(0, "Rule");
        if (builder.Length > 120) builder.Length = 120;
        return builder.ToString();
    }

    /// <summary>
    /// Assigns unique names to rules given as (rule name, id), in a deterministic order. Uniqueness
    /// ignores case: names become file names (hint names), which Roslyn and some file systems compare
    /// without case ("…ByESET" and "…ByEset" must not collide).
    /// </summary>
    public static string[] AssignUnique(IReadOnlyList<(string Name, string Id)> rules)
    {
        var baseNames = new string[rules.Count];
        var counts = new Dictionary<string, int>(System.StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < rules.Count; i++)
        {
            baseNames[i] = FromRuleName(rules[i].Name);
            counts[baseNames[i]] = counts.TryGetValue(baseNames[i], out var n) ? n + 1 : 1;
        }
        var result = new string[rules.Count];
        var used = new HashSet<string>(ReservedNames, System.StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < rules.Count; i++)
        {
            var candidate = counts[baseNames[i]] == 1 && !ReservedNames.Contains(baseNames[i])
                ? baseNames[i]
                : baseNames[i] + "_" + IdSuffix(rules[i].Id);
            var unique = candidate;
            for (var k = 2; !used.Add(unique); k++) unique = candidate + "_" + k.ToString(CultureInfo.InvariantCulture);
            result[i] = unique;
        }
        return result;
    }

    private static string IdSuffix(string id)
    {
        var builder = new StringBuilder();
        foreach (var c in id)
        {
            if (c < 128 && char.IsLetterOrDigit(c)) builder.Append(c);
            if (builder.Length == 8) break;
        }
        return builder.ToString();
    }

    /// <summary>Names the generated registry and the runtime already use in the same namespace.</summary>
    private static readonly HashSet<string> ReservedNames = new(System.StringComparer.OrdinalIgnoreCase) { "GeneratedRules", "Rule", "System", "Global" };
}
