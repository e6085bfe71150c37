using AzureRules.Testing;
using Xunit;

namespace Contoso.Detections.Tests;

/// <summary>Every case of every Rules/**/*.tests.yaml, one test each, run through the detection engine.</summary>
public sealed class RuleTests
{
    [Theory, RuleTestData(typeof(GeneratedRuleTests))]
    public void Passes(string testCase) => RuleTestAssert.Passes(typeof(GeneratedRuleTests), testCase);
}
