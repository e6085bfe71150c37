using System;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace AzureRules.Generators.Kuery.Binding;

/// <summary>
/// Compile-time checks of query values against field types. They only decide whether Elasticsearch
/// would accept the value; the runtime (AzureRules.Sdk.Kuery) parses it again for matching.
/// </summary>
internal static class KueryValues
{
    public static bool IsNumber(string text)
        => double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
           && !double.IsInfinity(number) && !double.IsNaN(number);

    public static bool IsIp(string text)
        => IPAddress.TryParse(text.Trim(), out _) && text.IndexOf('%') < 0;

    /// <summary>An address, or a CIDR block such as 10.0.0.0/8 or fe80::/10 (ip fields take both).</summary>
    public static bool IsIpOrCidr(string text)
    {
        var slash = text.IndexOf('/');
        if (slash < 0) return IsIp(text);
        var address = text.Substring(0, slash);
        if (!IPAddress.TryParse(address, out var ip)) return false;
        var max = ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128;
        return int.TryParse(text.Substring(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var prefix) && prefix <= max;
    }

    // Elasticsearch's default date format is strict_date_optional_time||epoch_millis, and range and
    // term queries also take date math: now-30d, now/d, 2024-01-01||+1M/d.
    private static readonly Regex DateMath = new(@"^(now|.+\|\|)([+-]\d+[yMwdhHms]|/[yMwdhHms])*$", RegexOptions.CultureInvariant);
    private static readonly Regex IsoDate = new(@"^\d{4}(-\d{2}(-\d{2}([T ]\d{2}(:\d{2}(:\d{2}([.,]\d{1,9})?)?)?(Z|[+-]\d{2}(:?\d{2})?)?)?)?)?$", RegexOptions.CultureInvariant);

    public static bool IsDate(string text)
    {
        text = text.Trim();
        if (text.Length == 0) return false;
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)) return true;
        if (IsoDate.IsMatch(text)) return true;
        var match = DateMath.Match(text);
        if (!match.Success) return false;
        var anchor = match.Groups[1].Value;
        return anchor == "now" || IsoDate.IsMatch(anchor.Substring(0, anchor.Length - 2));
    }
}

/// <summary>Wildcard field names (<c>process.*</c>, <c>*.name</c>): <c>*</c> spans any characters, dots too.</summary>
internal static class WildcardName
{
    public static bool Matches(string pattern, string name) => Matches(pattern, 0, name, 0);

    private static bool Matches(string pattern, int p, string name, int n)
    {
        while (p < pattern.Length)
        {
            if (pattern[p] == '*')
            {
                while (p < pattern.Length && pattern[p] == '*') p++;
                if (p == pattern.Length) return true;
                for (var k = n; k <= name.Length; k++)
                {
                    if (Matches(pattern, p, name, k)) return true;
                }
                return false;
            }
            if (n >= name.Length || pattern[p] != name[n]) return false;
            p++;
            n++;
        }
        return n == name.Length;
    }
}
