using System;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace AzureRules.Generators.Eql.Binding;

/// <summary>Compile-time reading of constants whose form the runtime relies on: dates, regexes, CIDR blocks.</summary>
internal static class EqlLiterals
{
    private static readonly DateTimeOffset Epoch = new(1970, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>A date constant compared with a date field: epoch milliseconds or ISO 8601 (UTC unless it says otherwise).</summary>
    public static bool TryParseDate(string text, out long epochMillis)
    {
        epochMillis = 0;
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out epochMillis)) return true;
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date))
            return false;
        epochMillis = (long)Math.Floor((date - Epoch).TotalMilliseconds);
        return true;
    }

    /// <summary>Null when the pattern compiles as the runtime will compile it, else the reason.</summary>
    public static string? ValidateRegex(string pattern)
    {
        try
        {
            _ = new Regex("^(?:" + pattern + ")$", RegexOptions.CultureInvariant);
            return null;
        }
        catch (ArgumentException e)
        {
            return e.Message;
        }
    }

    public static bool IsValidCidr(string text)
    {
        var slash = text.IndexOf('/');
        var address = slash < 0 ? text : text.Substring(0, slash);
        if (!IPAddress.TryParse(address, out var ip)) return false;
        if (slash < 0) return true;
        var bits = ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128;
        return int.TryParse(text.Substring(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var prefix) && prefix <= bits;
    }
}
