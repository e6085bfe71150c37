using System.Globalization;

namespace AzureRules.Sdk.Kuery;

/// <summary>
/// A date from a query, in Elasticsearch's default date format (<c>strict_date_optional_time||epoch_millis</c>)
/// or date math (<c>now-30d</c>, <c>now/d</c>, <c>2024-01-01||+1M</c>). Relative dates are resolved when
/// the event is matched, as Elasticsearch resolves them when the search runs. Rounding (<c>/d</c>) rounds
/// down; Elasticsearch rounds up for <c>&gt;</c> and <c>&lt;=</c> bounds, which only moves a bound
/// inside the rounded unit.
/// </summary>
public sealed class KueryDate
{
    private readonly long _anchor;          // epoch milliseconds, unless relative to now
    private readonly bool _relativeToNow;
    private readonly (char Op, int Amount, char Unit)[] _math;

    public KueryDate(string text)
    {
        text = text.Trim();
        string math;
        if (text.StartsWith("now", StringComparison.Ordinal))
        {
            _relativeToNow = true;
            math = text[3..];
        }
        else
        {
            var bars = text.IndexOf("||", StringComparison.Ordinal);
            var anchor = bars < 0 ? text : text[..bars];
            math = bars < 0 ? "" : text[(bars + 2)..];
            if (!TryParseMillis(anchor, out _anchor)) throw new FormatException($"'{text}' is not a date");
        }
        var steps = new List<(char, int, char)>();
        var i = 0;
        while (i < math.Length)
        {
            var op = math[i++];
            var start = i;
            while (i < math.Length && char.IsDigit(math[i])) i++;
            var amount = i > start ? int.Parse(math[start..i], CultureInfo.InvariantCulture) : 0;
            if (i >= math.Length) throw new FormatException($"'{text}' has incomplete date math");
            steps.Add((op, amount, math[i++]));
        }
        _math = [.. steps];
    }

    /// <summary>The date in epoch milliseconds.</summary>
    public long Resolve() => Resolve(DateTimeOffset.UtcNow);

    /// <summary>The date in epoch milliseconds, with <c>now</c> at <paramref name="now"/> (a replayed execution's time).</summary>
    public long Resolve(DateTimeOffset now)
    {
        if (!_relativeToNow && _math.Length == 0) return _anchor;
        var date = _relativeToNow ? now : DateTimeOffset.FromUnixTimeMilliseconds(_anchor);
        foreach (var (op, amount, unit) in _math)
        {
            var signed = op == '-' ? -amount : amount;
            date = op == '/' ? Round(date, unit) : unit switch
            {
                'y' => date.AddYears(signed),
                'M' => date.AddMonths(signed),
                'w' => date.AddDays(7 * signed),
                'd' => date.AddDays(signed),
                'h' or 'H' => date.AddHours(signed),
                'm' => date.AddMinutes(signed),
                's' => date.AddSeconds(signed),
                _ => date,
            };
        }
        return date.ToUnixTimeMilliseconds();
    }

    private static DateTimeOffset Round(DateTimeOffset d, char unit) => unit switch
    {
        'y' => new DateTimeOffset(d.Year, 1, 1, 0, 0, 0, TimeSpan.Zero),
        'M' => new DateTimeOffset(d.Year, d.Month, 1, 0, 0, 0, TimeSpan.Zero),
        'w' => new DateTimeOffset(d.Date, TimeSpan.Zero).AddDays(-(((int)d.DayOfWeek + 6) % 7)),
        'd' => new DateTimeOffset(d.Year, d.Month, d.Day, 0, 0, 0, TimeSpan.Zero),
        'h' or 'H' => new DateTimeOffset(d.Year, d.Month, d.Day, d.Hour, 0, 0, TimeSpan.Zero),
        'm' => new DateTimeOffset(d.Year, d.Month, d.Day, d.Hour, d.Minute, 0, TimeSpan.Zero),
        's' => new DateTimeOffset(d.Year, d.Month, d.Day, d.Hour, d.Minute, d.Second, TimeSpan.Zero),
        _ => d,
    };

    /// <summary>An event's date: an ISO 8601 string (UTC unless it says otherwise) or epoch milliseconds.</summary>
    public static bool TryParseMillis(ReadOnlySpan<char> text, out long millis)
    {
        millis = 0;
        text = text.Trim();
        if (text.IsEmpty) return false;
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out millis)) return true;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal | DateTimeStyles.AllowWhiteSpaces, out var date))
        {
            millis = date.ToUnixTimeMilliseconds();
            return true;
        }
        return false;
    }
}
