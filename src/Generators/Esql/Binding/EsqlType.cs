using AzureRules.Generators.Elastic;

namespace AzureRules.Generators.Esql.Binding;

/// <summary>The ES|QL data types the binder tracks for columns and expressions.</summary>
internal enum EsqlType
{
    Unknown,
    Null,
    Boolean,
    Integer,
    Long,
    Double,
    Keyword,
    Text,
    Date,
    Ip,
    Version,
    GeoPoint,
    /// <summary>A time span literal such as <c>1 hour</c>.</summary>
    TimeSpan,
    /// <summary>An object field (ES|QL has no object type: only its leaves are columns).</summary>
    Object,
}

internal static class EsqlTypes
{
    public static EsqlType FromElastic(ElasticFieldType type) => type switch
    {
        ElasticFieldType.Keyword => EsqlType.Keyword,
        ElasticFieldType.Text => EsqlType.Text,
        ElasticFieldType.Long => EsqlType.Long,
        ElasticFieldType.Double => EsqlType.Double,
        ElasticFieldType.Date => EsqlType.Date,
        ElasticFieldType.Boolean => EsqlType.Boolean,
        ElasticFieldType.Ip => EsqlType.Ip,
        ElasticFieldType.Object => EsqlType.Object,
        ElasticFieldType.GeoPoint => EsqlType.GeoPoint,
        _ => EsqlType.Unknown,
    };

    /// <summary>The type an inline cast <c>value::name</c> produces, or Unknown for a name we do not know.</summary>
    public static EsqlType FromCastName(string name) => name.ToLowerInvariant() switch
    {
        "bool" or "boolean" => EsqlType.Boolean,
        "int" or "integer" => EsqlType.Integer,
        "long" or "unsigned_long" => EsqlType.Long,
        "double" or "float" => EsqlType.Double,
        "string" or "keyword" => EsqlType.Keyword,
        "text" => EsqlType.Text,
        "datetime" or "date" or "date_nanos" => EsqlType.Date,
        "ip" => EsqlType.Ip,
        "version" => EsqlType.Version,
        "geo_point" => EsqlType.GeoPoint,
        "time_duration" or "date_period" => EsqlType.TimeSpan,
        _ => EsqlType.Unknown,
    };

    public static string Name(EsqlType type) => type switch
    {
        EsqlType.Keyword => "keyword",
        EsqlType.Text => "text",
        EsqlType.Integer => "integer",
        EsqlType.Long => "long",
        EsqlType.Double => "double",
        EsqlType.Boolean => "boolean",
        EsqlType.Date => "date",
        EsqlType.Ip => "ip",
        EsqlType.Version => "version",
        EsqlType.GeoPoint => "geo_point",
        EsqlType.TimeSpan => "time_duration",
        EsqlType.Null => "null",
        EsqlType.Object => "object",
        _ => "unknown",
    };
}
