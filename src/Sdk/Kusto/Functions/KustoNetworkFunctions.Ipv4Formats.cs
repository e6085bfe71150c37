using AzureRules.Sdk.Kusto.Scalars;

namespace AzureRules.Sdk.Kusto.Functions;

/// <summary>IPv4 masks and formatting: format_ipv4(_mask), parse_ipv4_mask, ipv4_netmask_suffix, ipv4_range_to_cidr_list.</summary>
public static partial class KustoNetworkFunctions
{
    public static KustoValue format_ipv4(KustoValue ip) => format_ipv4(ip, KustoValue.From(32L));

    /// <summary>format_ipv4(ip, prefix = 32): the address (text or number) masked to the smaller of its own and the given prefix, as text; empty when invalid.</summary>
    public static KustoValue format_ipv4(KustoValue ip, KustoValue prefix)
        => MaskedIpv4(ip, prefix, out var address, out _) ? KustoValue.From(Dotted(address)) : KustoValue.EmptyString;

    public static KustoValue format_ipv4_mask(KustoValue ip) => format_ipv4_mask(ip, KustoValue.From(32L));

    /// <summary>format_ipv4_mask(ip, prefix = 32): as format_ipv4 with the effective prefix appended ("a.b.c.d/n").</summary>
    public static KustoValue format_ipv4_mask(KustoValue ip, KustoValue prefix)
        => MaskedIpv4(ip, prefix, out var address, out var bits) ? KustoValue.From($"{Dotted(address)}/{bits}") : KustoValue.EmptyString;

    /// <summary>parse_ipv4_mask(ip, prefix): the address masked to the prefix, as a long.</summary>
    public static KustoValue parse_ipv4_mask(KustoValue ip, KustoValue prefix)
        => MaskedIpv4(ip, prefix, out var address, out _) ? KustoValue.From((long)address) : KustoValue.Null;

    /// <summary>ipv4_netmask_suffix(ip): the prefix length written after the slash, 32 when absent.</summary>
    public static KustoValue ipv4_netmask_suffix(KustoValue ip)
        => TryIpv4(KustoStrings.Text(ip), out _, out var prefix) ? KustoValue.FromInt(prefix) : KustoValue.Null;

    /// <summary>ipv4_range_to_cidr_list(start, end): the fewest CIDR blocks that cover start..end exactly.</summary>
    public static KustoValue ipv4_range_to_cidr_list(KustoValue start, KustoValue end)
    {
        if (!TryIpv4(KustoStrings.Text(start), out var from, out _) || !TryIpv4(KustoStrings.Text(end), out var to, out _) || from > to) return KustoValue.Null;
        var blocks = new List<KustoValue>();
        ulong current = from;
        while (current <= to)
        {
            // the largest block aligned at current that does not pass the end
            var size = 32;
            while (size > 0)
            {
                var span = 1UL << (33 - size);
                if ((current & (span - 1)) != 0 || current + span - 1 > to) break;
                size--;
            }
            blocks.Add(KustoValue.From($"{Dotted((uint)current)}/{size}"));
            current += 1UL << (32 - size);
        }
        return KustoValue.Array([.. blocks]);
    }

    private static bool MaskedIpv4(KustoValue ip, KustoValue prefix, out uint address, out int bits)
    {
        address = 0;
        bits = 32;
        if (prefix.IsNull || !prefix.IsNumeric || prefix.AsLong is < 0 or > 32) return false;
        int own;
        if (ip.IsNumeric)
        {
            if (ip.AsLong is < 0 or > uint.MaxValue) return false;
            address = (uint)ip.AsLong;
            own = 32;
        }
        else if (!TryIpv4(KustoStrings.Text(ip), out address, out own)) return false;
        bits = Math.Min(own, (int)prefix.AsLong);
        address &= Mask(bits);
        return true;
    }

    private static string Dotted(uint a) => $"{a >> 24}.{(a >> 16) & 255}.{(a >> 8) & 255}.{a & 255}";
}
