using System;
using System.Globalization;

namespace AzureRules.Generators.Formats.Common;

/// <summary>
/// The duration spellings rule files use: Sentinel's <c>5m</c>, <c>1h</c>, <c>14d</c> (also ISO 8601
/// <c>PT5M</c>, which the Sentinel API accepts), Elastic's <c>interval = "5m"</c> and date math
/// <c>from = "now-25m"</c>.
/// </summary>
internal static class Durations
{
    /// <summary>A number and a unit: ms, s, m, h, d, w (Elastic also accepts M and y in date math; not for durations).</summary>
    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var s = text!.Trim();
        if (s.StartsWith("P", StringComparison.OrdinalIgnoreCase)) return TryParseIso8601(s, out value);

        var unitStart = 0;
        while (unitStart < s.Length && (char.IsDigit(s[unitStart]) || s[unitStart] == '.')) unitStart++;
        if (unitStart == 0 || unitStart == s.Length) return false;
        if (!double.TryParse(s.Substring(0, unitStart), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
            return false;
        double? ms = s.Substring(unitStart) switch
        {
            "ms" => amount,
            "s" => amount * 1000,
            "m" => amount * 60_000,
            "h" => amount * 3_600_000,
            "d" => amount * 86_400_000,
            "w" => amount * 7 * 86_400_000,
            _ => null,
        };
        if (ms is null) return false;
        value = TimeSpan.FromMilliseconds(ms.Value);
        return true;
    }

    /// <summary>Elastic date math relative to now: <c>now-25m</c> gives 25 minutes. Rounding (<c>/d</c>) is ignored.</summary>
    public static bool TryParseDateMathLookBack(string? text, out TimeSpan lookBack)
    {
        lookBack = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var s = text!.Trim();
        if (!s.StartsWith("now", StringComparison.Ordinal)) return false;
        s = s.Substring(3);
        var rounding = s.IndexOf('/');
        if (rounding >= 0) s = s.Substring(0, rounding);
        if (s.Length == 0) return true;
        if (s[0] != '-') return false;
        var body = s.Substring(1);
        // date math allows y (year) and M (month); approximate them as 365 and 30 days
        if (body.EndsWith("M", StringComparison.Ordinal) && int.TryParse(body.Substring(0, body.Length - 1), out var months))
        {
            lookBack = TimeSpan.FromDays(30 * months);
            return true;
        }
        if (body.EndsWith("y", StringComparison.Ordinal) && int.TryParse(body.Substring(0, body.Length - 1), out var years))
        {
            lookBack = TimeSpan.FromDays(365 * years);
            return true;
        }
        return TryParse(body, out lookBack);
    }

    private static bool TryParseIso8601(string s, out TimeSpan value)
    {
        value = default;
        try
        {
            value = System.Xml.XmlConvert.ToTimeSpan(s);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>The shortest spelling of a duration in the <c>5m</c> style, for messages.</summary>
    public static string Format(TimeSpan value)
    {
        if (value.TotalDays >= 1 && value.TotalDays == Math.Floor(value.TotalDays)) return $"{value.TotalDays:0}d";
        if (value.TotalHours >= 1 && value.TotalHours == Math.Floor(value.TotalHours)) return $"{value.TotalHours:0}h";
        if (value.TotalMinutes >= 1 && value.TotalMinutes == Math.Floor(value.TotalMinutes)) return $"{value.TotalMinutes:0}m";
        if (value.TotalSeconds == Math.Floor(value.TotalSeconds)) return $"{value.TotalSeconds:0}s";
        return $"{value.TotalMilliseconds:0}ms";
    }
}
