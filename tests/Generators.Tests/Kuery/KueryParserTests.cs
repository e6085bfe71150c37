using AzureRules.Generators.Kuery.Parsing;
using AzureRules.Generators.Kuery.Syntax;
using Xunit;

namespace AzureRules.Generators.Tests.Kuery;

public sealed class KueryParserTests
{
    /// <summary>The tree in Kibana's function shape: is(field, value), and(…), or(…), not(…), range(…), nested(…).</summary>
    private static string Shape(string query)
    {
        var result = KueryParser.Parse(query);
        Assert.True(result.Succeeded, result.Error?.Message);
        return Shape(result.Root!);
    }

    private static string Shape(KueryNode node) => node switch
    {
        KueryMatchAll => "all",
        KueryOr or => "or(" + string.Join(", ", or.Operands.Select(Shape)) + ")",
        KueryAnd and => "and(" + string.Join(", ", and.Operands.Select(Shape)) + ")",
        KueryNot not => "not(" + Shape(not.Operand) + ")",
        KueryIs @is => $"is({@is.Field?.Name ?? "null"}, {(@is.Value.Quoted ? "\"" + @is.Value.Text + "\"" : @is.Value.Pattern)})",
        KueryRange r => $"range({r.Field.Name} {r.Operator} {r.Value.Text})",
        KueryNested n => $"nested({n.Field.Name}, {Shape(n.Query)})",
        _ => "?",
    };

    [Theory]
    [InlineData("foo:bar", "is(foo, bar)")]
    [InlineData("foo : bar", "is(foo, bar)")]
    [InlineData("foo:bar baz", "is(foo, bar baz)")]                   // unquoted values keep inner spaces
    [InlineData("foo:\"bar baz\"", "is(foo, \"bar baz\")")]
    [InlineData("\"foo\":bar", "is(foo, bar)")]
    [InlineData("foo", "is(null, foo)")]                                // free text
    [InlineData("foo bar", "is(null, foo bar)")]
    [InlineData("foo:*", "is(foo, *)")]                                 // exists
    [InlineData("foo:ba*", "is(foo, ba*)")]
    [InlineData("foo:*ba", "is(foo, *ba)")]                             // leading wildcard
    [InlineData("machine*:osx", "is(machine*, osx)")]                   // wildcard field name
    [InlineData("foo:(a or b)", "or(is(foo, a), is(foo, b))")]
    [InlineData("foo:(a or b and not c)", "or(is(foo, a), and(is(foo, b), not(is(foo, c))))")]
    [InlineData("a:1 or b:2 and c:3", "or(is(a, 1), and(is(b, 2), is(c, 3)))")]
    [InlineData("(a:1 or b:2) and c:3", "and(or(is(a, 1), is(b, 2)), is(c, 3))")]
    [InlineData("a:1 and b:2 and c:3", "and(is(a, 1), is(b, 2), is(c, 3))")]
    [InlineData("a:1 AND b:2 Or NOT c:3", "or(and(is(a, 1), is(b, 2)), not(is(c, 3)))")]
    [InlineData("not not a:1", "not(not(is(a, 1)))")]
    [InlineData("bytes >= 1000", "range(bytes GreaterThanOrEqual 1000)")]
    [InlineData("@timestamp<now-5m", "range(@timestamp LessThan now-5m)")]
    [InlineData("n:{ a:1 and b:{ c:x } }", "nested(n, and(is(a, 1), nested(b, is(c, x))))")]
    [InlineData("a:x or\u00a0b:y", "or(is(a, x), is(b, y))")]           // no-break space is whitespace
    [InlineData("f:*not this*", "is(f, *not this*)")]                   // keywords only count between spaces
    [InlineData("f:orange and g:android", "and(is(f, orange), is(g, android))")]
    [InlineData("f: *S3 Browser* or g:x", "or(is(f, *S3 Browser*), is(g, x))")]
    [InlineData("", "all")]
    [InlineData("   ", "all")]
    public void ParsesLikeKibana(string query, string shape) => Assert.Equal(shape, Shape(query));

    [Theory]
    [InlineData(@"f:a\:b", "a:b", "a:b", false)]
    [InlineData(@"f:a\*b", "a*b", @"a\*b", false)]
    [InlineData(@"f:a\*b*", "a*b*", @"a\*b*", true)]
    [InlineData(@"f:a\\b", @"a\b", @"a\\b", false)]
    [InlineData(@"f:\(x\)", "(x)", "(x)", false)]
    [InlineData(@"f:\and", "and", "and", false)]
    [InlineData(@"f:a\u0041", "aA", "aA", false)]
    [InlineData(@"f:""a\""b""", "a\"b", "a\"b", false)]
    [InlineData(@"f:""a\(b""", @"a\(b", @"a\\(b", false)]                 // inside quotes only \" and \\ escape
    [InlineData(@"f:""*""", "*", @"\*", false)]
    public void DecodesEscapes(string query, string text, string pattern, bool wildcard)
    {
        var value = ((KueryIs)KueryParser.Parse(query).Root!).Value;
        Assert.Equal(text, value.Text);
        Assert.Equal(pattern, value.Pattern);
        Assert.Equal(wildcard, value.HasWildcard);
    }

    [Fact]
    public void NodesKnowTheirPositions()
    {
        const string query = "a:1 and  process.name : \"x y\"";
        var and = (KueryAnd)KueryParser.Parse(query).Root!;
        var second = (KueryIs)and.Operands[1];
        Assert.Equal(query.IndexOf("process", StringComparison.Ordinal), second.Field!.Start);
        Assert.Equal("process.name".Length, second.Field.Length);
        Assert.Equal(query.IndexOf('"'), second.Value.Start);
        Assert.Equal("\"x y\"".Length, second.Value.Length);
    }

    // Kibana's syntax error carets (kuery_syntax_error.test.ts) and other errors
    [Theory]
    [InlineData("response:", 9)]
    [InlineData("response:200 or ", 16)]
    [InlineData("response:(200 or )", 17)]
    [InlineData("response:200 and not ", 21)]
    [InlineData("response:(200 and not )", 22)]
    [InlineData("foo:\"ba ", 4)]
    [InlineData("foo:\"ba \"r\"", 9)]
    [InlineData("foo:ba:r", 6)]
    [InlineData("foo > ", 6)]
    [InlineData("< 1000", 0)]
    [InlineData("(a:1", 4)]
    [InlineData("a:{ b:1", 7)]
    [InlineData(@"f:foo\qbar", 5)]                                       // an invalid escape
    [InlineData("f:foo<bar", 5)]                                        // an unescaped special
    [InlineData("\"a\" or\"b\"", 6)]                                    // or needs a space after it
    public void ReportsSyntaxErrorsWhereKibanaDoes(string query, int offset)
    {
        var result = KueryParser.Parse(query);
        Assert.False(result.Succeeded);
        Assert.Equal(offset, result.Error!.Offset);
    }

    [Fact]
    public void DeepNestingIsAnErrorNotACrash()
    {
        var query = new string('(', 5000) + "a:1" + new string(')', 5000);
        Assert.False(KueryParser.Parse(query).Succeeded);
    }
}
