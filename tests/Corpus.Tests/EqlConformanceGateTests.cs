using AzureRules.Conformance;
using AzureRules.Tests;
using Xunit;
using Xunit.Abstractions;

namespace AzureRules.Corpus.Tests;

/// <summary>
/// The EQL conformance rate is a ratchet: the shared half of Elasticsearch's EQL QA suite runs
/// through the same runner as <c>dotnet run --project tests/Conformance -- eql …</c>, and the number
/// of passing cases may not drop below the number kept in <c>tests/Conformance/Ratchets/eql.txt</c>
/// (raise it when more cases pass).
/// </summary>
public sealed class EqlConformanceGateTests(ITestOutputHelper output)
{
    [SharedFact("conformance", "eql", "cases.jsonl")]
    public void PassCountDoesNotDropBelowTheRatchet()
    {
        var cases = SharedMaterial.Path("conformance", "eql", "cases.jsonl")!;
        var data = SharedMaterial.Path("conformance", "eql", "data")!;
        var ratchet = int.Parse(File.ReadAllText(Path.Combine(SharedMaterial.RepositoryRoot, "tests", "Conformance", "Ratchets", "eql.txt")).Trim(),
            System.Globalization.CultureInfo.InvariantCulture);

        var result = EqlConformance.Run([cases, data]);
        var summary = new StringWriter();
        result.PrintSummary(summary);
        output.WriteLine(summary.ToString());

        Assert.True(result.Passed >= ratchet, $"EQL conformance: {result.Passed} passed, below the ratchet of {ratchet}");
    }
}
