using AzureRules.Cli.Commands;
using AzureRules.Cli.Compilation;
using AzureRules.Tests;

namespace AzureRules.Corpus.Tests;

/// <summary>
/// The whole Elastic corpus and the seed rules, compiled once per test run (about a minute) for the
/// tests that replay them; null when the shared corpus is absent (those tests skip).
/// </summary>
internal static class ElasticCorpusLibrary
{
    private static readonly Lazy<RuleLibrary?> Library = new(() =>
    {
        var corpus = SharedMaterial.Path("corpus", "elastic", "rules");
        if (corpus is null) return null;
        return RuleLibrary.FromFiles(RuleFiles.Read([corpus, Path.Combine(SharedMaterial.RepositoryRoot, "src", "Rules", "Rules")]));
    });

    public static RuleLibrary Get() => Library.Value ?? throw new InvalidOperationException("the shared Elastic corpus is absent");
}
