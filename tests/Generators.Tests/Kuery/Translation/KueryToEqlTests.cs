using Xunit;
using AzureRules.Generators.Elastic;
using AzureRules.Generators.Kuery.Translation;
using static AzureRules.Generators.Tests.Kuery.Translation.TranslationTestParsing;

namespace AzureRules.Generators.Tests.Kuery.Translation;

public class KueryToEqlTests
{
    private static string Eql(string query, FieldTypes? types = null)
    {
        var result = KueryToEql.Translate(Parse(query), types);
        Assert.True(result.Succeeded, result.Error);
        return result.Text!;
    }

    private static string Error(string query, FieldTypes? types = null)
    {
        var result = KueryToEql.Translate(Parse(query), types);
        Assert.False(result.Succeeded, result.Text);
        return result.Error!;
    }

    [Theory]
    [InlineData("field:value", "field == 'value'")]
    [InlineData("field:-1", "field == -1")]
    [InlineData("field:1.0", "field == 1.0")]
    [InlineData("field:true", "field == true")]
    [InlineData("field:\"1\"", "field == '1'")]
    [InlineData("field:\"it's\"", "field == 'it\\'s'")]
    public void A_comparison_is_equality_with_a_typed_value(string query, string expected) => Assert.Equal(expected, Eql(query));

    [Theory]
    [InlineData("field:*", "field != null")]
    [InlineData("not field:*", "field == null")]
    [InlineData("not field:value", "field != 'value'")]
    [InlineData("field:(not 1)", "field != 1")]
    [InlineData("not (a:1 and b:2)", "not (a == 1 and b == 2)")]
    public void Negation_flips_a_comparison_and_wraps_anything_else(string query, string expected) => Assert.Equal(expected, Eql(query));

    [Theory]
    [InlineData("field < value", "field < 'value'")]
    [InlineData("field >= 0", "field >= 0")]
    public void Ranges_are_comparisons(string query, string expected) => Assert.Equal(expected, Eql(query));

    [Theory]
    [InlineData("a:1 or b:2 and c:3", "a == 1 or (b == 2 and c == 3)")]
    [InlineData("a:(0 or 1 or 2)", "a in (0, 1, 2)")]
    [InlineData("a:(0 or 1 and 2)", "a == 0 or (a == 1 and a == 2)")]
    [InlineData("not a:(x or y)", "a not in ('x', 'y')")]
    public void Booleans_and_value_lists(string query, string expected) => Assert.Equal(expected, Eql(query));

    [Theory]
    [InlineData("process.name:x", "process.name == 'x'")]
    [InlineData("@timestamp > 5", "@timestamp > 5")]
    [InlineData("a.in:x", "a.`in` == 'x'")]
    [InlineData("\"odd name\":x", "`odd name` == 'x'")]
    [InlineData("a.1b:*", "a.`1b` != null")]
    public void Field_parts_that_are_not_EQL_identifiers_are_backticked(string query, string expected) => Assert.Equal(expected, Eql(query));

    [Fact]
    public void A_wildcard_is_a_colon_match()
    {
        Assert.Equal("field : \"val*\"", Eql("field:val*"));
        Assert.Equal("field : \"a\\\\*\"", Eql("field:a\\\\*"));
    }

    [Fact]
    public void Field_types_type_the_values()
    {
        var types = new FieldTypes(("n", ElasticFieldType.Long), ("k", ElasticFieldType.Keyword), ("ip", ElasticFieldType.Ip));
        Assert.Equal("n == 1", Eql("n:\"1\"", types));
        Assert.Equal("k == '1'", Eql("k:1", types));
        Assert.Equal("cidrMatch(ip, '10.0.0.0/8')", Eql("ip:10.0.0.0/8", types));
        Assert.Equal("ip == '10.1.2.3'", Eql("ip:10.1.2.3", types));
    }

    [Theory]
    [InlineData("n:abc", "Value doesn't match n's type: number")]
    [InlineData("ip:1", "Value doesn't match ip's type: ip")]
    [InlineData("ip:10.0.0.256", "Value doesn't match ip's type: ip")]
    [InlineData("t:hello", "EQL cannot compare the text field t")]
    public void Values_that_do_not_fit_the_field_are_errors(string query, string expected)
    {
        var types = new FieldTypes(("n", ElasticFieldType.Long), ("ip", ElasticFieldType.Ip), ("t", ElasticFieldType.Text));
        Assert.Equal(expected, Error(query, types));
    }

    [Theory]
    [InlineData("lone", "Unable to convert free text search to EQL")]
    [InlineData("field:1 and \"a phrase\"", "Unable to convert free text search to EQL")]
    [InlineData("top:{ a:1 }", "Unable to convert nested query to EQL")]
    [InlineData("a:x\\*y*", "EQL wildcards cannot hold a literal '*'")]
    public void Free_text_and_nested_queries_have_no_EQL_form(string query, string expected) => Assert.Equal(expected, Error(query));
}
