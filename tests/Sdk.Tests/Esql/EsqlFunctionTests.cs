using AzureRules.Sdk.Esql;
using Xunit;
using static AzureRules.Sdk.Tests.Esql.EsqlTestData;

namespace AzureRules.Sdk.Tests.Esql;

/// <summary>Scalar functions, with the documented examples where the ES|QL docs give one.</summary>
public sealed class EsqlFunctionTests
{
    private static DateTime Date(string text) => (DateTime)EsqlConvert.ToDatetime(text)!;

    [Fact]
    public void String_functions()
    {
        Assert.Equal(5, EsqlFunctions.Length("héllo"));
        Assert.Equal(6, EsqlFunctions.ByteLength("héllo"));
        Assert.Equal("ell", EsqlFunctions.Substring("hello", 2, 3));
        Assert.Equal("llo", EsqlFunctions.Substring("hello", -3));
        Assert.Equal(3, EsqlFunctions.Locate("hello", "ll"));
        Assert.Equal(0, EsqlFunctions.Locate("hello", "x"));
        Assert.Equal(Multi("foo", "bar", "baz"), EsqlFunctions.Split("foo;bar;baz", ";"));
        Assert.Equal("Hello Universe", EsqlFunctions.Replace("Hello World", "World", "Universe"));
        Assert.Equal("a-1-2", EsqlFunctions.Replace("a12", "(\\d)", "-$1"));
        Assert.Equal("abc", EsqlFunctions.Trim("  abc \t"));
        Assert.Null(EsqlFunctions.Concat("a", null));
        Assert.Equal("ab1", EsqlFunctions.Concat("a", "b", 1));
        Assert.Equal("ELASTIC", EsqlFunctions.FromBase64("RUxBU1RJQw=="));
        Assert.Equal("RUxBU1RJQw==", EsqlFunctions.ToBase64("ELASTIC"));
        Assert.Equal(true, EsqlFunctions.StartsWith("powershell.exe", "power"));
        Assert.Equal(false, EsqlFunctions.EndsWith("powershell.exe", ".EXE"));
        Assert.Equal("abab", EsqlFunctions.Repeat("ab", 2));
        Assert.Equal("c:\\x", EsqlFunctions.ToLower("C:\\X"));
        Assert.Equal("b", EsqlFunctions.JsonExtract("{\"a\":{\"x\":[\"b\"]}}", "a.x[0]"));
        Assert.Equal("5d41402abc4b2a76b9719d911017c592", EsqlFunctions.Md5("hello"));
    }

    [Fact]
    public void Like_and_rlike_match_the_whole_string()
    {
        Assert.Equal(true, EsqlFunctions.LikeAny("cmd.exe", EsqlLikePattern.Wildcard("*.exe")));
        Assert.Equal(false, EsqlFunctions.LikeAny("cmd.exe.bak", EsqlLikePattern.Wildcard("*.exe")));
        Assert.Equal(true, EsqlFunctions.LikeAny("a*b", EsqlLikePattern.Wildcard("a\\*b")));
        Assert.Equal(false, EsqlFunctions.LikeAny("axb", EsqlLikePattern.Wildcard("a\\*b")));
        Assert.Equal(true, EsqlFunctions.LikeAny("abc", EsqlLikePattern.Wildcard("a?c")));
        Assert.Equal(true, EsqlFunctions.LikeAny("abc123", EsqlLikePattern.Regular("[a-z]+[0-9]+")));
        Assert.Equal(false, EsqlFunctions.LikeAny("xabc123", EsqlLikePattern.Regular("abc[0-9]+")));
        Assert.Null(EsqlFunctions.LikeAny(null, EsqlLikePattern.Wildcard("*")));
    }

    [Fact]
    public void Match_is_a_term_match_on_keywords_and_an_analysed_match_on_text()
    {
        Assert.Equal(true, EsqlFunctions.Match("svchost.exe", "svchost.exe"));
        Assert.Equal(false, EsqlFunctions.Match("svchost.exe", "SVCHOST.EXE"));
        Assert.Equal(true, EsqlFunctions.Match(Multi("a", "b"), "b"));
        Assert.Equal(true, EsqlFunctions.MatchText("$x = [char]65 + [CHAR]66", "char"));
        Assert.Equal(false, EsqlFunctions.MatchText("characters only", "char"));
        Assert.Equal(false, EsqlFunctions.MatchText(null, "char"));
    }

