using System;
using System.Collections.Generic;

namespace AzureRules.Generators.Kusto.Symbols;

/// <summary>
/// Kusto's built-in scalar and aggregate functions that detection queries call, with their signatures as
/// documented (learn.microsoft.com/kusto/query/*-function). Written in a small notation, parsed once:
/// <c>name(kind, kind?, kind*) : result [prefix]</c> — <c>?</c> optional, <c>*</c> zero or more, <c>+</c> one or
/// more; result is a type, <c>$N</c> (the type of argument N), <c>$num</c> (the widest numeric argument) or
/// <c>$known</c> (the first argument of known type). Aggregates start with <c>agg</c> and name the prefix of the
/// column an unnamed aggregate produces. <c>alias old = new</c> lines are other names (deprecated ones say so).
/// A trailing <c>@Class</c> names the runtime class that implements a scalar function
/// (<c>AzureRules.Sdk.Kusto.Functions.Kusto{Class}Functions</c>, one static method per arity, named as the function);
/// an entry without it is a function Kusto has that the runtime cannot execute yet (AR0351). On an aggregate,
/// <c>@Factory</c> names the runtime's accumulator (<c>AzureRules.Sdk.Kusto.Operators.KustoAccumulators.Factory()</c>).
/// This is the only place a function is described: the emitter reads these entries (through the binder's
/// semantic model and <see cref="Emit.KustoFunctionTable"/>), and a reflection test holds the runtime to them.
/// </summary>
internal static class BuiltinFunctions
{
    private static readonly string[] Catalog =
    {
        // ---- strings ----
        "base64_decode_toguid(string) : guid @Encoding", "base64_encode_fromguid(scalar) : string @Encoding", "zlib_compress_to_base64_string(string) : string @Encoding", "zlib_decompress_from_base64_string(string) : string @Encoding", "gzip_compress_to_base64_string(string) : string @Encoding", "gzip_decompress_from_base64_string(string) : string @Encoding", "punycode_from_string(string) : string @Encoding", "punycode_to_string(string) : string @Encoding", "punycode_domain_from_string(string) : string @Encoding", "punycode_domain_to_string(string) : string @Encoding",
        "strlen(string) : long @String", "tolower(string) : string @String", "toupper(string) : string @String",
        "strcat(scalar+) : string @String", "strcat_delim(scalar, scalar+) : string @String", "strcat_array(dynamic, scalar) : string @Dynamic",
        "substring(string, integer, integer?) : string @String", "indexof(string, string, integer?, integer?, integer?) : int @String",
        "indexof_regex(string, string, integer?, integer?, integer?) : int @String",
        "split(string, string, integer?) : dynamic @String",
        "replace_string(string, string, string) : string @String", "replace_regex(string, string, string) : string @String",
        "trim(string, string) : string @String", "trim_start(string, string) : string @String", "trim_end(string, string) : string @String",
        "reverse(scalar) : string @String", "translate(string, string, string) : string @String", "countof(string, string, string?) : long @String",
        "extract(string, integer, string, any?) : string @String", "extract_all(string, any, string?) : dynamic @String",
        "parse_command_line(string, string) : dynamic @Encoding", "parse_csv(string) : dynamic @Encoding",
        "string_size(string) : long @String", "isascii(string) : bool @Scalar", "isutf8(string) : bool", "strrep(string, integer, string?) : string @String",
        "strcmp(string, string) : int @String", "format_bytes(number, integer?, string?) : string",
        "base64_encode_tostring(string) : string @String", "base64_decode_tostring(string) : string @String",
        "base64_decode_toarray(string) : dynamic @Encoding", "base64_encode_fromarray(dynamic) : string @Encoding",
        "url_encode(string) : string @String", "url_decode(string) : string @String", "url_encode_component(string) : string @String",
        "parse_url(string) : dynamic @Network", "parse_urlquery(string) : dynamic @Network", "parse_path(string) : dynamic @Document",
        "parse_user_agent(string, any) : dynamic", "parse_version(string) : decimal @Encoding",
        "hash(scalar, integer?) : long @Encoding", "hash_md5(scalar) : string @Scalar", "hash_sha1(scalar) : string @Scalar",
        "hash_sha256(scalar) : string @Scalar", "hash_xxhash64(scalar, integer?) : long @Encoding",
        "tohex(integer, integer?) : string @String", "unicode_codepoints_from_string(string) : dynamic @Document",
        "unicode_codepoints_to_string(any+) : string @Document", "new_guid() : guid @Document", "has_any_index(string, dynamic) : long @String",
        // ---- types and conversion ----
        "tostring(any) : string @Scalar", "toint(scalar) : int @Scalar", "tolong(scalar) : long @Scalar", "toreal(scalar) : real @Scalar",
        "todouble(scalar) : real @Scalar", "todecimal(scalar) : decimal @Scalar", "tobool(scalar) : bool @Scalar", "toboolean(scalar) : bool",
        "todatetime(scalar) : datetime @Scalar", "totimespan(scalar) : timespan @Scalar", "toguid(scalar) : guid @Scalar",
        "parse_json(any) : dynamic @Dynamic", "parse_xml(string) : dynamic @Document", "dynamic_to_json(dynamic) : string @Document",
        "typeof(any) : string", "gettype(any) : string @Scalar",
        "isnull(any) : bool @Scalar", "isnotnull(any) : bool @Scalar", "isempty(any) : bool @Scalar", "isnotempty(any) : bool @Scalar",
        "isnan(number) : bool @Math", "isinf(number) : bool @Math", "isfinite(number) : bool @Math",
        "column_ifexists(any, any) : $2", "not(scalar) : bool @Scalar",
        // ---- conditionals ----
        "iff(bool, scalar, scalar) : $known @Scalar", "case(scalar+) : $known @Scalar", "coalesce(scalar+) : $known @Scalar",
        "max_of(scalar+) : $known @Scalar", "min_of(scalar+) : $known @Scalar",
        // ---- numbers ----
        "pi() : real @Math", "degrees(number) : real @Math", "radians(number) : real @Math", "cos(number) : real @Math", "sin(number) : real @Math", "tan(number) : real @Math", "cot(number) : real @Math", "acos(number) : real @Math", "asin(number) : real @Math", "atan(number) : real @Math", "atan2(number, number) : real @Math", "erf(number) : real @Math", "erfc(number) : real @Math", "gamma(number) : real @Math", "loggamma(number) : real @Math", "beta_cdf(number, number, number) : real @Math", "beta_pdf(number, number, number) : real @Math", "beta_inv(number, number, number) : real @Math",
        "abs(scalar) : $1 @Math", "floor(scalar, scalar) : $1 @Math", "bin(scalar, scalar) : $1 @Math", "bin_at(scalar, scalar, scalar) : $1 @Math",
        "round(number, integer?) : $1 @Math", "ceiling(number) : $1 @Math", "sign(number) : $1 @Math",
        "sqrt(number) : real @Math", "exp(number) : real @Math", "exp2(number) : real @Math", "exp10(number) : real @Math",
        "log(number) : real @Math", "log2(number) : real @Math", "log10(number) : real @Math", "pow(number, number) : real @Math",
        "rand(number?) : real @Math", "range(scalar, scalar, scalar?) : dynamic @Dynamic", "binary_and(integer, integer) : long @Math",
        "binary_or(integer, integer) : long @Math", "binary_xor(integer, integer) : long @Math", "binary_not(integer) : long @Math",
        "binary_shift_left(integer, integer) : long @Math", "binary_shift_right(integer, integer) : long @Math",
        "bitset_count_ones(integer) : long",
        // ---- sketches (hll, tdigest values) ----
        "dcount_hll(dynamic) : long @Sketch", "percentile_tdigest(dynamic, number, any?) : unknown @Sketch",
        "percentiles_array_tdigest(dynamic, any+) : dynamic @Sketch", "rank_tdigest(dynamic, any) : long @Sketch",
        "percentrank_tdigest(dynamic, any) : real @Sketch",
        // ---- unit conversion ----
        "convert_angle(number, string, string) : real @Conversion", "convert_energy(number, string, string) : real @Conversion",
        "convert_force(number, string, string) : real @Conversion", "convert_length(number, string, string) : real @Conversion",
        "convert_mass(number, string, string) : real @Conversion", "convert_speed(number, string, string) : real @Conversion",
        "convert_temperature(number, string, string) : real @Conversion", "convert_volume(number, string, string) : real @Conversion",
        // ---- date and time ----
        "now(timespan?) : datetime", "ago(timespan) : datetime",
        "startofday(datetime, integer?) : datetime @DateTime", "endofday(datetime, integer?) : datetime @DateTime",
        "startofweek(datetime, integer?) : datetime @DateTime", "endofweek(datetime, integer?) : datetime @DateTime",
        "startofmonth(datetime, integer?) : datetime @DateTime", "endofmonth(datetime, integer?) : datetime @DateTime",
        "startofyear(datetime, integer?) : datetime @DateTime", "endofyear(datetime, integer?) : datetime @DateTime",
        "dayofweek(datetime) : timespan @DateTime", "dayofmonth(datetime) : int @DateTime", "dayofyear(datetime) : int @DateTime",
        "hourofday(datetime) : int @DateTime", "weekofyear(datetime) : int", "monthofyear(datetime) : int @DateTime", "getyear(datetime) : int @DateTime",
        "getmonth(datetime) : int @DateTime", "datetime_add(string, integer, datetime) : datetime @DateTime",
        "datetime_diff(string, datetime, datetime) : long @DateTime", "datetime_part(string, datetime) : int @DateTime",
        "format_datetime(datetime, string) : string @DateTime", "format_timespan(timespan, string) : string @DateTime",
        "make_datetime(number, number, number, number?, number?, number?, number?) : datetime @DateTime", "make_timespan(number, number, number?, number?) : timespan @DateTime",
        "unixtime_seconds_todatetime(number) : datetime @DateTime", "unixtime_milliseconds_todatetime(number) : datetime @DateTime",
        "unixtime_microseconds_todatetime(number) : datetime @DateTime", "unixtime_nanoseconds_todatetime(number) : datetime @DateTime",
        "datetime_utc_to_local(datetime, string) : datetime @DateTime", "datetime_local_to_utc(datetime, string) : datetime @DateTime",
        "ingestion_time() : datetime",
        // ---- dynamic values ----
        "array_length(dynamic) : long @Dynamic", "array_concat(dynamic+) : dynamic @Dynamic", "array_slice(dynamic, integer, integer) : dynamic @Dynamic",
        "array_index_of(dynamic, scalar, integer?, integer?, integer?) : long @Dynamic", "array_sort_asc(dynamic, any*) : dynamic @Dynamic",
        "array_sort_desc(dynamic, any*) : dynamic @Dynamic", "array_reverse(dynamic) : dynamic @Dynamic", "array_sum(dynamic) : real @Dynamic",
        "array_split(dynamic, any) : dynamic", "array_shift_left(dynamic, integer, any?) : dynamic @Document", "array_shift_right(dynamic, integer, any?) : dynamic @Document",
        "array_iff(dynamic, dynamic, dynamic) : dynamic @Document", "array_rotate_left(dynamic, integer) : dynamic @Document",
        "bag_keys(dynamic) : dynamic @Dynamic", "bag_merge(dynamic+) : dynamic @Dynamic", "bag_remove_keys(dynamic, dynamic) : dynamic @Dynamic",
        "bag_has_key(dynamic, string) : bool @Dynamic", "bag_pack(any*) : dynamic @Dynamic", "bag_pack_columns(any+) : dynamic",
        "pack(any*) : dynamic @Dynamic", "pack_all(bool?) : dynamic", "pack_array(any*) : dynamic @Dynamic",
        "set_difference(dynamic, dynamic+) : dynamic @Dynamic", "set_union(dynamic, dynamic+) : dynamic @Dynamic",
        "set_intersect(dynamic, dynamic+) : dynamic @Dynamic", "set_has_element(dynamic, scalar) : bool @Dynamic",
        "treepath(dynamic) : dynamic", "zip(dynamic+) : dynamic @Dynamic", "extract_json(string, string, any?) : $known @Document",
        "jaccard_index(dynamic, dynamic) : real",
        // ---- IP addresses ----
        "geo_distance_2points(number, number, number, number) : real @Geo", "geo_point_in_circle(number, number, number, number, number) : bool @Geo", "geo_angle(number, number, number, number, number, number) : real @Geo", "geo_line_length(dynamic) : real @Geo", "geo_polygon_perimeter(dynamic) : real @Geo", "geo_polygon_area(dynamic) : real @Geo", "geo_point_in_polygon(number, number, dynamic) : bool @Geo", "geo_point_to_geohash(number, number, integer?) : string @Geo", "geo_geohash_to_central_point(string) : dynamic @Geo", "geo_geohash_to_polygon(string) : dynamic @Geo", "geo_geohash_neighbors(string) : dynamic @Geo", "geo_from_wkt(string) : dynamic @Geo",
        "geo_point_to_s2cell(number, number, integer?) : string @Geo", "geo_s2cell_to_central_point(string) : dynamic @Geo", "geo_s2cell_to_polygon(string) : dynamic @Geo", "geo_s2cell_neighbors(string) : dynamic @Geo", "geo_polygon_to_s2cells(dynamic, integer?, number?) : dynamic @Geo", "geo_line_to_s2cells(dynamic, integer?, number?) : dynamic @Geo",
        "geo_distance_point_to_line(number, number, dynamic) : real @Geo", "geo_closest_point_on_line(number, number, dynamic) : dynamic @Geo", "geo_line_interpolate_point(dynamic, number) : dynamic @Geo", "geo_line_locate_point(dynamic, number, number) : real @Geo", "geo_line_centroid(dynamic) : dynamic @Geo", "geo_line_densify(dynamic, number?, bool?) : dynamic @Geo", "geo_line_simplify(dynamic, number?) : dynamic @Geo",
        "geo_distance_point_to_polygon(number, number, dynamic) : real @Geo", "geo_closest_point_on_polygon(number, number, dynamic) : dynamic @Geo", "geo_polygon_centroid(dynamic) : dynamic @Geo", "geo_polygon_densify(dynamic, number?, bool?) : dynamic @Geo", "geo_polygon_simplify(dynamic, number?) : dynamic @Geo",
        "geo_intersects_2lines(dynamic, dynamic) : bool @Geo", "geo_intersects_line_with_polygon(dynamic, dynamic) : bool @Geo", "geo_intersects_2polygons(dynamic, dynamic) : bool @Geo", "geo_point_buffer(number, number, number, number?) : dynamic @Geo", "geo_intersection_2lines(dynamic, dynamic) : dynamic @Geo", "geo_intersection_line_with_polygon(dynamic, dynamic) : dynamic @Geo",
        "geo_union_lines_array(dynamic) : dynamic @Geo", "geo_union_polygons_array(dynamic) : dynamic @Geo", "geo_simplify_polygons_array(dynamic, number?) : dynamic @Geo", "geo_intersection_2polygons(dynamic, dynamic) : dynamic @Geo",
        "geo_h3cell_level(string) : int @Geo", "geo_h3cell_parent(string, integer?) : string @Geo", "geo_h3cell_children(string, integer?) : dynamic @Geo",
        // known to Kusto, not in the runtime yet (AR0351): H3's icosahedral projection, buffers of lines and polygons
        "geo_point_to_h3cell(number, number, integer?) : string", "geo_h3cell_to_central_point(string) : dynamic", "geo_h3cell_to_polygon(string) : dynamic", "geo_h3cell_neighbors(string) : dynamic", "geo_h3cell_rings(string, integer) : dynamic", "geo_polygon_to_h3cells(dynamic, integer?, number?) : dynamic",
        "geo_line_buffer(dynamic, number, number?) : dynamic", "geo_polygon_buffer(dynamic, number, number?) : dynamic",
        "ipv6_is_in_range(string, string) : bool @Ipv6", "ipv6_is_in_any_range(string, dynamic+) : bool @Ipv6",
        "ipv4_is_private(string) : bool @Network", "ipv4_is_match(string, string, integer?) : bool @Network",
        "ipv4_compare(string, string, integer?) : int @Network", "ipv4_is_in_range(string, string) : bool @Network",
        "ipv4_is_in_any_range(string, dynamic+) : bool @Network", "ipv4_netmask_suffix(string) : int @Network",
        "parse_ipv4(string) : long @Network", "parse_ipv4_mask(string, integer) : long @Network", "format_ipv4(scalar, integer?) : string @Network",
        "format_ipv4_mask(scalar, integer?) : string @Network", "ipv6_compare(string, string, integer?) : int @Ipv6",
        "ipv6_is_match(string, string, integer?) : bool @Ipv6", "parse_ipv6(string) : string @Ipv6", "parse_ipv6_mask(string, integer) : string @Ipv6",
        "ipv4_range_to_cidr_list(string, string) : dynamic @Network", "has_ipv4(string, string) : bool @Network",
        "has_ipv4_prefix(string, string) : bool @Network", "has_any_ipv4(string, dynamic+) : bool @Network",
        "has_any_ipv4_prefix(string, dynamic+) : bool @Network", "geo_info_from_ip_address(string) : dynamic",
        // ---- series ----
        "series_abs(dynamic) : dynamic @Series", "series_acos(dynamic) : dynamic @Series", "series_asin(dynamic) : dynamic @Series", "series_atan(dynamic) : dynamic @Series", "series_cos(dynamic) : dynamic @Series", "series_sin(dynamic) : dynamic @Series", "series_tan(dynamic) : dynamic @Series", "series_exp(dynamic) : dynamic @Series", "series_log(dynamic) : dynamic @Series", "series_sign(dynamic) : dynamic @Series", "series_floor(dynamic) : dynamic @Series", "series_ceiling(dynamic) : dynamic @Series", "series_pow(dynamic, any) : dynamic @Series", "series_greater(dynamic, any) : dynamic @Series", "series_greater_equals(dynamic, any) : dynamic @Series", "series_less(dynamic, any) : dynamic @Series", "series_less_equals(dynamic, any) : dynamic @Series", "series_equals(dynamic, any) : dynamic @Series", "series_not_equals(dynamic, any) : dynamic @Series", "series_magnitude(dynamic) : real @Series", "series_dot_product(dynamic, any) : real @Series", "series_cosine_similarity(dynamic, dynamic) : real @Series", "series_sum(dynamic) : real @Series", "series_fit_line_dynamic(dynamic) : dynamic @Series", "series_fir(dynamic, dynamic, bool?, bool?) : dynamic @Series",
        "series_decompose_anomalies(dynamic, number?, integer?, string?, integer?, string?, number?) : dynamic @Series",
        "series_decompose(dynamic, integer?, string?, integer?, number?) : dynamic @Series",
        "series_fit_line(dynamic) : dynamic @Series", "series_outliers(dynamic, string?, any?, number?, number?) : dynamic @Series",
        "series_stats(dynamic, bool?) : dynamic @Series", "series_stats_dynamic(dynamic, bool?) : dynamic @Series",
        "series_fill_linear(dynamic, any?, bool?, any?) : dynamic @Series", "series_fill_const(dynamic, any?, any?) : dynamic @Series",
        "series_fill_forward(dynamic, any?) : dynamic @Series", "series_fill_backward(dynamic, any?) : dynamic @Series",
        "series_add(any, any) : dynamic @Series", "series_subtract(any, any) : dynamic @Series",
        "series_multiply(any, any) : dynamic @Series", "series_divide(any, any) : dynamic @Series",
        "series_iir(dynamic, dynamic, dynamic) : dynamic @Series", "series_periods_detect(dynamic, number, number, integer) : dynamic @Series",
        "series_seasonal(dynamic, integer?) : dynamic @Series", "series_fit_2lines(dynamic) : dynamic",
        // ---- window functions (serialized rows) ----
        "prev(any, integer?, any?) : $1", "next(any, integer?, any?) : $1",
        "row_number(integer?, bool?) : long", "row_cumsum(number, bool?) : $1", "row_rank_min(any, bool?) : long",
        "row_rank_dense(any, bool?) : long", "row_window_session(datetime, timespan, timespan, bool?) : datetime",
        // row_rank_min's earlier name, which Kusto still accepts and Sentinel's hunting queries use
        "row_rank(any, bool?) : long",
        // ---- tabular scalars ----
        "toscalar(any) : unknown", "current_cluster_endpoint() : string", "current_database() : string",
        "estimate_data_size(any+) : long",
        // ---- aggregates ----
        "agg stdevp(number) : real stdevp @StdevP", "agg variancep(number) : real variancep @VarianceP",
        "agg count(any?) : long count @Count", "agg countif(bool) : long countif @CountIf",
        "agg dcount(scalar, integer?) : long dcount @DCount", "agg dcountif(scalar, bool, integer?) : long dcountif @DCountIf",
        "agg count_distinct(scalar) : long count_distinct", "agg count_distinctif(scalar, bool) : long count_distinctif",
        "agg sum(scalar) : $num sum @Sum", "agg sumif(scalar, bool) : $num sumif @SumIf",
        "agg avg(scalar) : real avg @Avg", "agg avgif(scalar, bool) : real avgif @AvgIf",
        "agg min(scalar) : $1 min @Min", "agg max(scalar) : $1 max @Max", "agg minif(scalar, bool) : $1 minif @MinIf", "agg maxif(scalar, bool) : $1 maxif @MaxIf",
        "agg stdev(number) : real stdev @Stdev", "agg stdevif(number, bool) : real stdevif @StdevIf", "agg variance(number) : real variance @Variance",
        "agg varianceif(number, bool) : real varianceif @VarianceIf",
        "agg make_list(any, integer?) : dynamic list @MakeList", "agg make_set(any, integer?) : dynamic set @MakeSet",
        "agg make_list_if(any, bool, integer?) : dynamic list @MakeListIf", "agg make_set_if(any, bool, integer?) : dynamic set @MakeSetIf",
        "agg make_list_with_nulls(any) : dynamic list", "agg make_bag(dynamic, integer?) : dynamic bag @MakeBag",
        "agg make_bag_if(dynamic, bool, integer?) : dynamic bag @MakeBagIf",
        "agg take_any(any+) : $1 - @TakeAny", "agg take_anyif(any, bool) : $1 - @TakeAnyIf",
        "agg any(any+) : $1 any @TakeAny", "agg anyif(any, bool) : $1 any @TakeAnyIf",
        "agg arg_max(scalar, any+) : $1 max @ArgMax", "agg arg_min(scalar, any+) : $1 min @ArgMin",
        "agg percentile(scalar, number) : $1 percentile @Percentile", "agg percentiles(scalar, number+) : $1 percentile @Percentiles",
        "agg percentilesw(scalar, number, number+) : $1 percentile @PercentilesW", "agg percentile_array(scalar, any+) : dynamic percentiles",
        "agg hll(scalar, integer?) : dynamic hll @Hll", "agg hll_if(scalar, bool, integer?) : dynamic hll_if @HllIf", "agg hll_merge(dynamic+) : dynamic hll_merge @HllMerge",
        "agg tdigest(scalar, any?) : dynamic tdigest @TDigest", "agg tdigest_merge(dynamic) : dynamic tdigest_merge @TDigestMerge",
        "agg binary_all_or(integer) : long binary_all_or @BinaryAllOr", "agg binary_all_and(integer) : long binary_all_and @BinaryAllAnd", "agg binary_all_xor(integer) : long binary_all_xor @BinaryAllXor",
        "agg covariance(number, number) : real covariance @Covariance", "agg covarianceif(number, number, bool) : real covarianceif @CovarianceIf",
        "agg covariancep(number, number) : real covariancep @CovarianceP", "agg covariancepif(number, number, bool) : real covariancepif @CovariancePIf",
        "agg buildschema(dynamic) : dynamic schema",
        // ---- other names ----
        // functions the runtime implements that the first catalog pass missed
        "array_iif(dynamic, dynamic, dynamic) : dynamic", "array_rotate_right(dynamic, integer) : dynamic @Document",
        "bag_zip(dynamic, dynamic) : dynamic @Document", "regex_quote(string) : string @Document", "repeat(scalar, integer) : dynamic @Dynamic",
        "replace_strings(string, dynamic, dynamic) : string @Document", "week_of_year(datetime) : int @DateTime",
        "alias datepart = datetime_part deprecated", "alias parseurl = parse_url deprecated",
        "alias iif = iff", "alias make_string = unicode_codepoints_to_string", "alias pack_dictionary = bag_pack", "alias replace = replace_regex", "alias time = totimespan", "alias todynamic = parse_json", "alias toobject = parse_json",
        "alias parsejson = parse_json deprecated", "alias makelist = make_list deprecated", "alias makeset = make_set deprecated",
        
        "alias merge_tdigest = tdigest_merge", "alias argmax = arg_max deprecated", "alias argmin = arg_min deprecated",
        "alias columnifexists = column_ifexists deprecated", "alias arraylength = array_length deprecated",
        "alias base64_decodestring = base64_decode_tostring deprecated", "alias base64_encodestring = base64_encode_tostring deprecated",
        "alias extractjson = extract_json deprecated", "alias notempty = isnotempty", "alias notnull = isnotnull",
        "alias make_dictionary = make_bag deprecated", "alias makelist_if = make_list_if deprecated",
        "alias array_strcat = strcat_array deprecated",
            };

