using AzureRules.Generators.Formats.Toml;
using Xunit;

namespace AzureRules.Generators.Tests.Formats.Toml;

/// <summary>TOML 1.0 features, each read into the tree with its value and position.</summary>
public sealed class TomlParserTests
{
    private static TomlTable Parse(string text)
    {
        var document = TomlParser.Parse(text);
        Assert.Null(document.Error);
        return document.Root;
    }

    private static T Get<T>(TomlTable table, params string[] path) where T : TomlNode
    {
        TomlNode node = table;
        foreach (var key in path) node = Assert.IsType<TomlTable>(node)[key] ?? throw new Xunit.Sdk.XunitException($"no key {key}");
        return Assert.IsType<T>(node);
    }

    [Fact]
    public void Bare_quoted_and_dotted_keys()
    {
        var root = Parse("bare-key_1 = 1\n\"quoted key\" = 2\n'literal.key' = 3\na . b.\"c\" = 4\n");
        Assert.Equal(1, Get<TomlInteger>(root, "bare-key_1").Value);
        Assert.Equal(2, Get<TomlInteger>(root, "quoted key").Value);
        Assert.Equal(3, Get<TomlInteger>(root, "literal.key").Value);
        Assert.Equal(4, Get<TomlInteger>(root, "a", "b", "c").Value);
        Assert.Equal(TomlTableOrigin.DottedKey, Get<TomlTable>(root, "a").Origin);
    }

    [Fact]
    public void Tables_and_sub_tables_keep_their_header_position()
    {
        var root = Parse("[metadata]\nmaturity = \"production\"\n\n[rule]\nname = \"x\"\n[rule.threshold]\nvalue = 25\n");
        Assert.Equal("production", Get<TomlString>(root, "metadata", "maturity").Value);
        Assert.Equal(25, Get<TomlInteger>(root, "rule", "threshold", "value").Value);
        var rule = Get<TomlTable>(root, "rule");
        Assert.Equal((3, 0), (rule.Start.Line, rule.Start.Column));
        Assert.Equal((3, 6), (rule.End.Line, rule.End.Column));
        var value = Get<TomlInteger>(root, "rule", "threshold", "value");
        Assert.Equal((6, 8, 6, 10), (value.Start.Line, value.Start.Column, value.End.Line, value.End.Column));
    }

    [Fact]
    public void Implicit_table_may_be_defined_later_once()
    {
        var root = Parse("[a.b.c]\nx = 1\n[a]\ny = 2\n");
        Assert.Equal(1, Get<TomlInteger>(root, "a", "b", "c", "x").Value);
        Assert.Equal(2, Get<TomlInteger>(root, "a", "y").Value);
    }

    [Fact]
    public void Arrays_of_tables_with_nested_tables_and_arrays()
    {
        var root = Parse("""
            [[rule.threat]]
            framework = "MITRE ATT&CK"
            [[rule.threat.technique]]
            id = "T1059"
            [[rule.threat.technique.subtechnique]]
            id = "T1059.001"
            [rule.threat.tactic]
            id = "TA0002"

            [[rule.threat]]
            framework = "MITRE ATT&CK"
            [rule.threat.tactic]
            id = "TA0005"
            """);
        var threat = Get<TomlArray>(root, "rule", "threat");
        Assert.True(threat.IsArrayOfTables);
        Assert.Equal(2, threat.Items.Count);
        var first = Assert.IsType<TomlTable>(threat.Items[0]);
        Assert.Equal("TA0002", Get<TomlString>(first, "tactic", "id").Value);
        var technique = Assert.IsType<TomlTable>(Get<TomlArray>(first, "technique").Items[0]);
        Assert.Equal("T1059.001", Get<TomlString>(Assert.IsType<TomlTable>(Get<TomlArray>(technique, "subtechnique").Items[0]), "id").Value);
        Assert.Equal("TA0005", Get<TomlString>(Assert.IsType<TomlTable>(threat.Items[1]), "tactic", "id").Value);
    }

