using System.Text;
using AzureRules.Sdk.Events;
using AzureRules.Sdk.Kuery;
using Xunit;

namespace AzureRules.Sdk.Tests.Kuery;

public sealed class KueryPatternTests
{
    [Theory]
    [InlineData("hello*", "hello world", true)]
    [InlineData("*world", "hello world", true)]
    [InlineData("*lo w*", "hello world", true)]
    [InlineData("h*o*d", "hello world", true)]
    [InlineData("foobar*", "hello world", false)]
    [InlineData("Hello*", "hello world", false)]          // keyword wildcards are case-sensitive
    [InlineData("*", "", true)]
    [InlineData("a*a", "a", false)]                        // prefix and suffix may not overlap
    [InlineData(@"foo\*bar*", "foo*barbaz", true)]         // an escaped star is literal
    [InlineData(@"foo\*bar*", "fooXbarbaz", false)]
    [InlineData(@"c:\\windows\\*", @"c:\windows\system32", true)]
    public void MatchesTheWholeValue(string pattern, string value, bool expected)
        => Assert.Equal(expected, new KueryPattern(pattern).IsMatch(value));

    [Fact]
    public void IgnoreCaseLowersThePattern()
        => Assert.True(new KueryPattern("POWER*", ignoreCase: true).IsMatch("powershell"));
}

public sealed class KueryTextTests
{
    [Theory]
    [InlineData("Accepted password for root from 10.0.0.1", "password", false, true)]
    [InlineData("Accepted password for root", "PASSWORD", false, true)]          // analysed: case-insensitive
    [InlineData("Accepted password for root", "denied password", false, true)]   // match: any term
    [InlineData("Accepted password for root", "denied", false, false)]
    [InlineData("Accepted password for root", "password for", true, true)]       // match_phrase: adjacent, in order
    [InlineData("Accepted password for root", "for password", true, false)]
    [InlineData("Accepted password for root", "pass", false, false)]             // whole terms only
    [InlineData(@"C:\Windows\System32\cmd.exe /c whoami", "cmd.exe", false, true)] // '.' between letters stays in the term
    [InlineData(@"C:\Windows\System32\cmd.exe /c whoami", "system32", false, true)]
    public void MatchesAnalysedTerms(string value, string query, bool phrase, bool expected)
        => Assert.Equal(expected, new KueryText(query, phrase).IsMatch(value));

    [Fact]
    public void WildcardsApplyToEachTerm()
    {
        Assert.True(KueryText.AnyTermMatches("Invoke-Mimikatz -DumpCreds", new KueryPattern("mimi*", ignoreCase: true)));
        Assert.False(KueryText.AnyTermMatches("Invoke-Mimikatz", new KueryPattern("invoke-m*", ignoreCase: true)));
    }
}

public sealed class KueryIpTests
{
    [Theory]
    [InlineData("10.0.0.0/8", "10.1.2.3", true)]
    [InlineData("10.0.0.0/8", "11.0.0.1", false)]
    [InlineData("192.168.0.0/16", "192.168.16.3", true)]
    [InlineData("192.168.16.3", "192.168.16.3", true)]
    [InlineData("0.0.0.0/0", "8.8.8.8", true)]
    [InlineData("fe80::/10", "fe80::1ff:fe23:4567:890a", true)]
    [InlineData("fe80::/10", "2001:db8::1", false)]
    [InlineData("2001:db8::/32", "2001:0db8:0000:0000:0000:ff00:0042:8329", true)]
    [InlineData("::ffff:10.0.0.0/104", "10.9.9.9", true)]      // IPv4 lives inside IPv6, as in Elasticsearch
    [InlineData("::1", "0:0:0:0:0:0:0:1", true)]
    [InlineData("10.0.0.0/8", "not an ip", false)]
    [InlineData("10.0.0.0/8", "10.0.0", false)]
    [InlineData("10.0.0.0/8", "10.0.0.256", false)]
    public void ContainsAddresses(string block, string address, bool expected)
    {
        var range = new KueryIpRange(block);
        Assert.Equal(expected, KueryIp.TryParse(address, out var ip) && range.Contains(ip));
    }
}

