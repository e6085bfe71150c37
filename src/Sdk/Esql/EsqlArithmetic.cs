namespace AzureRules.Sdk.Esql;

/// <summary>
/// <c>+ - * / %</c> and unary minus. Integers stay integers (int with int gives int, with long a long);
/// any double makes a double; overflow and division by zero give null and a warning, as in
/// Elasticsearch, never a wrapped value. Dates move by time spans.
/// </summary>
public static class EsqlArithmetic
{
    private const string Overflow = "java.lang.ArithmeticException: {0} overflow";
    private const string ByZero = "java.lang.ArithmeticException: / by zero";

    public static object? Add(object? a, object? b) => Apply(a, b, '+');
    public static object? Subtract(object? a, object? b) => Apply(a, b, '-');
    public static object? Multiply(object? a, object? b) => Apply(a, b, '*');
    public static object? Divide(object? a, object? b) => Apply(a, b, '/');
    public static object? Modulo(object? a, object? b) => Apply(a, b, '%');

    public static object? Negate(object? a) => a switch
    {
        null => null,
        EsqlMulti => EsqlWarnings.Null(EsqlWarnings.MultiValue),
        int i => i == int.MinValue ? EsqlWarnings.Null(string.Format(Overflow, "integer")) : -i,
        long l => l == long.MinValue ? EsqlWarnings.Null(string.Format(Overflow, "long")) : -l,
        double d => -d,
        EsqlSpan s => new EsqlSpan(-s.Months, -s.Days, -s.Time),
        _ => throw new InvalidOperationException($"cannot negate a {EsqlDataTypes.Name(EsqlDataTypes.OfValue(a)!.Value)}"),
    };

    private static object? Apply(object? a, object? b, char op)
    {
        if (a is null || b is null) return null;
        if (a is EsqlMulti || b is EsqlMulti) return EsqlWarnings.Null(EsqlWarnings.MultiValue);
        switch (a, b)
        {
            case (DateTime date, EsqlSpan span) when op is '+' or '-':
                return Checked(() => span.AddTo(date, op == '+' ? 1 : -1));
            case (EsqlSpan span, DateTime date) when op == '+':
                return Checked(() => span.AddTo(date));
            case (EsqlSpan x, EsqlSpan y) when op is '+' or '-':
                var s = op == '+' ? 1 : -1;
                return new EsqlSpan(x.Months + s * y.Months, x.Days + s * y.Days, x.Time + s * y.Time);
            case (int x, int y):
                return Integer(x, y, op);
            case (double, _) or (_, double):
                return Real(EsqlConvert.ToDouble(a), EsqlConvert.ToDouble(b), op);
            case (ulong x, ulong y):
                return Unsigned(x, y, op);
            case (ulong, _) or (_, ulong):
                return Unsigned(ToUnsigned(a), ToUnsigned(b), op);
        }
        if (a is int or long && b is int or long) return Long(Convert.ToInt64(a), Convert.ToInt64(b), op);
        throw new InvalidOperationException($"'{op}' does not apply to {Describe(a)} and {Describe(b)}");
    }

    private static string Describe(object value) => EsqlDataTypes.Name(EsqlDataTypes.OfValue(value) ?? EsqlDataType.Null);

    private static object? Checked(Func<object> compute)
    {
        try { return compute(); }
        catch (ArgumentOutOfRangeException) { return EsqlWarnings.Null("java.lang.ArithmeticException: date overflow"); }
    }

    private static object? Integer(int x, int y, char op)
    {
        if (op is '/' or '%' && y == 0) return EsqlWarnings.Null(ByZero);
        long result = op switch
        {
            '+' => (long)x + y,
            '-' => (long)x - y,
            '*' => (long)x * y,
            '/' => x == int.MinValue && y == -1 ? (long)int.MaxValue + 1 : x / y,
            _ => y == -1 ? 0 : x % y,
        };
        return result is < int.MinValue or > int.MaxValue ? EsqlWarnings.Null(string.Format(Overflow, "integer")) : (int)result;
    }

    private static object? Long(long x, long y, char op)
    {
        if (op is '/' or '%' && y == 0) return EsqlWarnings.Null(ByZero);
        try
        {
            return op switch
            {
                '+' => checked(x + y),
                '-' => checked(x - y),
                '*' => checked(x * y),
                '/' => x == long.MinValue && y == -1 ? throw new OverflowException() : x / y,
                _ => y == -1 ? 0L : x % y,
            };
        }
        catch (OverflowException) { return EsqlWarnings.Null(string.Format(Overflow, "long")); }
    }

    private static object? Unsigned(ulong x, ulong y, char op)
    {
        if (op is '/' or '%' && y == 0) return EsqlWarnings.Null(ByZero);
        try
        {
            return op switch
            {
                '+' => checked(x + y),
                '-' => checked(x - y),
                '*' => checked(x * y),
                '/' => x / y,
                _ => x % y,
            };
        }
        catch (OverflowException) { return EsqlWarnings.Null(string.Format(Overflow, "unsigned_long")); }
    }

    private static ulong ToUnsigned(object value) => value switch
    {
        ulong u => u,
        int i when i >= 0 => (ulong)i,
        long l when l >= 0 => (ulong)l,
        _ => throw new InvalidOperationException("a negative number cannot be combined with an unsigned_long"),
    };

    private static object? Real(double x, double y, char op)
    {
        if (op is '/' or '%' && y == 0) return EsqlWarnings.Null(ByZero);
        var result = op switch
        {
            '+' => x + y,
            '-' => x - y,
            '*' => x * y,
            '/' => x / y,
            _ => x % y,
        };
        return double.IsFinite(result) ? result : EsqlWarnings.Null("java.lang.ArithmeticException: not a finite double number: " + EsqlFormat.JavaDouble(result));
    }
}
