namespace AzureRules.Sdk.Kusto.Scalars;

/// <summary>
/// <c>parse_json(tostring(x))</c> without the text in between. Sentinel rules write it to reach into a
/// dynamic column (<c>parse_json(tostring(InitiatedBy.user)).ipAddress</c>), often several times per row;
/// printing a bag to JSON and parsing it back costs far more than the rest of the row. When printing and
/// re-reading <paramref name="value"/> gives the same value back, it is returned as is: dynamic values are
/// never modified in place, so sharing it is safe. Otherwise (a string to parse, a datetime inside a bag
/// that would come back as a string, a real printed without a fraction that would come back as a long, a
/// nesting deeper than the JSON reader accepts) the text goes through, exactly as written.
/// </summary>
public static class KustoJsonRoundTrip
{
    /// <summary>The JSON reader's nesting limit (System.Text.Json's default), with room to spare.</summary>
    private const int MaxDepth = 60;

    public static KustoValue ParseJsonOfText(KustoValue value)
        => (value.IsBag || value.IsArray) && ComesBack(value, 0)
            ? value
            : KustoConvert.ToDynamic(KustoConvert.ToStringValue(value));

    /// <summary>Whether the value's JSON text reads back as the same value.</summary>
    private static bool ComesBack(KustoValue value, int depth)
    {
        switch (value.Type)
        {
            case KustoType.Null or KustoType.Bool or KustoType.Long:
                return true;
            case KustoType.String:
                return PrintsExactly(value.AsString);
            case KustoType.Real:
            {
                // an integral real prints without a fraction and would come back as a long
                var d = value.AsDouble;
                return double.IsFinite(d) && KustoFormat.Real(d).AsSpan().IndexOfAny('.', 'E') >= 0;
            }
            case KustoType.Dynamic when depth < MaxDepth:
                if (value.IsArray)
                {
                    foreach (var item in value.AsArray)
                        if (!ComesBack(item, depth + 1)) return false;
                    return true;
                }
                if (value.IsBag)
                {
                    foreach (var property in value.AsBag.Properties)
                        if (!PrintsExactly(property.Key) || !ComesBack(property.Value, depth + 1)) return false;
                    return true;
                }
                return false;
            default:
                return false; // int, decimal, datetime, timespan, guid print as numbers or strings of another type
        }
    }

    /// <summary>A string with a surrogate may hold half a pair, which UTF-8 encoding would replace.</summary>
    private static bool PrintsExactly(string text) => text.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') < 0;
}
