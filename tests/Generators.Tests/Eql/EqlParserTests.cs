using AzureRules.Generators.Eql.Syntax;
using Xunit;

namespace AzureRules.Generators.Tests.Eql;

public sealed class EqlParserTests
{
    private static EqlQuery Parse(string text)
    {
        var (query, error) = EqlParser.Parse(text);
        Assert.True(error is null, error?.Message);
        return query!;
    }

    [Fact]
    public void SequenceWithEverything()
    {
        var query = Assert.IsType<EqlSequenceQuery>(Parse(
            "sequence by host.id, user.name with maxspan=5m\n" +
            "  [process where process.name : \"a\"] by process.pid with runs=2\n" +
            "  ![file where true] by process.pid\n" +
            "  [network where true] by process.pid\n" +
            "until [process where event.type == \"end\"] by process.pid | head 3"));
        Assert.Equal(["host.id", "user.name"], query.Keys.Select(k => ((EqlField)k).Name));
        Assert.Equal(TimeSpan.FromMinutes(5), query.MaxSpan!.Value);
        Assert.Equal(3, query.Steps.Count);
        Assert.Equal(2, query.Steps[0].Runs);
        Assert.True(query.Steps[1].IsMissing);
        Assert.Equal("file", query.Steps[1].Filter.Category);
        Assert.NotNull(query.Until);
        Assert.Equal("head", Assert.Single(query.Pipes).Name);
    }

    [Fact]
    public void SequenceParametersInEitherOrder()
    {
        var query = Assert.IsType<EqlSequenceQuery>(Parse("sequence with maxspan=30s by host.id [a where true] [b where true]"));
        Assert.Equal(TimeSpan.FromSeconds(30), query.MaxSpan!.Value);
        Assert.Single(query.Keys);
    }

    [Fact]
    public void SampleByKeys()
    {
        var query = Assert.IsType<EqlSampleQuery>(Parse("sample by host.id [process where true] [network where true]"));
        Assert.Equal(2, query.Steps.Count);
    }

    [Fact]
    public void PositionsCoverTheSourceText()
    {
        const string text = "process where startsWith~(process.name, \"a\") and not ?x.y in~ (\"b\", \"c\")";
        var query = Assert.IsType<EqlEventQuery>(Parse(text));
        var and = Assert.IsType<EqlBinary>(query.Filter.Condition);
        var call = Assert.IsType<EqlCall>(and.Left);
        Assert.True(call.CaseInsensitive);
        Assert.Equal("startsWith~(process.name, \"a\")", text.Substring(call.Start, call.Length));
        var not = Assert.IsType<EqlUnary>(and.Right);
        var predicate = Assert.IsType<EqlPredicate>(not.Operand);
        Assert.True(predicate.CaseInsensitive);
        var field = Assert.IsType<EqlField>(predicate.Value);
        Assert.True(field.IsOptional);
        Assert.Equal("?x.y", text.Substring(field.Start, field.Length));
    }

    [Fact]
    public void NegativeNumbersAreLiterals()
    {
        var query = Assert.IsType<EqlEventQuery>(Parse("process where exit_code > -1"));
        var comparison = Assert.IsType<EqlBinary>(query.Filter.Condition);
        Assert.Equal("-1", Assert.IsType<EqlLiteral>(comparison.Right).Text);
    }

    [Theory]
    [InlineData("\"a\\tb\"", "a\tb")]
    [InlineData("\"\\u{41}\"", "A")]
    [InlineData("\"\"\"raw \\n \"quoted\" \"\"\"", "raw \\n \"quoted\" ")]
    [InlineData("'single'", "single")]
    public void StringLiterals(string literal, string value)
    {
        var query = Assert.IsType<EqlEventQuery>(Parse("any where a == " + literal));
        Assert.Equal(value, Assert.IsType<EqlLiteral>(((EqlBinary)query.Filter.Condition).Right).Text);
    }

    [Fact]
    public void CategoriesAsStringsAndKeywordsAnyCase()
    {
        var query = Assert.IsType<EqlEventQuery>(Parse("\"process\" WHERE a == 1 AND NOT b == 2"));
        Assert.Equal("process", query.Filter.Category);
    }
}

public sealed class EqlParserLimitsTests
{
    [Theory]
    [InlineData(1000, '(')]
    [InlineData(1000, '-')]
    public void DeepNestingIsAnErrorNotAStackOverflow(int depth, char opener)
    {
        var query = "any where " + new string(opener, depth) + "1";
        var (parsed, error) = EqlParser.Parse(query);
        Assert.Null(parsed);
        Assert.Contains("nested", error!.Message);
    }

    [Fact]
    public void DeepNotChainIsAnError()
    {
        var (_, error) = EqlParser.Parse("any where " + string.Concat(Enumerable.Repeat("not ", 1000)) + "true");
        Assert.Contains("nested", error!.Message);
    }

    [Fact]
    public void HugeMaxSpanIsAnError()
    {
        var (_, error) = EqlParser.Parse("sequence with maxspan=99999999999999999999d [a where true] [b where true]");
        Assert.Contains("too long", error!.Message);
    }
}
