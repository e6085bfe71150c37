using System;
using System.Collections.Generic;

namespace AzureRules.Generators.Esql.Binding;

internal enum EsqlFunctionKind { Scalar, Aggregate, Grouping }

/// <summary>A function ES|QL knows: how many arguments it takes and what it returns.</summary>
/// <param name="ReturnsArgumentType">The result has the first argument's type (MAX, MV_FIRST, COALESCE, …).</param>
/// <param name="RuntimeMethod">The method of AzureRules.Sdk.Esql that implements it (a scalar function, or an
/// aggregate's accumulator factory), or null when the runtime does not implement it yet.</param>
internal sealed record EsqlFunction(string Name, EsqlFunctionKind Kind, int MinArguments, int MaxArguments, EsqlType ReturnType, bool ReturnsArgumentType, string? RuntimeMethod)
{
    public string DescribeArity()
    {
        if (MinArguments == MaxArguments) return MinArguments == 1 ? "1 argument" : $"{MinArguments} arguments";
        if (MaxArguments == int.MaxValue) return $"at least {MinArguments} argument{(MinArguments == 1 ? "" : "s")}";
        return $"{MinArguments} to {MaxArguments} arguments";
    }
}

/// <summary>
/// The ES|QL function library as of Elasticsearch 9.2 (docs: reference/query-languages/esql/functions-operators),
/// with arities. Optional trailing options maps (MATCH's, KQL's) count as an argument. Where a function's
/// arity grew across versions the widest is used, so a rule written for a newer stack is not rejected.
/// </summary>
internal static class EsqlFunctionCatalog
{
    private const int Many = int.MaxValue;
    private const EsqlType Same = EsqlType.Unknown; // marker: returns its first argument's type


    public static EsqlFunction? Find(string name) => Functions.TryGetValue(name, out var function) ? function : null;

    /// <summary>Every entry (aliases are entries of their own).</summary>
    public static IEnumerable<EsqlFunction> All => Functions.Values;

