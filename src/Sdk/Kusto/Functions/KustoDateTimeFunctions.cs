using System.Globalization;
using System.Text;
using AzureRules.Sdk.Kusto.Scalars;

namespace AzureRules.Sdk.Kusto.Functions;

/// <summary>Datetime and timespan functions. now() and ago() read the execution's fixed now (KustoContext.Now).</summary>
public static class KustoDateTimeFunctions
{
    public static KustoValue ago(KustoValue now, KustoValue span) => KustoArithmetic.Subtract(now, span);

    private static bool Date(KustoValue v, out DateTime d)
    {
        if (v.Type == KustoType.String) v = KustoConvert.ToDateTime(v);
        d = v.Type == KustoType.DateTime ? v.AsDateTime : default;
        return v.Type == KustoType.DateTime;
    }

    private static KustoValue Offset(KustoValue offset) => offset.IsNull ? KustoValue.From(0L) : offset;

    public static KustoValue startofday(KustoValue v) => startofday(v, KustoValue.Null);
    public static KustoValue startofday(KustoValue v, KustoValue offset)
        => Date(v, out var d) ? KustoValue.From(d.Date.AddDays(Offset(offset).AsLong)) : KustoValue.Null;

    public static KustoValue endofday(KustoValue v) => endofday(v, KustoValue.Null);
    public static KustoValue endofday(KustoValue v, KustoValue offset)
        => Date(v, out var d) ? KustoValue.From(d.Date.AddDays(Offset(offset).AsLong + 1).AddTicks(-1)) : KustoValue.Null;

    public static KustoValue startofweek(KustoValue v) => startofweek(v, KustoValue.Null);
    public static KustoValue startofweek(KustoValue v, KustoValue offset)
        => Date(v, out var d) ? KustoValue.From(d.Date.AddDays(-(int)d.DayOfWeek + 7 * Offset(offset).AsLong)) : KustoValue.Null;

    public static KustoValue endofweek(KustoValue v) => endofweek(v, KustoValue.Null);
    public static KustoValue endofweek(KustoValue v, KustoValue offset)
        => Date(v, out var d) ? KustoValue.From(d.Date.AddDays(-(int)d.DayOfWeek + 7 * (Offset(offset).AsLong + 1)).AddTicks(-1)) : KustoValue.Null;

