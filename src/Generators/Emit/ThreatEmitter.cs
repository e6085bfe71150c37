using AzureRules.Generators.Model;

namespace AzureRules.Generators.Emit;

/// <summary>Writes the rule's ATT&amp;CK mappings as references to the SDK's typed catalog.</summary>
internal static class ThreatEmitter
{
    public static void Write(CodeWriter writer, RuleDefinition rule)
    {
        // filled in once the ATT&CK catalog lands (it resolves names and ids to catalog members)
        _ = writer;
        _ = rule;
    }
}
