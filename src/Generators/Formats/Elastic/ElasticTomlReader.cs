using System.Collections.Generic;
using AzureRules.Generators.Diagnostics;
using AzureRules.Generators.Formats.Toml;
using AzureRules.Generators.Model;

namespace AzureRules.Generators.Formats.Elastic;

/// <summary>
/// Reads a rule of the elastic/detection-rules repository: <c>[metadata]</c> (the repository's own
/// bookkeeping) and <c>[rule]</c> (Kibana's rule fields, with <c>[[rule.threat]]</c> tables).
/// </summary>
internal static class ElasticTomlReader
{
    /// <summary>detection-rules' TOMLRuleContents requires these in [metadata].</summary>
    private static readonly string[] RequiredMetadata = ["creation_date", "maturity", "updated_date"];

    public static RuleFile Read(string path, string text)
    {
        var document = TomlParser.Parse(text);
        if (document.Error is { } error)
        {
            return RuleFile.Failed(path, RuleDiagnostic.Create(DiagnosticDescriptors.MalformedFile,
                SourceSpan.At(path, error.Position), "TOML", error.Message));
        }

        var fileStart = SourceSpan.At(path, SourcePosition.Start);
        var rule = document.Root["rule"];
        if (rule is null) return RuleFile.Failed(path, RuleDiagnostic.Create(DiagnosticDescriptors.MissingField, fileStart, "[rule]"));
        if (rule is not TomlTable ruleTable || ruleTable.Origin == TomlTableOrigin.Root)
        {
            return RuleFile.Failed(path, RuleDiagnostic.Create(DiagnosticDescriptors.InvalidValue,
                new SourceSpan(path, rule.Start, rule.End), "rule", rule.ToString() ?? "", $"expected a table, found {rule.TypeName}"));
        }

        var extra = ReadMetadata(path, document.Root, fileStart);
        return RuleFile.Single(path, ElasticRuleBuilder.Build(path, RuleFormat.ElasticToml, TomlRuleFields.FromTable(ruleTable), deriveMissingId: false, extra));
    }

    private static List<RuleDiagnostic> ReadMetadata(string path, TomlTable root, SourceSpan fileStart)
    {
        var diagnostics = new List<RuleDiagnostic>();
        if (root["metadata"] is not TomlTable metadata)
        {
            diagnostics.Add(RuleDiagnostic.Create(DiagnosticDescriptors.MissingField, fileStart, "[metadata]"));
            return diagnostics;
        }
        foreach (var field in RequiredMetadata)
        {
            if (metadata[field] is null)
                diagnostics.Add(RuleDiagnostic.Create(DiagnosticDescriptors.MissingField, new SourceSpan(path, metadata.Start, metadata.End), "metadata." + field));
        }
        return diagnostics;
    }
}
