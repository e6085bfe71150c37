using System.Globalization;
using System.Net;
using AzureRules.Sdk.Kuery;

namespace AzureRules.Sdk.Esql;

/// <summary>
/// A multi-valued cell: two or more values of one type, never null inside. A one-value list is always
/// stored as the plain value, so a cell is either null, a single value or an <see cref="EsqlMulti"/>.
/// </summary>
public sealed class EsqlMulti(object[] items)
{
    public object[] Items { get; } = items;

    /// <summary>The cell for a list of values: null when empty, the value itself when there is one.</summary>
    public static object? Of(IReadOnlyList<object> values) => values.Count switch
    {
        0 => null,
        1 => values[0],
        _ => new EsqlMulti([.. values]),
    };

    public override bool Equals(object? obj) => obj is EsqlMulti other && Items.SequenceEqual(other.Items, EsqlValueComparer.Instance);
    public override int GetHashCode() => Items.Length;
}

/// <summary>An <c>ip</c> value: IPv4 kept mapped into IPv6 as Elasticsearch stores it (one 128-bit number), so both families order together.</summary>
public readonly record struct EsqlIp(UInt128 Value) : IComparable<EsqlIp>
{
    private static readonly UInt128 V4Prefix = (UInt128)0xFFFF << 32;

    public static bool TryParse(string text, out EsqlIp ip)
    {
        var ok = KueryIp.TryParse(text, out var value);
        ip = new EsqlIp(value);
        return ok;
    }

    public bool IsV4 => Value >> 32 == 0xFFFF;

    public byte[] Bytes()
    {
        var bytes = new byte[16];
        for (var i = 0; i < 16; i++) bytes[i] = (byte)(Value >> (8 * (15 - i)));
        return bytes;
    }

    public int CompareTo(EsqlIp other) => Value.CompareTo(other.Value);

    public override string ToString()
    {
        if (IsV4)
        {
            var v4 = (uint)(Value & uint.MaxValue);
            return string.Create(CultureInfo.InvariantCulture, $"{v4 >> 24}.{(v4 >> 16) & 0xFF}.{(v4 >> 8) & 0xFF}.{v4 & 0xFF}");
        }
        return new IPAddress(Bytes()).ToString();
    }

    public static EsqlIp FromV4(uint address) => new(V4Prefix | address);
}

/// <summary>A <c>version</c> value: compared by its dotted numeric parts, as Elasticsearch's version type does.</summary>
public sealed record EsqlVersion(string Text) : IComparable<EsqlVersion>
{
    public int CompareTo(EsqlVersion? other)
    {
        if (other is null) return 1;
        var a = Text.Split('.', '-', '+');
        var b = other.Text.Split('.', '-', '+');
        for (var i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            if (i >= a.Length) return -1;
            if (i >= b.Length) return 1;
            var na = long.TryParse(a[i], NumberStyles.None, CultureInfo.InvariantCulture, out var x);
            var nb = long.TryParse(b[i], NumberStyles.None, CultureInfo.InvariantCulture, out var y);
            var c = na && nb ? x.CompareTo(y) : na ? -1 : nb ? 1 : string.CompareOrdinal(a[i], b[i]);
            if (c != 0) return c;
        }
        return 0;
    }

    public override string ToString() => Text;
}

/// <summary>
/// A time span literal (<c>1 hour</c>, <c>3 months</c>): a <c>date_period</c> counts calendar months
/// and days, a <c>time_duration</c> a fixed length.
/// </summary>
public readonly record struct EsqlSpan(int Months, int Days, TimeSpan Time)
{
    public bool IsPeriod => Months != 0 || Days != 0;

    public static EsqlSpan Parse(string text)
    {
        var parts = text.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2 || !long.TryParse(parts[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
            throw new FormatException($"'{text}' is not a time span");
        var unit = parts[1].ToLowerInvariant();
        return unit switch
        {
            "millisecond" or "milliseconds" or "ms" => new(0, 0, TimeSpan.FromMilliseconds(n)),
            "second" or "seconds" or "sec" or "s" => new(0, 0, TimeSpan.FromSeconds(n)),
            "minute" or "minutes" or "min" or "m" => new(0, 0, TimeSpan.FromMinutes(n)),
            "hour" or "hours" or "h" => new(0, 0, TimeSpan.FromHours(n)),
            "day" or "days" or "d" => new(0, (int)n, TimeSpan.Zero),
            "week" or "weeks" or "w" => new(0, (int)n * 7, TimeSpan.Zero),
            "month" or "months" or "mo" => new((int)n, 0, TimeSpan.Zero),
            "quarter" or "quarters" or "q" => new((int)n * 3, 0, TimeSpan.Zero),
            "year" or "years" or "yr" or "y" => new((int)n * 12, 0, TimeSpan.Zero),
            _ => throw new FormatException($"'{unit}' is not a time unit"),
        };
    }

    public DateTime AddTo(DateTime date, int sign = 1)
        => date.AddMonths(sign * Months).AddDays(sign * Days).Add(sign * Time);

    public override string ToString()
    {
        if (Months != 0) return Months % 12 == 0 ? $"P{Months / 12}Y" : $"P{Months}M";
        if (Days != 0) return $"P{Days}D";
        return "PT" + Time.TotalSeconds.ToString(CultureInfo.InvariantCulture) + "S";
    }
}

/// <summary>Value equality across the run-time types (numbers compare by value, as in grouping keys).</summary>
public sealed class EsqlValueComparer : IEqualityComparer<object?>, IComparer<object?>
{
    public static readonly EsqlValueComparer Instance = new();

    public new bool Equals(object? x, object? y) => EsqlCompare.Order(x, y) == 0;

    public int GetHashCode(object? value) => value switch
    {
        null => 0,
        int i => ((double)i).GetHashCode(),
        long l => ((double)l).GetHashCode(),
        ulong u => ((double)u).GetHashCode(),
        double d => d.GetHashCode(),
        EsqlMulti m => m.Items.Length,
        _ => value.GetHashCode(),
    };

    public int Compare(object? x, object? y) => EsqlCompare.Order(x, y);
}
