using System;
using System.IO;
using AzureRules.Generators.Diagnostics;
using AzureRules.Generators.Formats.Elastic;
using AzureRules.Generators.Formats.Sentinel;
using AzureRules.Generators.Model;

namespace AzureRules.Generators.Formats;

/// <summary>
/// Picks the reader for a rule file: by extension for the structured formats (YAML → Sentinel,
/// TOML → Elastic detection-rules, JSON/NDJSON → Kibana, or a Sentinel ARM template), by content for documentation pages
/// (.md/.txt). A page that is neither kind of rule page (a README beside the rules) is not a rule
/// and yields nothing; any other unknown file is reported.
/// </summary>
internal static class RuleFileReader
{
    public static RuleFile Read(string path, string text)
    {
        // rule test files (X.tests.yaml) and the event files they read sit beside the rules: no rules
        if (Testing.RuleTestFileParser.IsTestFile(path) || Pipeline.RuleFileInput.IsEventFile(path))
            return new RuleFile(path, EquatableArray<RuleDefinition>.Empty, EquatableArray<RuleDiagnostic>.Empty);
        switch (Path.GetExtension(path).ToLowerInvariant())
        {
            case ".yaml":
            case ".yml":
                return SentinelYamlReader.Read(path, text);
            case ".toml":
                return ElasticTomlReader.Read(path, text);
            case ".json":
                if (ArmTemplateReader.LooksLike(text)) return ArmTemplateReader.Read(path, text);
                return KibanaJsonReader.Read(path, text);
            case ".ndjson":
                return KibanaJsonReader.Read(path, text);
            case ".md":
            case ".txt":
            case ".markdown":
                if (ElasticDocPageReader.LooksLike(text)) return ElasticDocPageReader.Read(path, text);
                if (SentinelDocPageReader.LooksLike(text)) return SentinelDocPageReader.Read(path, text);
                return new RuleFile(path, EquatableArray<RuleDefinition>.Empty, EquatableArray<RuleDiagnostic>.Empty);
            default:
                return RuleFile.Failed(path, RuleDiagnostic.Create(DiagnosticDescriptors.UnrecognizedFormat,
                    SourceSpan.At(path, SourcePosition.Start),
                    "expected .yaml/.yml (Sentinel), .toml (Elastic), .json/.ndjson (Kibana) or an .md/.txt rule page"));
        }
    }

    /// <summary>The id a rule's class carries: the file's when it is a GUID, else one derived from the name.</summary>
    public static string ClassIdOf(RuleDefinition rule)
        => rule.Id is { } id && Guid.TryParse(id.Value, out var guid) ? guid.ToString("D") : NameBasedRuleId.Create(rule.Name.Value);
}
