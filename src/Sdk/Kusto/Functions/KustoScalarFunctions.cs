using AzureRules.Sdk.Kusto.Scalars;

namespace AzureRules.Sdk.Kusto.Functions;

/// <summary>Conditionals, null tests, conversions and hashing.</summary>
public static class KustoScalarFunctions
{
    public static KustoValue iff(KustoValue condition, KustoValue then, KustoValue otherwise) => condition.IsTrue ? then : otherwise;

    /// <summary>case(p1, v1, p2, v2, …, else).</summary>
    public static KustoValue @case(params KustoValue[] arguments)
    {
        var i = 0;
        for (; i + 1 < arguments.Length; i += 2)
            if (arguments[i].IsTrue) return arguments[i + 1];
        return i < arguments.Length ? arguments[i] : KustoValue.Null;
    }

    public static KustoValue coalesce(params KustoValue[] values)
    {
        foreach (var value in values)
            if (!value.IsNull && !(value.IsString && value.AsString.Length == 0)) return value;
        return values.Length > 0 ? KustoValue.NullOf(values[0].Type) : KustoValue.Null;
    }

    public static KustoValue isnull(KustoValue value) => KustoValue.From(value.IsNull);
    public static KustoValue isnotnull(KustoValue value) => KustoValue.From(!value.IsNull);

    /// <summary>Empty is null or "" (Kusto: isempty(x) is true for "" and for null).</summary>
    public static KustoValue isempty(KustoValue value) => KustoValue.From(IsEmpty(value));
    public static KustoValue isnotempty(KustoValue value) => KustoValue.From(!IsEmpty(value));

    private static bool IsEmpty(KustoValue value) => value.IsNull || (value.IsString && value.AsString.Length == 0);

    public static KustoValue not(KustoValue value) => KustoComparison.Not(value);

    public static KustoValue tostring(KustoValue value) => KustoConvert.ToStringValue(value);
    public static KustoValue toint(KustoValue value) => KustoConvert.ToInt(value);
    public static KustoValue tolong(KustoValue value) => KustoConvert.ToLong(value);
    public static KustoValue todouble(KustoValue value) => KustoConvert.ToReal(value);
    public static KustoValue toreal(KustoValue value) => KustoConvert.ToReal(value);
    public static KustoValue todecimal(KustoValue value) => KustoConvert.ToDecimal(value);
    public static KustoValue tobool(KustoValue value) => KustoConvert.ToBool(value);
    public static KustoValue todatetime(KustoValue value) => KustoConvert.ToDateTime(value);
    public static KustoValue totimespan(KustoValue value) => KustoConvert.ToTimeSpan(value);
    public static KustoValue toguid(KustoValue value) => KustoConvert.ToGuid(value);

    public static KustoValue gettype(KustoValue value) => KustoValue.From(value.Type switch
    {
        KustoType.Null => "null",
        KustoType.Dynamic => value.IsArray ? "array" : "dictionary",
        KustoType.Real => "real",
        KustoType.Int => "int",
        KustoType.Long => "long",
        _ => KustoTypes.Name(value.Type),
    });

    public static KustoValue hash_sha256(KustoValue value)
        => KustoValue.From(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(KustoStrings.Text(value)))));

    public static KustoValue hash_md5(KustoValue value)
        => KustoValue.From(Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes(KustoStrings.Text(value)))));

    public static KustoValue hash_sha1(KustoValue value)
        => KustoValue.From(Convert.ToHexStringLower(System.Security.Cryptography.SHA1.HashData(System.Text.Encoding.UTF8.GetBytes(KustoStrings.Text(value)))));

    public static KustoValue isascii(KustoValue value) => KustoValue.From(KustoStrings.Text(value).All(c => c < 128));

    public static KustoValue max_of(params KustoValue[] values) => Extreme(values, 1);
    public static KustoValue min_of(params KustoValue[] values) => Extreme(values, -1);

    private static KustoValue Extreme(KustoValue[] values, int sign)
    {
        var best = KustoValue.Null;
        foreach (var value in values)
        {
            if (value.IsNull) continue;
            if (best.IsNull || KustoComparison.Compare(value, best) * sign > 0) best = value;
        }
        return best;
    }
}
