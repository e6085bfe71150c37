using System.Globalization;

namespace AzureRules.Sdk.Kusto;

/// <summary>
/// How values print, following Kusto's tostring(): datetimes as ISO 8601 UTC with seven fraction digits,
/// timespans as [-][d.]hh:mm:ss[.fffffff], reals in shortest round-trip form, dynamic as compact JSON,
/// null as the empty string.
/// </summary>
public static class KustoFormat
{
    public static string ToText(KustoValue value) => value.Type switch
    {
        KustoType.Null => "",
        KustoType.Bool => value.AsBool ? "true" : "false",
        KustoType.Int or KustoType.Long => value.Ticks.ToString(CultureInfo.InvariantCulture),
        KustoType.Real => Real(value.AsDouble),
        KustoType.Decimal => value.AsDecimal.ToString(CultureInfo.InvariantCulture),
        KustoType.String => value.AsString,
        KustoType.DateTime => DateTime(value.AsDateTime),
        KustoType.TimeSpan => TimeSpan(value.AsTimeSpan),
        KustoType.Guid => value.AsGuid.ToString("D"),
        _ => KustoJson.Write(value),
    };

    public static string Real(double value)
    {
        if (double.IsNaN(value)) return "NaN";
        if (double.IsPositiveInfinity(value)) return "Infinity";
        if (double.IsNegativeInfinity(value)) return "-Infinity";
        return value.ToString("R", CultureInfo.InvariantCulture);
    }

    public static string DateTime(DateTime value)
    {
        // Kusto prints every datetime with seven fraction digits
        return value.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
    }

    public static string TimeSpan(TimeSpan value) => value.ToString("c", CultureInfo.InvariantCulture);
}
