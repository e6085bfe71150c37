namespace AzureRules.Generators.Kusto.Symbols;

/// <summary>Kusto's scalar types, plus <see cref="Unknown"/> for a value the binder could not type (never reported).</summary>
internal enum ScalarType
{
    Unknown,
    Bool,
    Int,
    Long,
    Real,
    Decimal,
    String,
    DateTime,
    TimeSpan,
    Guid,
    Dynamic,
}

internal static class ScalarTypes
{
    public static bool IsNumeric(this ScalarType type) => type is ScalarType.Int or ScalarType.Long or ScalarType.Real or ScalarType.Decimal;

    /// <summary>Types whose values a check cannot pin down: dynamic converts to anything, unknown was not inferred.</summary>
    public static bool IsOpen(this ScalarType type) => type is ScalarType.Unknown or ScalarType.Dynamic;

    public static bool TryParse(string name, out ScalarType type)
    {
        type = name.Trim().ToLowerInvariant() switch
        {
            "bool" or "boolean" => ScalarType.Bool,
            "int" or "int32" => ScalarType.Int,
            "long" or "int64" => ScalarType.Long,
            "real" or "double" => ScalarType.Real,
            "decimal" => ScalarType.Decimal,
            "string" => ScalarType.String,
            "datetime" or "date" => ScalarType.DateTime,
            "timespan" or "time" => ScalarType.TimeSpan,
            "guid" or "uniqueid" => ScalarType.Guid,
            "dynamic" => ScalarType.Dynamic,
            _ => ScalarType.Unknown,
        };
        return type != ScalarType.Unknown;
    }

    public static string Name(this ScalarType type) => type switch
    {
        ScalarType.Unknown => "unknown",
        ScalarType.DateTime => "datetime",
        ScalarType.TimeSpan => "timespan",
        _ => type.ToString().ToLowerInvariant(),
    };

    /// <summary>The type of an arithmetic result over two numbers: the wider one (int &lt; long &lt; decimal &lt; real).</summary>
    public static ScalarType WiderNumeric(ScalarType a, ScalarType b)
    {
        if (!a.IsNumeric()) return b.IsNumeric() ? b : ScalarType.Unknown;
        if (!b.IsNumeric()) return a;
        if (a == ScalarType.Real || b == ScalarType.Real) return ScalarType.Real;
        if (a == ScalarType.Decimal || b == ScalarType.Decimal) return ScalarType.Decimal;
        if (a == ScalarType.Long || b == ScalarType.Long) return ScalarType.Long;
        return ScalarType.Int;
    }
}
