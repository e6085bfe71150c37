using AzureRules.Generators.Diagnostics;
using AzureRules.Generators.Kusto.Parsing;
using AzureRules.Generators.Kusto.Syntax;
using Xunit;

namespace AzureRules.Generators.Tests.Kusto.Syntax;

/// <summary>One mistake gives one AR0301 at the place of the mistake, and the rest of the query still parses.</summary>
public sealed class ErrorRecoveryTests
{
    private static (QueryDiagnostic Diagnostic, KustoSyntaxTree Tree) SingleError(string text)
    {
        var tree = KustoParser.Parse(text);
        ParseAssert.SpansAreNested(tree);
        var diagnostic = Assert.Single(tree.Diagnostics);
        return (diagnostic, tree);
    }

    private static string Message(QueryDiagnostic d) => string.Join(", ", d.Arguments);

    [Fact]
    public void Missing_close_paren_is_expected_where_the_call_stops()
    {
        const string text = "T | where tolower(x == 1 and y > 2;\nT | take 1";
        var (d, _) = SingleError(text);
        Assert.Equal("AR0301", d.Id);
        Assert.Equal("expected ')' but found ';'", Message(d));
        Assert.Equal(text.IndexOf(';'), d.Start);
    }

    [Fact]
    public void Call_arguments_may_be_queries_so_an_unclosed_call_runs_to_the_end()
    {
        var (d, _) = SingleError("T | where tolower(x == 1\n| take 1");
        Assert.Equal("expected ')' but found the end of the query", Message(d));
    }

