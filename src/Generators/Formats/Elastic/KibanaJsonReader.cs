using System.Collections.Immutable;
using AzureRules.Generators.Diagnostics;
using AzureRules.Generators.Formats.Json;
using AzureRules.Generators.Model;

namespace AzureRules.Generators.Formats.Elastic;

/// <summary>
/// Reads Kibana security rules as JSON: one rule object (the rules API body), a saved object wrapping a
/// rule in <c>attributes</c> (the security_detection_engine integration package), an array of rules, or
/// an NDJSON export of <c>_export</c> (one object per line).
/// </summary>
internal static class KibanaJsonReader
{
    public static RuleFile Read(string path, string text)
    {
        var rules = ImmutableArray.CreateBuilder<RuleDefinition>();
        var diagnostics = ImmutableArray.CreateBuilder<RuleDiagnostic>();
        var ndjson = path.EndsWith(".ndjson", System.StringComparison.OrdinalIgnoreCase);
        var results = ndjson ? JsonParser.ParseLines(text, out _) : new[] { JsonParser.Parse(text, out _) };

        foreach (var result in results)
        {
            if (result.Error is { } error)
            {
                diagnostics.Add(RuleDiagnostic.Create(DiagnosticDescriptors.MalformedFile, SourceSpan.At(path, error.Position), "JSON", error.Message));
                continue;
            }
            if (result.Value is JsonArray array && !ndjson)
            {
                foreach (var item in array.Items) ReadObject(path, item, rules, diagnostics);
            }
            else
            {
                ReadObject(path, result.Value!, rules, diagnostics);
            }
        }
        return new RuleFile(path, rules.ToImmutable(), diagnostics.ToImmutable());
    }

    private static void ReadObject(string path, JsonNode node, ImmutableArray<RuleDefinition>.Builder rules, ImmutableArray<RuleDiagnostic>.Builder diagnostics)
    {
        if (node is not JsonObject obj)
        {
            diagnostics.Add(RuleDiagnostic.Create(DiagnosticDescriptors.UnrecognizedFormat, SourceSpan.At(path, node.Start), $"expected a rule object, found {node.TypeName}"));
            return;
        }
        // the integration package wraps the rule as a saved object: { id, type: "security-rule", attributes: { … } }
        if (obj["attributes"] is JsonObject attributes && obj["type"] is JsonString { Value: "security-rule" }) obj = attributes;

        if (IsExportCompanion(obj)) return;
        if (obj["type"] is not JsonString type || (!ElasticVocabulary.IsRuleType(type.Value) && obj["rule_id"] is null))
        {
            diagnostics.Add(RuleDiagnostic.Create(DiagnosticDescriptors.UnrecognizedFormat, SourceSpan.At(path, obj.Start),
                "a JSON object that is neither a Kibana rule nor an exception list, action connector or export summary"));
            return;
        }
        rules.Add(ElasticRuleBuilder.Build(path, RuleFormat.KibanaJson, JsonRuleFields.FromObject(obj), deriveMissingId: true));
    }

    /// <summary>
    /// A Kibana export also holds the rules' exception lists and their items (they have a list_id), the
    /// action connectors the rules notify through (type "action"), and a closing summary line
    /// (exported_count …). They belong to the rules but are not rules: Kibana applies exceptions and runs
    /// actions around the detection engine, and the rule model describes detection only, so they are
    /// skipped without a diagnostic rather than reported as unrecognised.
    /// </summary>
    private static bool IsExportCompanion(JsonObject obj)
        => obj["exported_count"] is not null
            || obj["list_id"] is not null
            || obj["type"] is JsonString { Value: "action" };
}
