using AzureRules.Generators.Formats.Toml;
using Xunit;

namespace AzureRules.Generators.Tests.Formats.Toml;

/// <summary>Each TOML error is found at its exact one-based line and column, with a message saying what is wrong.</summary>
public sealed class TomlErrorTests
{
    [Theory]
    // duplicate keys and table redefinition
    [InlineData("a = 1\na = 2", 2, 1, "duplicate key 'a'")]
    [InlineData("[t]\nx = 1\n[t]", 3, 2, "table 't' is defined more than once")]
    [InlineData("[a]\nb.c = 1\n[a.b]", 3, 4, "table 'a.b' is already defined by dotted keys")]
    [InlineData("[a.b.c]\nz = 9\n[a]\nb.c.t = 9", 4, 1, "cannot add to the table 'b' with a dotted key")]
    [InlineData("a = {x = 1}\n[a]", 2, 2, "already defined as an inline table")]
    [InlineData("a = {x = 1}\na.y = 2", 2, 1, "cannot add keys to the inline table 'a'")]
    [InlineData("a = 1\na.b = 2", 2, 1, "'a' is already defined as an integer, not a table")]
    [InlineData("a = [1]\n[[a]]", 2, 3, "cannot append to the static array 'a'")]
    [InlineData("[[a]]\n[a]", 2, 2, "'a' is already defined as an array of tables")]
    [InlineData("x = 1\n[x.y]", 2, 2, "'x' is already defined as an integer, not a table")]
    // keys and structure
    [InlineData("= 1", 1, 1, "expected a key")]
    [InlineData("key 1", 1, 5, "expected '=' after the key")]
    [InlineData("key =", 1, 6, "expected a value after '='")]
    [InlineData("a = 1 b = 2", 1, 7, "expected the end of the line")]
    [InlineData("[table", 1, 7, "expected ']' to close the table header")]
    [InlineData("[[table]", 1, 9, "expected ']]' to close the array of tables header")]
    [InlineData("a = 1\r", 1, 6, "a carriage return must be followed by a line feed")]
    [InlineData("a = \"\"\"x\"\"\"\n\"\"\"k\"\"\" = 1", 2, 1, "a key cannot be a multi-line string")]
    // strings
    [InlineData("s = \"open", 1, 5, "unterminated string")]
    [InlineData("s = 'open\n'", 1, 5, "unterminated literal string")]
    [InlineData("s = \"\"\"open", 1, 5, "unterminated multi-line string")]
    [InlineData("s = '''open", 1, 5, "unterminated multi-line literal string")]
    [InlineData("s = \"C:\\Windows\"", 1, 8, "invalid escape sequence '\\W'")]
    [InlineData("s = \"\\u12G4\"", 1, 6, "expected 4 hexadecimal digits")]
    [InlineData("s = \"\\uD800\"", 1, 6, "not a Unicode scalar value")]
    [InlineData("s = \"\"\"a\"\"\"\"\"\"", 1, 14, "too many quotes")]
    [InlineData("s = \"a\u0001b\"", 1, 7, "control character U+0001 must be escaped")]
    [InlineData("a = 1 # bell \u0007", 1, 14, "control character U+0007 is not allowed in a comment")]
    // numbers, booleans, dates
    [InlineData("n = 012", 1, 5, "leading zeros are not allowed")]
    [InlineData("n = 1__000", 1, 5, "an underscore must be between two digits")]
    [InlineData("n = _1", 1, 5, "expected a value, found '_'")]
    [InlineData("n = 1_", 1, 5, "an underscore must be between two digits")]
    [InlineData("n = +0x1F", 1, 5, "cannot have a sign")]
    [InlineData("n = 0x", 1, 5, "expected digits")]
    [InlineData("n = 0b102", 1, 5, "invalid number '0b102'")]
    [InlineData("n = 9223372036854775808", 1, 5, "does not fit in 64 bits")]
    [InlineData("n = 1.", 1, 5, "expected digits")]
    [InlineData("n = .5", 1, 5, "expected a value, found '.'")]
    [InlineData("n = 1e", 1, 5, "expected digits")]
    [InlineData("b = True", 1, 5, "expected a value, found 'True' (booleans are lower case")]
    [InlineData("b = truely", 1, 5, "expected a value, found 'truely'")]
    [InlineData("n = +infinity", 1, 5, "invalid number '+infinity'")]
    [InlineData("b = maybe", 1, 5, "expected a value, found 'maybe' (strings need quotes)")]
    [InlineData("d = 1979-13-27", 1, 5, "month 13 is out of range")]
    [InlineData("d = 1979-02-30", 1, 5, "day 30 is out of range")]
    [InlineData("d = 1979-05-27T25:00:00", 1, 5, "invalid time: out of range")]
    [InlineData("d = 07:32", 1, 10, "invalid time: expected ':'")]
    // arrays and inline tables
    [InlineData("a = [1, 2", 1, 10, "unterminated array")]
    [InlineData("a = [1 2]", 1, 8, "expected ',' or ']' in the array")]
    [InlineData("a = [,]", 1, 6, "expected a value, found ','")]
    [InlineData("t = {a = 1,}", 1, 12, "a trailing comma is not allowed in an inline table")]
    [InlineData("t = {a = 1\n}", 1, 11, "must be closed with '}' on the same line")]
    [InlineData("t = {a = 1, a = 2}", 1, 13, "duplicate key 'a'")]
    public void Error_is_reported_at_its_line_and_column(string toml, int line, int column, string message)
    {
        var error = TomlParser.Parse(toml).Error;
        Assert.NotNull(error);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal((line, column), (error.Position.Line + 1, error.Position.Column + 1));
    }
}
