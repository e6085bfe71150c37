namespace AzureRules.Sdk.Events;

/// <summary>
/// The fast path for event timestamps: <c>yyyy-MM-ddTHH:mm:ss[.f…]</c> followed by <c>Z</c> or
/// <c>±HH:mm</c>, the RFC 3339 shape nearly every event carries, read straight from UTF-8 bytes.
/// Anything else (another layout, a leap second, more than seven fraction digits, a date at the
/// edge of the calendar) is declined, and the caller falls back to
/// <see cref="DateTimeOffset.TryParse(string?, IFormatProvider?, System.Globalization.DateTimeStyles, out DateTimeOffset)"/>,
/// so the fast path never decides differently from it (a test compares them).
/// </summary>
internal static class Rfc3339
{
    /// <summary>The instant, as UTC; false when the text is not in the shape this path reads.</summary>
    public static bool TryParse(ReadOnlySpan<byte> text, out DateTimeOffset time)
    {
        time = default;
        if (text.Length < 20 || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' || text[16] != ':')
            return false;
        if (!Digits(text, 0, 4, out var year) || !Digits(text, 5, 2, out var month) || !Digits(text, 8, 2, out var day)
            || !Digits(text, 11, 2, out var hour) || !Digits(text, 14, 2, out var minute) || !Digits(text, 17, 2, out var second))
            return false;
        // the calendar's edges (years 1 and 9999) can leave DateTimeOffset's range once the offset applies
        if (year is < 2 or > 9998 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59)
            return false;

        var at = 19;
        long fractionTicks = 0;
        if (text[at] == '.')
        {
            var digits = 0;
            at++;
            while (at < text.Length && text[at] is >= (byte)'0' and <= (byte)'9')
            {
                if (++digits > 7) return false;
                fractionTicks = fractionTicks * 10 + (text[at] - '0');
                at++;
            }
            if (digits == 0) return false;
            for (var pad = digits; pad < 7; pad++) fractionTicks *= 10;
        }
        if (at >= text.Length) return false;

        long offsetTicks;
        if (text[at] == 'Z' && at + 1 == text.Length) offsetTicks = 0;
        else if (text[at] is (byte)'+' or (byte)'-' && at + 6 == text.Length && text[at + 3] == ':'
                 && Digits(text, at + 1, 2, out var offsetHours) && Digits(text, at + 4, 2, out var offsetMinutes)
                 && offsetHours <= 13 && offsetMinutes <= 59)
        {
            offsetTicks = (offsetHours * 60L + offsetMinutes) * TimeSpan.TicksPerMinute;
            if (text[at] == '-') offsetTicks = -offsetTicks;
        }
        else return false;

        var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).Ticks + fractionTicks;
        time = new DateTimeOffset(local - offsetTicks, TimeSpan.Zero);
        return true;
    }

    private static bool Digits(ReadOnlySpan<byte> text, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            var digit = text[i] - '0';
            if ((uint)digit > 9) return false;
            value = value * 10 + digit;
        }
        return true;
    }
}
