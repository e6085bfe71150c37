using System.Globalization;
using AzureRules.Sdk.Events;

namespace AzureRules.Sdk.Kuery;

/// <summary>
/// A query value for a field whose type is not known (not ECS, not a known non-ECS field), and for free
/// text: the event value's JSON kind decides how it compares, the way a dynamically mapped field would
/// mostly behave and the way detection-rules' evaluator compares:
/// a string equals the value exactly (case-sensitive), matches it as a whole-value wildcard, or — when
/// both are addresses — lies in its IP/CIDR block; a number equals a numeric value as a number
/// (<c>number:"1"</c> matches <c>1</c>); a boolean equals <c>true</c>/<c>false</c>.
/// </summary>
public sealed class KueryValue
{
    /// <param name="text">The value with escapes decoded.</param>
    /// <param name="pattern">The value in wildcard syntax, when it holds an unescaped <c>*</c>; else null.</param>
    public KueryValue(string text, string? pattern = null)
    {
        Text = text;
        if (pattern is not null) Pattern = new KueryPattern(pattern);
        IsNumber = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number);
        Number = number;
        Boolean = text == "true" ? true : text == "false" ? false : null;
        if (pattern is null && (text.IndexOf('.') >= 0 || text.IndexOf(':') >= 0) && IsIpOrCidr(text))
            IpRange = new KueryIpRange(text);
        if (KueryDate.TryParseMillis(text, out var millis)) DateMillis = millis;
    }

    public string Text { get; }
    public KueryPattern? Pattern { get; }
    public bool IsNumber { get; }
    public double Number { get; }
    public bool? Boolean { get; }
    public KueryIpRange? IpRange { get; }
    public long? DateMillis { get; }

    public bool Matches(in FieldValue value) => value.Kind switch
    {
        FieldKind.String => MatchesString(value.Text),
        FieldKind.Number => MatchesNumber(value.Number, value.Text),
        FieldKind.Boolean => MatchesBoolean(value.Boolean),
        _ => false,
    };

    public bool MatchesString(ReadOnlySpan<char> text)
    {
        if (Pattern is not null) return Pattern.IsMatch(text);
        if (text.SequenceEqual(Text)) return true;
        return IpRange is not null && KueryIp.TryParse(text, out var ip) && IpRange.Contains(ip);
    }

    /// <param name="literal">The number as written in the event.</param>
    public bool MatchesNumber(double number, ReadOnlySpan<char> literal)
    {
        if (Pattern is not null) return Pattern.IsMatch(literal);
        return IsNumber ? number == Number : literal.SequenceEqual(Text);
    }

    public bool MatchesBoolean(bool value)
    {
        if (Pattern is not null) return Pattern.IsMatch(value ? "true" : "false");
        return Boolean is { } b && value == b;
    }

    /// <summary>Orders an event value against this value: numbers as numbers, dates as dates, otherwise strings by code unit.</summary>
    public bool Compare(in FieldValue value, KueryComparison comparison)
    {
        int order;
        switch (value.Kind)
        {
            case FieldKind.Number when IsNumber:
                order = value.Number.CompareTo(Number);
                break;
            case FieldKind.Boolean when Boolean is { } b:
                order = value.Boolean.CompareTo(b);
                break;
            case FieldKind.String when DateMillis is { } limit && KueryDate.TryParseMillis(value.Text, out var millis) && !IsNumber:
                order = millis.CompareTo(limit);
                break;
            case FieldKind.String when IsNumber && double.TryParse(value.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n):
                order = n.CompareTo(Number);
                break;
            case FieldKind.String:
                order = string.CompareOrdinal(value.Text, Text);
                break;
            default:
                return false;
        }
        return comparison.Holds(order);
    }

    private static bool IsIpOrCidr(string text)
    {
        var slash = text.IndexOf('/');
        var address = slash < 0 ? text : text[..slash];
        if (!KueryIp.TryParse(address, out _)) return false;
        if (slash < 0) return true;
        var max = address.IndexOf(':') < 0 ? 32 : 128;
        return int.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var prefix) && prefix <= max;
    }
}

/// <summary>The range operators <c>&gt; &gt;= &lt; &lt;=</c>.</summary>
public enum KueryComparison { GreaterThan, GreaterThanOrEqual, LessThan, LessThanOrEqual }

public static class KueryComparisonExtensions
{
    /// <summary>Whether an ordering result (event value compared with the query value) satisfies the operator.</summary>
    public static bool Holds(this KueryComparison comparison, int order) => comparison switch
    {
        KueryComparison.GreaterThan => order > 0,
        KueryComparison.GreaterThanOrEqual => order >= 0,
        KueryComparison.LessThan => order < 0,
        _ => order <= 0,
    };
}
