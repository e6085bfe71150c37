using System.Text;
using AzureRules.Sdk.Eql;
using AzureRules.Sdk.Events;
using Xunit;

namespace AzureRules.Sdk.Tests.Eql;

public sealed class EqlRuntimeTests
{
    private static readonly int Name = FieldTable.Slot("eqltest.name");
    private static readonly int Args = FieldTable.Slot("eqltest.args");
    private static readonly int Pid = FieldTable.Slot("eqltest.pid");
    private static readonly int Ip = FieldTable.Slot("eqltest.ip");
    private static readonly int Time = FieldTable.Slot("eqltest.time");

    // An explicit static constructor: the slots must exist before the first event is read (only
    // fields registered in the FieldTable are materialised), and Event() is the first thing tests call.
    static EqlRuntimeTests() { }

    private static EventView Event(string json)
    {
        var view = new EventView();
        view.Load(Encoding.UTF8.GetBytes(json));
        return view;
    }

    [Theory]
    [InlineData("*.exe", "cmd.exe", false, true)]
    [InlineData("*.exe", "cmd.EXE", false, false)]
    [InlineData("*.exe", "cmd.EXE", true, true)]
    [InlineData("cmd*", "cmd.exe", false, true)]
    [InlineData("*md*", "cmd.exe", false, true)]
    [InlineData("c?d.exe", "cmd.exe", false, true)]
    [InlineData("c?d.exe", "cmmd.exe", false, false)]
    [InlineData("*\\red_ttp\\winin*.*", "C:\\Users\\red_ttp\\wininit.exe", false, true)]
    [InlineData("a*b*c", "axxbyyc", false, true)]
    [InlineData("a*b*c", "axxbyy", false, false)]
    [InlineData("*", "", false, true)]
    [InlineData("?", "", false, false)]
    public void Wildcards(string pattern, string text, bool ignoreCase, bool expected)
        => Assert.Equal(expected, new EqlWildcard(pattern, ignoreCase).IsMatch(text));

    [Fact]
    public void MatcherModes()
    {
        Assert.True(new EqlMatcher(EqlMatchMode.Exact, false, "a", "b").IsMatch("b"));
        Assert.False(new EqlMatcher(EqlMatchMode.Exact, false, "a*").IsMatch("ab"));
        Assert.True(new EqlMatcher(EqlMatchMode.Exact, true, "ABC").IsMatch("abc"));
        Assert.True(new EqlMatcher(EqlMatchMode.Wildcard, false, "x", "a*").IsMatch("ab"));
        Assert.True(new EqlMatcher(EqlMatchMode.Regex, false, "a.c").IsMatch("abc"));
        Assert.False(new EqlMatcher(EqlMatchMode.Regex, false, "b").IsMatch("abc"));
        Assert.True(new EqlMatcher(EqlMatchMode.Regex, true, "A.C").IsMatch("abc"));
    }

    [Theory]
    [InlineData("10.0.0.0/8", "10.200.3.4", true)]
    [InlineData("10.0.0.0/8", "11.0.0.1", false)]
    [InlineData("10.6.48.157/8", "10.1.1.1", true)]
    [InlineData("192.168.1.0/25", "192.168.1.127", true)]
    [InlineData("192.168.1.0/25", "192.168.1.128", false)]
    [InlineData("0.0.0.0/0", "8.8.8.8", true)]
    [InlineData("fe80::/10", "fe80::1", true)]
    [InlineData("fe80::/10", "10.0.0.1", false)]
    [InlineData("10.0.0.0/8", "not an ip", false)]
    public void Cidr(string block, string ip, bool expected) => Assert.Equal(expected, EqlCidr.Parse(block).Contains(ip));

    [Fact]
    public void FieldComparisonsMatchAnyValueAndAreFalseWhenAbsent()
    {
        var e = Event("""{"eqltest":{"args":["a","-enc"],"pid":[3, 7]}}""");
        Assert.True(EqlOps.AnyMatch(e.Values(Args), new EqlMatcher(EqlMatchMode.Exact, false, "-enc")));
        Assert.True(EqlOps.AnyCompare(e.Values(Pid), EqlCompare.Greater, EqlValue.FromLong(5)));
        Assert.False(EqlOps.AnyCompare(e.Values(Pid), EqlCompare.Greater, EqlValue.FromLong(7)));
        Assert.False(EqlOps.AnyCompare(e.Values(Pid), EqlCompare.NotEqual, EqlValue.FromLong(7)));
        Assert.False(EqlOps.AnyCompare(e.Values(Name), EqlCompare.Equal, EqlValue.FromString("x")));
        Assert.True(EqlOps.AnyCompare(e.Values(Name), EqlCompare.NotEqual, EqlValue.FromString("x")));
        Assert.True(EqlOps.IsMissing(e.Values(Name)));
        Assert.True(EqlOps.AnyIn(e.Values(Pid), [EqlValue.FromLong(1), EqlValue.FromDouble(7.0)]));
    }

    [Fact]
    public void NumbersAndNumericStringsCompareAsNumbers()
    {
        var e = Event("""{"eqltest":{"pid":"12","name":42}}""");
        Assert.True(EqlOps.AnyCompare(e.Values(Pid), EqlCompare.Greater, EqlValue.FromLong(9)));
        // a number against a string compares as the keyword text it is indexed as
        Assert.True(EqlOps.AnyCompare(e.Values(Name), EqlCompare.Equal, EqlValue.FromString("42")));
    }

