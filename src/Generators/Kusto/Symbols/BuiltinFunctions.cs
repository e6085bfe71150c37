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
/// </summary>
internal static class BuiltinFunctions
{
    private static readonly string[] Catalog =
    {
        // ---- strings ----
        "strlen(string) : long", "tolower(string) : string", "toupper(string) : string",
        "strcat(scalar+) : string", "strcat_delim(scalar, scalar+) : string", "strcat_array(dynamic, scalar) : string",
        "substring(string, integer, integer?) : string", "indexof(string, string, integer?, integer?, integer?) : int",
        "indexof_regex(string, string, integer?, integer?, integer?) : int",
        "split(string, string, integer?) : dynamic", "replace(string, string, string) : string",
        "replace_string(string, string, string) : string", "replace_regex(string, string, string) : string",
        "trim(string, string) : string", "trim_start(string, string) : string", "trim_end(string, string) : string",
        "reverse(scalar) : string", "translate(string, string, string) : string", "countof(string, string, string?) : long",
        "extract(string, integer, string, any?) : string", "extract_all(string, any, string?) : dynamic",
        "parse_command_line(string, string) : dynamic", "parse_csv(string) : dynamic",
        "string_size(string) : long", "isascii(string) : bool", "isutf8(string) : bool", "strrep(string, integer, string?) : string",
        "strcmp(string, string) : int", "format_bytes(number, integer?, string?) : string",
        "base64_encode_tostring(string) : string", "base64_decode_tostring(string) : string",
        "base64_decode_toarray(string) : dynamic", "base64_encode_fromarray(dynamic) : string",
        "url_encode(string) : string", "url_decode(string) : string", "url_encode_component(string) : string",
        "parse_url(string) : dynamic", "parse_urlquery(string) : dynamic", "parse_path(string) : dynamic",
        "parse_user_agent(string, any) : dynamic", "parse_version(string) : decimal",
        "hash(scalar, integer?) : long", "hash_md5(scalar) : string", "hash_sha1(scalar) : string",
        "hash_sha256(scalar) : string", "hash_xxhash64(scalar, integer?) : long",
        "tohex(integer, integer?) : string", "make_string(scalar+) : string", "unicode_codepoints_from_string(string) : dynamic",
        "unicode_codepoints_to_string(any+) : string", "new_guid() : guid", "has_any_index(string, dynamic) : long",
        // ---- types and conversion ----
        "tostring(any) : string", "toint(scalar) : int", "tolong(scalar) : long", "toreal(scalar) : real",
        "todouble(scalar) : real", "todecimal(scalar) : decimal", "tobool(scalar) : bool", "toboolean(scalar) : bool",
        "todatetime(scalar) : datetime", "totimespan(scalar) : timespan", "toguid(scalar) : guid",
        "parse_json(any) : dynamic", "parse_xml(string) : dynamic", "dynamic_to_json(dynamic) : string",
        "typeof(any) : string", "gettype(any) : string",
        "isnull(any) : bool", "isnotnull(any) : bool", "isempty(any) : bool", "isnotempty(any) : bool",
        "isnan(number) : bool", "isinf(number) : bool", "isfinite(number) : bool",
        "column_ifexists(any, any) : $2",
        // ---- conditionals ----
        "iff(bool, scalar, scalar) : $known", "case(scalar+) : $known", "coalesce(scalar+) : $known",
        "max_of(scalar+) : $known", "min_of(scalar+) : $known",
        // ---- numbers ----
        "abs(scalar) : $1", "floor(scalar, scalar) : $1", "bin(scalar, scalar) : $1", "bin_at(scalar, scalar, scalar) : $1",
        "round(number, integer?) : $1", "ceiling(number) : $1", "sign(number) : $1",
        "sqrt(number) : real", "exp(number) : real", "exp2(number) : real", "exp10(number) : real",
        "log(number) : real", "log2(number) : real", "log10(number) : real", "pow(number, number) : real",
        "rand(number?) : real", "range(scalar, scalar, scalar?) : dynamic", "binary_and(integer, integer) : long",
        "binary_or(integer, integer) : long", "binary_xor(integer, integer) : long", "binary_not(integer) : long",
        "binary_shift_left(integer, integer) : long", "binary_shift_right(integer, integer) : long",
        "bitset_count_ones(integer) : long",
        // ---- date and time ----
        "now(timespan?) : datetime", "ago(timespan) : datetime",
        "startofday(datetime, integer?) : datetime", "endofday(datetime, integer?) : datetime",
        "startofweek(datetime, integer?) : datetime", "endofweek(datetime, integer?) : datetime",
        "startofmonth(datetime, integer?) : datetime", "endofmonth(datetime, integer?) : datetime",
        "startofyear(datetime, integer?) : datetime", "endofyear(datetime, integer?) : datetime",
        "dayofweek(datetime) : timespan", "dayofmonth(datetime) : int", "dayofyear(datetime) : int",
        "hourofday(datetime) : int", "weekofyear(datetime) : int", "monthofyear(datetime) : int", "getyear(datetime) : int",
        "getmonth(datetime) : int", "datetime_add(string, integer, datetime) : datetime",
        "datetime_diff(string, datetime, datetime) : long", "datetime_part(string, datetime) : int",
        "format_datetime(datetime, string) : string", "format_timespan(timespan, string) : string",
        "make_datetime(number+) : datetime", "make_timespan(number+) : timespan",
        "unixtime_seconds_todatetime(number) : datetime", "unixtime_milliseconds_todatetime(number) : datetime",
        "unixtime_microseconds_todatetime(number) : datetime", "unixtime_nanoseconds_todatetime(number) : datetime",
        "datetime_utc_to_local(datetime, string) : datetime", "datetime_local_to_utc(datetime, string) : datetime",
        "ingestion_time() : datetime",
        // ---- dynamic values ----
        "array_length(dynamic) : long", "array_concat(dynamic+) : dynamic", "array_slice(dynamic, integer, integer) : dynamic",
        "array_index_of(dynamic, scalar, integer?, integer?) : long", "array_sort_asc(dynamic+) : dynamic",
        "array_sort_desc(dynamic+) : dynamic", "array_reverse(dynamic) : dynamic", "array_sum(dynamic) : real",
        "array_split(dynamic, any) : dynamic", "array_shift_left(dynamic, integer, any?) : dynamic",
        "array_iff(dynamic, dynamic, dynamic) : dynamic", "array_rotate_left(dynamic, integer) : dynamic",
        "bag_keys(dynamic) : dynamic", "bag_merge(dynamic+) : dynamic", "bag_remove_keys(dynamic, dynamic) : dynamic",
        "bag_has_key(dynamic, string) : bool", "bag_pack(any*) : dynamic", "bag_pack_columns(any+) : dynamic",
        "pack(any*) : dynamic", "pack_all(bool?) : dynamic", "pack_array(any*) : dynamic", "pack_dictionary(any*) : dynamic",
        "set_difference(dynamic, dynamic+) : dynamic", "set_union(dynamic, dynamic+) : dynamic",
        "set_intersect(dynamic, dynamic+) : dynamic", "set_has_element(dynamic, scalar) : bool",
        "treepath(dynamic) : dynamic", "zip(dynamic+) : dynamic", "extract_json(string, string, any?) : $known",
        "jaccard_index(dynamic, dynamic) : real",
        // ---- IP addresses ----
        "ipv4_is_private(string) : bool", "ipv4_is_match(string, string, integer?) : bool",
        "ipv4_compare(string, string, integer?) : int", "ipv4_is_in_range(string, string) : bool",
        "ipv4_is_in_any_range(string, dynamic*) : bool", "ipv4_netmask_suffix(string) : int",
        "parse_ipv4(string) : long", "parse_ipv4_mask(string, integer) : long", "format_ipv4(scalar, integer?) : string",
        "format_ipv4_mask(scalar, integer?) : string", "ipv6_compare(string, string, integer?) : int",
        "ipv6_is_match(string, string, integer?) : bool", "parse_ipv6(string) : string", "parse_ipv6_mask(string, integer) : string",
        "ipv4_range_to_cidr_list(string, string) : dynamic", "has_ipv4(string, string) : bool",
        "has_ipv4_prefix(string, string) : bool", "has_any_ipv4(string, dynamic*) : bool",
        "has_any_ipv4_prefix(string, dynamic*) : bool", "geo_info_from_ip_address(string) : dynamic",
        // ---- series ----
        "series_decompose_anomalies(dynamic, real?, integer?, string?, integer?, string?, real?, string?) : dynamic",
        "series_decompose(dynamic, integer?, string?, string?, integer?) : dynamic",
        "series_fit_line(dynamic) : dynamic", "series_outliers(dynamic, string?, integer?, real?, real?) : dynamic",
        "series_stats(dynamic, bool?) : dynamic", "series_stats_dynamic(dynamic, bool?) : dynamic",
        "series_fill_linear(dynamic, any?, bool?, bool?) : dynamic", "series_fill_const(dynamic, any?, any?) : dynamic",
        "series_fill_forward(dynamic, any?) : dynamic", "series_fill_backward(dynamic, any?) : dynamic",
        "series_add(dynamic, dynamic) : dynamic", "series_subtract(dynamic, dynamic) : dynamic",
        "series_multiply(dynamic, dynamic) : dynamic", "series_divide(dynamic, dynamic) : dynamic",
        "series_iir(dynamic, dynamic, dynamic) : dynamic", "series_periods_detect(dynamic, real, real, integer) : dynamic",
        "series_seasonal(dynamic, integer?) : dynamic", "series_fit_2lines(dynamic) : dynamic",
        // ---- window functions (serialized rows) ----
        "prev(any, integer?, any?) : $1", "next(any, integer?, any?) : $1",
        "row_number(integer?, bool?) : long", "row_cumsum(number, bool?) : $1", "row_rank(any) : long",
        "row_rank_dense(any) : long", "row_window_session(datetime, timespan, timespan, bool?) : datetime",
        // ---- tabular scalars ----
        "toscalar(any) : unknown", "current_cluster_endpoint() : string", "current_database() : string",
        "estimate_data_size(any+) : long",
        // ---- aggregates ----
        "agg count(any?) : long count", "agg countif(bool) : long countif",
        "agg dcount(scalar, integer?) : long dcount", "agg dcountif(scalar, bool, integer?) : long dcountif",
        "agg count_distinct(scalar) : long count_distinct", "agg count_distinctif(scalar, bool) : long count_distinctif",
        "agg sum(scalar) : $num sum", "agg sumif(scalar, bool) : $num sumif",
        "agg avg(scalar) : real avg", "agg avgif(scalar, bool) : real avgif",
        "agg min(scalar) : $1 min", "agg max(scalar) : $1 max", "agg minif(scalar, bool) : $1 minif", "agg maxif(scalar, bool) : $1 maxif",
        "agg stdev(number) : real stdev", "agg stdevif(number, bool) : real stdevif", "agg variance(number) : real variance",
        "agg varianceif(number, bool) : real varianceif",
        "agg make_list(any, integer?) : dynamic list", "agg make_set(any, integer?) : dynamic set",
        "agg make_list_if(any, bool, integer?) : dynamic list", "agg make_set_if(any, bool, integer?) : dynamic set",
        "agg make_list_with_nulls(any) : dynamic list", "agg make_bag(dynamic, integer?) : dynamic bag",
        "agg make_bag_if(dynamic, bool, integer?) : dynamic bag",
        "agg take_any(any+) : $1 -", "agg take_anyif(any, bool) : $1 -",
        "agg any(any+) : $1 any", "agg anyif(any, bool) : $1 any",
        "agg arg_max(scalar, any+) : $1 max", "agg arg_min(scalar, any+) : $1 min",
        "agg percentile(scalar, number) : $1 percentile", "agg percentiles(scalar, number+) : $1 percentile",
        "agg percentilesw(scalar, number, number+) : $1 percentile", "agg percentile_array(scalar, any+) : dynamic percentiles",
        "agg hll(scalar, integer?) : dynamic hll", "agg hll_merge(dynamic+) : dynamic hll_merge", "agg tdigest(scalar, any?) : dynamic tdigest",
        "agg binary_all_or(integer) : long binary_all_or", "agg binary_all_and(integer) : long binary_all_and",
        "agg buildschema(dynamic) : dynamic schema",
        // ---- other names ----
        // functions the runtime implements that the first catalog pass missed
        "array_iif(dynamic, dynamic, dynamic) : dynamic", "array_rotate_right(dynamic, integer) : dynamic",
        "bag_zip(dynamic, dynamic) : dynamic", "regex_quote(string) : string", "repeat(scalar, integer) : dynamic",
        "replace_strings(string, dynamic, dynamic) : string", "week_of_year(datetime) : int",
        "alias datepart = datetime_part deprecated", "alias parseurl = parse_url deprecated",
        "alias iif = iff", "alias todynamic = parse_json", "alias toobject = parse_json",
        "alias parsejson = parse_json deprecated", "alias makelist = make_list deprecated", "alias makeset = make_set deprecated",
        
        "alias argmax = arg_max deprecated", "alias argmin = arg_min deprecated",
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
        return new FunctionSignature(name, parameters, rule, type, argument, isAggregate, prefix, ReplacedBy: null);
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
