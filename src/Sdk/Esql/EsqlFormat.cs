using System.Globalization;
using System.Text;

namespace AzureRules.Sdk.Esql;

/// <summary>
/// Values printed as Elasticsearch prints them in a result: doubles as Java's <c>Double.toString</c>
/// (<c>2.0</c>, <c>3.181719481E8</c>), dates as <c>1986-06-26T00:00:00.000Z</c>, multi-values as <c>[a, b]</c>.
/// </summary>
public static class EsqlFormat
{
    public static string? Cell(object? value) => value switch
    {
        null => null,
        EsqlMulti multi => "[" + string.Join(", ", multi.Items.Select(Single)) + "]",
        _ => Single(value),
    };

    public static string Single(object value) => value switch
    {
        string s => s,
        bool b => b ? "true" : "false",
        int i => i.ToString(CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture),
        ulong u => u.ToString(CultureInfo.InvariantCulture),
        double d => JavaDouble(d),
        DateTime date => Date(date),
        _ => value.ToString() ?? "",
    };

    public static string Date(DateTime date) => date.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Java's <c>Double.toString</c>: shortest digits; plain between 10^-3 and 10^7, else <c>d.dddE±n</c>.</summary>
    public static string JavaDouble(double value)
    {
        if (double.IsNaN(value)) return "NaN";
        if (double.IsPositiveInfinity(value)) return "Infinity";
        if (double.IsNegativeInfinity(value)) return "-Infinity";
        if (value == 0) return double.IsNegative(value) ? "-0.0" : "0.0";
        var sign = value < 0 ? "-" : "";
        var abs = Math.Abs(value);
        // shortest round-trip digits and the decimal exponent, from .NET's "E" form of them
        var r = abs.ToString("R", CultureInfo.InvariantCulture);
        string digits;
        int exponent;
        var e = r.IndexOfAny(['E', 'e']);
        var mantissa = e < 0 ? r : r[..e];
        var extra = e < 0 ? 0 : int.Parse(r[(e + 1)..], CultureInfo.InvariantCulture);
        var dot = mantissa.IndexOf('.');
        var intPart = dot < 0 ? mantissa : mantissa[..dot];
        var fracPart = dot < 0 ? "" : mantissa[(dot + 1)..];
        digits = (intPart + fracPart).TrimStart('0');
        var leadingZeros = (intPart + fracPart).Length - (intPart + fracPart).TrimStart('0').Length;
        exponent = intPart.Length - 1 - leadingZeros + extra;
        digits = digits.TrimEnd('0');
        if (digits.Length == 0) digits = "0";

        var builder = new StringBuilder(sign);
        if (abs >= 1e-3 && abs < 1e7)
        {
            if (exponent >= 0)
            {
                var whole = digits.Length > exponent + 1 ? digits[..(exponent + 1)] : digits.PadRight(exponent + 1, '0');
                var fraction = digits.Length > exponent + 1 ? digits[(exponent + 1)..] : "0";
                builder.Append(whole).Append('.').Append(fraction);
            }
            else builder.Append("0.").Append('0', -exponent - 1).Append(digits);
            return builder.ToString();
        }
        builder.Append(digits[0]).Append('.').Append(digits.Length > 1 ? digits[1..] : "0").Append('E').Append(exponent.ToString(CultureInfo.InvariantCulture));
        return builder.ToString();
    }
}
