using System.Linq;
using AzureRules.Generators.Mitre;
using AzureRules.Generators.Model;

namespace AzureRules.Generators.Emit;

/// <summary>Writes the rule's ATT&amp;CK mappings as references to the SDK's typed catalog (Tactics.X, Techniques.T1234).</summary>
internal static class ThreatEmitter
{
    public static void Write(CodeWriter writer, RuleDefinition rule)
    {
        var layout = ThreatLayout.Arrange(rule.Threat);
        if (layout.IsEmpty) return;
        writer.Line("Threat =");
        writer.Line("[");
        foreach (var entry in layout)
            writer.Line($"    new global::AzureRules.Sdk.Detections.ThreatMapping({entry.TacticReference}, [{string.Join(", ", entry.TechniqueReferences.Items)}]),");
        writer.Line("],");
    }
}