    private static readonly Lazy<Dictionary<string, FunctionSignature>> ByName = new(Build);

    public static FunctionSignature? Find(string name) => ByName.Value.TryGetValue(name, out var f) ? f : null;

    public static IEnumerable<FunctionSignature> All => ByName.Value.Values;

    private static Dictionary<string, FunctionSignature> Build()
    {
        var result = new Dictionary<string, FunctionSignature>(StringComparer.Ordinal);
        var aliases = new List<string>();
        foreach (var entry in Catalog)
        {
            if (entry.StartsWith("alias ", StringComparison.Ordinal)) { aliases.Add(entry); continue; }
            var signature = Parse(entry);
            result[signature.Name] = signature;
        }
        foreach (var entry in aliases)
        {
            // alias old = new [deprecated]
            var parts = entry.Substring(6).Split(new[] { ' ', '=' }, StringSplitOptions.RemoveEmptyEntries);
            if (parts[0] == parts[1] || !result.TryGetValue(parts[1], out var target)) continue;
            var deprecated = parts.Length > 2 && parts[2] == "deprecated";
            result[parts[0]] = target with { Name = parts[0], ReplacedBy = deprecated ? parts[1] : null };
        }
        return result;
    }

    private static FunctionSignature Parse(string entry)
    {
        var isAggregate = entry.StartsWith("agg ", StringComparison.Ordinal);
        if (isAggregate) entry = entry.Substring(4);
        var open = entry.IndexOf('(');
        var close = entry.IndexOf(')');
        var name = entry.Substring(0, open);
        var parameters = new List<SignatureParameter>();
        foreach (var raw in entry.Substring(open + 1, close - open - 1).Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries))
            parameters.Add(ParseParameter(raw.Trim()));

