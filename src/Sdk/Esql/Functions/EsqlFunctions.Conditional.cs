namespace AzureRules.Sdk.Esql;

public static partial class EsqlFunctions
{
    /// <summary>
    /// CASE(condition, value, …, [else]): the value of the first true condition (a null or multi-valued
    /// condition counts as false), else the trailing value, else null.
    /// </summary>
    public static object? Case(params object?[] arguments)
    {
        for (var i = 0; i + 1 < arguments.Length; i += 2)
        {
            if (arguments[i] is true) return arguments[i + 1];
            if (arguments[i] is EsqlMulti) EsqlWarnings.Null(EsqlWarnings.MultiValue);
        }
        return arguments.Length % 2 == 1 ? arguments[^1] : null;
    }

    /// <summary>COALESCE: the first argument that is not null (multi-values included).</summary>
    public static object? Coalesce(params object?[] arguments) => arguments.FirstOrDefault(a => a is not null);

    /// <summary>GREATEST: the largest of every value of every argument; null if any argument is null.</summary>
    public static object? Greatest(params object?[] arguments) => Extreme(arguments, max: true);

    public static object? Least(params object?[] arguments) => Extreme(arguments, max: false);

    private static object? Extreme(object?[] arguments, bool max)
    {
        object? best = null;
        foreach (var argument in arguments)
        {
            if (argument is null) return null;
            foreach (var value in All(argument))
            {
                var c = best is null ? 1 : EsqlCompare.Order(value, best);
                if (best is null || (max ? c > 0 : c < 0)) best = value;
            }
        }
        return best;
    }

    public static object? Clamp(object? value, object? min, object? max) => ClampMax(ClampMin(value, min), max);

    public static object? ClampMin(object? value, object? min)
    {
        if (!Singles(value, min, out var v, out var m)) return null;
        return EsqlCompare.Order(v, m) < 0 ? Like(m, v) : v;
    }

    public static object? ClampMax(object? value, object? max)
    {
        if (!Singles(value, max, out var v, out var m)) return null;
        return EsqlCompare.Order(v, m) > 0 ? Like(m, v) : v;
    }

    /// <summary>A bound converted to the value's type (CLAMP returns the field's type).</summary>
    private static object Like(object bound, object value) => value switch
    {
        int => EsqlConvert.ToInteger(bound) ?? bound,
        long => EsqlConvert.ToLong(bound) ?? bound,
        double => EsqlConvert.ToDouble(bound),
        _ => bound,
    };

    /// <summary><c>value IN (a, b, …)</c>: true if equal to one; null if not and the value or some item is null.</summary>
    public static object? In(object? value, params object?[] list)
    {
        if (value is null) return null;
        if (value is EsqlMulti) return EsqlWarnings.Null(EsqlWarnings.MultiValue);
        var sawNull = false;
        foreach (var item in list)
        {
            if (item is null) { sawNull = true; continue; }
            if (item is EsqlMulti) { sawNull = true; continue; }
            if (EsqlCompare.Equal(value, item) is true) return true;
        }
        return sawNull ? null : false;
    }

    public static object? NotIn(object? value, params object?[] list) => EsqlCompare.Not(In(value, list));

    public static bool IsNull(object? value) => value is null;

    public static bool IsNotNull(object? value) => value is not null;
}
