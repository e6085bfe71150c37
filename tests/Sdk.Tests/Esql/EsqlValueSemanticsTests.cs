using AzureRules.Sdk.Esql;
using Xunit;
using static AzureRules.Sdk.Tests.Esql.EsqlTestData;

namespace AzureRules.Sdk.Tests.Esql;

/// <summary>ES|QL's data model: nulls, multi-values, three-valued logic, integer types and overflow, printing.</summary>
public sealed class EsqlValueSemanticsTests
{
    [Fact]
    public void Integer_arithmetic_stays_integer_and_overflow_is_null_with_a_warning()
    {
        Assert.Equal(7, EsqlArithmetic.Add(3, 4));
        Assert.Equal(2, EsqlArithmetic.Divide(7, 3));
        Assert.Equal(-1, EsqlArithmetic.Modulo(-7, 3));
        Assert.Equal(5000000000L, EsqlArithmetic.Multiply(50000L, 100000));
        var (overflow, warnings) = Warned(() => EsqlArithmetic.Add(int.MaxValue, 1));
        Assert.Null(overflow);
        Assert.Equal(["java.lang.ArithmeticException: integer overflow"], warnings);
        var (longOverflow, longWarnings) = Warned(() => EsqlArithmetic.Multiply(long.MaxValue, 2L));
        Assert.Null(longOverflow);
        Assert.Contains("long overflow", longWarnings.Single());
        var (byZero, zeroWarnings) = Warned(() => EsqlArithmetic.Divide(1, 0));
        Assert.Null(byZero);
        Assert.Equal(["java.lang.ArithmeticException: / by zero"], zeroWarnings);
        Assert.Equal(2.5, EsqlArithmetic.Divide(5.0, 2));
        Assert.Equal(18446744073709551615UL, EsqlArithmetic.Add(18446744073709551614UL, 1UL));
        Assert.Null(Warned(() => EsqlArithmetic.Add(ulong.MaxValue, 1UL)).Result);
    }

    [Fact]
    public void Null_propagates_and_a_multi_value_is_null_with_the_single_value_warning()
    {
        Assert.Null(EsqlArithmetic.Add(null, 1));
        Assert.Null(EsqlCompare.Equal(null, 1));
        var (result, warnings) = Warned(() => EsqlCompare.Equal(Multi(1, 2), 1));
        Assert.Null(result);
        Assert.Equal([EsqlWarnings.MultiValue], warnings);
        Assert.Null(Warned(() => EsqlFunctions.ToUpper(Multi("a", "b"))).Result);
    }

    [Fact]
    public void Boolean_logic_is_three_valued()
    {
        Assert.Equal(false, EsqlCompare.And(null, false));
        Assert.Null(EsqlCompare.And(null, true));
        Assert.Equal(true, EsqlCompare.Or(null, true));
        Assert.Null(EsqlCompare.Or(null, false));
        Assert.Null(EsqlCompare.Not(null));
        Assert.False(EsqlCompare.IsTrue(null));
    }

    [Fact]
    public void Comparisons_promote_numbers_and_read_strings_as_dates_or_ips()
    {
        Assert.Equal(true, EsqlCompare.Equal(1, 1L));
        Assert.Equal(true, EsqlCompare.Less(1, 1.5));
        Assert.Equal(true, EsqlCompare.Greater(new DateTime(1990, 1, 2, 0, 0, 0, DateTimeKind.Utc), "1990-01-01"));
        Assert.True(EsqlIp.TryParse("10.0.0.1", out var ip));
        Assert.Equal(true, EsqlCompare.Equal(ip, "10.0.0.1"));
        Assert.Equal(true, EsqlCompare.Less("B", "a"));
        Assert.Equal(true, EsqlCompare.EqualIgnoreCase("Admin", "ADMIN"));
    }

    [Fact]
    public void In_is_null_when_nothing_matches_but_the_list_holds_a_null()
    {
        Assert.Equal(true, EsqlFunctions.In(2, 1, 2));
        Assert.Equal(false, EsqlFunctions.In(3, 1, 2));
        Assert.Null(EsqlFunctions.In(3, 1, null));
        Assert.Equal(true, EsqlFunctions.In(1, 1, null));
        Assert.Null(EsqlFunctions.In(null, 1));
        Assert.Null(EsqlFunctions.NotIn(3, 1, null));
    }

    [Theory]
    [InlineData(2.0, "2.0")]
    [InlineData(318171948.1, "3.181719481E8")]
    [InlineData(7.029999999999999, "7.029999999999999")]
    [InlineData(0.001, "0.001")]
    [InlineData(0.0001, "1.0E-4")]
    [InlineData(1e7, "1.0E7")]
    [InlineData(-1.5, "-1.5")]
    public void Doubles_print_as_java_does(double value, string expected) => Assert.Equal(expected, EsqlFormat.JavaDouble(value));

    [Fact]
    public void Dates_and_multi_values_print_as_elasticsearch_does()
    {
        Assert.Equal("1986-06-26T00:00:00.000Z", EsqlFormat.Cell(new DateTime(1986, 6, 26, 0, 0, 0, DateTimeKind.Utc)));
        Assert.Equal("[a, b]", EsqlFormat.Cell(Multi("a", "b")));
        Assert.True(EsqlIp.TryParse("::ffff:10.1.2.3", out var mapped));
        Assert.Equal("10.1.2.3", EsqlFormat.Cell(mapped));
        Assert.True(EsqlIp.TryParse("fe80::cae2:65ff:fece:feb9", out var v6));
        Assert.Equal("fe80::cae2:65ff:fece:feb9", EsqlFormat.Cell(v6));
    }

    [Fact]
    public void Conversions_work_per_value_and_drop_what_does_not_convert_with_a_warning()
    {
        Assert.Equal(Multi(1, 2), EsqlConvert.ToInteger(Multi("1", "2")));
        var (result, warnings) = Warned(() => EsqlConvert.ToInteger(Multi("1", "x")));
        Assert.Equal(1, result);
        Assert.Contains("Cannot parse [x] to [integer]", warnings.Single());
        Assert.Equal(3, EsqlConvert.ToInteger(3.9));
        Assert.Equal("2.5", EsqlConvert.ToStringValue(2.5));
        Assert.Equal(true, EsqlConvert.ToBoolean("TRUE"));
        Assert.Equal(false, EsqlConvert.ToBoolean("yes"));
        Assert.Equal(new DateTime(2023, 1, 1, 0, 0, 0, DateTimeKind.Utc), EsqlConvert.ToDatetime("2023-01-01T00:00:00Z"));
        Assert.Equal(1672531200000L, EsqlConvert.ToLong(new DateTime(2023, 1, 1, 0, 0, 0, DateTimeKind.Utc)));
        Assert.Null(Warned(() => EsqlConvert.ToIp("not-an-ip")).Result);
        Assert.Equal(-1, EsqlConvert.Cast("-1", "int"));
    }
}
