namespace AzureRules.Sdk.Kusto;

/// <summary>The scalar types of Kusto. A value's tag; <see cref="Null"/> is the typeless null.</summary>
public enum KustoType : byte
{
    Null,
    Bool,
    Int,
    Long,
    Real,
    Decimal,
    String,
    DateTime,
    TimeSpan,
    Guid,
    /// <summary>A JSON array or property bag (dynamic scalars are kept as their primitive type).</summary>
    Dynamic,
}

public static class KustoTypes
{
    public static string Name(KustoType type) => type switch
    {
        KustoType.Bool => "bool",
        KustoType.Int => "int",
        KustoType.Long => "long",
        KustoType.Real => "real",
        KustoType.Decimal => "decimal",
        KustoType.String => "string",
        KustoType.DateTime => "datetime",
        KustoType.TimeSpan => "timespan",
        KustoType.Guid => "guid",
        _ => "dynamic",
    };

    /// <summary>The type a schema names (Kusto's names and aliases), or Dynamic when unknown.</summary>
    public static KustoType Parse(string name) => name.ToLowerInvariant() switch
    {
        "bool" or "boolean" => KustoType.Bool,
        "int" or "int32" => KustoType.Int,
        "long" or "int64" => KustoType.Long,
        "real" or "double" or "float" => KustoType.Real,
        "decimal" => KustoType.Decimal,
        "string" => KustoType.String,
        "datetime" or "date" => KustoType.DateTime,
        "timespan" or "time" => KustoType.TimeSpan,
        "guid" or "uniqueid" => KustoType.Guid,
        _ => KustoType.Dynamic,
    };

    public static bool IsNumeric(KustoType type) => type is KustoType.Int or KustoType.Long or KustoType.Real or KustoType.Decimal;
}
