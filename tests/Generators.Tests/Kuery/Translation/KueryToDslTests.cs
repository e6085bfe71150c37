using Xunit;
using AzureRules.Generators.Kuery.Translation;
using static AzureRules.Generators.Tests.Kuery.Translation.TranslationTestParsing;

namespace AzureRules.Generators.Tests.Kuery.Translation;

/// <summary>KQL to query DSL; expected JSON is compact, in the translator's key order.</summary>
public class KueryToDslTests
{
    private static string Dsl(string query) => KueryToDsl.Translate(Parse(query));

    [Theory]
    [InlineData("user:bob", """{"bool":{"filter":[{"match":{"user":"bob"}}]}}""")]
    [InlineData("n:-1", """{"bool":{"filter":[{"match":{"n":-1}}]}}""")]
    [InlineData("n:\"-1\"", """{"bool":{"filter":[{"match":{"n":"-1"}}]}}""")]
    [InlineData("b:true", """{"bool":{"filter":[{"match":{"b":true}}]}}""")]
    [InlineData("user:*", """{"bool":{"filter":[{"exists":{"field":"user"}}]}}""")]
    [InlineData("field:\\*", """{"bool":{"filter":[{"match":{"field":"*"}}]}}""")]
    [InlineData("n:01", """{"bool":{"filter":[{"match":{"n":1}}]}}""")]
    [InlineData("n:1.50", """{"bool":{"filter":[{"match":{"n":1.50}}]}}""")]
    [InlineData("n >= 0", """{"bool":{"filter":[{"range":{"n":{"gte":0}}}]}}""")]
    public void Leaves(string query, string expected) => Assert.Equal(expected, Dsl(query));

    [Theory]
    [InlineData("p:/tmp/foo*", """{"bool":{"filter":[{"query_string":{"fields":["p"],"query":"\\/tmp\\/foo*"}}]}}""")]
    [InlineData("p:foo\\*bar*", """{"bool":{"filter":[{"query_string":{"fields":["p"],"query":"foo\\*bar*"}}]}}""")]
    [InlineData("p: *S3 Browser*", """{"bool":{"filter":[{"query_string":{"fields":["p"],"query":"*S3 Browser*"}}]}}""")]
    public void Wildcards_are_query_strings_with_reserved_characters_escaped(string query, string expected)
        => Assert.Equal(expected, Dsl(query));

    [Theory]
    [InlineData("agent12", """{"bool":{"filter":[{"multi_match":{"type":"best_fields","query":"agent12","lenient":true}}]}}""")]
    [InlineData("\"a b\"", """{"bool":{"filter":[{"multi_match":{"type":"phrase","query":"a b","lenient":true}}]}}""")]
    [InlineData("*pass*", """{"bool":{"filter":[{"query_string":{"query":"*pass*"}}]}}""")]
    public void Free_text(string query, string expected) => Assert.Equal(expected, Dsl(query));

    [Theory]
    [InlineData("a:1 and b:2", """{"bool":{"filter":[{"match":{"a":1}},{"match":{"b":2}}]}}""")]
    [InlineData("a:1 or b:2", """{"bool":{"should":[{"match":{"a":1}},{"match":{"b":2}}],"minimum_should_match":1}}""")]
    [InlineData("not a:1", """{"bool":{"must_not":[{"match":{"a":1}}]}}""")]
    [InlineData("not a:1 and not b:2", """{"bool":{"must_not":[{"match":{"a":1}},{"match":{"b":2}}]}}""")]
    [InlineData("a:(1 or 2) or b:3", """{"bool":{"should":[{"match":{"a":1}},{"match":{"a":2}},{"match":{"b":3}}],"minimum_should_match":1}}""")]
    [InlineData("a:(1 or 2) and b:(3 or 4)",
        """{"bool":{"filter":[{"bool":{"should":[{"match":{"b":3}},{"match":{"b":4}}],"minimum_should_match":1}}],"should":[{"match":{"a":1}},{"match":{"a":2}}],"minimum_should_match":1}}""")]
    [InlineData("not (a:1 and b:2)", """{"bool":{"must_not":[{"bool":{"filter":[{"match":{"a":1}},{"match":{"b":2}}]}}]}}""")]
    public void Booleans_merge_their_clauses(string query, string expected) => Assert.Equal(expected, Dsl(query));

    [Fact]
    public void Nested_queries_prefix_their_fields_with_the_path()
        => Assert.Equal("""{"bool":{"filter":[{"nested":{"path":"top","query":{"nested":{"path":"top.mid","query":{"match":{"top.mid.b":true}},"score_mode":"none"}},"score_mode":"none"}}]}}""",
            Dsl("top:{ mid:{ b:true } }"));

    [Fact]
    public void Strings_are_json_escaped() => Assert.Equal("""{"bool":{"filter":[{"match":{"a":"x\"y\\z"}}]}}""", Dsl("a:\"x\\\"y\\\\z\""));
}
