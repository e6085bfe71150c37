using AzureRules.Generators.Kusto.Syntax;
using Xunit;

namespace AzureRules.Generators.Tests.Kusto.Syntax;

public sealed class ExpressionTests
{
    [Theory]
    [InlineData("has", nameof(BinaryOperatorKind.Has))] [InlineData("!has", nameof(BinaryOperatorKind.NotHas))]
    [InlineData("has_cs", nameof(BinaryOperatorKind.HasCs))] [InlineData("!has_cs", nameof(BinaryOperatorKind.NotHasCs))]
    [InlineData("hasprefix", nameof(BinaryOperatorKind.HasPrefix))] [InlineData("!hasprefix_cs", nameof(BinaryOperatorKind.NotHasPrefixCs))]
    [InlineData("hassuffix", nameof(BinaryOperatorKind.HasSuffix))] [InlineData("hassuffix_cs", nameof(BinaryOperatorKind.HasSuffixCs))]
    [InlineData("contains", nameof(BinaryOperatorKind.Contains))] [InlineData("!contains", nameof(BinaryOperatorKind.NotContains))]
    [InlineData("contains_cs", nameof(BinaryOperatorKind.ContainsCs))] [InlineData("!contains_cs", nameof(BinaryOperatorKind.NotContainsCs))]
    [InlineData("containscs", nameof(BinaryOperatorKind.ContainsCs))]
    [InlineData("startswith", nameof(BinaryOperatorKind.StartsWith))] [InlineData("!startswith", nameof(BinaryOperatorKind.NotStartsWith))]
    [InlineData("startswith_cs", nameof(BinaryOperatorKind.StartsWithCs))] [InlineData("endswith_cs", nameof(BinaryOperatorKind.EndsWithCs))]
    [InlineData("!endswith", nameof(BinaryOperatorKind.NotEndsWith))]
    [InlineData("matches regex", nameof(BinaryOperatorKind.MatchesRegex))]
    [InlineData("like", nameof(BinaryOperatorKind.Like))]
    [InlineData("==", nameof(BinaryOperatorKind.Equal))] [InlineData("!=", nameof(BinaryOperatorKind.NotEqual))] [InlineData("<>", nameof(BinaryOperatorKind.NotEqual))]
    [InlineData("=~", nameof(BinaryOperatorKind.EqualCaseInsensitive))] [InlineData("!~", nameof(BinaryOperatorKind.NotEqualCaseInsensitive))]
    [InlineData("<", nameof(BinaryOperatorKind.Less))] [InlineData("<=", nameof(BinaryOperatorKind.LessOrEqual))]
    [InlineData(">", nameof(BinaryOperatorKind.Greater))] [InlineData(">=", nameof(BinaryOperatorKind.GreaterOrEqual))]
    public void Binary_operators(string op, string kind)
    {
        var binary = Assert.IsType<BinaryExpression>(ParseAssert.Predicate($"a {op} 'x'"));
        Assert.Equal(kind, binary.Operator.ToString());
        Assert.Equal("a", Assert.IsType<NameReference>(binary.Left).Name);
    }

    [Theory]
    [InlineData("in", nameof(InOperatorKind.In))] [InlineData("!in", nameof(InOperatorKind.NotIn))]
    [InlineData("in~", nameof(InOperatorKind.InCaseInsensitive))] [InlineData("!in~", nameof(InOperatorKind.NotInCaseInsensitive))]
    [InlineData("has_any", nameof(InOperatorKind.HasAny))] [InlineData("has_all", nameof(InOperatorKind.HasAll))]
    public void In_operators_take_lists(string op, string kind)
    {
        var @in = Assert.IsType<InExpression>(ParseAssert.Predicate($"a {op} ('x', \"y\", 3)"));
        Assert.Equal(kind, @in.Operator.ToString());
        Assert.Equal(3, @in.Values.Count);
    }

    [Fact]
    public void In_takes_a_subquery_or_a_dynamic_variable()
    {
        Assert.IsType<PipeExpression>(Assert.Single(Assert.IsType<InExpression>(ParseAssert.Predicate("a in (U | project b)")).Values));
        Assert.IsType<NameReference>(Assert.Single(Assert.IsType<InExpression>(ParseAssert.Predicate("a has_any (List)")).Values));
    }

    [Fact]
    public void Between_and_not_between()
    {
        var between = Assert.IsType<BetweenExpression>(ParseAssert.Predicate("t between (ago(1d) .. now())"));
        Assert.False(between.Negated);
        Assert.IsType<FunctionCallExpression>(between.High);
        Assert.True(Assert.IsType<BetweenExpression>(ParseAssert.Predicate("n !between (1 .. 5)")).Negated);
    }

