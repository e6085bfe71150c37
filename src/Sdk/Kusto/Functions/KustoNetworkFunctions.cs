using System.Net;
using System.Net.Sockets;
using AzureRules.Sdk.Kusto.Scalars;

namespace AzureRules.Sdk.Kusto.Functions;

/// <summary>IPv4 functions (address text, optionally with a /prefix), and URL parsing.</summary>
public static partial class KustoNetworkFunctions
{
    /// <summary>Parses "a.b.c.d" or "a.b.c.d/n" into the address as a number and its prefix length.</summary>
    private static bool TryIpv4(string text, out uint address, out int prefix)
    {
        address = 0;
        prefix = 32;
        text = text.Trim();
        var slash = text.IndexOf('/');
        if (slash >= 0)
        {
            if (!int.TryParse(text.AsSpan(slash + 1), out prefix) || prefix is < 0 or > 32) return false;
            text = text[..slash];
        }
        var parts = text.Split('.');
        if (parts.Length != 4) return false;
        foreach (var part in parts)
        {
            if (!byte.TryParse(part, out var b)) return false;
            address = (address << 8) | b;
        }
        return true;
    }

    private static uint Mask(int prefix) => prefix == 0 ? 0 : uint.MaxValue << (32 - prefix);

    public static KustoValue parse_ipv4(KustoValue ip)
        => TryIpv4(KustoStrings.Text(ip), out var a, out var p) ? KustoValue.From((long)(a & Mask(p))) : KustoValue.Null;

    public static KustoValue ipv4_is_private(KustoValue ip)
    {
        if (!TryIpv4(KustoStrings.Text(ip), out var a, out _)) return KustoValue.Null;
        return KustoValue.From((a & Mask(8)) == 0x0A000000 || (a & Mask(12)) == 0xAC100000 || (a & Mask(16)) == 0xC0A80000);
    }

    public static KustoValue ipv4_is_in_range(KustoValue ip, KustoValue range)
    {
        if (!TryIpv4(KustoStrings.Text(ip), out var a, out _) || !TryIpv4(KustoStrings.Text(range), out var r, out var p)) return KustoValue.Null;
        return KustoValue.From((a & Mask(p)) == (r & Mask(p)));
    }

    public static KustoValue ipv4_is_in_any_range(KustoValue ip, params KustoValue[] ranges)
    {
        foreach (var range in Flatten(ranges))
            if (ipv4_is_in_range(ip, range).IsTrue) return KustoValue.True;
        return TryIpv4(KustoStrings.Text(ip), out _, out _) ? KustoValue.False : KustoValue.Null;
    }

    public static KustoValue ipv4_compare(KustoValue a, KustoValue b) => ipv4_compare(a, b, KustoValue.From(32L));

    public static KustoValue ipv4_compare(KustoValue a, KustoValue b, KustoValue prefix)
    {
        if (!TryIpv4(KustoStrings.Text(a), out var x, out var px) || !TryIpv4(KustoStrings.Text(b), out var y, out var py)) return KustoValue.Null;
        var mask = Mask((int)Math.Min(Math.Min(px, py), Math.Clamp(prefix.AsLong, 0, 32)));
        return KustoValue.From((long)((x & mask).CompareTo(y & mask)));
    }

    public static KustoValue ipv4_is_match(KustoValue a, KustoValue b) => ipv4_is_match(a, b, KustoValue.From(32L));

    public static KustoValue ipv4_is_match(KustoValue a, KustoValue b, KustoValue prefix)
    {
        var c = ipv4_compare(a, b, prefix);
        return c.IsNull ? c : KustoValue.From(c.Ticks == 0);
    }

    /// <summary>Whether the text contains the address as a whole token (not inside a longer dotted number).</summary>
    public static KustoValue has_ipv4(KustoValue text, KustoValue ip)
    {
        var address = KustoStrings.Text(ip);
        if (!TryIpv4(address, out _, out _)) return KustoValue.False;
        foreach (var candidate in Ipv4Tokens(KustoStrings.Text(text)))
            if (candidate == address) return KustoValue.True;
        return KustoValue.False;
    }

    public static KustoValue has_ipv4_prefix(KustoValue text, KustoValue prefix)
    {
        var p = KustoStrings.Text(prefix);
        // a prefix is whole octets: it ends with '.' or is a complete address
        if (!p.EndsWith('.') && p.Count(c => c == '.') != 3) return KustoValue.False;
        foreach (var candidate in Ipv4Tokens(KustoStrings.Text(text)))
            if (candidate.StartsWith(p, StringComparison.Ordinal) && (p.EndsWith('.') || candidate.Length == p.Length || candidate[p.Length] == '.')) return KustoValue.True;
        return KustoValue.False;
    }

    public static KustoValue has_any_ipv4(KustoValue text, params KustoValue[] ips)
    {
        foreach (var ip in Flatten(ips))
            if (has_ipv4(text, ip).IsTrue) return KustoValue.True;
        return KustoValue.False;
    }

    public static KustoValue has_any_ipv4_prefix(KustoValue text, params KustoValue[] prefixes)
    {
        foreach (var prefix in Flatten(prefixes))
            if (has_ipv4_prefix(text, prefix).IsTrue) return KustoValue.True;
        return KustoValue.False;
    }

    internal static IEnumerable<KustoValue> Flatten(KustoValue[] values)
        => values.SelectMany(v => v.IsArray ? v.AsArray : [v]);

    /// <summary>The valid IPv4 addresses in a text, delimited by anything but digits and dots.</summary>
    private static IEnumerable<string> Ipv4Tokens(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inToken = i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.');
            if (inToken && start < 0) start = i;
            if (!inToken && start >= 0)
            {
                var token = text[start..i];
                if (TryIpv4(token, out _, out _) && !token.Contains('/')) yield return token;
                start = -1;
            }
        }
    }

    public static KustoValue parse_url(KustoValue url)
    {
        var bag = new KustoBag();
        var text = KustoStrings.Text(url);
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri))
        {
            foreach (var key in new[] { "Scheme", "Host", "Port", "Path", "Username", "Password", "Query Parameters", "Fragment" })
                bag[key] = key == "Query Parameters" ? KustoValue.Bag(new KustoBag()) : KustoValue.EmptyString;
            return KustoValue.Bag(bag);
        }
        var user = uri.UserInfo.Split(':', 2);
        bag["Scheme"] = uri.Scheme;
        bag["Host"] = uri.Host;
        bag["Port"] = uri.IsDefaultPort && !text.Contains(":" + uri.Port, StringComparison.Ordinal) ? "" : uri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        bag["Path"] = uri.AbsolutePath;
        bag["Username"] = user[0];
        bag["Password"] = user.Length > 1 ? user[1] : "";
        bag["Query Parameters"] = Get(parse_urlquery(KustoValue.From(uri.Query)), "Query Parameters");
        bag["Fragment"] = uri.Fragment.TrimStart('#');
        return KustoValue.Bag(bag);
    }

    public static KustoValue parse_urlquery(KustoValue query)
    {
        var parameters = new KustoBag();
        foreach (var pair in KustoStrings.Text(query).TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            parameters[WebUtility.UrlDecode(kv[0])] = WebUtility.UrlDecode(kv.Length > 1 ? kv[1] : "");
        }
        var bag = new KustoBag { ["Query Parameters"] = KustoValue.Bag(parameters) };
        return KustoValue.Bag(bag);
    }

    private static KustoValue Get(KustoValue bag, string key) => bag.IsBag ? bag.AsBag[key] : KustoValue.Null;
}
