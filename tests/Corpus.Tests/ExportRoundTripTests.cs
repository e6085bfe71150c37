using System.Text;
using AzureRules.Cli.Commands;
using AzureRules.Cli.Export;
using AzureRules.Generators.Formats;
using AzureRules.Generators.Model;
using AzureRules.Generators.Versioning;
using AzureRules.Tests;
using Xunit;
using Xunit.Abstractions;

namespace AzureRules.Corpus.Tests;

/// <summary>
/// Every corpus rule exported and read back by the project's own readers gives an equal rule: the
/// same canonical definition (<see cref="RuleCanonicalForm"/>: every value the model carries, without
/// file positions). Kibana NDJSON for the Elastic corpus, ARM templates for the Sentinel corpus.
/// </summary>
public sealed class ExportRoundTripTests(ITestOutputHelper output)
{
    [SharedTheory("corpus", "elastic")]
    [InlineData("rules")]
    [InlineData("kibana-json")]
    public void Every_elastic_rule_survives_a_kibana_ndjson_round_trip(string folder)
    {
        var rules = ReadRules(SharedMaterial.Path("corpus", "elastic", folder)!);
        var failures = new List<string>();
        foreach (var rule in rules)
        {
            var line = KibanaRuleExporter.ToLine(KibanaRuleExporter.Export(rule));
            var back = RuleFileReader.Read(rule.FilePath + ".ndjson", line);
            Compare(rule, back, failures);
        }
        Report($"elastic/{folder} → Kibana NDJSON → KibanaJsonReader", rules.Count, failures);
    }

    [SharedTheory("corpus", "sentinel")]
    [InlineData("analytic")]
    [InlineData("hunting")]
    public void Every_sentinel_rule_survives_an_arm_template_round_trip(string folder)
    {
        var all = ReadRules(SharedMaterial.Path("corpus", "sentinel", folder)!);
        // a Sentinel resource is named by the rule's GUID: a rule without one is refused by the exporter
        var rules = all.Where(r => r.Id is { } id && Guid.TryParse(id.Value, out _)).ToList();
        output.WriteLine($"sentinel/{folder}: {all.Count} rules, {all.Count - rules.Count} without a GUID id (not exportable)");
        foreach (var rule in all.Except(rules)) Assert.Throws<ExportException>(() => SentinelResourceBuilder.Build(rule));
        var failures = new List<string>();
        foreach (var rule in rules)
        {
            var template = ArmTemplateWriter.Write([SentinelResourceBuilder.Build(rule)]);
            var back = RuleFileReader.Read(rule.FilePath + ".json", template);
            Compare(rule, back, failures);
        }
        Report($"sentinel/{folder} → ARM template → ArmTemplateReader", rules.Count, failures);
    }

    internal static List<RuleDefinition> ReadRules(string folder)
        => [.. RuleFiles.Read([folder]).SelectMany(f => RuleFileReader.Read(f.Path, f.Text).Rules)];

    internal static void Compare(RuleDefinition original, RuleFile back, List<string> failures)
    {
        if (back.Rules.Count != 1)
        {
            failures.Add($"{original.FilePath}: read back {back.Rules.Count} rules; {string.Join("; ", back.Diagnostics.Select(d => d.ToString()))}");
            return;
        }
        var expected = RuleCanonicalForm.Text(original);
        var actual = RuleCanonicalForm.Text(back.Rules[0]);
        if (expected != actual) failures.Add($"{original.FilePath}:\n  expected {Difference(expected, actual)}");
    }

    private static string Difference(string expected, string actual)
    {
        var i = 0;
        while (i < expected.Length && i < actual.Length && expected[i] == actual[i]) i++;
        var from = Math.Max(0, i - 60);
        return $"…{expected[from..Math.Min(expected.Length, i + 80)]}\n  actual   …{actual[from..Math.Min(actual.Length, i + 80)]}";
    }

    private void Report(string what, int count, List<string> failures)
    {
        output.WriteLine($"{what}: {count - failures.Count} of {count} rules equal after the round trip");
        foreach (var failure in failures.Take(10)) output.WriteLine(failure);
        Assert.True(count > 0, "no rules read");
        Assert.Empty(failures);
    }
}
