using AzureRules.Sdk.Testing;

namespace AzureRules.Testing;

/// <summary>A failed rule test case: the message is the readable difference between expected and actual alerts.</summary>
public sealed class RuleTestFailedException(string message) : Exception(message);

/// <summary>Runs rule test cases through the detection engine and fails with a readable report.</summary>
public static class RuleTestAssert
{
    /// <summary>Runs the case with this key (see <see cref="RuleTestCatalog"/>) and throws when it fails.</summary>
    public static RuleTestResult Passes(Type generatedRuleTests, string testCase)
    {
        if (!RuleTestCatalog.Of(generatedRuleTests).TryGetValue(testCase, out var found))
            throw new RuleTestFailedException($"no rule test case '{testCase}' in {generatedRuleTests.FullName}");
        return Passes(found);
    }

    public static RuleTestResult Passes(RuleTestCase testCase)
    {
        var result = RuleTestRunner.Run(testCase);
        if (!result.Passed)
            throw new RuleTestFailedException($"{testCase.DisplayName} ({testCase.TestFile}:{testCase.Line}) failed:{Environment.NewLine}{result.Report()}");
        return result;
    }
}
