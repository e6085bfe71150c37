using Xunit;
using AzureRules.Generators.Kuery.Translation;
using static AzureRules.Generators.Tests.Kuery.Translation.TranslationTestParsing;

namespace AzureRules.Generators.Tests.Kuery.Translation;

/// <summary>detection-rules' lint form: <see cref="KueryFormatter.Normalize"/>, one rule per theory.</summary>
public class KueryFormatterTests
{
    private static string Lint(string query) => KueryFormatter.Normalize(Parse(query));

    [Theory]
    [InlineData("a : b", "a:b")]
    [InlineData("\"a\": b", "a:b")]
    [InlineData("a : \"b\"", "a:b")]
    [InlineData("a : (b)", "a:b")]
    [InlineData("a:\"1.234\"", "a:1.234")]
    public void Comparisons_are_printed_without_spaces_or_needless_quotes(string query, string expected)
        => Assert.Equal(expected, Lint(query));

    [Theory]
    [InlineData("a:ff02\\:\\:fb", "a:\"ff02::fb\"")]
    [InlineData("a:\"two words\"", "a:\"two words\"")]
    [InlineData("a:\"or\"", "a:\"or\"")]
    [InlineData("a:\"x*\"", "a:x\\*")]
    [InlineData("a:x*", "a:x*")]
    public void Values_are_quoted_or_escaped_only_where_KQL_needs_it(string query, string expected)
        => Assert.Equal(expected, Lint(query));

    [Theory]
    [InlineData("a:b or (c:d and e:f)", "a:b or c:d and e:f")]
    [InlineData("(a:b and (c:d or e:f))", "a:b and (c:d or e:f)")]
    [InlineData("x:1 and (y:2 or (z:3 or w:4))", "x:1 and (y:2 or z:3 or w:4)")]
    public void Parentheses_stay_only_where_precedence_needs_them(string query, string expected)
        => Assert.Equal(expected, Lint(query));

    [Theory]
    [InlineData("a:b or a:c", "a:(b or c)")]
    [InlineData("a:b or a:(c and d) or x:y or a:e", "a:(b or e or c and d) or x:y")]
    [InlineData("a:b and not a:c", "a:(b and not c)")]
    public void Comparisons_of_one_field_merge_into_a_list_at_the_first(string query, string expected)
        => Assert.Equal(expected, Lint(query));

    [Theory]
    [InlineData("not a:b and not a:c and not a:d", "not a:(b or c or d)")]
    [InlineData("a:(not b or not c or not d)", "not a:(b and c and d)")]
    [InlineData("a:(b and not c and not d)", "a:(b and not (c or d))")]
    [InlineData("a:(not b)", "not a:b")]
    [InlineData("not (a:1 or a:2)", "not a:(1 or 2)")]
    public void Negations_combine_by_De_Morgan_and_move_out_of_the_field(string query, string expected)
        => Assert.Equal(expected, Lint(query));

    [Theory]
    [InlineData("not (not a:b)", "a:b")]
    [InlineData("not (a:(not b))", "a:b")]
    [InlineData("not (not (a:(not b) or c:(not d)))", "not a:b or not c:d")]
    public void Double_negations_cancel(string query, string expected) => Assert.Equal(expected, Lint(query));

    [Theory]
    [InlineData("\"Accepted password for root\"", "\"Accepted password for root\"")]
    [InlineData("*password*", "*password*")]
    [InlineData("a >= 5", "a >= 5")]
    [InlineData("top:{ a:1 and a:2 }", "top:{a:(1 and 2)}")]
    public void Free_text_ranges_and_nested_queries_are_kept(string query, string expected)
        => Assert.Equal(expected, Lint(query));

    [Theory]
    [InlineData("\"odd name\":x", "\"odd name\":x")]
    [InlineData("a\\:b:x", "a\\:b:x")]
    [InlineData("host.*:x", "host.*:x")]
    public void Field_names_keep_their_escapes(string query, string expected) => Assert.Equal(expected, Lint(query));

    [Theory]
    [InlineData("a:b or (c:d and e:f) or a:\"x y\"")]
    [InlineData("not a:(b or not c) and d < 5 and top:{ x:1 or x:2 }")]
    [InlineData("\"odd name\":x\\* and a\\:b:\"ff02::fb\" and w:*a\\(b*")]
    [InlineData("a:\"and\" or \"free text\" or *wild*")]
    public void The_lint_form_parses_back_to_itself(string query)
    {
        var normalized = Lint(query);
        Assert.Equal(normalized, Lint(normalized));
    }

    [Fact]
    public void The_same_field_written_twice_is_not_a_list_until_merged()
        => Assert.IsType<KqlBoolean>(KqlGrouping.Group(Parse("a:b or a:c")));

    [Fact]
    public void A_value_list_groups_back_into_one_comparison()
    {
        var grouped = Assert.IsType<KqlField>(KqlGrouping.Group(Parse("a:(b or c)")));
        Assert.Equal("a", grouped.Field);
        Assert.IsType<KqlValueBoolean>(grouped.Value);
    }
}
