using System.Reflection;
using Xunit.Sdk;

namespace AzureRules.Testing;

/// <summary>
/// Theory data: one row per rule test case of the assembly whose <c>GeneratedRuleTests</c> class is
/// given, the row being the case's key (a string, so xunit lists every case by name):
/// <code>
/// [Theory, RuleTestData(typeof(GeneratedRuleTests))]
/// public void Passes(string testCase) => RuleTestAssert.Passes(typeof(GeneratedRuleTests), testCase);
/// </code>
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class RuleTestDataAttribute(Type generatedRuleTests) : DataAttribute
{
    public Type GeneratedRuleTests { get; } = generatedRuleTests;

    public override IEnumerable<object[]> GetData(MethodInfo testMethod)
    {
        var keys = RuleTestCatalog.Of(GeneratedRuleTests).Keys.Order(StringComparer.Ordinal).ToList();
        // a theory without data fails with "No data found"; say why instead
        if (keys.Count == 0)
            throw new InvalidOperationException($"{GeneratedRuleTests.FullName} holds no test cases: add a MyRule.tests.yaml beside a rule");
        return keys.Select(k => new object[] { k });
    }
}
