using AzureRules.Rules;
using AzureRules.Testing;
using Xunit;

namespace AzureRules.Rules.Tests;

/// <summary>
/// The seed rules' test files (src/Rules/Rules/seeds/*.tests.yaml), one xunit case each — the few
/// lines a rule repository's test project needs.
/// </summary>
public sealed class SeedRuleTestCases
{
    [Theory, RuleTestData(typeof(GeneratedRuleTests))]
    public void Passes(string testCase) => RuleTestAssert.Passes(typeof(GeneratedRuleTests), testCase);

    [Fact]
    public void Every_seed_rule_has_test_cases_including_near_misses()
    {
        var cases = RuleTestCatalog.Of(typeof(GeneratedRuleTests)).Values.ToList();
        foreach (var rule in GeneratedRules.All)
        {
            var own = cases.Where(c => ReferenceEquals(c.Rule, rule)).ToList();
            Assert.Contains(own, c => c.Expect.Alerts is null or > 0);
            Assert.Contains(own, c => c.Expect.Alerts == 0);
        }
    }
}
