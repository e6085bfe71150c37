using System.Globalization;

namespace AzureRules.Sdk.Esql;

/// <summary>Date values: UTC <see cref="DateTime"/>s at millisecond precision, read from ISO 8601 text or epoch milliseconds.</summary>
public static class EsqlDates
{
    private static readonly DateTime Epoch = new(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static bool TryParse(string text, out DateTime date)
    {
        if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out date))
        {
            date = DateTime.SpecifyKind(Truncate(date), DateTimeKind.Utc);
            return true;
        }
        return false;
    }

    public static DateTime FromMillis(long millis) => Epoch.AddMilliseconds(millis);

    public static long ToMillis(DateTime date) => (long)Math.Floor((date - Epoch).TotalMilliseconds);

    private static DateTime Truncate(DateTime date) => new(date.Ticks - date.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);
}
