using System.Globalization;

namespace AzureRules.Sdk.Esql;

/// <summary>
/// The <c>TO_*</c> conversion functions. They work on every value of a multi-value (the result is
/// multi-valued too); a value that does not convert becomes null with a warning.
/// </summary>
public static class EsqlConvert
{
    /// <summary>The text form of a single value, as TO_STRING gives it.</summary>
    public static string ToText(object value) => EsqlFormat.Single(value);

    public static double ToDouble(object value) => value switch
    {
        int i => i,
        long l => l,
        ulong u => u,
        double d => d,
        DateTime date => EsqlDates.ToMillis(date),
        bool b => b ? 1 : 0,
        _ => throw new InvalidCastException($"{value} is not a number"),
    };

    public static object? ToStringValue(object? value) => Each(value, v => ToText(v));

    public static object? ToBoolean(object? value) => Each(value, v => v switch
    {
        bool b => b,
        string s => s.Equals("true", StringComparison.OrdinalIgnoreCase),
        int i => i != 0,
        long l => l != 0,
        ulong u => u != 0,
        double d => d != 0,
        _ => Fail(v, "boolean"),
    });

    public static object? ToInteger(object? value) => Each(value, v => v switch
    {
        int i => i,
        long l when l is >= int.MinValue and <= int.MaxValue => (int)l,
        ulong u when u <= int.MaxValue => (int)u,
        double d when Math.Truncate(d) is >= int.MinValue and <= int.MaxValue => (int)Math.Truncate(d),
        bool b => b ? 1 : 0,
        DateTime date when EsqlDates.ToMillis(date) is >= int.MinValue and <= int.MaxValue => (int)EsqlDates.ToMillis(date),
        string s when ParseNumber(s) is { } d && Math.Truncate(d) is >= int.MinValue and <= int.MaxValue => (int)Math.Truncate(d),
        _ => Fail(v, "integer"),
    });

    public static object? ToLong(object? value) => Each(value, v => v switch
    {
        int i => (long)i,
        long l => l,
        ulong u when u <= long.MaxValue => (long)u,
        double d when Math.Truncate(d) is >= long.MinValue and < 9.2233720368547758E18 => (long)Math.Truncate(d),
        bool b => b ? 1L : 0L,
        DateTime date => EsqlDates.ToMillis(date),
        string s when long.TryParse(s.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) => l,
        string s when ParseNumber(s) is { } d && Math.Truncate(d) is >= long.MinValue and < 9.2233720368547758E18 => (long)Math.Truncate(d),
        _ => Fail(v, "long"),
    });

    public static object? ToUnsignedLong(object? value) => Each(value, v => v switch
    {
        int i when i >= 0 => (ulong)i,
        long l when l >= 0 => (ulong)l,
        ulong u => u,
        double d when d >= 0 && d < 1.8446744073709552E19 => (ulong)d,
        bool b => b ? 1UL : 0UL,
        DateTime date when EsqlDates.ToMillis(date) >= 0 => (ulong)EsqlDates.ToMillis(date),
        string s when ulong.TryParse(s.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var u) => u,
        string s when ParseNumber(s) is { } d && d >= 0 && d < 1.8446744073709552E19 => (ulong)d,
        _ => Fail(v, "unsigned_long"),
    });

    public static object? ToDoubleValue(object? value) => Each(value, v => v switch
    {
        string s when ParseNumber(s) is { } d => d,
        string => Fail(v, "double"),
        EsqlIp or EsqlVersion => Fail(v, "double"),
        _ => ToDouble(v),
    });

    public static object? ToDatetime(object? value) => Each(value, v => v switch
    {
        DateTime date => date,
        int i => EsqlDates.FromMillis(i),
        long l => EsqlDates.FromMillis(l),
        ulong u when u <= long.MaxValue => EsqlDates.FromMillis((long)u),
        double d => EsqlDates.FromMillis((long)d),
        string s when EsqlDates.TryParse(s, out var date) => date,
        _ => Fail(v, "datetime"),
    });

    public static object? ToIp(object? value) => Each(value, v => v switch
    {
        EsqlIp ip => ip,
        string s when EsqlIp.TryParse(s, out var ip) => ip,
        _ => Fail(v, "ip"),
    });

    public static object? ToVersion(object? value) => Each(value, v => v switch
    {
        EsqlVersion version => version,
        string s => new EsqlVersion(s),
        _ => Fail(v, "version"),
    });

    public static object? ToRadians(object? value) => Each(value, v => ToDouble(v) * Math.PI / 180);

    public static object? ToDegrees(object? value) => Each(value, v => ToDouble(v) * 180 / Math.PI);

    /// <summary>An inline cast <c>value::type</c> is the matching TO_ function.</summary>
    public static object? Cast(object? value, string type) => type.ToLowerInvariant() switch
    {
        "bool" or "boolean" => ToBoolean(value),
        "int" or "integer" => ToInteger(value),
        "long" => ToLong(value),
        "unsigned_long" => ToUnsignedLong(value),
        "double" or "float" => ToDoubleValue(value),
        "string" or "keyword" or "text" => ToStringValue(value),
        "datetime" or "date" or "date_nanos" => ToDatetime(value),
        "ip" => ToIp(value),
        "version" => ToVersion(value),
        "time_duration" or "date_period" => value is string s ? EsqlSpan.Parse(s) : value,
        _ => throw new InvalidOperationException($"ES|QL cannot cast to '{type}'"),
    };

    private static double? ParseNumber(string text)
        => double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;

    private static object Fail(object value, string type)
        => throw new ConversionFailed($"org.elasticsearch.xpack.esql.core.InvalidArgumentException: Cannot parse [{ToText(value)}] to [{type}]");

    /// <summary>Applies a conversion to every value; values that fail are dropped with a warning.</summary>
    private static object? Each(object? value, Func<object, object> convert)
    {
        switch (value)
        {
            case null:
                return null;
            case EsqlMulti multi:
                var results = new List<object>(multi.Items.Length);
                foreach (var item in multi.Items)
                {
                    if (Try(item, convert) is { } converted) results.Add(converted);
                }
                return EsqlMulti.Of(results);
            default:
                return Try(value, convert);
        }
    }

    private static object? Try(object value, Func<object, object> convert)
    {
        try { return convert(value); }
        catch (ConversionFailed failed) { return EsqlWarnings.Null(failed.Message); }
        catch (InvalidCastException) { return EsqlWarnings.Null($"org.elasticsearch.xpack.esql.core.InvalidArgumentException: Cannot convert [{ToText(value)}]"); }
    }

    private sealed class ConversionFailed(string message) : Exception(message);
}
