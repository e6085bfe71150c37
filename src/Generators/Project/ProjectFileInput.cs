using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AzureRules.Generators.Project;

/// <summary>The kinds of rule-repository files that are not rules but change how rules are checked.</summary>
internal enum ProjectFileKind
{
    None,
    /// <summary>The version lock: rule id → version and content hash (<c>azrules lock</c> writes it).</summary>
    Lock,
    /// <summary>A Sentinel custom table, in the Azure-Sentinel repository's CustomTables JSON.</summary>
    SentinelTable,
    /// <summary>Elastic field types per index, as detection-rules' custom schemas: <c>{index: {field: type}}</c>.</summary>
    ElasticFields,
    /// <summary>Validation exceptions: rule id, diagnostic id and the required reason.</summary>
    Exceptions,
    /// <summary>A workspace function or parser: Sentinel parser YAML, or a <c>.kql</c> body named as the file.</summary>
    KustoFunction,
}

/// <summary>An AdditionalFile tagged <c>AzureRulesFile="lock|sentinel-table|elastic-fields|exceptions|kusto-function"</c>.</summary>
internal sealed record ProjectFileInput(AdditionalText Text, ProjectFileKind Kind)
{
    public const string MetadataName = "build_metadata.AdditionalFiles.AzureRulesFile";

    public static ProjectFileInput From(AdditionalText text, AnalyzerConfigOptions options)
        => new(text, options.TryGetValue(MetadataName, out var value) ? ParseKind(value) : ProjectFileKind.None);

    public static ProjectFileKind ParseKind(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "lock" => ProjectFileKind.Lock,
        "sentinel-table" or "sentinel-tables" => ProjectFileKind.SentinelTable,
        "elastic-fields" or "elastic-schema" => ProjectFileKind.ElasticFields,
        "exceptions" => ProjectFileKind.Exceptions,
        "kusto-function" or "kusto-functions" or "sentinel-parser" => ProjectFileKind.KustoFunction,
        _ => ProjectFileKind.None,
    };
}
