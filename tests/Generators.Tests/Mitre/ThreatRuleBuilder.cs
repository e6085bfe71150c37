using AzureRules.Generators.Diagnostics;
using AzureRules.Generators.Model;

namespace AzureRules.Generators.Tests.Mitre;

/// <summary>
/// Builds rules whose ATT&amp;CK values are located in a rule file text the way the readers locate them:
/// each value is found in the text after the previous one, and its span covers the value as written.
/// </summary>
internal sealed class ThreatRuleBuilder(string filePath, string text)
{
    private readonly TextLines _lines = new(text);
    private int _cursor;

    public Located<string> Next(string value)
    {
        var offset = text.IndexOf(value, _cursor, StringComparison.Ordinal);
        if (offset < 0) throw new InvalidOperationException($"'{value}' is not in the text after offset {_cursor}");
        _cursor = offset + value.Length;
        return new Located<string>(value, new SourceSpan(filePath, _lines.PositionOf(offset), _lines.PositionOf(offset + value.Length)));
    }

    public ThreatMapping Mapping(string[] tactics, string[] techniques)
    {
        var locatedTactics = tactics.Select(Next).ToList();
        var locatedTechniques = techniques.Select(Next).ToList();
        return new ThreatMapping(locatedTactics.ToEquatableArray(), locatedTechniques.ToEquatableArray());
    }

    public RuleDefinition Rule(RuleFormat format, string kind, params ThreatMapping[] threat) => new()
    {
        FilePath = filePath,
        Format = format,
        Kind = kind,
        Name = new Located<string>("test rule", SourceSpan.At(filePath, SourcePosition.Start)),
        Threat = threat.ToEquatableArray(),
    };

    /// <summary>A Sentinel YAML rule with the given tactics and relevantTechniques, one value per line.</summary>
    public static RuleDefinition Sentinel(string[] tactics, string[] techniques, string kind = "Scheduled")
    {
        var text = "id: 6a8e9d4c-0000-4000-8000-000000000001\nname: test rule\nkind: " + kind + "\ntactics:\n"
            + string.Concat(tactics.Select(t => "  - " + t + "\n"))
            + "relevantTechniques:\n"
            + string.Concat(techniques.Select(t => "  - " + t + "\n"))
            + "query: SigninLogs\n";
        var builder = new ThreatRuleBuilder("rule.yaml", text);
        return builder.Rule(RuleFormat.SentinelYaml, kind, builder.Mapping(tactics, techniques));
    }
}
