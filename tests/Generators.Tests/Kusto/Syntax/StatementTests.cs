using AzureRules.Generators.Kusto.Syntax;
using Xunit;

namespace AzureRules.Generators.Tests.Kusto.Syntax;

public sealed class StatementTests
{
    [Fact]
    public void Let_scalar_tabular_and_query()
    {
        var tree = ParseAssert.Valid("let threshold = 5;\nlet lookback = 1d;\nlet Data = T | where x > threshold;\nData | take 1");
        Assert.Equal(4, tree.Root.Statements.Count);
        var let = Assert.IsType<LetStatement>(tree.Root.Statements[0]);
        Assert.Equal("threshold", let.Name.Name);
        Assert.IsType<PipeExpression>(Assert.IsType<LetStatement>(tree.Root.Statements[2]).Value);
        Assert.IsType<ExpressionStatement>(tree.Root.Statements[3]);
    }

    [Fact]
    public void Query_is_the_last_expression_statement()
    {
        var tree = ParseAssert.Valid("let a = 1;\nT | take a");
        Assert.IsType<PipeExpression>(tree.Query);
        Assert.Null(ParseAssert.Valid("let a = 1;").Query);
    }

    [Fact]
    public void Let_function_with_typed_parameters_defaults_and_tabular_parameter()
    {
        var tree = ParseAssert.Valid("let f = (a:string, b:int = 5, T:(x:long), U:(*)) { let y = b * 2; T | where x > y | extend a };\nf('s', 1, X, Y)");
        var function = Assert.IsType<FunctionDefinition>(Assert.IsType<LetStatement>(tree.Root.Statements[0]).Value);
        Assert.False(function.IsView);
        Assert.Equal(["a", "b", "T", "U"], function.Parameters.Select(p => p.Name.Name));
        Assert.Equal(5L, Assert.IsType<LiteralExpression>(function.Parameters[1].Default).Value);
        var schema = Assert.IsType<SchemaExpression>(function.Parameters[2].Type);
        Assert.Equal("x", Assert.Single(schema.Columns).Name.Name);
        Assert.True(Assert.IsType<SchemaExpression>(function.Parameters[3].Type).IsOpen);
        Assert.Equal(2, function.Body.Statements.Count);
    }

    [Fact]
    public void Let_view_and_materialize()
    {
        var tree = ParseAssert.Valid("let v = view () { T | take 1 };\nlet m = materialize(T | summarize count() by k);\nunion v, m");
        Assert.True(Assert.IsType<FunctionDefinition>(Assert.IsType<LetStatement>(tree.Root.Statements[0]).Value).IsView);
        Assert.Equal("materialize", Assert.IsType<FunctionCallExpression>(Assert.IsType<LetStatement>(tree.Root.Statements[1]).Value).Name.Name);
    }

    [Fact]
    public void Let_parenthesized_query_is_not_a_function()
        => Assert.IsType<ParenthesizedExpression>(Assert.IsType<LetStatement>(ParseAssert.Valid("let x = (T | take 1); x").Root.Statements[0]).Value);

    [Fact]
    public void Set_and_declare_query_parameters()
    {
        var tree = ParseAssert.Valid("set notruncation;\nset query_now = datetime(2020-01-01);\ndeclare query_parameters(n:long = 10, s:string);\nT | take n");
        Assert.Null(Assert.IsType<SetStatement>(tree.Root.Statements[0]).Value);
        Assert.Equal("query_now", Assert.IsType<SetStatement>(tree.Root.Statements[1]).Name.Name);
        Assert.Equal(2, Assert.IsType<DeclareQueryParametersStatement>(tree.Root.Statements[2]).Parameters.Count);
    }

    [Fact]
    public void Toscalar_takes_a_query()
    {
        var tree = ParseAssert.Valid("let n = toscalar(T | count);\nT | where x > n");
        var call = Assert.IsType<FunctionCallExpression>(Assert.IsType<LetStatement>(tree.Root.Statements[0]).Value);
        Assert.IsType<PipeExpression>(Assert.Single(call.Arguments));
    }

    [Fact]
    public void Comments_are_trivia()
    {
        var tree = ParseAssert.Valid("// leading\nT // after T\n// between\n| where x == 1 // trailing");
        Assert.IsType<PipeExpression>(Assert.IsType<ExpressionStatement>(Assert.Single(tree.Root.Statements)).Expression);
    }
}