public sealed class KueryDateTests
{
    [Fact]
    public void ParsesIsoAndEpochMillis()
    {
        Assert.True(KueryDate.TryParseMillis("2024-01-02T03:04:05Z", out var iso));
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero).ToUnixTimeMilliseconds(), iso);
        Assert.True(KueryDate.TryParseMillis("1704164645000", out var epoch));
        Assert.Equal(iso, epoch);
        Assert.Equal(iso, new KueryDate("2024-01-02T03:04:05Z").Resolve());
    }

    [Fact]
    public void ResolvesDateMath()
    {
        var before = DateTimeOffset.UtcNow.AddDays(-30).ToUnixTimeMilliseconds();
        var resolved = new KueryDate("now-30d").Resolve();
        Assert.InRange(resolved, before - 5000, before + 5000);
        Assert.Equal(new DateTimeOffset(2024, 2, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds(),
            new KueryDate("2024-01-15T10:00:00Z||+1M/M").Resolve());
    }
}

/// <summary>The typed comparisons over an event loaded into an <see cref="EventView"/>.</summary>
public sealed class KueryMatchTests
{
    private static readonly int Name = FieldTable.Slot("kuerytest.process.name");
    private static readonly int Args = FieldTable.Slot("kuerytest.process.args");
    private static readonly int Port = FieldTable.Slot("kuerytest.destination.port");
    private static readonly int Ip = FieldTable.Slot("kuerytest.source.ip");
    private static readonly int Flag = FieldTable.Slot("kuerytest.flag");
    private static readonly int When = FieldTable.Slot("kuerytest.when");
    private static readonly int Missing = FieldTable.Slot("kuerytest.missing");

    // an explicit static constructor makes the slots exist before the first event is read (no beforefieldinit)
    static KueryMatchTests() { }

    private static EventView Load(string json)
    {
        var view = new EventView();
        view.Load(Encoding.UTF8.GetBytes(json));
        return view;
    }

    [Fact]
    public void DottedKeysAndNestedObjectsAreTheSameField()
    {
        var nested = Load("""{"kuerytest":{"process":{"name":"cmd.exe"}}}""");
        var dotted = Load("""{"kuerytest.process.name":"cmd.exe"}""");
        var mixed = Load("""{"kuerytest":{"process.name":"cmd.exe"}}""");
        foreach (var e in new[] { nested, dotted, mixed })
            Assert.True(KueryMatch.Keyword(e.Values(Name), "cmd.exe"));
    }

    [Fact]
    public void KeywordsAreExactAndCaseSensitive()
    {
        var e = Load("""{"kuerytest":{"process":{"name":"cmd.exe"}}}""");
        Assert.False(KueryMatch.Keyword(e.Values(Name), "CMD.EXE"));
        Assert.False(KueryMatch.Keyword(e.Values(Name), "cmd"));
    }

    [Fact]
    public void ArraysMatchWhenAnyElementMatches()
    {
        var e = Load("""{"kuerytest":{"process":{"args":["-enc","SQBFAFgA"]}}}""");
        Assert.True(KueryMatch.Keyword(e.Values(Args), "-enc"));
        Assert.True(KueryMatch.Wildcard(e.Values(Args), new KueryPattern("SQB*")));
        Assert.False(KueryMatch.Keyword(e.Values(Args), "-nop"));
    }

    [Fact]
    public void MissingFieldsMatchNothing_SoNotOverThemHolds()
    {
        var e = Load("""{"kuerytest":{"flag":true}}""");
        Assert.False(KueryMatch.Keyword(e.Values(Missing), "x"));
        Assert.False(e.Exists(Missing));
        Assert.True(!KueryMatch.Keyword(e.Values(Missing), "x"));
    }

    [Fact]
    public void NumbersCompareAsNumbers()
    {
        var e = Load("""{"kuerytest":{"destination":{"port":"443"}},"kuerytest.destination.port2":1}""");
        Assert.True(KueryMatch.Number(e.Values(Port), 443));              // a numeric string is a number in a number field
        Assert.True(KueryMatch.NumberRange(e.Values(Port), KueryComparison.GreaterThanOrEqual, 443));
        Assert.False(KueryMatch.NumberRange(e.Values(Port), KueryComparison.GreaterThan, 443));
        Assert.True(KueryMatch.NumberRange(Load("""{"kuerytest":{"destination":{"port":[22,8080]}}}""").Values(Port), KueryComparison.GreaterThan, 1024));
    }

