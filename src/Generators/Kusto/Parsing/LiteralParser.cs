using System;
using System.Globalization;

namespace AzureRules.Generators.Kusto.Parsing;

/// <summary>Decodes the literal forms of Kusto whose text is not an ordinary number or string.</summary>
internal static class LiteralParser
{
    /// <summary>A number with a unit suffix: <c>5m</c>, <c>1.5d</c>, <c>100ms</c>, <c>10tick</c>, <c>2hours</c>.</summary>
    public static bool TryParseTimeSpan(string number, string unit, out TimeSpan value)
    {
        value = default;
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var amount)) return false;
        double ticksPerUnit;
        switch (unit.ToLowerInvariant())
        {
            case "d": case "day": case "days":
                ticksPerUnit = TimeSpan.TicksPerDay; break;
            case "h": case "hr": case "hrs": case "hour": case "hours":
                ticksPerUnit = TimeSpan.TicksPerHour; break;
            case "m": case "min": case "minute": case "minutes":
                ticksPerUnit = TimeSpan.TicksPerMinute; break;
            case "s": case "sec": case "second": case "seconds":
                ticksPerUnit = TimeSpan.TicksPerSecond; break;
            case "ms": case "milli": case "millis": case "millisecond": case "milliseconds":
                ticksPerUnit = TimeSpan.TicksPerMillisecond; break;
            case "micro": case "micros": case "microsecond": case "microseconds":
                ticksPerUnit = 10; break;
            case "tick": case "ticks":
                ticksPerUnit = 1; break;
            default:
                return false;
        }
        var ticks = amount * ticksPerUnit;
        if (double.IsNaN(ticks) || ticks >= 9.2e18 || ticks <= -9.2e18) return false;
        value = TimeSpan.FromTicks((long)Math.Round(ticks));
        return true;
    }

    /// <summary>The text inside <c>timespan(...)</c> / <c>time(...)</c>: <c>1d</c>, <c>-5m</c>,
    /// <c>00:10:00</c>, <c>1.02:03:04.5</c>, or a bare number of days.</summary>
    public static bool TryParseTimeSpanText(string text, out TimeSpan value)
    {
        value = default;
        text = text.Trim();
        if (text.Length == 0) return false;
        var negative = text[0] == '-';
        var body = negative || text[0] == '+' ? text.Substring(1).Trim() : text;
        var unitStart = body.Length;
        while (unitStart > 0 && char.IsLetter(body[unitStart - 1])) unitStart--;
        bool ok;
        if (unitStart < body.Length && unitStart > 0)
            ok = TryParseTimeSpan(body.Substring(0, unitStart), body.Substring(unitStart), out value);
        else if (body.IndexOf(':') >= 0)
            ok = TimeSpan.TryParse(body, CultureInfo.InvariantCulture, out value);
        else if (double.TryParse(body, NumberStyles.Float, CultureInfo.InvariantCulture, out var days))
        {
            ok = TryParseTimeSpan(body, "d", out value);
            _ = days;
        }
        else ok = false;
        if (ok && negative) value = value.Negate();
        return ok;
    }

    private static readonly string[] DateTimeFormats =
    {
        "yyyy-MM-dd", "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ss.FFFFFFF",
        "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.FFFFFFF",
        "yyyy-MM-ddTHH:mm:ssK", "yyyy-MM-ddTHH:mm:ss.FFFFFFFK", "yyyy-MM-ddTHH:mmK",
        "yyyy-MM-dd HH:mm:ssK", "yyyy-MM-dd HH:mm:ss.FFFFFFFK",
        "yyyy-MM", "yyyy", "yyyyMMdd", "yyyyMMddTHHmmss", "yyyy/MM/dd", "yyyy/MM/dd HH:mm:ss",
        "M/d/yyyy", "M/d/yyyy H:mm", "M/d/yyyy H:mm:ss", "M/d/yyyy h:mm:ss tt", "M/d/yyyy h:mm tt",
        "ddd, dd MMM yyyy HH:mm:ss 'GMT'", "dd MMM yyyy", "dd MMM yyyy HH:mm:ss", "MMM d yyyy",
    };

    /// <summary>The text inside <c>datetime(...)</c> in the spellings Kusto accepts (ISO 8601, RFC 822/850,
    /// US dates), read as UTC.</summary>
    public static bool TryParseDateTime(string text, out DateTime value)
    {
        text = text.Trim();
        // more than 7 fractional digits (Kusto allows 9): drop the excess rather than round
        var dot = text.LastIndexOf('.');
        if (dot > 0)
        {
            var end = dot + 1;
            while (end < text.Length && char.IsDigit(text[end])) end++;
            if (end - dot - 1 > 7) text = text.Substring(0, dot + 8) + text.Substring(end);
        }
        var styles = DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces;
        if (DateTime.TryParseExact(text, DateTimeFormats, CultureInfo.InvariantCulture, styles, out value)
            || DateTime.TryParse(text, CultureInfo.InvariantCulture, styles, out value))
        {
            value = DateTime.SpecifyKind(value, DateTimeKind.Utc);
            return true;
        }
        return false;
    }
}