    private static Dictionary<string, EsqlFunction> Build()
    {
        var table = new Dictionary<string, EsqlFunction>(StringComparer.OrdinalIgnoreCase);

        void Add(EsqlFunctionKind kind, EsqlType returns, int min, int max, params string[] names)
        {
            foreach (var name in names)
                table[name] = new EsqlFunction(name.ToUpperInvariant(), kind, min, max, returns, returns == Same, RuntimeMethod(name, kind));
        }
        void Scalar(EsqlType returns, int min, int max, params string[] names) => Add(EsqlFunctionKind.Scalar, returns, min, max, names);
        void Aggregate(EsqlType returns, int min, int max, params string[] names) => Add(EsqlFunctionKind.Aggregate, returns, min, max, names);

        // ---- aggregates ----
        Aggregate(EsqlType.Double, 1, 1, "avg", "median", "median_absolute_deviation", "std_dev", "variance");
        Aggregate(EsqlType.Double, 2, 2, "weighted_avg", "percentile");
        Aggregate(EsqlType.Long, 0, 1, "count");
        Aggregate(EsqlType.Long, 1, 2, "count_distinct");
        Aggregate(Same, 1, 1, "max", "min", "values", "sum", "st_centroid_agg", "st_extent_agg");
        Aggregate(Same, 2, 4, "top");
        Aggregate(Same, 2, 2, "sample", "first", "last");
        Aggregate(EsqlType.Boolean, 1, 1, "absent", "present");
        // time-series aggregates (TS source command)
        Aggregate(EsqlType.Double, 1, 2, "rate", "irate", "idelta", "delta", "increase", "deriv");
        Aggregate(Same, 1, 2, "avg_over_time", "max_over_time", "min_over_time", "sum_over_time", "count_over_time",
            "count_distinct_over_time", "first_over_time", "last_over_time", "present_over_time", "absent_over_time",
            "stddev_over_time", "variance_over_time", "percentile_over_time");

        // ---- grouping ----
        Add(EsqlFunctionKind.Grouping, Same, 2, 4, "bucket");
        Add(EsqlFunctionKind.Grouping, EsqlType.Date, 1, 1, "tbucket");
        Add(EsqlFunctionKind.Grouping, EsqlType.Keyword, 1, 2, "categorize");

        // ---- conditional ----
        Scalar(Same, 2, Many, "case");
        Scalar(Same, 1, Many, "coalesce", "greatest", "least");
        Scalar(Same, 3, 3, "clamp");
        Scalar(Same, 2, 2, "clamp_min", "clamp_max");

        // ---- dates ----
        Scalar(EsqlType.Integer, 3, 3, "date_diff");
        Scalar(EsqlType.Long, 2, 2, "date_extract");
        Scalar(EsqlType.Keyword, 1, 2, "date_format");
        Scalar(EsqlType.Date, 1, 3, "date_parse");
        Scalar(EsqlType.Date, 2, 2, "date_trunc");
        Scalar(EsqlType.Keyword, 1, 1, "day_name", "month_name");
        Scalar(EsqlType.Date, 0, 0, "now");
        Scalar(EsqlType.Boolean, 0, 2, "trange");

        // ---- IP ----
        Scalar(EsqlType.Boolean, 2, Many, "cidr_match");
        Scalar(EsqlType.Ip, 3, 3, "ip_prefix");
        Scalar(EsqlType.Keyword, 2, 3, "network_direction");

        // ---- math ----
        Scalar(Same, 1, 1, "abs", "ceil", "floor", "signum");
        Scalar(EsqlType.Double, 1, 1, "acos", "asin", "atan", "cbrt", "cos", "cosh", "exp", "log10", "sin", "sinh", "sqrt", "tan", "tanh");
        Scalar(EsqlType.Double, 2, 2, "atan2", "hypot", "pow", "scalb", "copy_sign");
        Scalar(EsqlType.Double, 0, 0, "e", "pi", "tau");
        Scalar(EsqlType.Double, 1, 2, "log");
        Scalar(Same, 1, 2, "round");
        Scalar(Same, 2, Many, "round_to");

        // ---- full-text search ----
        Scalar(EsqlType.Boolean, 1, 2, "kql", "qstr");
        Scalar(EsqlType.Boolean, 2, 3, "match", "match_phrase", "knn");
        Scalar(EsqlType.Boolean, 2, Many, "multi_match");
        Scalar(EsqlType.Boolean, 2, 2, "term");
        Scalar(EsqlType.Double, 1, 1, "score");
        Scalar(EsqlType.Double, 3, 4, "decay");

        // ---- spatial ----
        Scalar(EsqlType.Boolean, 2, 2, "st_contains", "st_disjoint", "st_intersects", "st_within");
        Scalar(EsqlType.Double, 2, 2, "st_distance");
        Scalar(EsqlType.Double, 1, 1, "st_x", "st_y", "st_xmax", "st_xmin", "st_ymax", "st_ymin");
        Scalar(EsqlType.Unknown, 1, 1, "st_envelope", "st_npoints");
        Scalar(EsqlType.Long, 2, 3, "st_geohash", "st_geotile", "st_geohex");
        Scalar(EsqlType.Unknown, 2, 2, "st_simplify", "st_buffer");

        // ---- strings ----
        Scalar(EsqlType.Integer, 1, 1, "bit_length", "byte_length", "length");
        Scalar(EsqlType.Keyword, 1, Many, "concat");
        Scalar(EsqlType.Boolean, 2, 2, "contains", "ends_with", "starts_with");
        Scalar(EsqlType.Keyword, 1, 1, "from_base64", "to_base64", "ltrim", "rtrim", "trim", "md5", "sha1", "sha256", "reverse",
            "to_lower", "to_upper", "url_encode", "url_encode_component", "url_decode", "space");
        Scalar(EsqlType.Keyword, 2, 2, "hash", "left", "right", "repeat", "split", "json_extract");
        Scalar(EsqlType.Integer, 2, 3, "locate");
        Scalar(EsqlType.Keyword, 3, 3, "replace");
        Scalar(EsqlType.Keyword, 2, 3, "substring");
        Scalar(EsqlType.Keyword, 1, 2, "chunk");

        // ---- type conversion ----
        Scalar(EsqlType.Boolean, 1, 1, "to_boolean", "to_bool");
        Scalar(EsqlType.Date, 1, 1, "to_datetime", "to_dt", "to_date_nanos");
        Scalar(EsqlType.Double, 1, 1, "to_double", "to_dbl", "to_degrees", "to_radians");
        Scalar(EsqlType.Integer, 1, 1, "to_integer", "to_int");
        Scalar(EsqlType.Long, 1, 1, "to_long", "to_unsigned_long", "to_ul", "to_ulong");
        Scalar(EsqlType.Ip, 1, 2, "to_ip");
        Scalar(EsqlType.Keyword, 1, 1, "to_string", "to_str");
        Scalar(EsqlType.Text, 1, 1, "to_text");
        Scalar(EsqlType.Version, 1, 1, "to_version", "to_ver");
        Scalar(EsqlType.GeoPoint, 1, 1, "to_geopoint");
        Scalar(EsqlType.Unknown, 1, 1, "to_geoshape", "to_cartesianpoint", "to_cartesianshape", "to_aggregate_metric_double",
            "to_dense_vector", "to_geohash", "to_geotile", "to_geohex");
        Scalar(EsqlType.TimeSpan, 1, 1, "to_timeduration", "to_dateperiod");

        // ---- multivalue ----
        Scalar(Same, 2, 2, "mv_append", "mv_intersection", "mv_union", "mv_difference");
        Scalar(EsqlType.Double, 1, 1, "mv_avg", "mv_median", "mv_median_absolute_deviation");
        Scalar(EsqlType.Keyword, 2, 2, "mv_concat");
        Scalar(EsqlType.Integer, 1, 1, "mv_count");
        Scalar(Same, 1, 1, "mv_dedupe", "mv_first", "mv_last", "mv_max", "mv_min", "mv_sum");
        Scalar(Same, 2, 2, "mv_percentile");
        Scalar(EsqlType.Double, 2, 2, "mv_pseries_weighted_sum");
        Scalar(Same, 2, 3, "mv_slice");
        Scalar(Same, 1, 2, "mv_sort");
        Scalar(EsqlType.Keyword, 2, 3, "mv_zip");
        Scalar(EsqlType.Boolean, 2, 2, "mv_contains");

        // ---- vectors and other newer functions ----
        Scalar(EsqlType.Double, 2, 2, "v_cosine", "v_dot_product", "v_hamming", "v_l1_norm", "v_l2_norm");
        Scalar(EsqlType.Double, 1, 1, "v_magnitude");
        return table;
    }

