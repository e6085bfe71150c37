using System.Collections.Immutable;
using AzureRules.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace AzureRules.Generators.Tests.Pipeline;

/// <summary>Runs the rule generator over in-memory rule files, as a build would, and compiles its output.</summary>
internal static class GeneratorHarness
{
    public sealed class RuleText(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text);
        public override string Path { get; } = path;
        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    /// <summary>A project file (version lock, custom schema, exceptions): an AdditionalFile with AzureRulesFile metadata.</summary>
    public sealed class ProjectText(string path, string text, string kind) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text);
        public override string Path { get; } = path;
        public string Kind { get; } = kind;
        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    private sealed class Options(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
    {
#pragma warning disable CS8765 // the generator's netstandard2.0 NotNullWhen polyfill clashes with the framework's here
        public override bool TryGetValue(string key, out string? value) => values.TryGetValue(key, out value);
#pragma warning restore CS8765
    }

    private sealed class OptionsProvider : AnalyzerConfigOptionsProvider
    {
        private static readonly Options Rule = new(ImmutableDictionary<string, string>.Empty.Add("build_metadata.AdditionalFiles.AzureRule", "true"));
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(ImmutableDictionary<string, string>.Empty
            .Add("build_property.RootNamespace", "Test.Rules").Add("build_property.MSBuildProjectDirectory", "/repo"));
        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Options(ImmutableDictionary<string, string>.Empty);
        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile)
            => textFile is ProjectText project
                ? new Options(ImmutableDictionary<string, string>.Empty.Add("build_metadata.AdditionalFiles.AzureRulesFile", project.Kind))
                : Rule;
    }

    public static GeneratorDriver CreateDriver(params AdditionalText[] files)
        => CSharpGeneratorDriver.Create(
            generators: [new RuleGenerator().AsSourceGenerator()],
            additionalTexts: files,
            parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
            optionsProvider: new OptionsProvider(),
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public static CSharpCompilation EmptyCompilation()
    {
        var trusted = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? "").Split(System.IO.Path.PathSeparator);
        var references = trusted.Where(p => p.Length > 0)
            .Append(typeof(AzureRules.Sdk.Detections.Detection).Assembly.Location)
            .Distinct()
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p));
        return CSharpCompilation.Create("Test.Rules", references: references,
            options: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    }

    /// <summary>Runs the generator; returns the generator's diagnostics and the C# errors of the output compilation.</summary>
    public static (GeneratorDriver Driver, ImmutableArray<Diagnostic> Diagnostics, ImmutableArray<Diagnostic> CompileErrors, Compilation Output) Run(GeneratorDriver driver)
    {
        driver = driver.RunGeneratorsAndUpdateCompilation(EmptyCompilation(), out var output, out var diagnostics);
        var errors = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray();
        return (driver, diagnostics, errors, output);
    }
}
