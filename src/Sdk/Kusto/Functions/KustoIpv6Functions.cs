using System.Net;
using System.Net.Sockets;
using AzureRules.Sdk.Kusto.Scalars;

namespace AzureRules.Sdk.Kusto.Functions;

/// <summary>
/// IPv6 functions (learn.microsoft.com/kusto/query/ipv6-*-function). An address is IPv6 text or IPv4 text
/// (compared as its IPv4-mapped IPv6 form ::ffff:a.b.c.d), optionally with a /prefix (an IPv4 prefix counts
/// from bit 96); comparisons use the smallest of the addresses' own prefixes and the prefix argument.
/// </summary>
public static class KustoIpv6Functions
{
    private static readonly UInt128 Ipv4Mapped = (UInt128)0xFFFF << 32;

    internal static bool TryParse(string text, out UInt128 address, out int prefix)
    {
        address = 0;
        prefix = 128;
        text = text.Trim();
        var slash = text.IndexOf('/');
        string? suffix = null;
        if (slash >= 0) { suffix = text[(slash + 1)..]; text = text[..slash]; }
        if (!IPAddress.TryParse(text, out var ip)) return false;
        var isV4Text = ip.AddressFamily == AddressFamily.InterNetwork;
        if (ip.AddressFamily == AddressFamily.InterNetwork) ip = ip.MapToIPv6();
        else if (ip.AddressFamily != AddressFamily.InterNetworkV6) return false;
        var bytes = ip.GetAddressBytes();
        foreach (var b in bytes) address = (address << 8) | b;
        // "::a.b.c.d" (IPv4-compatible) is read as the IPv4-mapped address, as Kusto does
        if (!isV4Text && text.Contains('.') && address >> 32 == 0) { address |= Ipv4Mapped; isV4Text = true; }
        if (suffix is not null)
        {
            if (!int.TryParse(suffix, out var p) || p < 0 || p > (isV4Text ? 32 : 128)) return false;
            prefix = isV4Text ? 96 + p : p;
        }
        return true;
    }

    internal static UInt128 Mask(int prefix) => prefix <= 0 ? 0 : prefix >= 128 ? UInt128.MaxValue : UInt128.MaxValue << (128 - prefix);

    private static string Canonical(UInt128 address)
    {
        var groups = new string[8];
        for (var i = 0; i < 8; i++) groups[i] = ((ushort)(address >> (112 - 16 * i))).ToString("x4");
        return string.Join(':', groups);
    }

    /// <summary>parse_ipv6(ip): the canonical form, eight groups of four hex digits, masked to the address's prefix.</summary>
    public static KustoValue parse_ipv6(KustoValue ip)
        => TryParse(KustoStrings.Text(ip), out var a, out var p) ? KustoValue.From(Canonical(a & Mask(p))) : KustoValue.Null;

    /// <summary>parse_ipv6_mask(ip, prefix): canonical form masked to the smaller of the address's prefix and the given one (an IPv4 address's counts from bit 96).</summary>
    public static KustoValue parse_ipv6_mask(KustoValue ip, KustoValue prefix)
    {
        if (!TryParse(KustoStrings.Text(ip), out var a, out var p) || !prefix.IsNumeric || prefix.AsLong is < 0 or > 128) return KustoValue.Null;
        return KustoValue.From(Canonical(a & Mask(Math.Min(p, (int)prefix.AsLong))));
    }

    public static KustoValue ipv6_compare(KustoValue a, KustoValue b) => ipv6_compare(a, b, KustoValue.From(128L));

    /// <summary>ipv6_compare(a, b, prefix = 128): 0 when equal under the effective prefix, 1 when a is greater, -1 when smaller.</summary>
    public static KustoValue ipv6_compare(KustoValue a, KustoValue b, KustoValue prefix)
    {
        if (!TryParse(KustoStrings.Text(a), out var x, out var px) || !TryParse(KustoStrings.Text(b), out var y, out var py)) return KustoValue.Null;
        if (!prefix.IsNumeric || prefix.AsLong is < 0 or > 128) return KustoValue.Null;
        var mask = Mask(Math.Min(Math.Min(px, py), (int)prefix.AsLong));
        return KustoValue.FromInt((x & mask).CompareTo(y & mask));
    }

    public static KustoValue ipv6_is_match(KustoValue a, KustoValue b) => ipv6_is_match(a, b, KustoValue.From(128L));

    public static KustoValue ipv6_is_match(KustoValue a, KustoValue b, KustoValue prefix)
    {
        var c = ipv6_compare(a, b, prefix);
        return c.IsNull ? KustoValue.Null : KustoValue.From(c.AsLong == 0);
    }

    /// <summary>ipv6_is_in_range(ip, range): whether ip lies in the range's prefix.</summary>
    public static KustoValue ipv6_is_in_range(KustoValue ip, KustoValue range)
    {
        if (!TryParse(KustoStrings.Text(ip), out var a, out _) || !TryParse(KustoStrings.Text(range), out var r, out var p)) return KustoValue.Null;
        return KustoValue.From((a & Mask(p)) == (r & Mask(p)));
    }

    public static KustoValue ipv6_is_in_any_range(KustoValue ip, params KustoValue[] ranges)
    {
        if (!TryParse(KustoStrings.Text(ip), out _, out _)) return KustoValue.Null;
        foreach (var range in KustoNetworkFunctions.Flatten(ranges))
            if (ipv6_is_in_range(ip, range).IsTrue) return KustoValue.True;
        return KustoValue.False;
    }
}
