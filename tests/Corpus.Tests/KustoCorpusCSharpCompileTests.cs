using System.Collections.Immutable;
using System.Diagnostics;
using AzureRules.Cli.Commands;
using AzureRules.Cli.Compilation;
using AzureRules.Generators;
using AzureRules.Tests;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;
using Xunit.Abstractions;

namespace AzureRules.Corpus.Tests;

/// <summary>
/// The C# the Kusto emitter writes for every executable Sentinel corpus query (analytic and hunting) is
/// compiled with Roslyn, in memory, exactly as the generator hands it to a build: a generated class with a
/// C# error is an emitter bug and must never happen. (Loading is left to the run tests: the corpus has
/// rule ids used by several files, which one registry refuses.) The number of executable Kusto classes
/// is a ratchet, so an emitter change cannot make queries quietly fall out.
/// </summary>
public sealed class KustoCorpusCSharpCompileTests(ITestOutputHelper output)
{
    /// <summary>Generated classes with an executable Kusto query (of 2,253 corpus queries); raise it when the work raises it.</summary>
    private const int ExecutableRatchet = 2197;

    [SharedFact("corpus", "sentinel")]
    public void Every_executable_Sentinel_query_compiles_to_CSharp_without_errors()
    {
        var files = RuleFiles.Read([SharedMaterial.Path("corpus", "sentinel", "analytic")!, SharedMaterial.Path("corpus", "sentinel", "hunting")!]);
        var clock = Stopwatch.StartNew();
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        var driver = CSharpGeneratorDriver.Create(
            generators: [new RuleGenerator().AsSourceGenerator()],
            // the workspace parsers too, so the queries that call ASIM and solution parsers compile through their bodies
            additionalTexts: [.. files.Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Text)),
                .. KustoExecutableCorpusTests.SentinelParsers().Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Text, f.Kind))],
            parseOptions: parseOptions,
            optionsProvider: new RuleOptionsProvider("AzureRules.Corpus"));
        var trusted = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? "").Split(Path.PathSeparator).Where(p => p.Length > 0);
        var references = trusted.Append(typeof(AzureRules.Sdk.Detections.Detection).Assembly.Location).Distinct()
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p));
        var host = CSharpCompilation.Create("AzureRules.Corpus", references: references,
            options: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, concurrentBuild: true));
        driver.RunGeneratorsAndUpdateCompilation(host, out var compiled, out _);
        var generated = clock.Elapsed;

        var kustoTrees = compiled.SyntaxTrees.Where(t => t.ToString().Contains("override global::AzureRules.Sdk.Kusto.KustoTable Execute(", StringComparison.Ordinal)).ToHashSet();
        var errors = compiled.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray();
        clock.Stop();

        output.WriteLine($"{files.Count} files, {kustoTrees.Count} classes with an executable Kusto query; generator {generated.TotalSeconds:0.0}s, C# compile {(clock.Elapsed - generated).TotalSeconds:0.0}s");
        foreach (var error in errors.Take(20)) output.WriteLine($"  {error.Location.SourceTree?.FilePath}: {error.Id} {error.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}");
        Assert.Empty(errors);
        Assert.True(kustoTrees.Count >= ExecutableRatchet, $"{kustoTrees.Count} executable Kusto classes, the ratchet is {ExecutableRatchet}");
    }
}
