using System.Text;

namespace AzureRules.Sdk.Kusto.Functions;

/// <summary>Punycode (RFC 3492 bootstring with its parameters), written from the RFC's pseudocode.</summary>
internal static class Punycode
{
    private const int Base = 36, TMin = 1, TMax = 26, Skew = 38, Damp = 700, InitialBias = 72, InitialN = 128;

    private static int Adapt(int delta, int points, bool first)
    {
        delta = first ? delta / Damp : delta / 2;
        delta += delta / points;
        var k = 0;
        while (delta > (Base - TMin) * TMax / 2) { delta /= Base - TMin; k += Base; }
        return k + (Base - TMin + 1) * delta / (delta + Skew);
    }

    private static char Digit(int d) => (char)(d < 26 ? 'a' + d : '0' + d - 26);

    private static int DigitValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0' + 26,
        >= 'a' and <= 'z' => c - 'a',
        >= 'A' and <= 'Z' => c - 'A',
        _ => -1,
    };

    public static bool TryEncode(string input, out string output)
    {
        output = "";
        var codePoints = new List<int>();
        for (var i = 0; i < input.Length; i++)
        {
            if (char.IsHighSurrogate(input[i]) && i + 1 < input.Length) { codePoints.Add(char.ConvertToUtf32(input[i], input[i + 1])); i++; }
            else codePoints.Add(input[i]);
        }
        var result = new StringBuilder();
        foreach (var cp in codePoints) if (cp < 128) result.Append((char)cp);
        var basic = result.Length;
        var handled = basic;
        if (basic > 0) result.Append('-');
        int n = InitialN, delta = 0, bias = InitialBias;
        while (handled < codePoints.Count)
        {
            var m = codePoints.Where(cp => cp >= n).Min();
            if ((long)(m - n) * (handled + 1) + delta > int.MaxValue) return false;
            delta += (m - n) * (handled + 1);
            n = m;
            foreach (var cp in codePoints)
            {
                if (cp < n) delta++;
                if (cp != n) continue;
                var q = delta;
                for (var k = Base; ; k += Base)
                {
                    var t = k <= bias ? TMin : k >= bias + TMax ? TMax : k - bias;
                    if (q < t) break;
                    result.Append(Digit(t + (q - t) % (Base - t)));
                    q = (q - t) / (Base - t);
                }
                result.Append(Digit(q));
                bias = Adapt(delta, handled + 1, handled == basic);
                delta = 0;
                handled++;
            }
            delta++;
            n++;
        }
        output = result.ToString();
        return true;
    }

    public static bool TryDecode(string input, out string output)
    {
        output = "";
        var codePoints = new List<int>();
        var lastDash = input.LastIndexOf('-');
        if (lastDash > 0)
            foreach (var c in input[..lastDash]) { if (c >= 128) return false; codePoints.Add(c); }
        int n = InitialN, i = 0, bias = InitialBias;
        for (var p = lastDash + 1; p < input.Length;)
        {
            var oldI = i;
            var w = 1;
            for (var k = Base; ; k += Base)
            {
                if (p >= input.Length) return false;
                var digit = DigitValue(input[p++]);
                if (digit < 0 || digit > (int.MaxValue - i) / w) return false;
                i += digit * w;
                var t = k <= bias ? TMin : k >= bias + TMax ? TMax : k - bias;
                if (digit < t) break;
                if (w > int.MaxValue / (Base - t)) return false;
                w *= Base - t;
            }
            bias = Adapt(i - oldI, codePoints.Count + 1, oldI == 0);
            if (i / (codePoints.Count + 1) > int.MaxValue - n) return false;
            n += i / (codePoints.Count + 1);
            i %= codePoints.Count + 1;
            if (n > 0x10FFFF) return false;
            codePoints.Insert(i, n);
            i++;
        }
        var builder = new StringBuilder();
        foreach (var cp in codePoints) builder.Append(char.ConvertFromUtf32(cp));
        output = builder.ToString();
        return true;
    }
}
