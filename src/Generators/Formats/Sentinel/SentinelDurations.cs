using System;
using AzureRules.Generators.Formats.Common;

namespace AzureRules.Generators.Formats.Sentinel;

/// <summary>
/// Sentinel's duration spellings: a whole number of minutes, hours or days (<c>5m</c>, <c>1h</c>,
/// <c>14d</c>), or ISO 8601 (<c>PT5M</c>). Elastic's other units (ms, s, w) are not Sentinel's.
/// </summary>
internal static class SentinelDurations
{
    public static bool TryParse(string text, out TimeSpan value)
    {
        value = default;
        var s = text.Trim();
        if (s.Length < 2) return false;
        if (s[0] is 'P' or 'p') return Durations.TryParse(s, out value);
        if (s[s.Length - 1] is not ('m' or 'h' or 'd')) return false;
        for (var i = 0; i < s.Length - 1; i++)
            if (s[i] is < '0' or > '9') return false;
        return Durations.TryParse(s, out value);
    }
}
