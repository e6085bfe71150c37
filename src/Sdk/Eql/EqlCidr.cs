using System.Net;
using System.Net.Sockets;

namespace AzureRules.Sdk.Eql;

/// <summary>A CIDR block (<c>10.0.0.0/8</c>, <c>fe80::/10</c>), parsed once when the rule loads.</summary>
public sealed class EqlCidr
{
    private readonly byte[] _network;
    private readonly int _prefix;
    private readonly AddressFamily _family;

    private EqlCidr(byte[] network, int prefix, AddressFamily family)
    {
        _network = network;
        _prefix = prefix;
        _family = family;
    }

    public static EqlCidr Parse(string cidr)
        => TryParse(cidr, out var result) ? result : throw new FormatException($"'{cidr}' is not a CIDR block");

    public static bool TryParse(string cidr, out EqlCidr result)
    {
        result = null!;
        var slash = cidr.IndexOf('/');
        var addressText = slash < 0 ? cidr : cidr[..slash];
        if (!IPAddress.TryParse(addressText, out var address)) return false;
        var bytes = address.GetAddressBytes();
        var prefix = bytes.Length * 8;
        if (slash >= 0 && (!int.TryParse(cidr.AsSpan(slash + 1), out prefix) || prefix < 0 || prefix > bytes.Length * 8)) return false;
        result = new EqlCidr(bytes, prefix, address.AddressFamily);
        return true;
    }

    public bool Contains(string? ip)
    {
        if (ip is null || !IPAddress.TryParse(ip, out var address)) return false;
        if (address.IsIPv4MappedToIPv6 && _family == AddressFamily.InterNetwork) address = address.MapToIPv4();
        if (address.AddressFamily != _family) return false;
        Span<byte> bytes = stackalloc byte[16];
        if (!address.TryWriteBytes(bytes, out var written) || written != _network.Length) return false;
        var full = _prefix / 8;
        for (var i = 0; i < full; i++)
            if (bytes[i] != _network[i]) return false;
        var rest = _prefix % 8;
        if (rest == 0) return true;
        var mask = (byte)(0xFF << (8 - rest));
        return (bytes[full] & mask) == (_network[full] & mask);
    }
}