    /// <summary>
    /// The runtime method of a function: by convention <c>EsqlFunctions.PascalName</c> for scalars and
    /// grouping functions, <c>EsqlAggregates.PascalName</c> for aggregates; conversions live in
    /// <c>EsqlConvert</c>, and aliases share their function's method. Null for what the runtime lacks
    /// (full-text search, spatial, vectors, time series, inference): such a query compiles but says it cannot run.
    /// </summary>
    private static string? RuntimeMethod(string name, EsqlFunctionKind kind)
    {
        if (Conversions.TryGetValue(name, out var conversion)) return "EsqlConvert." + conversion;
        if (NotImplemented.Contains(name) || name.StartsWith("st_", StringComparison.Ordinal) || name.StartsWith("v_", StringComparison.Ordinal)
            || name.EndsWith("_over_time", StringComparison.Ordinal))
            return null;
        var pascal = new System.Text.StringBuilder();
        foreach (var part in name.Split('_'))
        {
            if (part.Length == 0) continue;
            pascal.Append(char.ToUpperInvariant(part[0])).Append(part.Substring(1));
        }
        return (kind == EsqlFunctionKind.Aggregate ? "EsqlAggregates." : "EsqlFunctions.") + pascal;
    }

    private static readonly Dictionary<string, string> Conversions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["to_boolean"] = "ToBoolean", ["to_bool"] = "ToBoolean",
        ["to_datetime"] = "ToDatetime", ["to_dt"] = "ToDatetime", ["to_date_nanos"] = "ToDatetime",
        ["to_double"] = "ToDoubleValue", ["to_dbl"] = "ToDoubleValue",
        ["to_degrees"] = "ToDegrees", ["to_radians"] = "ToRadians",
        ["to_integer"] = "ToInteger", ["to_int"] = "ToInteger",
        ["to_long"] = "ToLong",
        ["to_unsigned_long"] = "ToUnsignedLong", ["to_ul"] = "ToUnsignedLong", ["to_ulong"] = "ToUnsignedLong",
        ["to_ip"] = "ToIp",
        ["to_string"] = "ToStringValue", ["to_str"] = "ToStringValue", ["to_text"] = "ToStringValue",
        ["to_version"] = "ToVersion", ["to_ver"] = "ToVersion",
    };

    private static readonly HashSet<string> NotImplemented = new(StringComparer.OrdinalIgnoreCase)
    {
        // full-text search runs on Lucene indices (KQL is handled by the emitter through the Kibana KQL
        // compiler; MATCH without options by EsqlFunctions.Match/MatchText)
        "kql", "qstr", "match_phrase", "knn", "multi_match", "term", "score", "decay",
        // time series, categorisation, sampling, inference and other newer functions
        "rate", "irate", "idelta", "delta", "increase", "deriv", "tbucket", "categorize", "trange", "sample",
        "chunk", "network_direction", "round_to", "mv_pseries_weighted_sum",
        "to_geopoint", "to_geoshape", "to_cartesianpoint", "to_cartesianshape", "to_aggregate_metric_double",
        "to_dense_vector", "to_geohash", "to_geotile", "to_geohex", "to_timeduration", "to_dateperiod",
    };

    // after the tables RuntimeMethod reads: static fields initialise in declaration order
    private static readonly Dictionary<string, EsqlFunction> Functions = Build();
}
