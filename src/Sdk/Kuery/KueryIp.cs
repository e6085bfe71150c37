using System.Globalization;

namespace AzureRules.Sdk.Kuery;

/// <summary>
/// IP addresses as Elasticsearch's <c>ip</c> field keeps them: one 128-bit number, IPv4 addresses
/// mapped into IPv6 (<c>::ffff:a.b.c.d</c>), so 10.0.0.0/8 and ::ffff:10.0.0.0/104 are the same block.
/// Parsing is allocation-free so that every event value can be tried.
/// </summary>
public static class KueryIp
{
    private static readonly UInt128 V4Mapped = (UInt128)0xFFFF << 32;

    public static bool TryParse(ReadOnlySpan<char> text, out UInt128 address)
    {
        address = 0;
        text = text.Trim();
        if (text.IndexOf(':') < 0)
        {
            if (!TryParseV4(text, out var v4)) return false;
            address = V4Mapped | v4;
            return true;
        }
        return TryParseV6(text, out address);
    }

    private static bool TryParseV4(ReadOnlySpan<char> text, out uint value)
    {
        value = 0;
        for (var part = 0; part < 4; part++)
        {
            var dot = text.IndexOf('.');
            var digits = part < 3 ? (dot < 0 ? default : text[..dot]) : text;
            if (digits.Length is 0 or > 3 || (part < 3 && dot < 0)) return false;
            if (!uint.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var octet) || octet > 255) return false;
            value = (value << 8) | octet;
            if (part < 3) text = text[(dot + 1)..];
        }
        return true;
    }

    private static bool TryParseV6(ReadOnlySpan<char> text, out UInt128 value)
    {
        value = 0;
        var zone = text.IndexOf('%');
        if (zone >= 0) text = text[..zone];
        Span<ushort> head = stackalloc ushort[8];
        Span<ushort> tail = stackalloc ushort[8];
        int headCount = 0, tailCount = 0;
        var gap = text.IndexOf("::");
        var before = gap < 0 ? text : text[..gap];
        var after = gap < 0 ? default : text[(gap + 2)..];
        if (!ParseGroups(before, head, ref headCount, allowV4Tail: gap < 0)) return false;
        if (gap >= 0 && !ParseGroups(after, tail, ref tailCount, allowV4Tail: true)) return false;
        var total = headCount + tailCount;
        if (gap < 0 ? total != 8 : total > 7) return false;
        Span<ushort> groups = stackalloc ushort[8];
        head[..headCount].CopyTo(groups);
        tail[..tailCount].CopyTo(groups[(8 - tailCount)..]);
        foreach (var g in groups) value = (value << 16) | g;
        return true;
    }

    private static bool ParseGroups(ReadOnlySpan<char> text, Span<ushort> groups, ref int count, bool allowV4Tail)
    {
        if (text.IsEmpty) return true;
        while (true)
        {
            var colon = text.IndexOf(':');
            var group = colon < 0 ? text : text[..colon];
            if (colon < 0 && allowV4Tail && group.IndexOf('.') >= 0)
            {
                if (count > 6 || !TryParseV4(group, out var v4)) return false;
                groups[count++] = (ushort)(v4 >> 16);
                groups[count++] = (ushort)v4;
                return true;
            }
            if (group.Length is 0 or > 4 || count >= 8) return false;
            if (!ushort.TryParse(group, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var g)) return false;
            groups[count++] = g;
            if (colon < 0) return true;
            text = text[(colon + 1)..];
        }
    }
}

/// <summary>An address or CIDR block from a query (<c>source.ip:10.0.0.0/8</c>, <c>fe80::/10</c>).</summary>
public sealed class KueryIpRange
{
    public KueryIpRange(string text)
    {
        var slash = text.IndexOf('/');
        var address = slash < 0 ? text : text[..slash];
        if (!KueryIp.TryParse(address, out var ip)) throw new FormatException($"'{text}' is not an IP address or CIDR block");
        var isV4 = address.IndexOf(':') < 0;
        var prefix = slash < 0 ? 128 : int.Parse(text[(slash + 1)..], CultureInfo.InvariantCulture) + (isV4 ? 96 : 0);
        Mask = prefix == 0 ? 0 : UInt128.MaxValue << (128 - prefix);
        First = ip & Mask;
    }

    public UInt128 First { get; }
    public UInt128 Mask { get; }

    public bool Contains(UInt128 address) => (address & Mask) == First;
}
