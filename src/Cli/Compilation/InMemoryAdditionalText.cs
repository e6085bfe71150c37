using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace AzureRules.Cli.Compilation;

/// <summary>A rule file handed to the generator in-process, as MSBuild would hand an AdditionalFile.</summary>
/// <param name="projectFileKind">For a project file (lock, custom schema, exceptions): its AzureRulesFile metadata; null for a rule.</param>
internal sealed class InMemoryAdditionalText(string path, string text, string? projectFileKind = null) : AdditionalText
{
    private readonly SourceText _text = SourceText.From(text);
    public override string Path { get; } = path;
    public string? ProjectFileKind { get; } = projectFileKind;
    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}

/// <summary>Tags every additional file as a rule (AzureRule=true), or as the project file it is, and sets the generated namespace.</summary>
internal sealed class RuleOptionsProvider(string @namespace) : AnalyzerConfigOptionsProvider
{
    private static readonly AnalyzerConfigOptions RuleFile = new DictionaryOptions(
        ImmutableDictionary<string, string>.Empty.Add("build_metadata.AdditionalFiles.AzureRule", "true"));

    public override AnalyzerConfigOptions GlobalOptions { get; } = new DictionaryOptions(
        ImmutableDictionary<string, string>.Empty.Add("build_property.AzureRulesNamespace", @namespace));

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => DictionaryOptions.Empty;
    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile)
        => textFile is InMemoryAdditionalText { ProjectFileKind: { } kind }
            ? new DictionaryOptions(ImmutableDictionary<string, string>.Empty.Add(Generators.Project.ProjectFileInput.MetadataName, kind))
            : RuleFile;

    private sealed class DictionaryOptions(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public static readonly DictionaryOptions Empty = new(ImmutableDictionary<string, string>.Empty);
        // The generator's netstandard2.0 polyfill of NotNullWhen is visible here (InternalsVisibleTo) and
        // clashes with the framework's, so the override states nullability without the attribute.
#pragma warning disable CS8765
        public override bool TryGetValue(string key, out string? value) => values.TryGetValue(key, out value);
#pragma warning restore CS8765
    }
}
