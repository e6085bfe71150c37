using System.Diagnostics;
using System.Text.RegularExpressions;
using AzureRules.Sdk.Engine;
using AzureRules.Sdk.Eql;
using AzureRules.Sdk.Events;
using AzureRules.Sdk.Text;
using Xunit;

namespace AzureRules.Sdk.Tests.Hostile;

public sealed class HostileTextTests
{
    [Theory]
    [InlineData("a\u001B]0;owned\u0007b", "a\\e]0;owned\\u0007b")]
    [InlineData("line1\nline2\r\0", "line1\\nline2\\r\\0")]
    [InlineData("rtl\u202Eevil", "rtl\\u202Eevil")]
    [InlineData("c1\u009Bx", "c1\\u009Bx")]
    [InlineData("emoji \U0001F600 ok", "emoji \U0001F600 ok")]
    public void Console_text_escapes_control_characters(string text, string expected)
        => Assert.Equal(expected, ConsoleText.Escape(text));

    [Fact]
    public void Console_text_escapes_lone_surrogates() => Assert.Equal("lone\\uD800 \\uDC00", ConsoleText.Escape("lone\uD800 \uDC00"));

    [Fact]
    public void Catastrophic_patterns_run_in_linear_time_on_the_non_backtracking_engine()
    {
        var clock = Stopwatch.StartNew();
        var matcher = new EqlMatcher(EqlMatchMode.Regex, ignoreCase: false, "(a+)+");
        Assert.False(matcher.IsMatch(new string('a', 5000) + "!"));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.Elapsed}");
        Assert.True((RuleRegex.Create("(a+)+b").Options & RegexOptions.NonBacktracking) != 0);
    }

    [Fact]
    public void Patterns_the_non_backtracking_engine_lacks_run_with_a_timeout()
    {
        // a backreference needs backtracking; (a+)+\1 over 35 a's and a '!' would run for minutes
        var regex = RuleRegex.Create(@"^(a+)+\1$");
        Assert.Equal(RegexOptions.None, regex.Options & RegexOptions.NonBacktracking);
        Assert.Equal(RuleRegex.MatchTimeout, regex.MatchTimeout);
        var clock = Stopwatch.StartNew();
        Assert.Throws<RegexMatchTimeoutException>(() => regex.IsMatch(new string('a', 35) + "!"));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    [Fact]
    public void A_regex_timeout_is_counted_for_the_rule_and_the_run_goes_on()
    {
        var folder = Directory.CreateTempSubdirectory("azrules-timeout-").FullName;
        try
        {
            var path = Path.Combine(folder, "events.jsonl");
            File.WriteAllLines(path,
            [
                "{\"@timestamp\":\"2024-01-01T00:00:00Z\",\"user\":\"" + new string('a', 35) + "!\"}",
                "{\"@timestamp\":\"2024-01-01T00:01:00Z\",\"user\":\"aa\"}",
            ]);
            var slowRule = new RegexDetection(@"^(a+)+\1$");
            var otherRule = Engine.FieldEqualsDetection.Create("user", "aa", TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(6));
            var result = new DetectionEngine([slowRule, otherRule]).Run(EventSource.JsonLines(path));
            var slow = result.Rules.Single(r => r.Rule == slowRule);
            Assert.Equal(1, slow.RegexTimeouts);
            Assert.Equal(path + "(1)", slow.FirstRegexTimeout);
            Assert.True(slow.Incomplete);
            Assert.Equal(1, slow.Alerts); // "aa" matched on line 2 after the timeout on line 1
            Assert.Equal(1, result.Rules.Single(r => r.Rule == otherRule).Alerts);
            var summary = new StringWriter();
            result.WriteSummary(summary);
            Assert.Contains("1 regex timeout", summary.ToString());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private sealed class RegexDetection(string pattern) : Detections.ElasticEventDetection(new Detections.RuleMetadata
    {
        Id = Guid.NewGuid(), Name = "regex rule", Family = Detections.RuleFamily.Elastic, Kind = "query",
        Interval = TimeSpan.FromMinutes(5), LookBack = TimeSpan.FromMinutes(6),
    })
    {
        private readonly Regex _regex = RuleRegex.Create(pattern);
        private readonly int _slot = FieldTable.Slot("user");

        public override bool Matches(EventView e) => _regex.IsMatch(e.First(_slot).AsString() ?? "");
    }

    [Fact]
    public void Json_text_replaces_lone_surrogates_only()
        => Assert.Equal("a\uFFFDb\U0001F600\uFFFD", JsonText.ReplaceLoneSurrogates("a\uDC00b\U0001F600\uD800"));
}