    [Fact]
    public void DatesCompareAsEpochMilliseconds()
    {
        var e = Event("""{"eqltest":{"time":"2021-01-01T00:00:01Z"}}""");
        var midnight = new DateTimeOffset(2021, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        Assert.True(EqlOps.AnyCompareDate(e.Values(Time), EqlCompare.Greater, midnight));
        Assert.True(EqlOps.AnyCompareDate(Event("""{"eqltest":{"time":1609459200000}}""").Values(Time), EqlCompare.Equal, midnight));
    }

    [Fact]
    public void ValueOperatorsPropagateNullExceptEquality()
    {
        var n = EqlValue.Null;
        var one = EqlValue.FromLong(1);
        Assert.True(EqlOps.Compare(n, EqlCompare.Equal, n).IsTrue);
        Assert.True(EqlOps.Compare(n, EqlCompare.NotEqual, one).IsTrue);
        Assert.True(EqlOps.Compare(n, EqlCompare.Less, one).IsNull);
        Assert.True(EqlOps.Add(one, n).IsNull);
        Assert.True(EqlOps.Not(n).IsNull);
        Assert.True(EqlOps.And(n, EqlValue.False).IsFalse);
        Assert.True(EqlOps.Or(n, EqlValue.True).IsTrue);
        Assert.True(EqlOps.And(n, EqlValue.True).IsNull);
        Assert.Equal(3, EqlOps.Divide(EqlValue.FromLong(7), EqlValue.FromLong(2)).Long);
        Assert.Equal(3.5, EqlOps.Divide(EqlValue.FromLong(7), EqlValue.FromDouble(2)).Double);
        Assert.True(EqlOps.Modulo(one, EqlValue.FromLong(0)).IsNull);
    }

    [Fact]
    public void Functions()
    {
        var s = EqlValue.FromString("System Idle Process");
        Assert.Equal("ystem Idle Proc", EqlFunctions.Between(s, EqlValue.FromString("S"), EqlValue.FromString("e"), EqlValue.True, false).String);
        Assert.Equal("yst", EqlFunctions.Between(s, EqlValue.FromString("S"), EqlValue.FromString("e"), EqlValue.False, false).String);
        Assert.Equal("", EqlFunctions.Between(s, EqlValue.FromString("Q"), EqlValue.FromString("e"), EqlValue.False, false).String);
        Assert.Equal("Proc", EqlFunctions.Substring(s, EqlValue.FromLong(-7), EqlValue.FromLong(-3)).String);
        Assert.Equal("Sys", EqlFunctions.Substring(s, EqlValue.FromLong(0), EqlValue.FromLong(3)).String);
        Assert.Equal(7, EqlFunctions.IndexOf(s, EqlValue.FromString("idle"), EqlValue.Null, true).Long);
        Assert.True(EqlFunctions.IndexOf(s, EqlValue.FromString("idle"), EqlValue.Null, false).IsNull);
        Assert.True(EqlFunctions.IndexOf(s, EqlValue.FromString("S"), EqlValue.FromLong(100), false).IsNull);
        Assert.Equal(19, EqlFunctions.Length(s).Long);
        Assert.Equal(50, EqlFunctions.Number(EqlValue.FromString("0x32"), EqlValue.FromLong(16)).Long);
        Assert.Equal(40, EqlFunctions.Number(EqlValue.FromString("31"), EqlValue.FromLong(13)).Long);
        Assert.Equal(2.5, EqlFunctions.Number(EqlValue.FromString("2.5"), EqlValue.Null).Double);
        Assert.True(EqlFunctions.Number(EqlValue.FromString("zz"), EqlValue.Null).IsNull);
        Assert.Equal("7.5", EqlFunctions.String(EqlValue.FromDouble(7.5)).String);
        Assert.Equal("2.0", EqlFunctions.String(EqlValue.FromDouble(2)).String);
        Assert.Equal("a1", EqlFunctions.Concat(EqlValue.FromString("a"), EqlValue.FromLong(1)).String);
        Assert.True(EqlFunctions.Concat(EqlValue.FromString("a"), EqlValue.Null).IsNull);
        Assert.True(EqlFunctions.StartsWith(s, EqlValue.FromString("system"), true).IsTrue);
        Assert.True(EqlFunctions.StartsWith(s, EqlValue.FromString("system"), false).IsFalse);
        Assert.True(EqlFunctions.EndsWith(s, EqlValue.FromString("CESS"), true).IsTrue);
        Assert.True(EqlFunctions.StringContains(s, EqlValue.FromString("Idle"), false).IsTrue);
        Assert.True(EqlFunctions.StringContains(EqlValue.Null, EqlValue.FromString("Idle"), false).IsNull);
        Assert.True(EqlFunctions.CidrMatch(EqlValue.FromString("10.1.2.3"), [EqlCidr.Parse("10.0.0.0/8")]).IsTrue);
        Assert.True(EqlFunctions.AnyCidrMatch(Event("""{"eqltest":{"ip":["1.1.1.1","10.0.0.9"]}}""").Values(Ip), [EqlCidr.Parse("10.0.0.0/8")]));
    }

    [Fact]
    public void CategoryIsContainedInTheArray()
    {
        var category = FieldTable.Slot("event.category");
        Assert.True(EqlOps.HasCategory(Event("""{"event":{"category":["network","process"]}}""").Values(category), "process"));
        Assert.False(EqlOps.HasCategory(Event("""{"event":{"category":"file"}}""").Values(category), "process"));
    }
}