    [Fact]
    public void Conditional_functions()
    {
        Assert.Equal("b", EsqlFunctions.Case(false, "a", true, "b", "c"));
        Assert.Equal("c", EsqlFunctions.Case(null, "a", "c"));
        Assert.Null(EsqlFunctions.Case(false, "a"));
        Assert.Equal(Multi(1, 2), EsqlFunctions.Coalesce(null, Multi(1, 2), 3));
        Assert.Equal(5, EsqlFunctions.Greatest(1, Multi(3, 5), 2));
        Assert.Null(EsqlFunctions.Greatest(1, null));
        Assert.Equal("a", EsqlFunctions.Least("b", "a"));
        Assert.Equal(10, EsqlFunctions.Clamp(42, 0, 10));
    }

    [Fact]
    public void Math_functions()
    {
        // ABS of an unsigned_long and CEIL/FLOOR of an integer type are the field itself: a multi-value passes through
        Assert.Equal(Multi(0, 1UL), EsqlFunctions.Abs(Multi(0, 1UL)));
        Assert.Equal(Multi(1, 2L), EsqlFunctions.Ceil(Multi(1, 2L)));
        Assert.Null(Warned(() => EsqlFunctions.Abs(Multi(1, -2))).Result);
        Assert.Null(Warned(() => EsqlFunctions.Floor(Multi(1.5, 2.5))).Result);
        Assert.Equal(3, EsqlFunctions.Abs(-3));
        Assert.Equal(3.0, EsqlFunctions.Ceil(2.1));
        Assert.Equal(5, EsqlFunctions.Floor(5));
        Assert.Equal(1.23, EsqlFunctions.Round(1.2345, 2));
        Assert.Equal(1200, EsqlFunctions.Round(1234, -2));
        Assert.Equal(3.0, EsqlFunctions.Round(2.5));
        Assert.Equal(8.0, EsqlFunctions.Pow(2, 3));
        Assert.Equal(2.0, EsqlFunctions.Log(2, 4));
        Assert.Null(Warned(() => EsqlFunctions.Sqrt(-1)).Result);
        Assert.Equal(Math.PI, EsqlFunctions.Pi());
    }

    [Fact]
    public void Multi_value_functions()
    {
        var values = Multi(3, 1, 2, 1);
        Assert.Equal(4, EsqlFunctions.MvCount(values));
        Assert.Equal(3, EsqlFunctions.MvFirst(values));
        Assert.Equal(1, EsqlFunctions.MvMin(values));
        Assert.Equal(3, EsqlFunctions.MvMax(values));
        Assert.Equal(7, EsqlFunctions.MvSum(values));
        Assert.Equal(1.75, EsqlFunctions.MvAvg(values));
        Assert.Equal(1, EsqlFunctions.MvMedian(values));
        Assert.Equal(Multi(3, 1, 2), EsqlFunctions.MvDedupe(values));
        Assert.Equal(Multi(3, 2, 1, 1), EsqlFunctions.MvSort(values, "DESC"));
        Assert.Equal(Multi(1, 2), EsqlFunctions.MvSlice(values, 1, 2));
        Assert.Equal(1, EsqlFunctions.MvSlice(values, -1));
        Assert.Equal("3, 1, 2, 1", EsqlFunctions.MvConcat(EsqlConvert.ToStringValue(values), ", "));
        Assert.Equal(Multi("x-a", "y-b", "z"), EsqlFunctions.MvZip(Multi("x", "y", "z"), Multi("a", "b"), "-"));
        Assert.Equal(true, EsqlFunctions.MvContains(values, Multi(1, 2)));
        Assert.Equal(5, EsqlFunctions.MvCount(EsqlFunctions.MvAppend(values, 9)));
        Assert.Null(EsqlFunctions.MvCount(null));
        Assert.Equal(5, EsqlFunctions.MvFirst(5));
    }