    [Fact]
    public void Inline_tables_and_multi_line_arrays_with_comments_and_trailing_commas()
    {
        var root = Parse("""
            point = { x = 1, y.z = "two", nested = { ok = true } }
            empty = {}
            tags = [
                "Domain: Cloud", # a comment
                'Data Source: AWS',
                [1, 2.5, "mixed"],
            ]
            """);
        Assert.Equal(1, Get<TomlInteger>(root, "point", "x").Value);
        Assert.Equal("two", Get<TomlString>(root, "point", "y", "z").Value);
        Assert.True(Get<TomlBoolean>(root, "point", "nested", "ok").Value);
        Assert.Equal(TomlTableOrigin.Inline, Get<TomlTable>(root, "point", "y").Origin);
        Assert.Empty(Get<TomlTable>(root, "empty").Entries);
        var tags = Get<TomlArray>(root, "tags");
        Assert.Equal(3, tags.Items.Count);
        Assert.Equal("Data Source: AWS", Assert.IsType<TomlString>(tags.Items[1]).Value);
        Assert.Equal(3, Assert.IsType<TomlArray>(tags.Items[2]).Items.Count);
    }

    [Theory]
    [InlineData("v = \"tab\\there\"", "tab\there")]
    [InlineData("v = \"q\\\" b\\\\ \\b\\f\\n\\r\"", "q\" b\\ \b\f\n\r")]
    [InlineData("v = \"\\u00E9\\U0001F600\"", "é😀")]
    [InlineData("v = 'C:\\Users\\*'", "C:\\Users\\*")]
    [InlineData("v = \"\"\"\nline1\nline2\"\"\"", "line1\nline2")]
    [InlineData("v = \"\"\"\r\nline1\r\nline2\"\"\"", "line1\nline2")]
    [InlineData("v = \"\"\"The quick \\\n\n    brown \\   \n   fox.\"\"\"", "The quick brown fox.")]
    [InlineData("v = \"\"\"\"quoted\"\"\"\"", "\"quoted\"")]
    [InlineData("v = \"\"\"a\"\"b\"\"\"\"\"", "a\"\"b\"\"")]
    [InlineData("v = '''\nC:\\Windows\\ 'quoted' ''\n'''", "C:\\Windows\\ 'quoted' ''\n")]
    [InlineData("v = ''''one quote''''", "'one quote'")]
    public void String_kinds_decode(string toml, string expected)
        => Assert.Equal(expected, Get<TomlString>(Parse(toml), "v").Value);

    [Theory]
    [InlineData("v = 42", 42L)]
    [InlineData("v = +17", 17L)]
    [InlineData("v = -5_000", -5000L)]
    [InlineData("v = 0", 0L)]
    [InlineData("v = 0xDEAD_beef", 0xDEADBEEFL)]
    [InlineData("v = 0o755", 493L)]
    [InlineData("v = 0b1101", 13L)]
    [InlineData("v = 9223372036854775807", long.MaxValue)]
    [InlineData("v = -9223372036854775808", long.MinValue)]
    public void Integers(string toml, long expected) => Assert.Equal(expected, Get<TomlInteger>(Parse(toml), "v").Value);

    [Theory]
    [InlineData("v = 3.1415", 3.1415)]
    [InlineData("v = -0.01", -0.01)]
    [InlineData("v = 5e+22", 5e22)]
    [InlineData("v = 1E06", 1e6)]
    [InlineData("v = -2E-2", -0.02)]
    [InlineData("v = 6.626e-34", 6.626e-34)]
    [InlineData("v = 224_617.445_991", 224617.445991)]
    [InlineData("v = inf", double.PositiveInfinity)]
    [InlineData("v = -inf", double.NegativeInfinity)]
    public void Floats(string toml, double expected) => Assert.Equal(expected, Get<TomlFloat>(Parse(toml), "v").Value);

    [Fact]
    public void Nan_and_booleans()
    {
        var root = Parse("a = nan\nb = +nan\nt = true\nf = false\n");
        Assert.True(double.IsNaN(Get<TomlFloat>(root, "a").Value));
        Assert.True(double.IsNaN(Get<TomlFloat>(root, "b").Value));
        Assert.True(Get<TomlBoolean>(root, "t").Value);
        Assert.False(Get<TomlBoolean>(root, "f").Value);
    }

