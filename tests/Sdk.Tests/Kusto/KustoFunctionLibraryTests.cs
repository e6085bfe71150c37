using AzureRules.Sdk.Kusto;
using AzureRules.Sdk.Kusto.Functions;
using Xunit;

namespace AzureRules.Sdk.Tests.Kusto;

/// <summary>
/// The scalar function library against the Kusto documentation's examples (learn.microsoft.com/kusto/query/*-function)
/// plus edge cases: nulls, empty input, wrong types, dynamic values.
/// </summary>
public sealed class KustoFunctionLibraryTests
{
    private static KustoValue S(string s) => KustoValue.From(s);
    private static KustoValue L(long v) => KustoValue.From(v);
    private static KustoValue R(double v) => KustoValue.From(v);
    private static KustoValue D(string json) { KustoJson.TryParse(json, out var v); return v; }
    private static string J(KustoValue v) => KustoJson.Write(v);
    private static readonly KustoValue Null = KustoValue.Null;

    [Fact]
    public void Range_steps_by_one_or_one_hour_counts_down_and_truncates_at_two_to_the_twentieth()
    {
        Assert.Equal("[1,2,3]", J(KustoDynamicFunctions.range(L(1), L(3))));
        Assert.Equal("[1,4,7]", J(KustoDynamicFunctions.range(L(1), L(8), L(3))));
        Assert.Equal("[\"01:00:00\",\"02:00:00\",\"03:00:00\",\"04:00:00\",\"05:00:00\"]",
            J(KustoDynamicFunctions.range(KustoValue.From(TimeSpan.FromHours(1)), KustoValue.From(TimeSpan.FromHours(5)))));
        Assert.Equal(3, KustoDynamicFunctions.range(KustoValue.From(new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc)),
            KustoValue.From(new DateTime(2024, 1, 1, 2, 0, 0, DateTimeKind.Utc))).AsArray.Length);
        Assert.Equal("[5,3,1]", J(KustoDynamicFunctions.range(L(5), L(1), L(-2))));
        Assert.True(KustoDynamicFunctions.range(L(1), L(5), L(0)).IsNull);
        Assert.Equal(1 << 20, KustoDynamicFunctions.range(L(1), L(1_000_000_000)).AsArray.Length);
    }

    [Fact]
    public void Math_and_special_functions()
    {
        Assert.Equal(45, KustoMathFunctions.degrees(R(Math.PI / 4)).AsDouble, 12);
        Assert.Equal(0.842700792949715, KustoMathFunctions.erf(L(1)).AsDouble, 12);
        Assert.Equal(-0.999977909503001, KustoMathFunctions.erf(L(-3)).AsDouble, 12);
        Assert.Equal(3.1780538303479458, KustoMathFunctions.loggamma(L(5)).AsDouble, 12);
        Assert.Equal(24, KustoMathFunctions.gamma(L(5)).AsDouble, 9);
        Assert.Equal(0.226415022388749, KustoMathFunctions.beta_inv(R(0.1), R(10), R(20)).AsDouble, 9);
        Assert.True(KustoMathFunctions.beta_inv(R(1.5), R(10), R(20)).IsNull);
        Assert.True(double.IsNaN(KustoMathFunctions.beta_inv(R(0.1), R(-1), R(20)).AsDouble));
        Assert.True(KustoMathFunctions.cos(S("x")).IsNull);
        Assert.InRange(KustoMathFunctions.rand(L(10)).AsLong, 0, 9);
    }

    [Fact]
    public void Series_functions_work_element_wise()
    {
        Assert.Equal("[false,false,true]", J(KustoSeriesFunctions.series_greater(D("[1,2,4]"), D("[4,2,1]"))));
        Assert.Equal("[2,4,null]", J(KustoSeriesFunctions.series_multiply(D("[1,2,\"a\"]"), L(2))));
        Assert.Equal(5.4772255750516612, KustoSeriesFunctions.series_magnitude(D("[1,2,3,4]")).AsDouble, 12);
        Assert.Equal(0.99935343825504, KustoSeriesFunctions.series_cosine_similarity(D("[0.1,0.2,0.1,0.2]"), D("[0.11,0.2,0.11,0.21]")).AsDouble, 12);
        Assert.Equal("[111,0,36]", J(KustoSeriesFunctions.series_fill_const(D("[111,null,36]"), L(0))));
        Assert.Equal("[111,111,73.5,36,36]", J(KustoSeriesFunctions.series_fill_linear(D("[null,111.0,null,36.0,null]"))));
        Assert.Equal("[1,3,6,10]", J(KustoSeriesFunctions.series_iir(D("[1,2,3,4]"), D("[1]"), D("[1,-1]"))));
        var stats = KustoSeriesFunctions.series_stats_dynamic(D("[23,46,23,87,4,8,3,75,2,56,13,75,32,16,29]")).AsBag;
        Assert.Equal(8, stats["min_idx"].AsLong);
        Assert.Equal(812.457142857143, stats["variance"].AsDouble, 9);
        Assert.True(KustoSeriesFunctions.series_add(Null, Null).IsNull);
        Assert.True(KustoSeriesFunctions.series_magnitude(S("not an array")).IsNull);
    }

    [Fact]
    public void Ipv6_functions_compare_ipv4_as_mapped_addresses()
    {
        Assert.Equal("0000:0000:0000:0000:0000:ffff:c0a8:ff00", KustoIpv6Functions.parse_ipv6(S("192.168.255.255/24")).AsString);
        Assert.Equal("fe80:0000:0000:0000:085d:e82c:9446:7900", KustoIpv6Functions.parse_ipv6_mask(S("fe80::85d:e82c:9446:7994/120"), L(124)).AsString);
        Assert.Equal("0000:0000:0000:0000:0000:ffff:c0a8:ffff", KustoIpv6Functions.parse_ipv6(S("::192.168.255.255")).AsString);
        Assert.Equal(0, KustoIpv6Functions.ipv6_compare(S("192.168.1.1/24"), S("::ffff:c0a8:01ff"), L(127)).AsLong);
        Assert.True(KustoIpv6Functions.ipv6_is_match(S("192.168.1.1/30"), S("192.168.1.255/24")).IsTrue);
        Assert.True(KustoIpv6Functions.ipv6_is_in_range(S("a5e:f127:8a9d:146d:e102:b5d3:c755:abcd"), S("a5e:f127:8a9d:146d:e102:b5d3:c755:0000/112")).IsTrue);
        Assert.False(KustoIpv6Functions.ipv6_is_in_any_range(S("a5e:f127:8a9d:146d:e102:b5d3:c756:abd1"), D("[\"a5e:f127:8a9d:146d:e102:b5d3:c755:f6cd/112\"]")).IsTrue);
        Assert.True(KustoIpv6Functions.parse_ipv6(S("not an ip")).IsNull);
        Assert.True(KustoIpv6Functions.parse_ipv6(Null).IsNull);
    }

    [Fact]
    public void Ipv4_formats_and_ranges()
    {
        Assert.Equal("192.168.1.0", KustoNetworkFunctions.format_ipv4(S("192.168.1.1"), L(24)).AsString);
        Assert.Equal("192.168.1.0/24", KustoNetworkFunctions.format_ipv4_mask(S("192.168.1.1/24"), L(32)).AsString);
        Assert.Equal("", KustoNetworkFunctions.format_ipv4(S("192.168.1.1/24"), L(-1)).AsString);
        Assert.Equal("[\"1.1.128.0/21\",\"1.1.136.0/22\",\"1.1.140.0/24\"]", J(KustoNetworkFunctions.ipv4_range_to_cidr_list(S("1.1.128.0"), S("1.1.140.255"))));
    }

    [Fact]
    public void Encodings()
    {
        Assert.Equal("[75,117,115,116,111]", J(KustoEncodingFunctions.base64_decode_toarray(S("S3VzdG8="))));
        Assert.Equal("[]", J(KustoEncodingFunctions.base64_decode_toarray(S("U3RyaW5n0KHR0tGA0L7Rh9C60LA"))));
        Assert.Equal("Test string 123", KustoEncodingFunctions.zlib_decompress_from_base64_string(S("eJwLSS0uUSguKcrMS1cwNDIGACxqBQ4=")).AsString);
        Assert.Equal("", KustoEncodingFunctions.zlib_decompress_from_base64_string(S("bm90IHpsaWI=")).AsString);
        var roundTrip = KustoEncodingFunctions.gzip_decompress_from_base64_string(KustoEncodingFunctions.gzip_compress_to_base64_string(S("1234567890qwertyuiop")));
        Assert.Equal("1234567890qwertyuiop", roundTrip.AsString);
        Assert.Equal("acadmie-franaise-npb1a", KustoEncodingFunctions.punycode_from_string(S("académie-française")).AsString);
        Assert.Equal("académie-française", KustoEncodingFunctions.punycode_to_string(S("acadmie-franaise-npb1a")).AsString);
        Assert.Equal("Rúyì.Jīngū.Bàng.com", KustoEncodingFunctions.punycode_domain_from_string(S("xn--Ry-lja8c.xn--Jng-uta63a.xn--Bng-9ka.com")).AsString);
        Assert.Equal("xn--Riill-jta.xn--Skldskaparml-dbbj.org", KustoEncodingFunctions.punycode_domain_to_string(S("Riðill｡Skáldskaparmál｡org")).AsString);
    }

    [Fact]
    public void Parsers_and_hash()
    {
        Assert.Equal(1_000_000_020_000_000_300_000_004m, KustoEncodingFunctions.parse_version(S("1.2.3.4")).AsDecimal);
        Assert.Equal(300_000_000m, KustoEncodingFunctions.parse_version(S("0.0.3")).AsDecimal);
        Assert.True(KustoEncodingFunctions.parse_version(S("1.2.3.4.5")).IsNull);
        Assert.True(KustoEncodingFunctions.parse_version(S("1.x")).IsNull);
        Assert.Equal("[\"aa\",\"b,b,b\",\"cc\",\"Escaping quotes: \\\"Title\\\"\"]", J(KustoEncodingFunctions.parse_csv(S("aa,\"b,b,b\",cc,\"Escaping quotes: \"\"Title\"\"\""))));
        Assert.Equal("[\"echo\",\"hello world!\"]", J(KustoEncodingFunctions.parse_command_line(S("echo \"hello world!\""), S("windows"))));
        Assert.Equal("[\"a\\\\b\",\"c\\\"d\"]", J(KustoEncodingFunctions.parse_command_line(S("a\\b c\\\"d"), S("windows"))));
        Assert.Equal(1846988464401551951, KustoEncodingFunctions.hash(S("World")).AsLong);
        Assert.InRange(KustoEncodingFunctions.hash(S("World"), L(100)).AsLong, 0, 99);
        Assert.True(KustoEncodingFunctions.hash(Null).IsNull);
    }

    [Fact]
    public void Geo_functions_on_the_sphere()
    {
        var line = D("""{"type":"MultiLineString","coordinates":[[[-73.95798683166502,40.800556090021466],[-73.98193359375,40.76819171855746]],[[-73.94940376281738,40.79691751000055],[-73.97317886352539,40.76435634049001]]]}""");
        Assert.Equal(8262.24339753741, KustoGeoFunctions.geo_line_length(line).AsDouble, 0);
        var park = D("""{"type":"Polygon","coordinates":[[[-73.9495,40.7969],[-73.95807266235352,40.80068603561921],[-73.98201942443848,40.76825672305777],[-73.97317886352539,40.76455136505513],[-73.9495,40.7969]]]}""");
        Assert.Equal(3475207.28346606, KustoGeoFunctions.geo_polygon_area(park).AsDouble, 3475207.28346606 * 1e-6);
        Assert.Equal(9930.30149604938, KustoGeoFunctions.geo_polygon_perimeter(park).AsDouble, 0.01);
        Assert.True(KustoGeoFunctions.geo_point_in_polygon(R(-73.97), R(40.78), park).IsTrue);
        Assert.True(KustoGeoFunctions.geo_point_in_polygon(R(200), R(1), park).IsNull);
        Assert.True(KustoGeoFunctions.geo_point_in_circle(R(-122.201741), R(47.677084), R(-122.317404), R(47.609119), L(18000)).IsTrue);
        Assert.False(KustoGeoFunctions.geo_point_in_circle(R(-123.497688), R(47.458098), R(-122.317404), R(47.609119), L(18000)).IsTrue);
        Assert.Equal(2.94493843406882, KustoGeoFunctions.geo_angle(L(0), L(10), L(0), L(5), L(3), L(-10)).AsDouble, 9);
        Assert.Equal("", KustoGeoFunctions.geo_point_to_geohash(L(1), L(1), Null).AsString);
        Assert.Equal("sunny", KustoGeoFunctions.geo_point_to_geohash(R(42.47), R(23.7), L(5)).AsString);
        Assert.True(KustoGeoFunctions.geo_geohash_to_polygon(S("a")).IsNull);
        Assert.Equal("""{"type":"Polygon","coordinates":[[[0,0],[2,0],[2,2],[0,0]]]}""", J(KustoGeoFunctions.geo_from_wkt(S("POLYGON ((0 0, 2 0, 2 2, 0 0))"))));
        Assert.True(KustoGeoFunctions.geo_from_wkt(S("LINESTRING")).IsNull);
    }

    [Fact]
    public void Array_index_of_and_sort_take_their_documented_options()
    {
        var arr = D("""["this","is","an","example","an","example"]""");
        Assert.Equal(3, KustoDynamicFunctions.array_index_of(arr, S("example"), L(1), L(3)).AsLong);
        Assert.Equal(-1, KustoDynamicFunctions.array_index_of(arr, S("example"), L(1), L(2)).AsLong);
        Assert.Equal(4, KustoDynamicFunctions.array_index_of(arr, S("an"), L(1), L(-1), L(2)).AsLong);
        Assert.Equal(4, KustoDynamicFunctions.array_index_of(arr, S("an"), L(-3)).AsLong);
        Assert.Equal("[null,null,\"blue\",\"green\",\"yellow\"]", J(KustoDynamicFunctions.array_sort_asc(D("[null,\"blue\",\"yellow\",\"green\",null]"), KustoValue.From(false))));
        Assert.Equal("[[1,2,3],[\"c\",\"b\",\"a\"]]", J(KustoDynamicFunctions.array_sort_asc(D("[3,2,1]"), D("[\"a\",\"b\",\"c\"]"))));
        Assert.True(KustoDynamicFunctions.array_sort_asc(S("x")).IsNull);
    }

    [Fact]
    public void Time_zones()
    {
        var local = KustoValue.From(new DateTime(2020, 2, 2, 20, 2, 20));
        Assert.Equal(new DateTime(2020, 2, 3, 4, 2, 20), new DateTime(KustoDateTimeFunctions.datetime_local_to_utc(local, S("US/Pacific")).Ticks));
        Assert.True(KustoDateTimeFunctions.datetime_local_to_utc(local, S("Nowhere/Else")).IsNull);
    }

    [Fact]
    public void Parse_path_and_indexof_regex()
    {
        Assert.Equal("""{"Scheme":"","RootPath":"C:","DirectoryPath":"C:\\temp","DirectoryName":"temp","Filename":"file.txt","Extension":"txt","AlternateDataStreamName":""}""",
            J(KustoDocumentFunctions.parse_path(S(@"C:\temp\file.txt"))));
        Assert.Equal("""{"Scheme":"file","RootPath":"C:","DirectoryPath":"C:/temp","DirectoryName":"temp","Filename":"file.txt","Extension":"txt","AlternateDataStreamName":"some.exe"}""",
            J(KustoDocumentFunctions.parse_path(S("file://C:/temp/file.txt:some.exe"))));
        Assert.Equal("/usr/lib/temp", KustoDocumentFunctions.parse_path(S("/usr/lib/temp/file.txt")).AsBag["DirectoryPath"].AsString);
        Assert.Equal(2, KustoStringFunctions.indexof_regex(S("abcabc"), S("c")).AsLong);
        Assert.Equal(5, KustoStringFunctions.indexof_regex(S("abcabc"), S("c"), L(0), L(-1), L(2)).AsLong);
        Assert.Equal(-1, KustoStringFunctions.indexof_regex(S("abcabc"), S("x")).AsLong);
        Assert.True(KustoStringFunctions.indexof_regex(S("abc"), S("a"), L(-1)).IsNull);
        Assert.Equal("""{"a":{"x":1,"y":2},"b":1}""", KustoDocumentFunctions.dynamic_to_json(D("""{"b":1,"a":{"y":2,"x":1}}""")).AsString);
        Assert.True(KustoDocumentFunctions.unicode_codepoints_to_string(L(0xD800)).IsNull);
    }
}
