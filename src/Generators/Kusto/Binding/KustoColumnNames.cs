using AzureRules.Generators.Kusto.Syntax;

namespace AzureRules.Generators.Kusto.Binding;

/// <summary>
/// The name Kusto gives a result column the query does not name, one rule for the binder (the schema it
/// computes) and the emitter (the names the compiled query gives its columns at run time): a column keeps
/// its name, a path <c>a.b</c> or <c>a["b"]</c> becomes <c>a_b</c>, and <c>bin(x, …)</c>, <c>floor(x, …)</c>
/// and the conversions (<c>tostring(x)</c>, …) keep the name of x. Null when Kusto generates one (Column1,
/// print_0, …), which the caller numbers.
/// </summary>
internal static class KustoColumnNames
{
    /// <summary>The columns of the series functions that return several values (documented per function): each is a key of the bag the runtime returns for the call.</summary>
    public static string[]? SeriesResultSuffixes(string function) => function switch
    {
        "series_stats" => new[] { "min", "min_idx", "max", "max_idx", "avg", "stdev", "variance" },
        "series_fit_line" => new[] { "rsquare", "slope", "variance", "rvariance", "interception", "line_fit" },
        "series_fit_2lines" => new[] { "rsquare", "split_idx", "variance", "rvariance", "line_fit", "right_rsquare", "right_slope", "right_interception", "right_variance", "right_rvariance", "left_rsquare", "left_slope", "left_interception", "left_variance", "left_rvariance" },
        "series_decompose" => new[] { "baseline", "seasonal", "trend", "residual" },
        "series_decompose_anomalies" => new[] { "ad_flag", "ad_score", "baseline" },
        "series_decompose_forecast" => new[] { "baseline", "seasonal", "trend", "residual" },
        _ => null,
    };

    /// <summary>The column of an unnamed aggregate of two series, named after both: <c>covariance_x_y</c>; null for the others.</summary>
    public static string? OfTwoArguments(string function, string prefix, System.Collections.Generic.IReadOnlyList<Expression> arguments)
        => function is "covariance" or "covarianceif" or "covariancep" or "covariancepif" && arguments.Count >= 2 ? $"{prefix}_{Of(arguments[0])}_{Of(arguments[1])}" : null;

    /// <summary>The column of an unnamed percentile: <c>percentile_x_95</c>, a fraction's point as '_' (<c>percentile_x_99_9</c>).</summary>
    public static string Percentile(Expression value, Expression percent)
        => $"percentile_{Of(value)}_{(percent is LiteralExpression { Value: { } p } ? System.Convert.ToString(p, System.Globalization.CultureInfo.InvariantCulture)?.Replace('.', '_') : null)}";

    public static string? Of(Expression expression) => expression switch
    {
        NameReference name => name.Name,
        ParenthesizedExpression p => Of(p.Expression),
        PathExpression path => Of(path.Target) is { } target ? target + "_" + path.Member.Name : null,
        ElementExpression { Index: LiteralExpression { Value: string key } } element
            => Of(element.Target) is { } target ? target + "_" + key : null,
        FunctionCallExpression { Name.Name: "bin" or "floor" or "bin_at" or "tostring" or "toint" or "tolong" or "todouble" or "toreal"
            or "tobool" or "todatetime" or "totimespan" or "toguid" or "todecimal" or "todynamic" or "parse_json" } call
            when call.Arguments.Count > 0 => Of(call.Arguments[0]),
        OrderedExpression ordered => Of(ordered.Expression),
        _ => null,
    };
}
