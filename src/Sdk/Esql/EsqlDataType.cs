namespace AzureRules.Sdk.Esql;

/// <summary>
/// The ES|QL data types a column can have, as Elasticsearch names them in a result header. Index
/// field types that ES|QL widens (short, byte → integer; float, half_float, scaled_float → double)
/// are mapped by <see cref="EsqlDataTypes.FromMapping"/>.
/// </summary>
public enum EsqlDataType
{
    Null,
    Boolean,
    Integer,
    Long,
    UnsignedLong,
    Double,
    Keyword,
    Text,
    Date,
    Ip,
    Version,
    GeoPoint,
    TimeDuration,
    DatePeriod,
    Unsupported,
}

public static class EsqlDataTypes
{
    /// <summary>The header name Elasticsearch prints for the type.</summary>
    public static string Name(EsqlDataType type) => type switch
    {
        EsqlDataType.Null => "null",
        EsqlDataType.Boolean => "boolean",
        EsqlDataType.Integer => "integer",
        EsqlDataType.Long => "long",
        EsqlDataType.UnsignedLong => "unsigned_long",
        EsqlDataType.Double => "double",
        EsqlDataType.Keyword => "keyword",
        EsqlDataType.Text => "text",
        EsqlDataType.Date => "date",
        EsqlDataType.Ip => "ip",
        EsqlDataType.Version => "version",
        EsqlDataType.GeoPoint => "geo_point",
        EsqlDataType.TimeDuration => "time_duration",
        EsqlDataType.DatePeriod => "date_period",
        _ => "unsupported",
    };

    /// <summary>The ES|QL type of an index field of the given mapping type (null for an object or unknown type).</summary>
    public static EsqlDataType? FromMapping(string mappingType) => mappingType.ToLowerInvariant() switch
    {
        "integer" or "short" or "byte" => EsqlDataType.Integer,
        "long" => EsqlDataType.Long,
        "unsigned_long" => EsqlDataType.UnsignedLong,
        "double" or "float" or "half_float" or "scaled_float" => EsqlDataType.Double,
        "keyword" or "constant_keyword" or "wildcard" => EsqlDataType.Keyword,
        "text" or "match_only_text" => EsqlDataType.Text,
        "date" or "date_nanos" => EsqlDataType.Date,
        "boolean" => EsqlDataType.Boolean,
        "ip" => EsqlDataType.Ip,
        "version" => EsqlDataType.Version,
        "geo_point" => EsqlDataType.GeoPoint,
        "null" => EsqlDataType.Null,
        "object" or "nested" or "flattened" => null,
        _ => EsqlDataType.Unsupported,
    };

    /// <summary>The type of a run-time value (its first value for a multi-value), or null for null.</summary>
    public static EsqlDataType? OfValue(object? value) => value switch
    {
        null => null,
        EsqlMulti multi => OfValue(multi.Items[0]),
        bool => EsqlDataType.Boolean,
        int => EsqlDataType.Integer,
        long => EsqlDataType.Long,
        ulong => EsqlDataType.UnsignedLong,
        double => EsqlDataType.Double,
        string => EsqlDataType.Keyword,
        DateTime => EsqlDataType.Date,
        EsqlIp => EsqlDataType.Ip,
        EsqlVersion => EsqlDataType.Version,
        EsqlSpan span => span.IsPeriod ? EsqlDataType.DatePeriod : EsqlDataType.TimeDuration,
        _ => EsqlDataType.Unsupported,
    };

    public static bool IsString(EsqlDataType type) => type is EsqlDataType.Keyword or EsqlDataType.Text;

    public static bool IsNumeric(EsqlDataType type) => type is EsqlDataType.Integer or EsqlDataType.Long or EsqlDataType.UnsignedLong or EsqlDataType.Double;
}
