using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AzureRules.Generators.Pipeline;

/// <summary>What a tagged AdditionalFile is to the generator.</summary>
internal enum RuleInputKind { None, Rule, Test, Events }

/// <summary>
/// An AdditionalFile the build tagged for the generator (metadata AzureRule, AzureRuleTest or
/// AzureRuleEvents = "true") and what it is: a rule test file by its name (<c>*.tests.yaml</c>), an
/// event file by its extension (.jsonl, .csv), else a rule file. Naming decides, not the tag, so a
/// rule folder's glob may pick up all three.
/// </summary>
internal sealed record RuleFileInput(AdditionalText Text, RuleInputKind Kind, string RelativePath)
{
    public string Path => Text.Path;
    public bool IsRule => Kind == RuleInputKind.Rule;

    public static RuleFileInput From(AdditionalText text, AnalyzerConfigOptions options)
    {
        bool Tagged(string name) => options.TryGetValue("build_metadata.AdditionalFiles." + name, out var value)
            && string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);
        var kind = !(Tagged("AzureRule") || Tagged("AzureRuleTest") || Tagged("AzureRuleEvents")) ? RuleInputKind.None
            : Testing.RuleTestFileParser.IsTestFile(text.Path) ? RuleInputKind.Test
            : IsEventFile(text.Path) ? RuleInputKind.Events
            : RuleInputKind.Rule;
        return new RuleFileInput(text, kind, text.Path);
    }

    public static bool IsEventFile(string path)
        => path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase);
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
