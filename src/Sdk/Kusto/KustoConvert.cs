using System.Globalization;

namespace AzureRules.Sdk.Kusto;

/// <summary>Kusto's conversion functions (tostring, tolong, todatetime, …): a value that does not convert is null.</summary>
public static class KustoConvert
{
    public static KustoValue To(KustoType type, KustoValue value) => type switch
    {
        _ when value.Type == type => value,
        KustoType.Bool => ToBool(value),
        KustoType.Int => ToInt(value),
        KustoType.Long => ToLong(value),
        KustoType.Real => ToReal(value),
        KustoType.Decimal => ToDecimal(value),
        KustoType.String => ToStringValue(value),
        KustoType.DateTime => ToDateTime(value),
        KustoType.TimeSpan => ToTimeSpan(value),
        KustoType.Guid => ToGuid(value),
        _ => value,
    };

    public static KustoValue ToStringValue(KustoValue value)
        => value.Type == KustoType.String ? value : KustoValue.From(KustoFormat.ToText(value));

    public static KustoValue ToBool(KustoValue value) => value.Type switch
    {
        KustoType.Bool => value,
        KustoType.Int or KustoType.Long => KustoValue.From(value.Ticks != 0),
        KustoType.Real or KustoType.Decimal => KustoValue.From(value.AsDouble != 0),
        KustoType.String => value.AsString.Trim().ToLowerInvariant() switch
        {
            "true" or "1" => KustoValue.True,
            "false" or "0" => KustoValue.False,
            _ => KustoValue.Null,
        },
        _ => KustoValue.Null,
    };

    public static KustoValue ToLong(KustoValue value) => value.Type switch
    {
        KustoType.Long => value,
        KustoType.Int => KustoValue.From(value.Ticks),
        KustoType.Bool => KustoValue.From(value.AsBool ? 1L : 0L),
        KustoType.Real => double.IsFinite(value.AsDouble) ? KustoValue.From((long)value.AsDouble) : KustoValue.Null,
        KustoType.Decimal => KustoValue.From((long)value.AsDecimal),
        KustoType.DateTime or KustoType.TimeSpan => KustoValue.From(value.Ticks),
        KustoType.String => ParseLong(value.AsString),
        _ => KustoValue.Null,
    };

    public static KustoValue ToInt(KustoValue value)
    {
        var l = ToLong(value);
        return l.IsNull ? l : KustoValue.FromInt(unchecked((int)l.Ticks));
    }

    private static KustoValue ParseLong(string text)
    {
        text = text.Trim();
        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l)) return KustoValue.From(l);
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d)) return KustoValue.From((long)d);
        return KustoValue.Null;
    }

    public static KustoValue ToReal(KustoValue value) => value.Type switch
    {
        KustoType.Real => value,
        KustoType.Int or KustoType.Long or KustoType.Decimal => KustoValue.From(value.AsDouble),
        KustoType.Bool => KustoValue.From(value.AsBool ? 1.0 : 0.0),
        KustoType.DateTime or KustoType.TimeSpan => KustoValue.From((double)value.Ticks),
        KustoType.String => ParseReal(value.AsString),
        _ => KustoValue.Null,
    };

    private static KustoValue ParseReal(string text)
    {
        text = text.Trim();
        switch (text)
        {
            case "NaN": return KustoValue.From(double.NaN);
            case "Infinity" or "+Infinity": return KustoValue.From(double.PositiveInfinity);
            case "-Infinity": return KustoValue.From(double.NegativeInfinity);
        }
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? KustoValue.From(d) : KustoValue.Null;
    }

    public static KustoValue ToDecimal(KustoValue value) => value.Type switch
    {
        KustoType.Decimal => value,
        KustoType.Int or KustoType.Long => KustoValue.From((decimal)value.Ticks),
        KustoType.Real => double.IsFinite(value.AsDouble) ? KustoValue.From((decimal)value.AsDouble) : KustoValue.Null,
        KustoType.String => decimal.TryParse(value.AsString.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var m) ? KustoValue.From(m) : KustoValue.Null,
        _ => KustoValue.Null,
    };

    public static KustoValue ToDateTime(KustoValue value) => value.Type switch
    {
        KustoType.DateTime => value,
        KustoType.String => TryParseDateTime(value.AsString, out var d) ? KustoValue.From(d) : KustoValue.Null,
        KustoType.Long or KustoType.Int => KustoValue.FromTicks(KustoType.DateTime, value.Ticks),
        _ => KustoValue.Null,
    };

    public static bool TryParseDateTime(string text, out DateTime value)
    {
        text = text.Trim();
        if (DateTime.TryParse(text, CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out value))
        {
            value = DateTime.SpecifyKind(value, DateTimeKind.Utc);
            return true;
        }
        return false;
    }

    public static KustoValue ToTimeSpan(KustoValue value) => value.Type switch
    {
        KustoType.TimeSpan => value,
        KustoType.String => TryParseTimeSpan(value.AsString, out var t) ? KustoValue.From(t) : KustoValue.Null,
        KustoType.Long or KustoType.Int => KustoValue.FromTicks(KustoType.TimeSpan, value.Ticks),
        _ => KustoValue.Null,
    };

    /// <summary>[-][d.]hh:mm:ss[.fffffff], or a Kusto timespan literal such as 5m, 1.5h, 100ms.</summary>
    public static bool TryParseTimeSpan(string text, out TimeSpan value)
    {
        text = text.Trim();
        if (TimeSpan.TryParseExact(text, "c", CultureInfo.InvariantCulture, out value)) return true;
        if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out value)) return true;
        var i = 0;
        while (i < text.Length && (char.IsDigit(text[i]) || text[i] == '.' || (i == 0 && text[i] == '-'))) i++;
        if (i == 0 || !double.TryParse(text.AsSpan(0, i), NumberStyles.Float, CultureInfo.InvariantCulture, out var amount)) return false;
        double? ticksPerUnit = text.Substring(i).ToLowerInvariant() switch
        {
            "d" or "day" or "days" => TimeSpan.TicksPerDay,
            "h" or "hr" or "hrs" or "hour" or "hours" => TimeSpan.TicksPerHour,
            "m" or "min" or "minute" or "minutes" => TimeSpan.TicksPerMinute,
            "s" or "sec" or "second" or "seconds" => TimeSpan.TicksPerSecond,
            "ms" or "milli" or "millis" or "millisecond" or "milliseconds" => TimeSpan.TicksPerMillisecond,
            "microsecond" or "microseconds" => 10,
            "tick" or "ticks" => 1,
            _ => null,
        };
        if (ticksPerUnit is null) return false;
        value = TimeSpan.FromTicks((long)Math.Round(amount * ticksPerUnit.Value));
        return true;
    }

    public static KustoValue ToGuid(KustoValue value) => value.Type switch
    {
        KustoType.Guid => value,
        KustoType.String => Guid.TryParse(value.AsString, out var g) ? KustoValue.From(g) : KustoValue.Null,
        _ => KustoValue.Null,
    };

    /// <summary>parse_json / todynamic: a string holding JSON becomes the JSON value; other values pass through.</summary>
    public static KustoValue ToDynamic(KustoValue value)
    {
        if (value.Type != KustoType.String) return value;
        return KustoJson.TryParse(value.AsString, out var parsed) ? parsed : value;
    }
}
