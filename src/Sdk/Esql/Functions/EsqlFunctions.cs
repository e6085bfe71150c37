namespace AzureRules.Sdk.Esql;

/// <summary>
/// ES|QL's scalar functions. Each takes and returns cells (<c>object?</c>); the generator's function
/// catalog names the method for every function. Unless a function is documented as multi-value aware
/// (TO_*, MV_*, COALESCE, …), a null argument gives null and a multi-valued one gives null with a warning.
/// </summary>
public static partial class EsqlFunctions
{
    /// <summary>The argument as one value, or false (with the multi-value warning) when it has several.</summary>
    internal static bool Single(object? value, out object single)
    {
        single = value!;
        if (value is null) return false;
        if (value is EsqlMulti)
        {
            EsqlWarnings.Null(EsqlWarnings.MultiValue);
            return false;
        }
        return true;
    }

    internal static bool Singles(object? a, object? b, out object x, out object y)
    {
        var ok = Single(a, out x);
        return Single(b, out y) && ok;
    }

    internal static string Text(object value) => value as string ?? EsqlConvert.ToText(value);

    internal static int Int(object value) => value switch
    {
        int i => i,
        long l => (int)Math.Clamp(l, int.MinValue, int.MaxValue),
        double d => (int)d,
        _ => (int)EsqlConvert.ToDouble(value),
    };

    /// <summary>The values of a cell as a list: none for null.</summary>
    internal static object[] All(object? value) => value switch
    {
        null => [],
        EsqlMulti multi => multi.Items,
        _ => [value],
    };
}

/// <summary>The time NOW() returns: the query's execution time, set by whoever runs the query.</summary>
public static class EsqlClock
{
    [ThreadStatic] private static DateTime? _now;

    public static DateTime Now => _now ?? DateTime.UtcNow;

    public static Scope At(DateTime now) => new(now);

    public readonly struct Scope : IDisposable
    {
        private readonly DateTime? _previous;

        internal Scope(DateTime now)
        {
            _previous = _now;
            _now = DateTime.SpecifyKind(now, DateTimeKind.Utc);
        }

        public void Dispose() => _now = _previous;
    }
}
