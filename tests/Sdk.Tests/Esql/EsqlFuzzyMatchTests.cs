using AzureRules.Sdk.Esql;
using Xunit;
using static AzureRules.Sdk.Tests.Esql.EsqlTestData;

namespace AzureRules.Sdk.Tests.Esql;

/// <summary>MATCH with options: Lucene's fuzzy term expansion over the field's terms.</summary>
public sealed class EsqlFuzzyMatchTests
{
    private static readonly Dictionary<string, string> Mapping = new() { ["name"] = "keyword", ["message"] = "text" };

    private static EsqlTable Processes() => From(Source("test", Mapping,
        """{"name": "svchost.exe", "message": "service host started"}""",
        """{"name": "svch0st.exe", "message": "servise hots"}""",
        """{"name": "scvhost.exe", "message": "nothing here"}""",
        """{"name": "svchost.exe.bak", "message": "host"}""",
        """{"name": "SVCHOST.EXE", "message": "other"}"""));

    private static string[] Matching(EsqlTable table, string column, string query, string? fuzziness, int prefix = 0, int expansions = 50, bool transpositions = true, string op = "OR")
    {
        var match = EsqlFuzzyMatch.Prepare(table, table[column], query, fuzziness, prefix, expansions, transpositions, op);
        var c = table[column];
        return [.. table.Rows.Where(r => match.Matches(r[c]) is true).Select(r => (string)r[table["name"]]!)];
    }

    [Fact]
    public void A_keyword_matches_within_the_edits_case_sensitively_with_transpositions_as_one_edit()
    {
        var table = Processes();
        Assert.Equal(["svchost.exe", "svch0st.exe", "scvhost.exe"], Matching(table, "name", "svchost.exe", "1"));
        // without transpositions "scvhost" is two substitutions away
        Assert.Equal(["svchost.exe", "svch0st.exe"], Matching(table, "name", "svchost.exe", "1", transpositions: false));
        Assert.Equal(["svchost.exe"], Matching(table, "name", "svchost.exe", "0"));
        // the first prefix_length characters are exact: "sc…" differs at the second
        Assert.Equal(["svchost.exe", "svch0st.exe"], Matching(table, "name", "svchost.exe", "1", prefix: 2));
    }

    [Fact]
    public void Max_expansions_keeps_the_closest_terms_then_the_first_in_term_order()
    {
        var table = Processes();
        Assert.Equal(["svchost.exe"], Matching(table, "name", "svchost.exe", "1", expansions: 1));
        // equal distance: "scvhost.exe" sorts before "svch0st.exe"
        Assert.Equal(["svchost.exe", "scvhost.exe"], Matching(table, "name", "svchost.exe", "1", expansions: 2));
    }

    [Fact]
    public void A_text_field_matches_tokens_with_or_and_and()
    {
        var table = Processes();
        Assert.Equal(["svchost.exe", "svch0st.exe", "svchost.exe.bak"], Matching(table, "message", "service host", "AUTO"));
        Assert.Equal(["svchost.exe", "svch0st.exe"], Matching(table, "message", "service host", "AUTO", op: "AND"));
    }

    [Theory]
    [InlineData("AUTO", "ab", 0)]
    [InlineData("AUTO", "abc", 1)]
    [InlineData("AUTO", "abcdef", 2)]
    [InlineData("AUTO:2,4", "ab", 1)]
    [InlineData("2", "a", 2)]
    public void Auto_fuzziness_depends_on_the_term_length(string fuzziness, string term, int edits)
        => Assert.Equal(edits, EsqlFuzzyMatch.MaxEdits(fuzziness, term));

    [Fact]
    public void Edit_distance_counts_code_points_and_gives_up_past_the_limit()
    {
        Assert.Equal(1, EsqlFuzzyMatch.EditDistance("a😀b", "a😁b", 0, 2, true));
        Assert.Equal(int.MaxValue, EsqlFuzzyMatch.EditDistance("abcdef", "uvwxyz", 0, 2, true));
        Assert.Equal(2, EsqlFuzzyMatch.EditDistance("abcd", "badc", 0, 2, true));
    }
}