    [Fact]
    public void Date_functions()
    {
        var date = Date("2023-11-15T13:47:12.345Z");
        Assert.Equal(Date("2023-11-15T13:00:00Z"), EsqlFunctions.DateTrunc(EsqlSpan.Parse("1 hour"), date));
        Assert.Equal(Date("2023-11-01T00:00:00Z"), EsqlFunctions.DateTrunc(EsqlSpan.Parse("1 month"), date));
        Assert.Equal(Date("2023-01-01T00:00:00Z"), EsqlFunctions.DateTrunc(EsqlSpan.Parse("1 year"), date));
        Assert.Equal(Date("2023-11-13T00:00:00Z"), EsqlFunctions.DateTrunc(EsqlSpan.Parse("1 week"), date));
        Assert.Equal(Date("2023-11-15T13:45:00Z"), EsqlFunctions.DateTrunc(EsqlSpan.Parse("15 minutes"), date));
        // docs: DATE_DIFF("microseconds", "2023-12-02T11:00:00.000Z", "2023-12-02T11:00:00.001Z") = 1000
        Assert.Equal(1000, EsqlFunctions.DateDiff("microseconds", Date("2023-12-02T11:00:00.000Z"), Date("2023-12-02T11:00:00.001Z")));
        // docs: whole units only — one month minus a millisecond is 0 months
        Assert.Equal(0, EsqlFunctions.DateDiff("month", Date("2023-12-31T23:59:59.999Z"), Date("2024-01-31T23:59:59.998Z")));
        Assert.Equal(1, EsqlFunctions.DateDiff("month", Date("2023-12-31T23:59:59.999Z"), Date("2024-01-31T23:59:59.999Z")));
        Assert.Equal(-2, EsqlFunctions.DateDiff("hours", date, date.AddHours(-2)));
        // docs: DATE_EXTRACT("year", TO_DATETIME("2022-05-06")) = 2022
        Assert.Equal(2022L, EsqlFunctions.DateExtract("year", Date("2022-05-06")));
        Assert.Equal(3L, EsqlFunctions.DateExtract("day_of_week", date));
        Assert.Equal(13L, EsqlFunctions.DateExtract("HOUR_OF_DAY", date));
        Assert.Equal("2023-11-15", EsqlFunctions.DateFormat("yyyy-MM-dd", date));
        Assert.Equal(Date("2023-11-15T00:00:00Z"), EsqlFunctions.Bucket(date, EsqlSpan.Parse("1 day")));
        // BUCKET(value, count, from, to): at most 20 buckets over a month are whole weeks, as in the docs' example
        Assert.Equal(Date("2023-11-13T00:00:00Z"), EsqlFunctions.Bucket(date, 20, "2023-11-01T00:00:00Z", "2023-12-01T00:00:00Z"));
        Assert.Equal(40.0, EsqlFunctions.Bucket(47, 10.0));
        Assert.Equal(Date("2023-11-15T14:47:12.345Z"), EsqlArithmetic.Add(date, EsqlSpan.Parse("1 hour")));
        Assert.Equal(Date("2023-10-15T13:47:12.345Z"), EsqlArithmetic.Subtract(date, EsqlSpan.Parse("1 month")));
        using (EsqlClock.At(date)) Assert.Equal(date, EsqlFunctions.Now());
    }

    [Fact]
    public void Geo_points()
    {
        var paris = EsqlConvert.ToGeopoint("POINT (2.3522 48.8566)");
        var london = EsqlConvert.ToGeopoint("51.5074,-0.1278");
        Assert.Equal(2.3522, EsqlFunctions.StX(paris));
        Assert.Equal(51.5074, EsqlFunctions.StY(london));
        // about 344 km apart
        Assert.InRange((double)EsqlFunctions.StDistance(paris, london)!, 343_000, 345_000);
        Assert.Equal("POINT (2.3522 48.8566)", EsqlFormat.Cell(paris));
        var table = EsqlOperators.From(EsqlTestData.Source("geo", null, """{"source":{"geo":{"location":{"lat":48.8566,"lon":2.3522}}}}"""), ["geo"], [],
            ("source.geo.location", EsqlDataType.GeoPoint));
        Assert.Equal(["source.geo.location:geo_point"], table.Columns.Select(c => c.ToString()));
        Assert.Equal(paris, table.Rows[0][0]);
    }

    [Fact]
    public void Ip_functions()
    {
        Assert.True(EsqlIp.TryParse("192.168.1.5", out var v4));
        Assert.True(EsqlIp.TryParse("fe80::1", out var v6));
        Assert.Equal(true, EsqlFunctions.CidrMatch(v4, "10.0.0.0/8", "192.168.0.0/16"));
        Assert.Equal(false, EsqlFunctions.CidrMatch(v4, "10.0.0.0/8"));
        Assert.Equal(true, EsqlFunctions.CidrMatch(v6, "fe80::/10"));
        Assert.Equal(true, EsqlFunctions.CidrMatch("127.0.0.1", "127.0.0.0/8"));
        Assert.Null(Warned(() => EsqlFunctions.CidrMatch(Multi(v4, v6), "fe80::/10")).Result);
        Assert.Equal("192.168.0.0", EsqlFormat.Cell(EsqlFunctions.IpPrefix(v4, 16, 0)));
    }
}
