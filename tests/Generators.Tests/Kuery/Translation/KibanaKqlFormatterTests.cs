using Xunit;
using AzureRules.Generators.Kuery.Translation;
using static AzureRules.Generators.Tests.Kuery.Translation.TranslationTestParsing;

namespace AzureRules.Generators.Tests.Kuery.Translation;

public class KibanaKqlFormatterTests
{
    [Theory]
    [InlineData("field: (value AND value2 OR \"value3\") OR nested: { field2: value4 }",
        "(((field: value AND field: value2) OR field: \"value3\") OR nested: { field2: value4 })")]
    [InlineData("not a:b", "NOT a: b")]
    [InlineData("a >= 1.50", "a >= 1.5")]
    [InlineData("a:foo-bar*", "a: foo\\-bar*")]
    [InlineData("a:\"x \\\" y\"", "a: \"x \\\" y\"")]
    [InlineData("a:x\\(y", "a: x\\(y")]
    public void Prints_Kibanas_toKqlExpression_form(string query, string expected)
        => Assert.Equal(expected, KibanaKqlFormatter.Format(Parse(query)));
}
