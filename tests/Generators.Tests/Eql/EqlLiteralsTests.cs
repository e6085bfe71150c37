using System.Text.RegularExpressions;
using AzureRules.Generators.Eql.Binding;
using Xunit;

namespace AzureRules.Generators.Tests.Eql;

public sealed class EqlLiteralsTests
{
    [Theory]
    [InlineData(@"[a-z0-9\_\.]+", @"[a-z0-9_\.]+")]          // Lucene escapes any character; .NET rejects \_
    [InlineData(@"\.[a-z0-9_-\.]{1,254}", @"\.[a-z0-9_\-\.]{1,254}")] // a reversed range is a literal '-'
    [InlineData(@"/[a-z0-9\s_-\\./]+\s", @"/[a-z0-9\s_\-\\./]+\s")]
    [InlineData(@"\d+\w", @"\d+\w")]
    [InlineData(@"\.[a-z0-9_\-][a-z0-9_\-\.]{1,254}", @"\.[a-z0-9_\-][a-z0-9_\-\.]{1,254}")] // corpus: an escaped '-' stays escaped
    public void LuceneRegexBecomesDotNet(string lucene, string expected)
    {
        var translated = EqlLiterals.ToDotNetRegex(lucene);
        Assert.Equal(expected, translated);
        _ = new Regex(translated);
    }

    [Theory]
    [InlineData("10.0.0.0/8", true)]
    [InlineData("fe80::/10", true)]
    [InlineData("10.0.0.1", true)]
    [InlineData("10.0.0.0/33", false)]
    [InlineData("not an ip/8", false)]
    public void CidrBlocks(string text, bool valid) => Assert.Equal(valid, EqlLiterals.IsValidCidr(text));

    [Fact]
    public void DatesAreEpochMilliseconds()
    {
        Assert.True(EqlLiterals.TryParseDate("2017-08-30T20:47:33Z", out var millis));
        Assert.Equal(1504126053000L, millis);
        Assert.True(EqlLiterals.TryParseDate("1516116808349", out millis));
        Assert.Equal(1516116808349L, millis);
        Assert.False(EqlLiterals.TryParseDate("yesterday", out _));
    }
}
