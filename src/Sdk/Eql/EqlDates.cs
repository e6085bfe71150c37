using System.Globalization;
using AzureRules.Sdk.Events;

namespace AzureRules.Sdk.Eql;

/// <summary>Date field values as epoch milliseconds: a number is epoch millis, a string a number or an ISO 8601 date.</summary>
public static class EqlDates
{
    public static bool TryGetEpochMillis(in FieldValue value, out long millis)
    {
        millis = 0;
        switch (value.Kind)
        {
            case FieldKind.Number:
                millis = value.IsInteger ? value.Integer : (long)value.Number;
                return true;
            case FieldKind.String:
                return TryParse(value.Text, out millis);
            default:
                return false;
        }
    }

    /// <summary>Epoch milliseconds or an ISO 8601 date (UTC unless it says otherwise).</summary>
    public static bool TryParse(string? text, out long millis)
    {
        millis = 0;
        if (string.IsNullOrEmpty(text)) return false;
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out millis)) return true;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date))
        {
            millis = date.ToUnixTimeMilliseconds();
            return true;
        }
        return false;
    }
}
