using System.Globalization;
using AzureRules.Sdk.Events;

namespace AzureRules.Sdk.Kuery;

/// <summary>
/// The comparisons compiled Kibana KQL queries call, one per field type (see Kibana's <c>is</c> and
/// <c>range</c> functions and Elasticsearch's field mappers). Each takes all values of a field — a field
/// holding an array matches when any element matches, an absent field matches nothing (so <c>not</c>
/// over it holds). None of them allocates.
/// </summary>
public static class KueryMatch
{
    // ---- keyword: exact, case-sensitive; numbers and booleans as they are written ----------------

    public static bool Keyword(ReadOnlySpan<FieldValue> values, string value)
    {
        foreach (ref readonly var v in values)
        {
            if (v.Kind is FieldKind.String or FieldKind.Number or FieldKind.Boolean && string.Equals(v.Text, value, StringComparison.Ordinal))
                return true;
        }
        return false;
    }

    /// <summary>Any of a field's values is one of the listed keywords: the <c>or</c> of <see cref="Keyword"/> terms, in one lookup.</summary>
    public static bool AnyKeyword(ReadOnlySpan<FieldValue> values, KueryKeywordSet keywords)
    {
        foreach (ref readonly var v in values)
        {
            if (v.Kind is FieldKind.String or FieldKind.Number or FieldKind.Boolean && v.Text is { } text && keywords.Contains(text))
                return true;
        }
        return false;
    }

    /// <summary>A keyword with a lower-case normaliser (<c>process.name.caseless</c>): exact but case-insensitive.</summary>
    public static bool KeywordIgnoreCase(ReadOnlySpan<FieldValue> values, string value)
    {
        foreach (ref readonly var v in values)
        {
            if (v.Kind is FieldKind.String or FieldKind.Number or FieldKind.Boolean && string.Equals(v.Text, value, StringComparison.OrdinalIgnoreCase))
                return true;
        }
        return false;
    }

    public static bool Wildcard(ReadOnlySpan<FieldValue> values, KueryPattern pattern)
    {
        foreach (ref readonly var v in values)
        {
            if (v.Kind is FieldKind.String or FieldKind.Number or FieldKind.Boolean && pattern.IsMatch(v.Text))
                return true;
        }
        return false;
    }

    public static bool KeywordRange(ReadOnlySpan<FieldValue> values, KueryComparison comparison, string bound)
    {
        foreach (ref readonly var v in values)
        {
            if (v.Kind is FieldKind.String or FieldKind.Number or FieldKind.Boolean && comparison.Holds(string.CompareOrdinal(v.Text, bound)))
                return true;
        }
        return false;
    }

    // ---- text: analysed ---------------------------------------------------------------------------

    public static bool Text(ReadOnlySpan<FieldValue> values, KueryText query)
    {
        foreach (ref readonly var v in values)
        {
            if (v.Kind == FieldKind.String && query.IsMatch(v.Text)) return true;
        }
        return false;
    }

    /// <param name="pattern">A pattern built with <c>ignoreCase: true</c>: it is matched against each analysed term.</param>
    public static bool TextWildcard(ReadOnlySpan<FieldValue> values, KueryPattern pattern)
    {
        foreach (ref readonly var v in values)
        {
            if (v.Kind == FieldKind.String && KueryText.AnyTermMatches(v.Text, pattern)) return true;
        }
        return false;
    }

    // ---- numbers: as numbers; numeric strings count, as Elasticsearch coerces them on indexing ----

    public static bool Number(ReadOnlySpan<FieldValue> values, double value)
    {
        foreach (ref readonly var v in values)
        {
            if (TryNumber(v, out var n) && n == value) return true;
        }
        return false;
    }

    public static bool NumberRange(ReadOnlySpan<FieldValue> values, KueryComparison comparison, double bound)
    {
        foreach (ref readonly var v in values)
        {
            if (TryNumber(v, out var n) && comparison.Holds(n.CompareTo(bound))) return true;
        }
        return false;
    }

    private static bool TryNumber(in FieldValue v, out double number)
    {
        number = v.Number;
        return v.Kind == FieldKind.Number
            || (v.Kind == FieldKind.String && double.TryParse(v.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out number));
    }

    // ---- booleans: true/false, also as the strings "true"/"false" -------------------------------

    public static bool Boolean(ReadOnlySpan<FieldValue> values, bool value)
    {
        foreach (ref readonly var v in values)
        {
            if (v.Kind == FieldKind.Boolean ? v.Boolean == value : v.Kind == FieldKind.String && v.Text == (value ? "true" : "false"))
                return true;
        }
        return false;
    }

    // ---- ip: addresses and CIDR blocks, IPv4 mapped into IPv6 -----------------------------------

    public static bool Ip(ReadOnlySpan<FieldValue> values, KueryIpRange range)
    {
        foreach (ref readonly var v in values)
        {
            if (v.Kind == FieldKind.String && KueryIp.TryParse(v.Text, out var ip) && range.Contains(ip)) return true;
        }
        return false;
    }

    public static bool IpRange(ReadOnlySpan<FieldValue> values, KueryComparison comparison, KueryIpRange bound)
    {
        foreach (ref readonly var v in values)
        {
            if (v.Kind == FieldKind.String && KueryIp.TryParse(v.Text, out var ip) && comparison.Holds(ip.CompareTo(bound.First))) return true;
        }
        return false;
    }

    // ---- dates: ISO 8601 strings or epoch milliseconds ------------------------------------------

    public static bool Date(ReadOnlySpan<FieldValue> values, KueryDate date)
    {
        if (values.IsEmpty) return false;
        var millis = date.Resolve();
        foreach (ref readonly var v in values)
        {
            if (TryDate(v, out var d) && d == millis) return true;
        }
        return false;
    }

    public static bool DateRange(ReadOnlySpan<FieldValue> values, KueryComparison comparison, KueryDate bound)
    {
        if (values.IsEmpty) return false;
        var millis = bound.Resolve();
        foreach (ref readonly var v in values)
        {
            if (TryDate(v, out var d) && comparison.Holds(d.CompareTo(millis))) return true;
        }
        return false;
    }

    private static bool TryDate(in FieldValue v, out long millis)
    {
        millis = 0;
        if (v.Kind == FieldKind.Number) { millis = v.IsInteger ? v.Integer : (long)v.Number; return true; }
        return v.Kind == FieldKind.String && KueryDate.TryParseMillis(v.Text, out millis);
    }

    // ---- fields of unknown type: by the event value's JSON kind ----------------------------------

    public static bool Dynamic(ReadOnlySpan<FieldValue> values, KueryValue value)
    {
        foreach (ref readonly var v in values)
        {
            if (value.Matches(v)) return true;
        }
        return false;
    }

    public static bool DynamicRange(ReadOnlySpan<FieldValue> values, KueryComparison comparison, KueryValue bound)
    {
        foreach (ref readonly var v in values)
        {
            if (bound.Compare(v, comparison)) return true;
        }
        return false;
    }
}
