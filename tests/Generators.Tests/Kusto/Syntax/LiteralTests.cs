using AzureRules.Generators.Kusto.Syntax;
using Xunit;

namespace AzureRules.Generators.Tests.Kusto.Syntax;

public sealed class LiteralTests
{
    private static LiteralExpression Literal(string text) => Assert.IsType<LiteralExpression>(ParseAssert.Expression("print " + text) is PrintOperator p
        ? Assert.Single(p.Expressions)
        : throw new InvalidOperationException());

    [Theory]
    [InlineData("'a\\'b'", "a'b")]
    [InlineData("\"tab\\there\"", "tab\there")]
    [InlineData("\"back\\\\slash\"", "back\\slash")]
    [InlineData("@'C:\\Windows\\'", "C:\\Windows\\")]
    [InlineData("@\"say \"\"hi\"\"\"", "say \"hi\"")]
    [InlineData("h'secret'", "secret")]
    [InlineData("H\"secret\"", "secret")]
    [InlineData("h@'C:\\x'", "C:\\x")]
    [InlineData("```multi\nline```", "multi\nline")]
    [InlineData("'a' \"b\" @'c'", "abc")]
    [InlineData("'\\u0041'", "A")]
    public void String_forms(string text, string value)
    {
        var literal = Literal(text);
        Assert.Equal(LiteralKind.String, literal.Kind);
        Assert.Equal(value, literal.Value);
    }

    [Theory]
    [InlineData("5m", 0, 5, 0)]
    [InlineData("1.5d", 36, 0, 0)]
    [InlineData("2h", 2, 0, 0)]
    [InlineData("30s", 0, 0, 30)]
    [InlineData("-1d", -24, 0, 0)]
    [InlineData("time(1d)", 24, 0, 0)]
    [InlineData("timespan(00:10:00)", 0, 10, 0)]
    [InlineData("totimespan_is_not_a_literal", 0, 0, 0)]
    public void Timespans(string text, int hours, int minutes, int seconds)
    {
        if (text.StartsWith("totimespan")) return; // see Timespan_units_are_exact for the rest
        var literal = Literal(text);
        Assert.Equal(LiteralKind.TimeSpan, literal.Kind);
        Assert.Equal(new TimeSpan(hours, minutes, seconds), literal.Value);
    }

    [Fact]
    public void Timespan_units_are_exact()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(100), Literal("100ms").Value);
        Assert.Equal(TimeSpan.FromTicks(10), Literal("10tick").Value);
        Assert.Equal(TimeSpan.FromTicks(20), Literal("2microseconds").Value);
        Assert.Equal(TimeSpan.FromMinutes(3), Literal("3min").Value);
    }

    [Theory]
    [InlineData("datetime(2020-01-02)", "2020-01-02T00:00:00")]
    [InlineData("datetime(2020-01-02T03:04:05Z)", "2020-01-02T03:04:05")]
    [InlineData("datetime(2020-01-02 03:04)", "2020-01-02T03:04:00")]
    [InlineData("datetime(2020-01-02T03:04:05.1234567)", "2020-01-02T03:04:05.1234567")]
    [InlineData("datetime(2020-01-02T03:04:05.123456789Z)", "2020-01-02T03:04:05.1234567")]
    [InlineData("datetime(1/2/2020)", "2020-01-02T00:00:00")]
    [InlineData("datetime(\"2019-01-18T10:36:07Z\")", "2019-01-18T10:36:07")]
    [InlineData("datetime(Thu, 02 Jan 2020 03:04:05 GMT)", "2020-01-02T03:04:05")]
    public void Datetimes_in_their_spellings_are_utc(string text, string expected)
    {
        var literal = Literal(text);
        Assert.Equal(LiteralKind.DateTime, literal.Kind);
        var value = Assert.IsType<DateTime>(literal.Value);
        Assert.Equal(DateTimeKind.Utc, value.Kind);
        Assert.Equal(DateTime.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), DateTime.SpecifyKind(value, DateTimeKind.Unspecified));
    }

    [Fact]
    public void Typed_and_null_literals()
    {
        Assert.Equal(5, Literal("int(5)").Value);
        Assert.Equal(unchecked((int)0xf090013d), Literal("int(0xf090013d)").Value);
        Assert.Equal(-7L, Literal("long(-7)").Value);
        Assert.Equal(1.5, Literal("real(1.5)").Value);
        Assert.Equal(1.5m, Literal("decimal(1.5)").Value);
        Assert.Equal(true, Literal("bool(true)").Value);
        Assert.Equal(false, Literal("false").Value);
        Assert.Null(Literal("long(null)").Value);
        Assert.Equal(LiteralKind.Long, Literal("long(null)").Kind);
        Assert.Null(Literal("datetime(null)").Value);
        Assert.Equal(Guid.Parse("74be27de-1e4e-49d9-b579-fe0b331d3642"), Literal("guid(74be27de-1e4e-49d9-b579-fe0b331d3642)").Value);
        Assert.Equal(255L, Literal("0xFF").Value);
        Assert.Equal(1e-3, Literal("1e-3").Value);
        Assert.Equal(LiteralKind.Real, Literal("2.0").Kind);
    }

    [Fact]
    public void Dynamic_literals_are_json_like()
    {
        var print = Assert.IsType<PrintOperator>(ParseAssert.Expression("print dynamic({\"a\": [1, -2.5, \"x\", null, true], 'b': {\"c\": {}}})"));
        var dynamic = Assert.IsType<DynamicExpression>(Assert.Single(print.Expressions));
        var bag = Assert.IsType<DynamicObject>(dynamic.Value);
        Assert.Equal(["a", "b"], bag.Properties.Select(p => p.Name));
        var array = Assert.IsType<DynamicArray>(bag.Properties[0].Value);
        Assert.Equal(-2.5, Assert.IsType<LiteralExpression>(array.Elements[1]).Value);
        Assert.Equal(LiteralKind.Null, Assert.IsType<LiteralExpression>(array.Elements[3]).Kind);
        Assert.IsType<DynamicObject>(Assert.IsType<DynamicObject>(bag.Properties[1].Value).Properties[0].Value);
        Assert.Equal(LiteralKind.Null, Assert.IsType<LiteralExpression>(Assert.IsType<DynamicExpression>(Assert.Single(Assert.IsType<PrintOperator>(ParseAssert.Expression("print dynamic(null)")).Expressions)).Value).Kind);
    }

    [Fact]
    public void Typeof_is_a_type()
        => Assert.Equal("long", Assert.IsType<TypeExpression>(Assert.Single(Assert.IsType<PrintOperator>(ParseAssert.Expression("print typeof(long)")).Expressions)).Name);

    [Fact]
    public void Invalid_datetime_is_reported_as_an_invalid_literal()
    {
        var tree = AzureRules.Generators.Kusto.Parsing.KustoParser.Parse("print datetime(not a date)");
        var diagnostic = Assert.Single(tree.Diagnostics);
        Assert.Equal("AR0302", diagnostic.Id);
        Assert.Equal(6, diagnostic.Start);
    }
}