    [Fact]
    public void Precedence_or_and_comparison_arithmetic()
    {
        // a or b and c == 1 + 2 * 3  →  a or (b and (c == (1 + (2 * 3))))
        var or = Assert.IsType<BinaryExpression>(ParseAssert.Predicate("a or b and c == 1 + 2 * 3"));
        Assert.Equal(BinaryOperatorKind.Or, or.Operator);
        var and = Assert.IsType<BinaryExpression>(or.Right);
        Assert.Equal(BinaryOperatorKind.And, and.Operator);
        var equal = Assert.IsType<BinaryExpression>(and.Right);
        Assert.Equal(BinaryOperatorKind.Equal, equal.Operator);
        var add = Assert.IsType<BinaryExpression>(equal.Right);
        Assert.Equal(BinaryOperatorKind.Add, add.Operator);
        Assert.Equal(BinaryOperatorKind.Multiply, Assert.IsType<BinaryExpression>(add.Right).Operator);
    }

    [Fact]
    public void Not_is_a_function_and_unary_minus_on_a_name_is_an_operator()
    {
        Assert.Equal("not", Assert.IsType<FunctionCallExpression>(ParseAssert.Predicate("not(a has 'x')")).Name.Name);
        Assert.Equal(UnaryOperatorKind.Negate, Assert.IsType<UnaryExpression>(ParseAssert.Predicate("-a")).Operator);
    }

    [Fact]
    public void Dynamic_access_forms()
    {
        var bracket = Assert.IsType<PathExpression>(ParseAssert.Predicate("d['a b']"));
        Assert.Equal("a b", bracket.Member.Name);
        var index = Assert.IsType<ElementExpression>(ParseAssert.Predicate("d.x[0]"));
        Assert.IsType<PathExpression>(index.Target);
        var dotIndex = Assert.IsType<ElementExpression>(ParseAssert.Predicate("d.[1]"));
        Assert.Equal(1L, Assert.IsType<LiteralExpression>(dotIndex.Index).Value);
        Assert.Equal("x y", Assert.IsType<NameReference>(ParseAssert.Predicate("['x y']")).Name);
        Assert.Equal("z", Assert.IsType<NameReference>(ParseAssert.Predicate("[\"z\"]")).Name);
    }

    [Fact]
    public void Calls_with_star_and_named_arguments()
    {
        var summarize = ParseAssert.LastOperator<SummarizeOperator>("T | summarize arg_max(TimeGenerated, *), count(*), f(x = 1)");
        Assert.IsType<StarExpression>(Assert.IsType<FunctionCallExpression>(summarize.Aggregates[0]).Arguments[1]);
        Assert.IsType<StarExpression>(Assert.Single(Assert.IsType<FunctionCallExpression>(summarize.Aggregates[1]).Arguments));
        Assert.IsType<NamedExpression>(Assert.Single(Assert.IsType<FunctionCallExpression>(summarize.Aggregates[2]).Arguments));
    }

    [Fact]
    public void Spans_cover_the_node_text()
    {
        const string text = "T | where tolower(A) has \"x\"";
        var tree = ParseAssert.Valid(text);
        var where = Assert.IsType<PipeExpression>(Assert.IsType<ExpressionStatement>(tree.Root.Statements[0]).Expression).Operators[0];
        Assert.Equal("where tolower(A) has \"x\"", tree.TextOf(where));
        var has = Assert.IsType<BinaryExpression>(Assert.IsType<WhereOperator>(where).Predicate);
        Assert.Equal("tolower(A)", tree.TextOf(has.Left));
        Assert.Equal("has", has.OperatorSpan.Of(text));
        const string regex = "T | where A matches regex 'x'";
        var matches = Assert.IsType<BinaryExpression>(Assert.IsType<WhereOperator>(Assert.IsType<PipeExpression>(ParseAssert.Valid(regex).Query).Operators[0]).Predicate);
        Assert.Equal("matches regex", matches.OperatorSpan.Of(regex));
    }

    [Fact]
    public void Equal_texts_give_equal_trees()
        => Assert.Equal(AzureRules.Generators.Kusto.Parsing.KustoParser.Parse(SeedQueryTests.SeedQuery), AzureRules.Generators.Kusto.Parsing.KustoParser.Parse(SeedQueryTests.SeedQuery));
}
