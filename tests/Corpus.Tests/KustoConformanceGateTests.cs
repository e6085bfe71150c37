using System.Globalization;
using AzureRules.Conformance;
using AzureRules.Tests;
using Xunit;
using Xunit.Abstractions;

namespace AzureRules.Corpus.Tests;

/// <summary>
/// The Kusto documentation examples as a gate: the same runner as
/// <c>dotnet run --project tests/Conformance -- kusto ../shared/conformance/kusto-docs/cases.jsonl</c>, and the
/// pass counts, overall and per category, must not drop below the ratchet kept in KustoConformanceRatchet.txt.
/// </summary>
public sealed class KustoConformanceGateTests(ITestOutputHelper output)
{
    [SharedFact("conformance", "kusto-docs", "cases.jsonl")]
    public void Kusto_documentation_examples_do_not_regress()
    {
        var result = KustoConformance.Run([SharedMaterial.Path("conformance", "kusto-docs", "cases.jsonl")!]);
        using var summary = new StringWriter(CultureInfo.InvariantCulture);
        result.PrintSummary(summary);
        output.WriteLine(summary.ToString());

        var ratchet = ReadRatchet();
        var regressions = new List<string>();
        if (result.Passed < ratchet["total"]) regressions.Add($"total: {result.Passed} passed, ratchet {ratchet["total"]}");
        foreach (var (category, minimum) in ratchet.Where(r => r.Key != "total"))
        {
            var passed = result.ByFeature.TryGetValue(category, out var counts) ? counts.Passed : 0;
            if (passed < minimum) regressions.Add($"{category}: {passed} passed, ratchet {minimum}");
        }
        Assert.True(regressions.Count == 0, string.Join("\n", regressions));
    }

    private static Dictionary<string, int> ReadRatchet()
    {
        var ratchet = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "KustoConformanceRatchet.txt")))
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var space = line.LastIndexOf(' ');
            ratchet[line[..space]] = int.Parse(line[(space + 1)..], CultureInfo.InvariantCulture);
        }
        return ratchet;
    }
}
