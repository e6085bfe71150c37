using AzureRules.Sdk.Kusto.Scalars;

namespace AzureRules.Sdk.Kusto.Functions;

/// <summary>Geohash (base-32, longitude and latitude bits interleaved, longitude first).</summary>
internal static class Geohash
{
    private const string Alphabet = "0123456789bcdefghjkmnpqrstuvwxyz";

    public static string Encode(double lon, double lat, int length)
    {
        double west = -180, east = 180, south = -90, north = 90;
        var chars = new char[length];
        var even = true;
        for (var c = 0; c < length; c++)
        {
            var bits = 0;
            for (var b = 0; b < 5; b++)
            {
                bits <<= 1;
                if (even)
                {
                    var mid = (west + east) / 2;
                    if (lon >= mid) { bits |= 1; west = mid; } else east = mid;
                }
                else
                {
                    var mid = (south + north) / 2;
                    if (lat >= mid) { bits |= 1; south = mid; } else north = mid;
                }
                even = !even;
            }
            chars[c] = Alphabet[bits];
        }
        return new string(chars);
    }

    public static bool TryDecode(string hash, out double west, out double south, out double east, out double north)
    {
        west = -180; east = 180; south = -90; north = 90;
        if (hash.Length is 0 or > 18) return false;
        var even = true;
        foreach (var ch in hash)
        {
            var value = Alphabet.IndexOf(char.ToLowerInvariant(ch));
            if (value < 0) return false;
            for (var b = 4; b >= 0; b--)
            {
                var bit = (value >> b) & 1;
                if (even) { var mid = (west + east) / 2; if (bit == 1) west = mid; else east = mid; }
                else { var mid = (south + north) / 2; if (bit == 1) south = mid; else north = mid; }
                even = !even;
            }
        }
        return true;
    }
}
