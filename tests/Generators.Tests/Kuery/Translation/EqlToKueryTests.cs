using Xunit;
using AzureRules.Generators.Kuery.Translation;

namespace AzureRules.Generators.Tests.Kuery.Translation;

public class EqlToKueryTests
{
    private static string Kql(string eql)
    {
        var result = EqlToKuery.Translate(eql);
        Assert.True(result.Succeeded, result.Error);
        return result.Text!;
    }

    [Theory]
    [InlineData("field == 'value'", "field:value")]
    [InlineData("field == -1", "field:-1")]
    [InlineData("field == true", "field:true")]
    [InlineData("field != 'value'", "not field:value")]
    [InlineData("'value' == field", "field:value")]
    [InlineData("field == \"two words\"", "field:\"two words\"")]
    [InlineData("field == \"value-*\"", "field:value-\\*")]
    public void Equality_is_a_comparison(string eql, string expected) => Assert.Equal(expected, Kql(eql));

    [Theory]
    [InlineData("field != null", "field:*")]
    [InlineData("field == null", "not field:*")]
    public void Null_comparisons_are_exists(string eql, string expected) => Assert.Equal(expected, Kql(eql));

    [Theory]
    [InlineData("field < 'value'", "field < value")]
    [InlineData("field >= 0", "field >= 0")]
    [InlineData("5 < field", "field > 5")]
    public void Ordering_comparisons_are_ranges(string eql, string expected) => Assert.Equal(expected, Kql(eql));

    [Theory]
    [InlineData("a in (0, 1, 2)", "a:(0 or 1 or 2)")]
    [InlineData("a not in (0, 1)", "not a:(0 or 1)")]
    [InlineData("field : \"value-*\"", "field:value-*")]
    [InlineData("field like (\"a*\", \"b*\")", "field:(a* or b*)")]
    [InlineData("cidrMatch(dest, '192.168.0.0/16')", "dest:192.168.0.0/16")]
    public void Lists_wildcards_and_cidr_blocks_are_value_lists(string eql, string expected) => Assert.Equal(expected, Kql(eql));

    [Theory]
    [InlineData("a == 1 or (b != 2 and c == 3)", "a:1 or not b:2 and c:3")]
    [InlineData("a == 1 and (b == 2 or c == 3)", "a:1 and (b:2 or c:3)")]
    [InlineData("a == 0 or a == 1 and a == 2 or a == 3", "a:(0 or 3 or 1 and 2)")]
    [InlineData("not (field == 'value' and field2 == 'value2')", "not (field:value and field2:value2)")]
    public void The_result_is_linted(string eql, string expected) => Assert.Equal(expected, Kql(eql));

    [Theory]
    [InlineData("length(a) == 1")]
    [InlineData("a == b")]
    [InlineData("a + 1 == 2")]
    [InlineData("a regex \"x.*\"")]
    [InlineData("a == 'x' | head 1")]
    [InlineData("a == ")]
    public void Conditions_without_a_KQL_form_are_error_results(string eql)
    {
        var result = EqlToKuery.Translate(eql);
        Assert.False(result.Succeeded, result.Text);
        Assert.False(string.IsNullOrEmpty(result.Error));
    }
}
