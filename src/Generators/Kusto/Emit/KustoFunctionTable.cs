using System.Collections.Generic;
using static AzureRules.Generators.Kusto.Emit.KustoRuntimeNames;

namespace AzureRules.Generators.Kusto.Emit;

/// <summary>A Kusto scalar function the runtime implements: the C# method and how many arguments it takes.</summary>
internal sealed record KustoFunction(string Method, int MinArguments, int MaxArguments);

/// <summary>
/// The scalar functions the runtime implements (src/Sdk/Kusto/Functions), by Kusto name (and
/// documented aliases). A call outside this table is reported as unsupported (AR0351).
/// </summary>
internal static class KustoFunctionTable
{
    private const int Many = int.MaxValue;

    private static readonly Dictionary<string, KustoFunction> Functions = Build();

    public static KustoFunction? Find(string name) => Functions.TryGetValue(name, out var f) ? f : null;

    public static IEnumerable<string> Names => Functions.Keys;

    private static Dictionary<string, KustoFunction> Build()
    {
        var table = new Dictionary<string, KustoFunction>(System.StringComparer.Ordinal);
        void Add(string cls, string name, int min, int max, params string[] aliases)
        {
            var function = new KustoFunction($"{cls}.{(name == "case" ? "@case" : name)}", min, max);
            table[name] = function;
            foreach (var alias in aliases) table[alias] = function;
        }

        // strings
        Add(StringFunctions, "tolower", 1, 1);
        Add(StringFunctions, "toupper", 1, 1);
        Add(StringFunctions, "strlen", 1, 1);
        Add(StringFunctions, "strcat", 1, Many);
        Add(StringFunctions, "strcat_delim", 2, Many);
        Add(StringFunctions, "substring", 2, 3);
        Add(StringFunctions, "split", 2, 3);
        Add(StringFunctions, "replace_string", 3, 3);
        Add(StringFunctions, "replace_regex", 3, 3, "replace");
        Add(StringFunctions, "trim", 2, 2);
        Add(StringFunctions, "trim_start", 2, 2);
        Add(StringFunctions, "trim_end", 2, 2);
        Add(StringFunctions, "extract", 3, 4);
        Add(StringFunctions, "extract_all", 2, 3);
        Add(StringFunctions, "string_size", 1, 1);
        Add(StringFunctions, "tohex", 1, 2);
        Add(StringFunctions, "indexof", 2, 5);
        Add(StringFunctions, "countof", 2, 3);
        Add(StringFunctions, "reverse", 1, 1);
        Add(StringFunctions, "strrep", 2, 3);
        Add(StringFunctions, "strcmp", 2, 2);
        Add(StringFunctions, "url_decode", 1, 1);
        Add(StringFunctions, "url_encode", 1, 1);
        Add(StringFunctions, "url_encode_component", 1, 1);
        Add(StringFunctions, "base64_encode_tostring", 1, 1, "base64_encodestring");
        Add(StringFunctions, "base64_decode_tostring", 1, 1, "base64_decodestring");
        Add(StringFunctions, "translate", 3, 3);
        Add(StringFunctions, "has_any_index", 2, 2);

        // dynamic
        Add(DynamicFunctions, "parse_json", 1, 1, "parsejson");
        Add(DynamicFunctions, "todynamic", 1, 1, "toobject");
        Add(DynamicFunctions, "array_length", 1, 1, "arraylength");
        Add(DynamicFunctions, "pack_array", 0, Many);
        Add(DynamicFunctions, "bag_pack", 0, Many, "pack");
        Add(DynamicFunctions, "bag_keys", 1, 1);
        Add(DynamicFunctions, "bag_has_key", 2, 2);
        Add(DynamicFunctions, "bag_merge", 1, Many);
        Add(DynamicFunctions, "bag_remove_keys", 2, 2);
        Add(DynamicFunctions, "set_has_element", 2, 2);
        Add(DynamicFunctions, "array_index_of", 2, 2);
        Add(DynamicFunctions, "array_concat", 1, Many);
        Add(DynamicFunctions, "array_slice", 3, 3);
        Add(DynamicFunctions, "array_reverse", 1, 1);
        Add(DynamicFunctions, "array_sort_asc", 1, 1);
        Add(DynamicFunctions, "array_sort_desc", 1, 1);
        Add(DynamicFunctions, "array_sum", 1, 1);
        Add(DynamicFunctions, "strcat_array", 2, 2);
        Add(DynamicFunctions, "set_union", 1, Many);
        Add(DynamicFunctions, "set_intersect", 1, Many);
        Add(DynamicFunctions, "set_difference", 1, Many);
        Add(DynamicFunctions, "zip", 1, Many);
        Add(DynamicFunctions, "range", 2, 3);
        Add(DynamicFunctions, "repeat", 2, 2);

        // conditionals, nulls, conversions
        Add(ScalarFunctions, "iff", 3, 3, "iif");
        Add(ScalarFunctions, "case", 1, Many);
        Add(ScalarFunctions, "coalesce", 1, Many);
        Add(ScalarFunctions, "isnull", 1, 1);
        Add(ScalarFunctions, "isnotnull", 1, 1, "notnull");
        Add(ScalarFunctions, "isempty", 1, 1);
        Add(ScalarFunctions, "isnotempty", 1, 1, "notempty");
        Add(ScalarFunctions, "not", 1, 1);
        Add(ScalarFunctions, "tostring", 1, 1);
        Add(ScalarFunctions, "toint", 1, 1);
        Add(ScalarFunctions, "tolong", 1, 1);
        Add(ScalarFunctions, "todouble", 1, 1);
        Add(ScalarFunctions, "toreal", 1, 1);
        Add(ScalarFunctions, "todecimal", 1, 1);
        Add(ScalarFunctions, "tobool", 1, 1, "toboolean");
        Add(ScalarFunctions, "todatetime", 1, 1);
        Add(ScalarFunctions, "totimespan", 1, 1, "time");
        Add(ScalarFunctions, "toguid", 1, 1);
        Add(ScalarFunctions, "gettype", 1, 1);
        Add(ScalarFunctions, "hash_sha256", 1, 1);
        Add(ScalarFunctions, "hash_md5", 1, 1);
        Add(ScalarFunctions, "hash_sha1", 1, 1);
        Add(ScalarFunctions, "isascii", 1, 1);
        Add(ScalarFunctions, "max_of", 1, Many);
        Add(ScalarFunctions, "min_of", 1, Many);

        // math
        Add(MathFunctions, "bin", 2, 2);
        Add(MathFunctions, "floor", 2, 2);
        Add(MathFunctions, "bin_at", 3, 3);
        Add(MathFunctions, "abs", 1, 1);
        Add(MathFunctions, "round", 1, 2);
        Add(MathFunctions, "ceiling", 1, 1);
        Add(MathFunctions, "sqrt", 1, 1);
        Add(MathFunctions, "exp", 1, 1);
        Add(MathFunctions, "log", 1, 1);
        Add(MathFunctions, "log10", 1, 1);
        Add(MathFunctions, "log2", 1, 1);
        Add(MathFunctions, "pow", 2, 2);
        Add(MathFunctions, "sign", 1, 1);
        Add(MathFunctions, "isnan", 1, 1);
        Add(MathFunctions, "isinf", 1, 1);
        Add(MathFunctions, "isfinite", 1, 1);
        Add(MathFunctions, "binary_and", 2, 2);
        Add(MathFunctions, "binary_or", 2, 2);
        Add(MathFunctions, "binary_xor", 2, 2);
        Add(MathFunctions, "binary_not", 1, 1);
        Add(MathFunctions, "binary_shift_left", 2, 2);
        Add(MathFunctions, "binary_shift_right", 2, 2);

        // network and documents
        Add(NetworkFunctions, "parse_ipv4", 1, 1);
        Add(NetworkFunctions, "ipv4_is_private", 1, 1);
        Add(NetworkFunctions, "ipv4_is_in_range", 2, 2);
        Add(NetworkFunctions, "ipv4_is_in_any_range", 2, Many);
        Add(NetworkFunctions, "ipv4_compare", 2, 3);
        Add(NetworkFunctions, "ipv4_is_match", 2, 3);
        Add(NetworkFunctions, "has_ipv4", 2, 2);
        Add(NetworkFunctions, "has_ipv4_prefix", 2, 2);
        Add(NetworkFunctions, "has_any_ipv4", 2, Many);
        Add(NetworkFunctions, "has_any_ipv4_prefix", 2, Many);
        Add(NetworkFunctions, "parse_url", 1, 1, "parseurl");
        Add(NetworkFunctions, "parse_urlquery", 1, 1);
        Add(DocumentFunctions, "extract_json", 2, 3, "extractjson");
        Add(DocumentFunctions, "parse_xml", 1, 1);
        Add(DocumentFunctions, "bag_zip", 2, 2);
        Add(DocumentFunctions, "array_iff", 3, 3, "array_iif");
        Add(DocumentFunctions, "array_rotate_left", 2, 2);
        Add(DocumentFunctions, "array_rotate_right", 2, 2);
        Add(DocumentFunctions, "unicode_codepoints_from_string", 1, 1);
        Add(DocumentFunctions, "unicode_codepoints_to_string", 1, Many);
        Add(DocumentFunctions, "new_guid", 0, 0);
        Add(DocumentFunctions, "regex_quote", 1, 1);
        Add(DocumentFunctions, "replace_strings", 3, 3);

        // datetime (now() and ago() are emitted against the execution's now)
        Add(DateTimeFunctions, "startofday", 1, 2);
        Add(DateTimeFunctions, "endofday", 1, 2);
        Add(DateTimeFunctions, "startofweek", 1, 2);
        Add(DateTimeFunctions, "endofweek", 1, 2);
        Add(DateTimeFunctions, "startofmonth", 1, 2);
        Add(DateTimeFunctions, "endofmonth", 1, 2);
        Add(DateTimeFunctions, "startofyear", 1, 2);
        Add(DateTimeFunctions, "endofyear", 1, 2);
        Add(DateTimeFunctions, "dayofweek", 1, 1);
        Add(DateTimeFunctions, "dayofmonth", 1, 1);
        Add(DateTimeFunctions, "dayofyear", 1, 1);
        Add(DateTimeFunctions, "hourofday", 1, 1);
        Add(DateTimeFunctions, "getyear", 1, 1);
        Add(DateTimeFunctions, "getmonth", 1, 1);
        Add(DateTimeFunctions, "monthofyear", 1, 1);
        Add(DateTimeFunctions, "week_of_year", 1, 1);
        Add(DateTimeFunctions, "datetime_part", 2, 2, "datepart");
        Add(DateTimeFunctions, "datetime_add", 3, 3);
        Add(DateTimeFunctions, "datetime_diff", 3, 3);
        Add(DateTimeFunctions, "make_datetime", 3, 7);
        Add(DateTimeFunctions, "make_timespan", 2, 4);
        Add(DateTimeFunctions, "unixtime_seconds_todatetime", 1, 1);
        Add(DateTimeFunctions, "unixtime_milliseconds_todatetime", 1, 1);
        Add(DateTimeFunctions, "unixtime_microseconds_todatetime", 1, 1);
        Add(DateTimeFunctions, "unixtime_nanoseconds_todatetime", 1, 1);
        Add(DateTimeFunctions, "format_datetime", 2, 2);
        Add(DateTimeFunctions, "format_timespan", 2, 2);
        return table;
    }
}
