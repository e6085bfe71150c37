using System.Text;

namespace AzureRules.Generators.Mitre;

/// <summary>
/// How ATT&amp;CK names become C# member names and lookup keys. tools/extract-mitre.py applies the same
/// two naming rules when it writes the SDK's Tactics.g.cs and Techniques.g.cs; a test checks every
/// catalog entry against the compiled SDK.
/// </summary>
internal static class AttackNames
{
    /// <summary>Command and Control → CommandAndControl.</summary>
    public static string PascalCase(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var word in name.Split(new[] { ' ', '-' }, System.StringSplitOptions.RemoveEmptyEntries))
            builder.Append(char.ToUpperInvariant(word[0])).Append(word, 1, word.Length - 1);
        return builder.ToString();
    }

    /// <summary>T1059.001 → T1059_001.</summary>
    public static string TechniqueMemberName(string id) => id.Replace('.', '_');

    /// <summary>
    /// The key every spelling of a tactic collapses to: letters and digits, upper case. "Command and
    /// Control", "command-and-control", "CommandAndControl" and Sentinel's accepted "CommandandControl"
    /// are all COMMANDANDCONTROL.
    /// </summary>
    public static string TacticKey(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c)) builder.Append(char.ToUpperInvariant(c));
        }
        return builder.ToString();
    }
}
