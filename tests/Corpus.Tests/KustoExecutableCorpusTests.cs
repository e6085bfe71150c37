using AzureRules.Cli.Commands;
using AzureRules.Cli.Compilation;
using AzureRules.Tests;
using Xunit;
using Xunit.Abstractions;

namespace AzureRules.Corpus.Tests;

/// <summary>
/// How much of the Sentinel corpus the Kusto runtime can execute: every analytic and hunting query goes
/// through the generator, and the rules it marks as not executable (AR0120, with the construct the runtime
/// lacks) must not exceed the ratchet. The remaining constructs are printed, grouped.
/// </summary>
public sealed class KustoExecutableCorpusTests(ITestOutputHelper output)
{
    /// <summary>Sentinel queries that cannot run yet (of 2,253 Kusto queries); lower it as the runtime grows.</summary>
    private const int NotExecutableRatchet = 59;

    [SharedFact("corpus", "sentinel")]
    public void Sentinel_queries_that_cannot_run_do_not_grow()
    {
        var files = RuleFiles.Read([SharedMaterial.Path("corpus", "sentinel", "analytic")!, SharedMaterial.Path("corpus", "sentinel", "hunting")!]);
        var library = RuleLibrary.FromFiles(files, load: false, projectFiles: SentinelParsers());
        var notExecutable = library.Diagnostics.Where(d => d.Id == "AR0120").ToList();
        output.WriteLine($"{notExecutable.Count} of {files.Count} rule files cannot run yet; by construct:");
        foreach (var group in notExecutable.GroupBy(d => Construct(d.GetMessage(System.Globalization.CultureInfo.InvariantCulture))).OrderByDescending(g => g.Count()))
            output.WriteLine($"  {group.Count(),4}  {group.Key}   e.g. {DiagnosticPrinter.Format(group.First())}");
        Assert.True(notExecutable.Count <= NotExecutableRatchet, $"{notExecutable.Count} Sentinel queries cannot run, ratchet {NotExecutableRatchet}");
    }

    /// <summary>
    /// The Sentinel repository's workspace parsers (ASIM and solution parsers), passed as a workspace does:
    /// the rules that call them are bound and expanded through their real bodies. The repository keeps
    /// superseded copies (ASimNetworkSessionV1, Deprecated) under the same names; they are left out.
    /// </summary>
    internal static List<ProjectFileText> SentinelParsers()
    {
        var folder = SharedMaterial.Path("corpus", "sentinel", "parsers")!;
        return ProjectFileOptions.FunctionFiles([folder])
            .Where(f => !f.Contains("ASimNetworkSessionV1", StringComparison.Ordinal) && !f.Contains("Deprecated", StringComparison.Ordinal))
            .Select(f => new ProjectFileText(f, File.ReadAllText(f), "kusto-function"))
            .ToList();
    }

    private static string Construct(string message)
    {
        const string Marker = "executed yet: ";
        var start = message.IndexOf(Marker, StringComparison.Ordinal);
        var text = start < 0 ? message : message[(start + Marker.Length)..];
        var end = text.IndexOf(';');
        return end < 0 ? text : text[..end];
    }
}
