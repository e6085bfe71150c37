using AzureRules.Generators.Diagnostics;
using AzureRules.Generators.Formats.Json;
using Xunit;

namespace AzureRules.Generators.Tests.Formats.Json;

public sealed class JsonParserTests
{
    private static JsonNode Parse(string text)
    {
        var result = JsonParser.Parse(text, out _);
        Assert.Null(result.Error);
        return result.Value!;
    }

    [Fact]
    public void Values_of_every_kind_with_positions()
    {
        var root = Assert.IsType<JsonObject>(Parse("{\n  \"s\": \"text\",\n  \"n\": -12.5e1,\n  \"i\": 42,\n  \"t\": true, \"f\": false, \"z\": null,\n  \"a\": [1, [], {}]\n}"));
        Assert.Equal("text", Assert.IsType<JsonString>(root["s"]).Value);
        Assert.Equal(-125.0, Assert.IsType<JsonNumber>(root["n"]).Value);
        Assert.True(Assert.IsType<JsonNumber>(root["i"]).TryGetInt64(out var i) && i == 42);
        Assert.False(Assert.IsType<JsonNumber>(root["n"]).TryGetInt64(out _));
        Assert.True(Assert.IsType<JsonBoolean>(root["t"]).Value);
        Assert.False(Assert.IsType<JsonBoolean>(root["f"]).Value);
        Assert.IsType<JsonNull>(root["z"]);
        Assert.Equal(3, Assert.IsType<JsonArray>(root["a"]).Items.Count);
        var s = root["s"]!;
        Assert.Equal((1, 7, 1, 13), (s.Start.Line, s.Start.Column, s.End.Line, s.End.Column));
        Assert.Equal(["s", "n", "i", "t", "f", "z", "a"], root.Properties.Select(p => p.Name));
        Assert.Equal(new SourcePosition(4, 1, 2), root.Properties[0].NamePosition);
    }

    [Fact]
    public void Escapes_decode_and_map_back_to_the_file()
    {
        const string text = "{\"query\": \"a\\n  b:\\\"x\\\" \\u00e9\\/\"}";
        var query = Assert.IsType<JsonString>(Assert.IsType<JsonObject>(Parse(text))["query"]);
        Assert.Equal("a\n  b:\"x\" é/", query.Value);
        var mapped = new QueryText(query.Value, "r.json", query.Map);
        Assert.Equal(text.IndexOf('b'), mapped.MapOffset(query.Value.IndexOf('b')).Offset);
        Assert.Equal(text.IndexOf('x'), mapped.MapOffset(query.Value.IndexOf('x')).Offset);
        Assert.Equal(text.IndexOf("\\u00e9", StringComparison.Ordinal), mapped.MapOffset(query.Value.IndexOf('é')).Offset);
    }

    [Theory]
    [InlineData("{\"a\": 1,}", 1, 9, "a trailing comma is not allowed")]
    [InlineData("[1, 2,]", 1, 7, "a trailing comma is not allowed")]
    [InlineData("{\"a\" 1}", 1, 6, "expected ':'")]
    [InlineData("{a: 1}", 1, 2, "expected a property name in double quotes")]
    [InlineData("{\"a\": 01}", 1, 8, "leading zeros are not allowed")]
    [InlineData("{\"a\": tru}", 1, 7, "expected a JSON value")]
    [InlineData("{\"a\": \"x\\q\"}", 1, 9, "invalid escape sequence '\\q'")]
    [InlineData("{\"a\": \"x\n\"}", 1, 7, "unterminated string")]
    [InlineData("{\"a\": [1 2]}", 1, 10, "expected ',' or ']'")]
    [InlineData("{\"a\": 1", 1, 8, "unterminated object")]
    [InlineData("{} {}", 1, 4, "after the JSON value")]
    [InlineData("", 1, 1, "expected a JSON value")]
    [InlineData("{\"a\": -}", 1, 7, "invalid number")]
    [InlineData("{\"a\": 1.}", 1, 9, "expected a digit after '.'")]
    public void Errors_at_their_line_and_column(string text, int line, int column, string message)
    {
        var error = JsonParser.Parse(text, out _).Error;
        Assert.NotNull(error);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal((line, column), (error.Position.Line + 1, error.Position.Column + 1));
    }

    [Fact]
    public void Ndjson_lines_parse_on_their_own()
    {
        var results = JsonParser.ParseLines("{\"a\": 1}\n\n{\"b\": \n{\"c\": 3}\r\n", out _);
        Assert.Equal(3, results.Count);
        Assert.NotNull(results[0].Value);
        Assert.Equal(3, results[1].Error!.Position.Line + 1);
        Assert.Equal(3, Assert.IsType<JsonNumber>(Assert.IsType<JsonObject>(results[2].Value)["c"]).Value);
        Assert.Equal(3, results[2].Value!.Start.Line);
    }

    [Fact]
    public void Deep_nesting_is_an_error_not_a_crash()
    {
        var error = JsonParser.Parse(new string('[', 100_000), out _).Error;
        Assert.Contains("nesting deeper than", error!.Message, StringComparison.Ordinal);
    }
}