        string? runtime = null;
        var at = entry.IndexOf('@', close);
        if (at > 0) { runtime = entry.Substring(at + 1).Trim(); entry = entry.Substring(0, at); }
        var tail = entry.Substring(entry.IndexOf(':', close) + 1).Trim().Split(' ');
        var result = tail[0];
        var prefix = tail.Length > 1 ? tail[1] : null;
        var rule = ResultRule.Fixed;
        var type = ScalarType.Unknown;
        var argument = 0;
        if (result == "$num") rule = ResultRule.WiderNumeric;
        else if (result == "$known") rule = ResultRule.FirstKnown;
        else if (result[0] == '$') { rule = ResultRule.Argument; argument = result[1] - '1'; }
        else ScalarTypes.TryParse(result, out type);
        return new FunctionSignature(name, parameters, rule, type, argument, isAggregate, prefix, ReplacedBy: null)
        {
            RuntimeClass = isAggregate ? null : runtime,
            AccumulatorFactory = isAggregate ? runtime : null,
        };
    }

    private static SignatureParameter ParseParameter(string text)
    {
        var arity = ParameterArity.One;
        switch (text[text.Length - 1])
        {
            case '?': arity = ParameterArity.Optional; break;
            case '*': arity = ParameterArity.ZeroOrMore; break;
            case '+': arity = ParameterArity.OneOrMore; break;
        }
        if (arity != ParameterArity.One) text = text.Substring(0, text.Length - 1);
        var kind = text switch
        {
            "scalar" => ParameterKind.Scalar,
            "string" => ParameterKind.String,
            "number" => ParameterKind.Number,
            "integer" => ParameterKind.Integer,
            "bool" => ParameterKind.Bool,
            "datetime" => ParameterKind.DateTime,
            "timespan" => ParameterKind.TimeSpan,
            "dynamic" => ParameterKind.Dynamic,
            _ => ParameterKind.Any,
        };
        return new SignatureParameter(kind, arity);
    }
}