    [Fact]
    public void Syntax_error_maps_to_the_rule_file_with_its_message()
    {
        var tree = KustoParser.Parse("T\n| where x ==");
        var query = QueryText.Verbatim(tree.Text, "rule.yaml", new SourcePosition(100, 10, 2));
        var diagnostic = Assert.Single(tree.Diagnostics).ToRuleDiagnostic(query);
        Assert.Equal("AR0301", diagnostic.Id);
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Error, diagnostic.DefaultSeverity);
        Assert.Equal("Kusto syntax error: expected an expression but found the end of the query", diagnostic.FormatMessage());
        Assert.Equal(11, diagnostic.Span.Start.Line);
    }

    [Fact]
    public void Trailing_comma_is_reported_on_its_own_line()
    {
        const string text = "T\n| project a, b,\n| where a > 1";
        var (d, _) = SingleError(text);
        Assert.StartsWith("expected an expression", Message(d));
        Assert.Equal(text.IndexOf("b,", StringComparison.Ordinal) + 2, d.Start);
    }

    [Fact]
    public void Missing_operator_between_operands_is_one_error_and_the_pipeline_continues()
    {
        const string text = "T | where a \"x\" and b | project a | take 1";
        var (d, tree) = SingleError(text);
        Assert.Equal("unexpected '\"x\"'", Message(d));
        Assert.Equal(text.IndexOf('"'), d.Start);
        var pipe = Assert.IsType<PipeExpression>(Assert.IsType<ExpressionStatement>(tree.Root.Statements[0]).Expression);
        Assert.Equal(3, pipe.Operators.Count);
        Assert.IsType<TakeOperator>(pipe.Operators[2]);
    }

    [Fact]
    public void Unknown_operator_is_named()
    {
        var (d, tree) = SingleError("T | wherre a == 1 | take 1");
        Assert.Equal("unknown query operator 'wherre'", Message(d));
        Assert.Equal(4, d.Start);
        Assert.Equal(6, d.Length);
        Assert.IsType<TakeOperator>(Assert.IsType<PipeExpression>(Assert.IsType<ExpressionStatement>(tree.Root.Statements[0]).Expression).Operators[1]);
    }

    [Fact]
    public void Unterminated_string_is_one_error()
    {
        var (d, _) = SingleError("T | where a == \"abc\n| take 1");
        Assert.Equal("unterminated string literal", Message(d));
        Assert.Equal(15, d.Start);
    }

    [Fact]
    public void Unquoted_regex_is_one_error()
    {
        var (d, _) = SingleError("T | extend e = extract(@(\\.\\w+)$, 1, x) | take 1");
        Assert.Equal("AR0301", d.Id);
        Assert.Equal(23, d.Start);
    }

    [Fact]
    public void Missing_semicolon_after_let_is_one_error_at_the_end_of_the_let()
    {
        const string text = "let x = 5\nT | where a > x";
        var (d, _) = SingleError(text);
        Assert.StartsWith("expected ';'", Message(d));
        Assert.Equal(9, d.Start);
    }

    [Fact]
    public void Error_in_a_join_subquery_does_not_cascade()
    {
        var (d, tree) = SingleError("T | join kind=inner (U | where == 1) on Id | project Id");
        Assert.Equal(31, d.Start);
        var pipe = Assert.IsType<PipeExpression>(Assert.IsType<ExpressionStatement>(tree.Root.Statements[0]).Expression);
        Assert.IsType<ProjectOperator>(pipe.Operators[1]);
    }

    [Fact]
    public void Bang_is_not_a_negation_operator()
    {
        var (d, _) = SingleError("T | where !isempty(x) | take 1");
        Assert.Equal("unexpected '!': use not(...) to negate", Message(d));
        Assert.Equal(10, d.Start);
    }

    [Fact]
    public void Stray_close_paren_is_one_error()
    {
        var (d, _) = SingleError("T | take 1 ) | count");
        Assert.Equal("unexpected ')'", Message(d));
    }

    [Fact]
    public void Unclosed_paren_at_the_end_is_one_error()
    {
        var (d, _) = SingleError("(T | where a == 1");
        Assert.Equal("expected ')' but found the end of the query", Message(d));
    }

    [Fact]
    public void Separate_mistakes_in_separate_operators_are_each_reported()
    {
        var tree = KustoParser.Parse("T | where a == | extend b = | take 1");
        Assert.Equal(2, tree.Diagnostics.Count);
    }

    [Theory]
    [InlineData("")]
    [InlineData("|")]
    [InlineData(";;;")]
    [InlineData(")))")]
    [InlineData("T | join")]
    [InlineData("T | where (((((")]
    [InlineData("let")]
    [InlineData("let f = (a:")]
    [InlineData("datatable(")]
    [InlineData("print dynamic({")]
    [InlineData("T | parse x with")]
    [InlineData("T | mv-apply x on (")]
    [InlineData("!!!")]
    [InlineData("```unterminated")]
    [InlineData("print 9223372036854775808tick, -9223372036854775807tick, 99999999999999999999d")]
    [InlineData("print datetime(, guid(, time(")]
    [InlineData("print int(, long(-, real(+, decimal(x), bool(2)")]
    [InlineData("T | where x == 'a\\")]
    public void Fragments_never_throw_and_stay_in_bounds(string text)
    {
        var tree = KustoParser.Parse(text);
        ParseAssert.SpansAreNested(tree);
        Assert.All(tree.Diagnostics, d => Assert.InRange(d.Start + d.Length, 0, text.Length));
    }

    [Fact]
    public void Deep_nesting_is_an_error_not_a_stack_overflow()
    {
        var text = new string('(', 100_000) + "1" + new string(')', 100_000);
        var tree = KustoParser.Parse(text);
        Assert.Contains(tree.Diagnostics, d => Message(d).Contains("nested too deeply"));
        var minus = "print " + new string('-', 100_000) + "1";
        Assert.NotEmpty(KustoParser.Parse(minus).Diagnostics);
        var lets = string.Concat(Enumerable.Repeat("let f = () { ", 50_000)) + "1";
        Assert.NotEmpty(KustoParser.Parse(lets).Diagnostics);
        var brackets = "print x" + string.Concat(Enumerable.Repeat("[x", 50_000));
        Assert.NotEmpty(KustoParser.Parse(brackets).Diagnostics);
    }
}