    [Theory]
    [InlineData("1979-05-27T07:32:00Z", "OffsetDateTime")]
    [InlineData("1979-05-27T00:32:00.999999-07:00", "OffsetDateTime")]
    [InlineData("1979-05-27 07:32:00Z", "OffsetDateTime")]
    [InlineData("1979-05-27T07:32:00", "LocalDateTime")]
    [InlineData("1979-05-27", "LocalDate")]
    [InlineData("07:32:00", "LocalTime")]
    [InlineData("00:32:00.999999", "LocalTime")]
    public void Date_times(string text, string kind)
    {
        var value = Get<TomlDateTime>(Parse($"v = {text} # comment"), "v");
        Assert.Equal(kind, value.Kind.ToString());
        Assert.Equal(text, value.Text);
    }

    [Fact]
    public void Comments_blank_lines_crlf_and_bom()
    {
        var root = Parse("\uFEFF# header comment\r\n\r\n  key = \"v\"   # trailing\r\n[t] # table comment\r\n");
        Assert.Equal("v", Get<TomlString>(root, "key").Value);
        Assert.NotNull(root["t"]);
    }

    [Fact]
    public void Multi_line_string_maps_every_character_to_its_file_line_and_column()
    {
        const string text = "[rule]\nquery = '''\nprocess where\n  process.name : \"a.exe\"\n'''\n";
        var query = Get<TomlString>(Parse(text), "rule", "query");
        var lines = new AzureRules.Generators.Diagnostics.TextLines(text);
        var mapped = new AzureRules.Generators.Diagnostics.QueryText(query.Value, "f.toml", query.Map);
        for (var i = 0; i < query.Value.Length; i++)
        {
            var position = mapped.MapOffset(i);
            Assert.Equal(query.Value[i], text[position.Offset]);
            Assert.Equal(lines.PositionOf(position.Offset), position);
        }
        Assert.Equal((3, 2), (mapped.MapOffset(query.Value.IndexOf("process.name", StringComparison.Ordinal)).Line, mapped.MapOffset(query.Value.IndexOf("process.name", StringComparison.Ordinal)).Column));
    }

    [Fact]
    public void Escapes_and_line_ending_backslashes_start_new_map_segments()
    {
        const string text = "v = \"\"\"\na\\tb \\\n    c\\u00E9d\"\"\"";
        var value = Get<TomlString>(Parse(text), "v");
        Assert.Equal("a\tb céd", value.Value);
        var mapped = new AzureRules.Generators.Diagnostics.QueryText(value.Value, "f.toml", value.Map);
        // 'b' follows the two-character escape \t on line 2
        Assert.Equal(new AzureRules.Generators.Diagnostics.SourcePosition(text.IndexOf('b'), 1, 3), mapped.MapOffset(2));
        // 'c' is on the next line after the line-ending backslash
        Assert.Equal(new AzureRules.Generators.Diagnostics.SourcePosition(text.IndexOf('c'), 2, 4), mapped.MapOffset(4));
        // 'é' maps to its \u escape, 'd' to the character after it
        Assert.Equal(text.IndexOf("\\u00E9", StringComparison.Ordinal), mapped.MapOffset(5).Offset);
        Assert.Equal(text.IndexOf('d'), mapped.MapOffset(6).Offset);
    }

    [Fact]
    public void Crlf_line_ends_are_read_as_line_feeds_and_still_map_to_the_right_line()
    {
        const string text = "q = \"\"\"\r\nfirst\r\n  second\"\"\"\r\n";
        var value = Get<TomlString>(Parse(text), "q");
        Assert.Equal("first\n  second", value.Value);
        var mapped = new AzureRules.Generators.Diagnostics.QueryText(value.Value, "f.toml", value.Map);
        var second = mapped.MapOffset(value.Value.IndexOf("second", StringComparison.Ordinal));
        Assert.Equal((2, 2, text.IndexOf("second", StringComparison.Ordinal)), (second.Line, second.Column, second.Offset));
    }
}
