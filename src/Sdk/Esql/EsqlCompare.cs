using System.Globalization;

namespace AzureRules.Sdk.Esql;

/// <summary>
/// Comparison and three-valued logic. A comparison with null is null; with a multi-value it is null and
/// a warning (comparisons are single-value functions). Numbers of different widths compare by value;
/// a string compared with a date, ip or version is read as one (ES|QL converts string literals there).
/// </summary>
public static class EsqlCompare
{
    public static object? Equal(object? a, object? b) => Compare(a, b, c => c == 0);
    public static object? NotEqual(object? a, object? b) => Compare(a, b, c => c != 0);
    public static object? Less(object? a, object? b) => Compare(a, b, c => c < 0);
    public static object? LessOrEqual(object? a, object? b) => Compare(a, b, c => c <= 0);
    public static object? Greater(object? a, object? b) => Compare(a, b, c => c > 0);
    public static object? GreaterOrEqual(object? a, object? b) => Compare(a, b, c => c >= 0);

    /// <summary><c>=~</c>: string equality ignoring case.</summary>
    public static object? EqualIgnoreCase(object? a, object? b)
    {
        if (a is null || b is null) return null;
        if (a is EsqlMulti || b is EsqlMulti) return EsqlWarnings.Null(EsqlWarnings.MultiValue);
        return string.Equals(EsqlConvert.ToText(a), EsqlConvert.ToText(b), StringComparison.OrdinalIgnoreCase);
    }

    private static object? Compare(object? a, object? b, Func<int, bool> test)
    {
        if (a is null || b is null) return null;
        if (a is EsqlMulti || b is EsqlMulti) return EsqlWarnings.Null(EsqlWarnings.MultiValue);
        (a, b) = Align(a, b);
        if (a is double x && b is double y && (double.IsNaN(x) || double.IsNaN(y))) return false;
        return test(Order(a, b));
    }

    /// <summary>Reads a string as the other side's type, so <c>hire_date &gt; "1990-01-01"</c> compares dates.</summary>
    private static (object A, object B) Align(object a, object b)
    {
        if (a is string s && b is not string) return (ConvertTo(s, b) ?? a, b);
        if (b is string t && a is not string) return (a, ConvertTo(t, a) ?? b);
        return (a, b);
    }

    private static object? ConvertTo(string text, object like) => like switch
    {
        DateTime => EsqlDates.TryParse(text, out var date) ? date : null,
        EsqlIp => EsqlIp.TryParse(text, out var ip) ? ip : null,
        EsqlVersion => new EsqlVersion(text),
        bool => bool.TryParse(text, out var flag) ? flag : null,
        int or long or double => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null,
        _ => null,
    };

    /// <summary>
    /// A total order over single values: null first, numbers by value, strings by code point (as
    /// Elasticsearch compares UTF-8 bytes), booleans false first. Used by SORT, MIN/MAX and grouping.
    /// </summary>
    public static int Order(object? a, object? b)
    {
        if (ReferenceEquals(a, b)) return 0;
        if (a is null) return -1;
        if (b is null) return 1;
        switch (a, b)
        {
            case (int x, int y): return x.CompareTo(y);
            case (long x, long y): return x.CompareTo(y);
            case (double x, double y): return x.CompareTo(y);
            case (ulong x, ulong y): return x.CompareTo(y);
            case (string x, string y): return CompareUtf8(x, y);
            case (bool x, bool y): return x.CompareTo(y);
            case (DateTime x, DateTime y): return x.CompareTo(y);
            case (EsqlIp x, EsqlIp y): return x.CompareTo(y);
            case (EsqlVersion x, EsqlVersion y): return x.CompareTo(y);
            case (EsqlMulti x, EsqlMulti y):
                for (var i = 0; i < Math.Min(x.Items.Length, y.Items.Length); i++)
                {
                    var c = Order(x.Items[i], y.Items[i]);
                    if (c != 0) return c;
                }
                return x.Items.Length.CompareTo(y.Items.Length);
        }
        if (IsNumber(a) && IsNumber(b))
        {
            if (a is ulong ua && b is not double) return ToDecimal(a).CompareTo(ToDecimal(b));
            if (b is ulong && a is not double) return ToDecimal(a).CompareTo(ToDecimal(b));
            return EsqlConvert.ToDouble(a).CompareTo(EsqlConvert.ToDouble(b));
        }
        return string.CompareOrdinal(EsqlConvert.ToText(a), EsqlConvert.ToText(b));
    }

    private static decimal ToDecimal(object value) => value switch
    {
        int i => i,
        long l => l,
        ulong u => u,
        _ => 0,
    };

    public static bool IsNumber(object? value) => value is int or long or ulong or double;

    /// <summary>Orders strings by Unicode code point, which is the order of their UTF-8 bytes.</summary>
    public static int CompareUtf8(string x, string y)
    {
        var length = Math.Min(x.Length, y.Length);
        for (var i = 0; i < length; i++)
        {
            var cx = x[i];
            var cy = y[i];
            if (cx == cy) continue;
            // surrogates (code points above U+FFFF) sort after every BMP character in UTF-8
            var sx = char.IsSurrogate(cx);
            var sy = char.IsSurrogate(cy);
            if (sx != sy) return sx ? 1 : -1;
            return cx.CompareTo(cy);
        }
        return x.Length.CompareTo(y.Length);
    }

    // ---- three-valued logic ----

    public static object? And(object? a, object? b)
    {
        var x = Truth(a);
        var y = Truth(b);
        if (x == false || y == false) return false;
        if (x is null || y is null) return null;
        return true;
    }

    public static object? Or(object? a, object? b)
    {
        var x = Truth(a);
        var y = Truth(b);
        if (x == true || y == true) return true;
        if (x is null || y is null) return null;
        return false;
    }

    public static object? Not(object? a) => Truth(a) is { } x ? !x : null;

    /// <summary>True, false, or null for null (and, with a warning, for a multi-value).</summary>
    public static bool? Truth(object? value) => value switch
    {
        bool b => b,
        null => null,
        EsqlMulti => (bool?)EsqlWarnings.Null(EsqlWarnings.MultiValue),
        _ => null,
    };

    /// <summary>WHERE keeps a row only when its condition is true (not null).</summary>
    public static bool IsTrue(object? value) => value is true;
}