    [Fact]
    public void BooleansIpsAndDates()
    {
        var e = Load("""{"kuerytest":{"flag":true,"source":{"ip":"10.20.30.40"},"when":"2024-05-01T12:00:00Z"}}""");
        Assert.True(KueryMatch.Boolean(e.Values(Flag), true));
        Assert.False(KueryMatch.Boolean(e.Values(Flag), false));
        Assert.True(KueryMatch.Ip(e.Values(Ip), new KueryIpRange("10.0.0.0/8")));
        Assert.False(KueryMatch.Ip(e.Values(Ip), new KueryIpRange("192.168.0.0/16")));
        Assert.True(KueryMatch.DateRange(e.Values(When), KueryComparison.GreaterThan, new KueryDate("2024-01-01")));
        Assert.False(KueryMatch.DateRange(e.Values(When), KueryComparison.LessThan, new KueryDate("2024-01-01")));
    }

    [Fact]
    public void UnknownFieldsCompareByTheValuesJsonKind()
    {
        var e = Load("""{"kuerytest":{"process":{"name":"1"},"destination":{"port":1},"flag":false}}""");
        Assert.True(KueryMatch.Dynamic(e.Values(Port), new KueryValue("1")));          // number:1
        Assert.True(KueryMatch.Dynamic(e.Values(Port), new KueryValue("1.0")));        // compared as numbers
        Assert.True(KueryMatch.Dynamic(e.Values(Name), new KueryValue("1")));          // string: exact text
        Assert.False(KueryMatch.Dynamic(e.Values(Name), new KueryValue("1.0")));
        Assert.True(KueryMatch.Dynamic(e.Values(Flag), new KueryValue("false")));
        Assert.True(KueryMatch.DynamicRange(e.Values(Port), KueryComparison.LessThan, new KueryValue("2")));
    }

    [Fact]
    public void NestedQueriesHoldWithinOneObject()
    {
        var e = Load("""{"deltas":[{"action":"ADD","role":"roles/target"},{"action":"REMOVE","role":"roles/other"}]}""");
        var action = FieldTable.Slot("action");
        var role = FieldTable.Slot("role");
        Assert.True(KueryDocument.Nested(e, "deltas", n => KueryMatch.Keyword(n.Values(action), "ADD") && KueryMatch.Keyword(n.Values(role), "roles/target")));
        Assert.False(KueryDocument.Nested(e, "deltas", n => KueryMatch.Keyword(n.Values(action), "ADD") && KueryMatch.Keyword(n.Values(role), "roles/other")));
        var dotted = Load("""{"a.deltas":{"action":"ADD"}}""");
        Assert.True(KueryDocument.Nested(dotted, "a.deltas", n => KueryMatch.Keyword(n.Values(action), "ADD")));
    }

    [Fact]
    public void FreeTextSearchesEveryField()
    {
        var e = Load("""{"message":"Accepted password for root","n":1,"tags":["alpha","beta"]}""");
        Assert.True(KueryDocument.FreeText(e, new KueryValue("beta"), new KueryText("beta", false), null));
        Assert.True(KueryDocument.FreeText(e, new KueryValue("password for"), new KueryText("password for", true), null));
        Assert.True(KueryDocument.FreeText(e, new KueryValue("1"), new KueryText("1", false), null));
        Assert.True(KueryDocument.FreeText(e, new KueryValue("Acc*", "Acc*"), null, new KueryPattern("Acc*", ignoreCase: true)));
        Assert.False(KueryDocument.FreeText(e, new KueryValue("gamma"), new KueryText("gamma", false), null));
    }

    [Fact]
    public void WildcardFieldNamesMatchTheEventsOwnFields()
    {
        var e = Load("""{"file":{"hash":{"sha256":"abc","md5":"def"}}}""");
        Assert.True(KueryDocument.AnyField(e, new KueryPattern("file.hash.*"), new KueryValue("def")));
        Assert.False(KueryDocument.AnyField(e, new KueryPattern("process.hash.*"), new KueryValue("def")));
    }
}
