using AzureRules.Sdk.Kuery;

namespace AzureRules.Sdk.Esql;

public static partial class EsqlFunctions
{
    /// <summary>CIDR_MATCH(ip, block, …): true if the address is in one of the blocks (the shared CIDR helper decides).</summary>
    public static object? CidrMatch(object? ip, params object?[] blocks)
    {
        if (!Single(ip, out var value)) return null;
        var address = value is EsqlIp e ? e : EsqlIp.TryParse(Text(value), out var parsed) ? parsed : (EsqlIp?)null;
        if (address is null) return null;
        foreach (var block in blocks.SelectMany(All))
        {
            if (Cidr(Text(block)).Contains(address.Value.Value)) return true;
        }
        return false;
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, KueryIpRange> Blocks = new(StringComparer.Ordinal);

    private static KueryIpRange Cidr(string text) => Blocks.GetOrAdd(text, t => new KueryIpRange(t));

    /// <summary>IP_PREFIX(ip, v4 prefix length, v6 prefix length): the address with the host bits cleared.</summary>
    public static object? IpPrefix(object? ip, object? v4, object? v6)
    {
        if (!Single(ip, out var value) || !Singles(v4, v6, out var a, out var b)) return null;
        var address = (EsqlIp)value;
        var length = address.IsV4 ? Int(a) + 96 : Int(b);
        if (length is < 0 or > 128) return EsqlWarnings.Null("java.lang.IllegalArgumentException: prefix length out of range");
        var mask = length == 0 ? UInt128.Zero : UInt128.MaxValue << (128 - length);
        return new EsqlIp(address.Value & mask);
    }
}
