using AzureRules.Conformance;
using AzureRules.Tests;
using Xunit;
using Xunit.Abstractions;

namespace AzureRules.Corpus.Tests;

/// <summary>
/// The shared half of Elasticsearch's ES|QL csv-spec cases, run exactly as
/// <c>dotnet run --project tests/Conformance -- esql …</c> runs them: the pass count may only go up.
/// </summary>
public sealed class EsqlConformanceGateTests(ITestOutputHelper output)
{
    /// <summary>The ratchet: raise it when more cases pass; never lower it.</summary>
    private const int MinimumPassed = 217;

    [SharedFact("conformance", "esql", "cases.jsonl")]
    public void Esql_spec_cases_pass_at_least_the_ratchet()
    {
        var directory = SharedMaterial.Path("conformance", "esql")!;
        var result = EsqlConformance.Run([Path.Combine(directory, "cases.jsonl"), Path.Combine(directory, "data")]);
        var summary = new StringWriter();
        result.PrintSummary(summary);
        output.WriteLine(summary.ToString());
        Assert.True(result.Passed >= MinimumPassed, $"{result.Passed} ES|QL conformance cases pass, the ratchet is {MinimumPassed}:\n{summary}");
    }
}
