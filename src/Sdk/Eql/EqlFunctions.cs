using System.Globalization;
using AzureRules.Sdk.Events;

namespace AzureRules.Sdk.Eql;

/// <summary>
/// Elasticsearch EQL's function library. Every function returns null when a required argument is
/// null; the <c>ignoreCase</c> parameter is the <c>fn~(…)</c> form.
/// </summary>
public static class EqlFunctions
{
    private static StringComparison Comparison(bool ignoreCase) => ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    /// <summary>between(source, left, right[, greedy]): the text between left and the first (greedy: last) right after it, or "".</summary>
    public static EqlValue Between(in EqlValue source, in EqlValue left, in EqlValue right, in EqlValue greedy, bool ignoreCase)
    {
        var s = source.AsString();
        var l = left.AsString();
        var r = right.AsString();
        if (s is null || l is null || r is null) return EqlValue.Null;
        var comparison = Comparison(ignoreCase);
        var start = s.IndexOf(l, comparison);
        if (start < 0) return EqlValue.FromString("");
        start += l.Length;
        var end = greedy.IsTrue ? s.LastIndexOf(r, comparison) : s.IndexOf(r, start, comparison);
        if (end < start) return EqlValue.FromString("");
        return EqlValue.FromString(s.Substring(start, end - start));
    }

    /// <summary>cidrMatch(ip, cidr, …): whether the address is in any of the blocks.</summary>
    public static EqlValue CidrMatch(in EqlValue ip, EqlCidr[] blocks)
    {
        var text = ip.AsString();
        if (text is null) return EqlValue.Null;
        foreach (var block in blocks)
            if (block.Contains(text)) return EqlValue.True;
        return EqlValue.False;
    }

    /// <summary>cidrMatch on a field: any of its addresses in any block (false when absent).</summary>
    public static bool AnyCidrMatch(ReadOnlySpan<FieldValue> values, EqlCidr[] blocks)
    {
        foreach (ref readonly var value in values)
        {
            if (value.Kind != FieldKind.String) continue;
            foreach (var block in blocks)
                if (block.Contains(value.Text)) return true;
        }
        return false;
    }

    public static EqlValue Concat(in EqlValue a)
        => a.IsNull ? EqlValue.Null : EqlValue.FromString(a.AsString());

    public static EqlValue Concat(in EqlValue a, in EqlValue b)
        => a.IsNull || b.IsNull ? EqlValue.Null : EqlValue.FromString(a.AsString() + b.AsString());

    public static EqlValue EndsWith(in EqlValue source, in EqlValue suffix, bool ignoreCase)
    {
        var s = source.AsString();
        var x = suffix.AsString();
        return s is null || x is null ? EqlValue.Null : EqlValue.FromBoolean(s.EndsWith(x, Comparison(ignoreCase)));
    }

    public static EqlValue StartsWith(in EqlValue source, in EqlValue prefix, bool ignoreCase)
    {
        var s = source.AsString();
        var x = prefix.AsString();
        return s is null || x is null ? EqlValue.Null : EqlValue.FromBoolean(s.StartsWith(x, Comparison(ignoreCase)));
    }

    public static EqlValue StringContains(in EqlValue source, in EqlValue substring, bool ignoreCase)
    {
        var s = source.AsString();
        var x = substring.AsString();
        return s is null || x is null ? EqlValue.Null : EqlValue.FromBoolean(s.Contains(x, Comparison(ignoreCase)));
    }

    /// <summary>indexOf(source, substring[, start]): the first position at or after start, or null.</summary>
    public static EqlValue IndexOf(in EqlValue source, in EqlValue substring, in EqlValue start, bool ignoreCase)
    {
        var s = source.AsString();
        var x = substring.AsString();
        if (s is null || x is null) return EqlValue.Null;
        var from = start.IsNumber ? (int)Math.Max(0, Math.Min(start.Double, int.MaxValue)) : 0;
        if (from > s.Length) return EqlValue.Null;
        var at = s.IndexOf(x, from, Comparison(ignoreCase));
        return at < 0 ? EqlValue.Null : EqlValue.FromLong(at);
    }

    public static EqlValue Length(in EqlValue source)
        => source.AsString() is { } s ? EqlValue.FromLong(s.Length) : EqlValue.Null;

    /// <summary>number(text[, base]): an integer in the base (16 accepts 0x), or a decimal number in base 10.</summary>
    public static EqlValue Number(in EqlValue source, in EqlValue numberBase)
    {
        if (source.IsNumber) return source;
        var s = source.AsString()?.Trim();
        if (string.IsNullOrEmpty(s)) return EqlValue.Null;
        var radix = numberBase.IsNumber ? (int)numberBase.Double : 10;
        if (radix == 10)
        {
            if (long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer)) return EqlValue.FromLong(integer);
            return double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? EqlValue.FromDouble(number) : EqlValue.Null;
        }
        if (radix is < 2 or > 36) return EqlValue.Null;
        var negative = s[0] == '-';
        var digits = negative || s[0] == '+' ? s[1..] : s;
        if (radix == 16 && digits.StartsWith("0x", StringComparison.OrdinalIgnoreCase)) digits = digits[2..];
        if (digits.Length == 0) return EqlValue.Null;
        long value = 0;
        foreach (var c in digits)
        {
            var digit = c is >= '0' and <= '9' ? c - '0' : c is >= 'a' and <= 'z' ? c - 'a' + 10 : c is >= 'A' and <= 'Z' ? c - 'A' + 10 : 99;
            if (digit >= radix) return EqlValue.Null;
            value = checked(value * radix + digit);
        }
        return EqlValue.FromLong(negative ? -value : value);
    }

    public static EqlValue String(in EqlValue value) => EqlValue.FromString(value.AsString());

    /// <summary>substring(source, start[, end]): Python-style slice, negative positions count from the end.</summary>
    public static EqlValue Substring(in EqlValue source, in EqlValue start, in EqlValue end)
    {
        var s = source.AsString();
        if (s is null || !start.IsNumber) return EqlValue.Null;
        var length = s.Length;
        var from = Clamp((long)start.Double, length);
        var to = end.IsNumber ? Clamp((long)end.Double, length) : length;
        return EqlValue.FromString(to <= from ? "" : s.Substring(from, to - from));
    }

    private static int Clamp(long position, int length)
    {
        if (position < 0) position += length;
        return (int)Math.Max(0, Math.Min(position, length));
    }
}
