using System.Reflection;
using AzureRules.Sdk.Testing;

namespace AzureRules.Testing;

/// <summary>
/// The test cases of a rule assembly, read from its generated <c>GeneratedRuleTests.All</c>, each
/// under a unique key: "Rule name: case name" (with the test file and line added only when two
/// cases would otherwise share a key). The key is what test explorers show and what a theory gets.
/// </summary>
public static class RuleTestCatalog
{
    private static readonly Dictionary<Type, IReadOnlyDictionary<string, RuleTestCase>> Cache = [];

    public static IReadOnlyDictionary<string, RuleTestCase> Of(Type generatedRuleTests)
    {
        lock (Cache)
        {
            if (Cache.TryGetValue(generatedRuleTests, out var known)) return known;
            var property = generatedRuleTests.GetProperty("All", BindingFlags.Public | BindingFlags.Static)
                ?? throw new ArgumentException($"{generatedRuleTests.FullName} has no static All property: pass the generated GeneratedRuleTests class", nameof(generatedRuleTests));
            var cases = property.GetValue(null) as IEnumerable<RuleTestCase>
                ?? throw new ArgumentException($"{generatedRuleTests.FullName}.All is not a list of RuleTestCase", nameof(generatedRuleTests));
            var list = cases.ToList();
            var shared = list.GroupBy(c => c.DisplayName).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet();
            var byKey = new Dictionary<string, RuleTestCase>(StringComparer.Ordinal);
            foreach (var testCase in list)
                byKey[shared.Contains(testCase.DisplayName) ? $"{testCase.DisplayName} [{testCase.TestFile}:{testCase.Line}]" : testCase.DisplayName] = testCase;
            return Cache[generatedRuleTests] = byKey;
        }
    }
}
