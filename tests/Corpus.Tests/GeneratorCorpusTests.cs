using System.Diagnostics;
using AzureRules.Cli.Commands;
using AzureRules.Cli.Compilation;
using AzureRules.Tests;
using Microsoft.CodeAnalysis;
using Xunit;
using Xunit.Abstractions;

namespace AzureRules.Corpus.Tests;

/// <summary>
/// Every rule file of the Sentinel and Elastic corpora through the real source generator (the path
/// `dotnet build` and `azrules validate` take): no file crashes the compiler (AR0001), every file
/// yields its rule, and the diagnostics are reported grouped by id.
/// </summary>
public sealed class GeneratorCorpusTests(ITestOutputHelper output)
{
    [SharedTheory("corpus")]
    [InlineData("sentinel", "analytic")]
    [InlineData("sentinel", "hunting")]
    [InlineData("elastic", "rules")]
    [InlineData("elastic", "kibana-json")]
    public void Every_corpus_file_goes_through_the_generator_without_a_compiler_failure(string corpus, string folder)
    {
        var path = SharedMaterial.Path("corpus", corpus, folder)!;
        var files = RuleFiles.Read([path]);
        var clock = Stopwatch.StartNew();
        var library = RuleLibrary.FromFiles(files, load: false);
        clock.Stop();

        output.WriteLine($"{corpus}/{folder}: {files.Count} files, generator in {clock.Elapsed.TotalSeconds:0.00}s");
        foreach (var group in library.Diagnostics.GroupBy(d => (d.Id, d.Severity)).OrderByDescending(g => g.Count()))
            output.WriteLine($"  {group.Count(),5} {group.Key.Severity,-7} {group.Key.Id}  e.g. {DiagnosticPrinter.Format(group.First())}");

        Assert.DoesNotContain(library.Diagnostics, d => d.Id == "AR0001");
        Assert.DoesNotContain(library.Diagnostics, d => d.Id == "CS8785"); // the generator itself failed
        Assert.DoesNotContain(library.Diagnostics, d => d.Id == "AR0101" && d.Severity == DiagnosticSeverity.Error);
    }
}
