using System.Globalization;

namespace AzureRules.Sdk.Esql;

public static partial class EsqlFunctions
{
    public static object? Now() => EsqlClock.Now;

    /// <summary>DATE_TRUNC(interval, date): rounds down to a multiple of the interval (calendar units for periods).</summary>
    public static object? DateTrunc(object? interval, object? date)
    {
        if (!Singles(interval, date, out var i, out var d)) return null;
        var span = i is EsqlSpan s ? s : EsqlSpan.Parse(Text(i));
        return Truncate((DateTime)d, span);
    }

    internal static DateTime Truncate(DateTime date, EsqlSpan span)
    {
        if (span.Months != 0)
        {
            var months = date.Year * 12 + date.Month - 1;
            months -= ((months % span.Months) + span.Months) % span.Months;
            return new DateTime(months / 12, months % 12 + 1, 1, 0, 0, 0, DateTimeKind.Utc);
        }
        if (span.Days == 7)
        {
            // weeks start on Monday
            var day = date.Date;
            var offset = ((int)day.DayOfWeek + 6) % 7;
            return DateTime.SpecifyKind(day.AddDays(-offset), DateTimeKind.Utc);
        }
        var length = span.Days != 0 ? TimeSpan.FromDays(span.Days) : span.Time;
        if (length <= TimeSpan.Zero) throw new InvalidOperationException("DATE_TRUNC needs a positive interval");
        var millis = EsqlDates.ToMillis(date);
        var unit = (long)length.TotalMilliseconds;
        return EsqlDates.FromMillis(millis - (((millis % unit) + unit) % unit));
    }

    /// <summary>DATE_DIFF(unit, start, end): whole units from start to end (negative when end is earlier), an integer.</summary>
    public static object? DateDiff(object? unit, object? start, object? end)
    {
        if (!Single(unit, out var u) || !Singles(start, end, out var a, out var b)) return null;
        var from = (DateTime)a;
        var to = (DateTime)b;
        long result = Text(u).ToLowerInvariant() switch
        {
            "year" or "years" or "yy" or "yyyy" => Months(from, to) / 12,
            "quarter" or "quarters" or "qq" or "q" => Months(from, to) / 3,
            "month" or "months" or "mm" or "m" => Months(from, to),
            "dayofyear" or "dy" or "y" or "day" or "days" or "dd" or "d" => (long)((to - from).TotalDays),
            "week" or "weeks" or "wk" or "ww" => (long)((to - from).TotalDays / 7),
            "weekday" or "weekdays" or "dw" => (long)((to - from).TotalDays),
            "hour" or "hours" or "hh" => (long)(to - from).TotalHours,
            "minute" or "minutes" or "mi" or "n" => (long)(to - from).TotalMinutes,
            "second" or "seconds" or "ss" or "s" => (long)(to - from).TotalSeconds,
            "millisecond" or "milliseconds" or "ms" => EsqlDates.ToMillis(to) - EsqlDates.ToMillis(from),
            "microsecond" or "microseconds" or "mcs" => (EsqlDates.ToMillis(to) - EsqlDates.ToMillis(from)) * 1000,
            "nanosecond" or "nanoseconds" or "ns" => (EsqlDates.ToMillis(to) - EsqlDates.ToMillis(from)) * 1_000_000,
            var other => throw new InvalidOperationException($"A value of [YEAR, QUARTER, MONTH, DAYOFYEAR, DAY, WEEK, WEEKDAY, HOUR, MINUTE, SECOND, MILLISECOND, MICROSECOND, NANOSECOND] or their aliases is required; received [{other}]"),
        };
        return result is < int.MinValue or > int.MaxValue
            ? EsqlWarnings.Null("org.elasticsearch.xpack.esql.core.InvalidArgumentException: [" + result + "] out of [integer] range")
            : (int)result;
    }

