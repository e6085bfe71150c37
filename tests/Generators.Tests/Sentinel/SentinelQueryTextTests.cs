using AzureRules.Generators.Formats.Sentinel;
using Xunit;
using static AzureRules.Generators.Tests.Sentinel.SentinelTestRules;

namespace AzureRules.Generators.Tests.Sentinel;

/// <summary>The query's map back into the file, for every way YAML writes a multi-line scalar.</summary>
public sealed class SentinelQueryTextTests
{
    private const string Head = "id: 0f1a9acc-9a6e-4630-9d7c-3b446b6635d1\nname: n\n";

    public static TheoryData<string, string, string, int, int> Scalars => new()
    {
        // name, query field as written (after the head), expected text, line/column (1-based) of the query's first character
        { "literal", "query: |\n  T\n  | where A == 1\n    | take 5\n", "T\n| where A == 1\n  | take 5\n", 4, 3 },
        { "literal strip", "query: |-\n    T\n    | take 5\n\n", "T\n| take 5", 4, 5 },
        { "literal keep", "query: |+\n  T\n\n\nkind: NRT\n", "T\n\n\n", 4, 3 },
        { "literal indentation indicator", "query: |2-\n   \n    // comment\n  T\n", " \n  // comment\nT", 4, 3 },
        { "literal with comment", "query: | # the query\n  T\n", "T\n", 4, 3 },
        { "literal trailing spaces after the indicator", "query:  |  \n   T  \n   | take 5\n", "T  \n| take 5\n", 4, 4 },
        { "folded", "query: >\n  T\n  | where A\n\n  | take 5\n", "T | where A\n| take 5\n", 4, 3 },
        { "folded more indented", "query: >-\n  T\n    | where A\n  | take 5\n", "T\n  | where A\n| take 5", 4, 3 },
        { "plain multi-line", "query:\n  T\n  | where A == 'x'\n\n  | take 5\n", "T | where A == 'x'\n| take 5", 4, 3 },
        { "plain on the key line", "query: T | where A == 1\n  | take 5\n", "T | where A == 1 | take 5", 3, 8 },
        { "double quoted", "query: \"T | where A == \\\"x\\\" and B == '\\t'\n  | take 5\"\n", "T | where A == \"x\" and B == '\t' | take 5", 3, 9 },
        { "double quoted escaped break", "query: \"T | wh\\\n  ere A\"\n", "T | where A", 3, 9 },
        { "single quoted", "query: 'T | where A == ''x''\n\n  | take 5'\n", "T | where A == 'x'\n| take 5", 3, 9 },
    };

    [Theory]
    [MemberData(nameof(Scalars))]
    public void Maps_every_query_character_to_its_place_in_the_file(string name, string field, string expected, int line, int column)
    {
        foreach (var newline in new[] { "\n", "\r\n" })
        {
            var text = (Head + field).Replace("\n", newline);
            var rule = Assert.Single(SentinelYamlReader.Read(RulePath, text).Rules);
            var query = rule.Query!;
            Assert.True(expected == query.Text, $"{name}: {query.Text}");
            Assert.Equal((line, column), At(query.MapOffset(0)));
            QueryMapAssert.EveryCharacterMapsToItself(query, text);
        }
    }

    [Fact]
    public void Maps_a_character_deep_in_a_query_block_with_CRLF_line_endings()
    {
        var text = Scheduled.Replace("\n", "\r\n");
        var rule = ReadOne(text);
        var query = rule.Query!;
        Assert.Equal("SigninLogs\n| where UserPrincipalName =~ \"decoy@contoso.com\"\n  | project TimeGenerated, UserPrincipalName, IPAddress\n", query.Text);
        var project = query.Text.IndexOf("project", StringComparison.Ordinal);
        var position = query.MapOffset(project);
        Assert.Equal((21, 7), At(position));
        Assert.Equal("project", text.Substring(position.Offset, 7));
        QueryMapAssert.EveryCharacterMapsToItself(query, text);
    }

    [Fact]
    public void Maps_a_query_span_to_a_file_span()
    {
        var rule = ReadOne(Scheduled);
        var start = rule.Query!.Text.IndexOf("decoy@", StringComparison.Ordinal);
        var span = rule.Query.MapSpan(start, 5);
        Assert.Equal((20, 33), At(span.Start));
        Assert.Equal((20, 38), At(span.End));
        Assert.Equal(RulePath, span.FilePath);
    }

    [Fact]
    public void Maps_the_query_of_an_indented_document_with_an_indentation_indicator()
    {
        // the whole rule indented by two spaces, as some repository files are; |2 counts from the key's column
        var text = "  id: 0f1a9acc-9a6e-4630-9d7c-3b446b6635d1\n  name: n\n  query: |2\n      T\n    | take 5\n";
        var query = ReadOne(text).Query!;
        Assert.Equal("  T\n| take 5\n", query.Text);
        Assert.Equal((4, 5), At(query.MapOffset(0)));
        QueryMapAssert.EveryCharacterMapsToItself(query, text);
    }

    [Fact]
    public void Positions_count_a_byte_order_mark_as_a_character_of_the_file()
    {
        var text = "\uFEFF" + Scheduled;
        var rule = ReadOne(text);
        Assert.Equal(text.IndexOf("0f1a", StringComparison.Ordinal), rule.Id!.Value.Span.Start.Offset);
        QueryMapAssert.EveryCharacterMapsToItself(rule.Query!, text);
    }
}
