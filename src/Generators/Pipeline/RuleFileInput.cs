using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AzureRules.Generators.Pipeline;

/// <summary>An AdditionalFile and whether the build tagged it as a rule (metadata AzureRule="true").</summary>
internal sealed record RuleFileInput(AdditionalText Text, bool IsRule, string RelativePath)
{
    public string Path => Text.Path;

    public static RuleFileInput From(AdditionalText text, AnalyzerConfigOptions options)
    {
        var isRule = options.TryGetValue("build_metadata.AdditionalFiles.AzureRule", out var value)
            && string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);
        return new RuleFileInput(text, isRule, text.Path);
    }
}

/// <summary>The MSBuild properties the generator reads.</summary>
internal sealed record GeneratorOptions(string Namespace, string? ProjectDirectory)
{
    public const string DefaultNamespace = "AzureRules.GeneratedRules";

    public static GeneratorOptions From(AnalyzerConfigOptions global)
    {
        string? Read(string name) => global.TryGetValue("build_property." + name, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
        var ns = Read("AzureRulesNamespace") ?? Read("RootNamespace") ?? DefaultNamespace;
        return new GeneratorOptions(ValidNamespace(ns), Read("MSBuildProjectDirectory"));
    }

    /// <summary>
    /// A namespace C# accepts, from a project-given one: MSBuild takes RootNamespace from the project
    /// file name as it is (<c>my-rules.csproj</c> → <c>my-rules</c>), so each dotted part becomes an
    /// identifier the way Visual Studio does it: other characters → '_', a leading digit gets '_',
    /// a keyword gets '@'.
    /// </summary>
    public static string ValidNamespace(string name)
    {
        var parts = name.Split('.').Select(part =>
        {
            var chars = part.Select(c => char.IsLetterOrDigit(c) || c == '_' ? c : '_').ToArray();
            var identifier = new string(chars);
            if (identifier.Length == 0 || char.IsDigit(identifier[0])) identifier = "_" + identifier;
            return Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetKeywordKind(identifier) != Microsoft.CodeAnalysis.CSharp.SyntaxKind.None ? "@" + identifier : identifier;
        });
        return string.Join(".", parts);
    }

    /// <summary>The path relative to the project, with forward slashes, for generated headers and metadata.</summary>
    public string RelativePath(string path)
    {
        var normalized = path.Replace('\\', '/');
        if (ProjectDirectory is null) return normalized;
        var root = ProjectDirectory.Replace('\\', '/').TrimEnd('/') + "/";
        return normalized.StartsWith(root, StringComparison.Ordinal) ? normalized.Substring(root.Length) : normalized;
    }
}