    /// <summary>Whole calendar months between two dates, as Java's ChronoUnit.MONTHS.between counts them.</summary>
    private static long Months(DateTime from, DateTime to)
    {
        var months = (to.Year - from.Year) * 12L + to.Month - from.Month;
        var fromRest = from - new DateTime(from.Year, from.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        var toRest = to - new DateTime(to.Year, to.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        if (months > 0 && toRest < fromRest) months--;
        else if (months < 0 && toRest > fromRest) months++;
        return months;
    }

    /// <summary>DATE_EXTRACT(part, date): a ChronoField of the date (UTC), as a long.</summary>
    public static object? DateExtract(object? part, object? date)
    {
        if (!Singles(part, date, out var p, out var v)) return null;
        var d = (DateTime)v;
        return Text(p).ToUpperInvariant() switch
        {
            "YEAR" => (long)d.Year,
            "MONTH_OF_YEAR" => (long)d.Month,
            "DAY_OF_MONTH" => (long)d.Day,
            "DAY_OF_WEEK" => (long)(((int)d.DayOfWeek + 6) % 7 + 1),
            "DAY_OF_YEAR" => (long)d.DayOfYear,
            "HOUR_OF_DAY" => (long)d.Hour,
            "MINUTE_OF_HOUR" => (long)d.Minute,
            "SECOND_OF_MINUTE" => (long)d.Second,
            "MILLI_OF_SECOND" => (long)d.Millisecond,
            "MINUTE_OF_DAY" => (long)(d.Hour * 60 + d.Minute),
            "SECOND_OF_DAY" => (long)d.TimeOfDay.TotalSeconds,
            "MILLI_OF_DAY" => (long)d.TimeOfDay.TotalMilliseconds,
            "EPOCH_DAY" => (long)(d.Date - DateTime.UnixEpoch).TotalDays,
            "ALIGNED_WEEK_OF_YEAR" => (long)((d.DayOfYear - 1) / 7 + 1),
            "ALIGNED_WEEK_OF_MONTH" => (long)((d.Day - 1) / 7 + 1),
            "AMPM_OF_DAY" => (long)(d.Hour >= 12 ? 1 : 0),
            "HOUR_OF_AMPM" => (long)(d.Hour % 12),
            "PROLEPTIC_MONTH" => d.Year * 12L + d.Month - 1,
            "YEAR_OF_ERA" => (long)d.Year,
            "ERA" => 1L,
            "QUARTER_OF_YEAR" => (long)((d.Month - 1) / 3 + 1),
            var other => EsqlWarnings.Null($"java.lang.IllegalArgumentException: No enum constant java.time.temporal.ChronoField.{other}"),
        };
    }

    public static object? DayName(object? date) => Single(date, out var d) ? ((DateTime)d).DayOfWeek.ToString() : null;
    public static object? MonthName(object? date) => Single(date, out var d) ? CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(((DateTime)d).Month) : null;

    /// <summary>DATE_FORMAT([format,] date): Java DateTimeFormatter patterns; the default is ISO with milliseconds.</summary>
    public static object? DateFormat(object? a, object? b = null)
    {
        if (b is null && a is DateTime only) return EsqlFormat.Date(only);
        if (!Singles(a, b, out var format, out var date)) return null;
        return ((DateTime)date).ToString(JavaDateFormat(Text(format)), CultureInfo.InvariantCulture);
    }

    /// <summary>DATE_PARSE([format,] text).</summary>
    public static object? DateParse(object? a, object? b = null)
    {
        if (b is null)
            return Single(a, out var t) && EsqlDates.TryParse(Text(t), out var d) ? d : a is null ? null : EsqlWarnings.Null($"java.lang.IllegalArgumentException: failed to parse date field [{a}]");
        if (!Singles(a, b, out var format, out var text)) return null;
        return DateTime.TryParseExact(Text(text), JavaDateFormat(Text(format)), CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var parsed)
            ? DateTime.SpecifyKind(parsed, DateTimeKind.Utc)
            : EsqlWarnings.Null($"java.lang.IllegalArgumentException: failed to parse date field [{text}] with format [{format}]");
    }

    /// <summary>The common Java DateTimeFormatter letters in .NET form (quoted literals pass through).</summary>
    private static string JavaDateFormat(string pattern)
        => pattern.Replace("uuuu", "yyyy").Replace("SSS", "fff").Replace("XXX", "K").Replace("Z", "zzz").Replace("EEEE", "dddd").Replace("EEE", "ddd").Replace("a", "tt");

    /// <summary>
    /// BUCKET(value, span) with a span, or BUCKET(value, count, from, to) choosing a span so that
    /// [from, to] falls into at most count buckets (dates: the nearest calendar unit; numbers: a nice step).
    /// </summary>
    public static object? Bucket(object? value, object? span, object? from = null, object? to = null)
    {
        if (!Single(value, out var v)) return null;
        if (!Single(span, out var s)) return null;
        if (v is DateTime date)
        {
            var interval = s is EsqlSpan given ? given : from is null ? EsqlSpan.Parse(Text(s)) : DateSpanFor(Int(s), DateOf(from), DateOf(to));
            return Truncate(date, interval);
        }
        var x = EsqlConvert.ToDouble(v);
        var width = from is null ? EsqlConvert.ToDouble(s) : NumericSpanFor(Int(s), EsqlConvert.ToDouble(from), EsqlConvert.ToDouble(to!));
        return Math.Floor(x / width) * width;
    }

    private static DateTime DateOf(object? value) => value switch
    {
        DateTime d => d,
        string s when EsqlDates.TryParse(s, out var d) => d,
        _ => throw new InvalidOperationException("BUCKET needs dates for its range"),
    };

    private static readonly EsqlSpan[] DateSpans =
    [
        new(0, 0, TimeSpan.FromMilliseconds(1)), new(0, 0, TimeSpan.FromSeconds(1)), new(0, 0, TimeSpan.FromMinutes(1)),
        new(0, 0, TimeSpan.FromMinutes(10)), new(0, 0, TimeSpan.FromMinutes(30)),
        new(0, 0, TimeSpan.FromHours(1)), new(0, 0, TimeSpan.FromHours(3)), new(0, 0, TimeSpan.FromHours(12)),
        new(0, 1, TimeSpan.Zero), new(0, 7, TimeSpan.Zero), new(1, 0, TimeSpan.Zero), new(3, 0, TimeSpan.Zero), new(12, 0, TimeSpan.Zero),
    ];

    private static EsqlSpan DateSpanFor(int buckets, DateTime from, DateTime to)
    {
        foreach (var span in DateSpans)
        {
            var count = 0;
            for (var t = Truncate(from, span); t <= to && count <= buckets; t = span.AddTo(t)) count++;
            if (count <= buckets) return span;
        }
        return DateSpans[^1];
    }

    private static double NumericSpanFor(int buckets, double from, double to)
    {
        var precise = (to - from) / buckets;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(precise)));
        foreach (var step in new[] { 1.0, 2.0, 2.5, 5.0, 10.0 })
        {
            var width = step * magnitude;
            if ((Math.Floor(to / width) - Math.Floor(from / width)) < buckets) return width;
        }
        return 10 * magnitude;
    }
}