    public static KustoValue startofmonth(KustoValue v) => startofmonth(v, KustoValue.Null);
    public static KustoValue startofmonth(KustoValue v, KustoValue offset)
        => Date(v, out var d) ? KustoValue.From(new DateTime(d.Year, d.Month, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths((int)Offset(offset).AsLong)) : KustoValue.Null;

    public static KustoValue endofmonth(KustoValue v) => endofmonth(v, KustoValue.Null);
    public static KustoValue endofmonth(KustoValue v, KustoValue offset)
        => Date(v, out var d) ? KustoValue.From(new DateTime(d.Year, d.Month, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths((int)Offset(offset).AsLong + 1).AddTicks(-1)) : KustoValue.Null;

    public static KustoValue startofyear(KustoValue v) => startofyear(v, KustoValue.Null);
    public static KustoValue startofyear(KustoValue v, KustoValue offset)
        => Date(v, out var d) ? KustoValue.From(new DateTime(d.Year, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddYears((int)Offset(offset).AsLong)) : KustoValue.Null;

    public static KustoValue endofyear(KustoValue v) => endofyear(v, KustoValue.Null);
    public static KustoValue endofyear(KustoValue v, KustoValue offset)
        => Date(v, out var d) ? KustoValue.From(new DateTime(d.Year, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddYears((int)Offset(offset).AsLong + 1).AddTicks(-1)) : KustoValue.Null;

    /// <summary>dayofweek: the timespan since the preceding Sunday.</summary>
    public static KustoValue dayofweek(KustoValue v)
        => Date(v, out var d) ? KustoValue.From(TimeSpan.FromDays((int)d.DayOfWeek)) : KustoValue.Null;

    public static KustoValue dayofmonth(KustoValue v) => Date(v, out var d) ? KustoValue.FromInt(d.Day) : KustoValue.Null;
    public static KustoValue dayofyear(KustoValue v) => Date(v, out var d) ? KustoValue.FromInt(d.DayOfYear) : KustoValue.Null;
    public static KustoValue hourofday(KustoValue v) => Date(v, out var d) ? KustoValue.FromInt(d.Hour) : KustoValue.Null;
    public static KustoValue getyear(KustoValue v) => Date(v, out var d) ? KustoValue.FromInt(d.Year) : KustoValue.Null;
    public static KustoValue getmonth(KustoValue v) => Date(v, out var d) ? KustoValue.FromInt(d.Month) : KustoValue.Null;
    public static KustoValue monthofyear(KustoValue v) => getmonth(v);
    public static KustoValue week_of_year(KustoValue v)
        => Date(v, out var d) ? KustoValue.FromInt(ISOWeek.GetWeekOfYear(d)) : KustoValue.Null;

    public static KustoValue datetime_part(KustoValue part, KustoValue v)
    {
        if (!Date(v, out var d)) return KustoValue.Null;
        return KustoStrings.Text(part).ToLowerInvariant() switch
        {
            "year" => KustoValue.FromInt(d.Year),
            "quarter" => KustoValue.FromInt((d.Month - 1) / 3 + 1),
            "month" => KustoValue.FromInt(d.Month),
            "week_of_year" => KustoValue.FromInt(ISOWeek.GetWeekOfYear(d)),
            "day" => KustoValue.FromInt(d.Day),
            "dayofyear" => KustoValue.FromInt(d.DayOfYear),
            "hour" => KustoValue.FromInt(d.Hour),
            "minute" => KustoValue.FromInt(d.Minute),
            "second" => KustoValue.FromInt(d.Second),
            "millisecond" => KustoValue.FromInt(d.Millisecond),
            "microsecond" => KustoValue.FromInt((int)(d.Ticks % TimeSpan.TicksPerSecond / 10)),
            "nanosecond" => KustoValue.FromInt((int)(d.Ticks % TimeSpan.TicksPerSecond * 100)),
            _ => KustoValue.Null,
        };
    }

    public static KustoValue datetime_add(KustoValue part, KustoValue amount, KustoValue v)
    {
        if (!Date(v, out var d) || amount.IsNull) return KustoValue.Null;
        var n = amount.AsLong;
        return KustoStrings.Text(part).ToLowerInvariant() switch
        {
            "year" => KustoValue.From(d.AddYears((int)n)),
            "quarter" => KustoValue.From(d.AddMonths(3 * (int)n)),
            "month" => KustoValue.From(d.AddMonths((int)n)),
            "week" => KustoValue.From(d.AddDays(7 * n)),
            "day" => KustoValue.From(d.AddDays(n)),
            "hour" => KustoValue.From(d.AddHours(n)),
            "minute" => KustoValue.From(d.AddMinutes(n)),
            "second" => KustoValue.From(d.AddSeconds(n)),
            "millisecond" => KustoValue.From(d.AddMilliseconds(n)),
            "microsecond" => KustoValue.From(d.AddTicks(10 * n)),
            "nanosecond" => KustoValue.From(d.AddTicks(n / 100)),
            _ => KustoValue.Null,
        };
    }

    /// <summary>datetime_diff(part, a, b): the number of part boundaries crossed from b to a.</summary>
    public static KustoValue datetime_diff(KustoValue part, KustoValue a, KustoValue b)
    {
        if (!Date(a, out var x) || !Date(b, out var y)) return KustoValue.Null;
        long result = KustoStrings.Text(part).ToLowerInvariant() switch
        {
            "year" => x.Year - y.Year,
            "quarter" => (x.Year * 4 + (x.Month - 1) / 3) - (y.Year * 4 + (y.Month - 1) / 3),
            "month" => (x.Year * 12 + x.Month) - (y.Year * 12 + y.Month),
            "week" => (StartOfWeek(x) - StartOfWeek(y)).Days / 7,
            "day" => (x.Date - y.Date).Days,
            "hour" => x.Ticks / TimeSpan.TicksPerHour - y.Ticks / TimeSpan.TicksPerHour,
            "minute" => x.Ticks / TimeSpan.TicksPerMinute - y.Ticks / TimeSpan.TicksPerMinute,
            "second" => x.Ticks / TimeSpan.TicksPerSecond - y.Ticks / TimeSpan.TicksPerSecond,
            "millisecond" => x.Ticks / TimeSpan.TicksPerMillisecond - y.Ticks / TimeSpan.TicksPerMillisecond,
            "microsecond" => x.Ticks / 10 - y.Ticks / 10,
            "nanosecond" => (x.Ticks - y.Ticks) * 100,
            _ => long.MinValue,
        };
        return result == long.MinValue ? KustoValue.Null : KustoValue.From(result);
    }

    private static DateTime StartOfWeek(DateTime d) => d.Date.AddDays(-(int)d.DayOfWeek);

    public static KustoValue make_datetime(params KustoValue[] parts)
    {
        if (parts.Length < 3 || parts.Any(p => p.IsNull)) return KustoValue.Null;
        try
        {
            var seconds = parts.Length > 5 ? parts[5].AsDouble : 0;
            var d = new DateTime((int)parts[0].AsLong, (int)parts[1].AsLong, (int)parts[2].AsLong,
                parts.Length > 3 ? (int)parts[3].AsLong : 0, parts.Length > 4 ? (int)parts[4].AsLong : 0, 0, DateTimeKind.Utc);
            return KustoValue.From(d.AddTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond)));
        }
        catch (ArgumentOutOfRangeException)
        {
            return KustoValue.Null;
        }
    }

    public static KustoValue make_timespan(params KustoValue[] parts)
    {
        if (parts.Any(p => p.IsNull)) return KustoValue.Null;
        return parts.Length switch
        {
            2 => KustoValue.From(new TimeSpan((int)parts[0].AsLong, (int)parts[1].AsLong, 0)),
            3 => KustoValue.From(new TimeSpan((int)parts[0].AsLong, (int)parts[1].AsLong, 0) + TimeSpan.FromSeconds(parts[2].AsDouble)),
            4 => KustoValue.From(new TimeSpan((int)parts[0].AsLong, (int)parts[1].AsLong, (int)parts[2].AsLong, 0) + TimeSpan.FromSeconds(parts[3].AsDouble)),
            _ => KustoValue.Null,
        };
    }

    private static readonly DateTime Epoch = new(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static KustoValue unixtime_seconds_todatetime(KustoValue v) => v.IsNumeric ? KustoValue.From(Epoch.AddTicks((long)(v.AsDouble * TimeSpan.TicksPerSecond))) : KustoValue.Null;
    public static KustoValue unixtime_milliseconds_todatetime(KustoValue v) => v.IsNumeric ? KustoValue.From(Epoch.AddTicks((long)(v.AsDouble * TimeSpan.TicksPerMillisecond))) : KustoValue.Null;
    public static KustoValue unixtime_microseconds_todatetime(KustoValue v) => v.IsNumeric ? KustoValue.From(Epoch.AddTicks((long)(v.AsDouble * 10))) : KustoValue.Null;
    public static KustoValue unixtime_nanoseconds_todatetime(KustoValue v) => v.IsNumeric ? KustoValue.From(Epoch.AddTicks((long)(v.AsDouble / 100))) : KustoValue.Null;

    /// <summary>format_datetime with Kusto's format specifiers (yyyy, MM, dd, HH, hh, mm, ss, f…, tt) and separators.</summary>
    public static KustoValue format_datetime(KustoValue v, KustoValue format)
    {
        if (!Date(v, out var d)) return KustoValue.EmptyString;
        // Kusto's specifiers are .NET's custom ones; separators other than letters are copied literally
        var pattern = new StringBuilder();
        foreach (var c in KustoStrings.Text(format))
        {
            if (char.IsLetter(c)) pattern.Append(c);
            else pattern.Append('\\').Append(c);
        }
        try { return KustoValue.From(d.ToString(pattern.ToString(), CultureInfo.InvariantCulture)); }
        catch (FormatException) { return KustoValue.EmptyString; }
    }

    public static KustoValue format_timespan(KustoValue v, KustoValue format)
    {
        if (v.Type != KustoType.TimeSpan) return KustoValue.EmptyString;
        var pattern = new StringBuilder();
        foreach (var c in KustoStrings.Text(format))
        {
            if (char.IsLetter(c)) pattern.Append(c);
            else pattern.Append('\\').Append(c);
        }
        try { return KustoValue.From(v.AsTimeSpan.Duration().ToString(pattern.ToString(), CultureInfo.InvariantCulture)); }
        catch (FormatException) { return KustoValue.EmptyString; }
    }

    /// <summary>datetime_utc_to_local(utc, timezone): the wall-clock time in an IANA time zone; null for an unknown zone.</summary>
    public static KustoValue datetime_utc_to_local(KustoValue v, KustoValue timezone)
    {
        if (!Date(v, out var d) || !TryZone(timezone, out var zone)) return KustoValue.Null;
        return KustoValue.From(DateTime.SpecifyKind(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(d, DateTimeKind.Utc), zone), DateTimeKind.Unspecified));
    }

    /// <summary>datetime_local_to_utc(local, timezone): the UTC instant of a wall-clock time in an IANA time zone.</summary>
    public static KustoValue datetime_local_to_utc(KustoValue v, KustoValue timezone)
    {
        if (!Date(v, out var d) || !TryZone(timezone, out var zone)) return KustoValue.Null;
        var local = DateTime.SpecifyKind(d, DateTimeKind.Unspecified);
        // a wall-clock time skipped by a daylight-saving jump has no UTC instant; Kusto reads it with the offset
        // in force after the jump (02:30 in a 02:00→03:00 gap is 03:30's offset applied to 02:30)
        var utc = zone.IsInvalidTime(local)
            ? TimeZoneInfo.ConvertTimeToUtc(local.AddHours(1), zone).AddHours(-1)
            : TimeZoneInfo.ConvertTimeToUtc(local, zone);
        return KustoValue.From(DateTime.SpecifyKind(utc, DateTimeKind.Unspecified));
    }

    private static bool TryZone(KustoValue name, out TimeZoneInfo zone)
    {
        zone = TimeZoneInfo.Utc;
        var id = Scalars.KustoStrings.Text(name);
        if (id.Length == 0) return false;
        try { zone = TimeZoneInfo.FindSystemTimeZoneById(id); return true; }
        catch (TimeZoneNotFoundException) { return false; }
        catch (InvalidTimeZoneException) { return false; }
    }
}
