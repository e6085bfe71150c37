using AzureRules.Generators.Kusto.Symbols;
using Xunit;
using static AzureRules.Generators.Tests.Kusto.Binding.BindingTestHelper;

namespace AzureRules.Generators.Tests.Kusto.Binding;

/// <summary>Result types and argument checks per family of built-in functions.</summary>
public sealed class FunctionSignatureTests
{
    [Theory]
    // strings
    [InlineData("strlen(Computer)", "long")]
    [InlineData("tolower(Computer)", "string")]
    [InlineData("strcat(Computer, EventID, 1.5)", "string")]
    [InlineData("split(Computer, '.')", "dynamic")]
    [InlineData("extract('a(b)', 1, Computer)", "string")]
    [InlineData("indexof(Computer, 'x')", "int")]
    // conversions and conditionals
    [InlineData("toint(Computer)", "int")]
    [InlineData("todynamic(Computer)", "dynamic")]
    [InlineData("parse_json(Computer)", "dynamic")]
    [InlineData("iff(EventID > 1, Computer, 'x')", "string")]
    [InlineData("iif(EventID > 1, 1.5, 2.5)", "real")]
    [InlineData("case(EventID == 1, 'a', EventID == 2, 'b', 'c')", "string")]
    [InlineData("coalesce(Account, Computer)", "string")]
    [InlineData("isnotempty(Account)", "bool")]
    // numbers and time
    [InlineData("bin(TimeGenerated, 1h)", "datetime")]
    [InlineData("bin(Bytes, 100)", "long")]
    [InlineData("round(1.234, 2)", "real")]
    [InlineData("abs(EventID)", "int")]
    [InlineData("EventID + Bytes", "long")]
    [InlineData("Bytes / 2.0", "real")]
    [InlineData("now() - TimeGenerated", "timespan")]
    [InlineData("TimeGenerated + 1d", "datetime")]
    [InlineData("datetime_diff('minute', now(), TimeGenerated)", "long")]
    [InlineData("startofday(TimeGenerated)", "datetime")]
    [InlineData("dayofweek(TimeGenerated)", "timespan")]
    // dynamic values and IP addresses
    [InlineData("array_length(Properties)", "long")]
    [InlineData("bag_keys(Properties)", "dynamic")]
    [InlineData("pack('a', Computer)", "dynamic")]
    [InlineData("Properties.a.b", "dynamic")]
    [InlineData("ipv4_is_private(Computer)", "bool")]
    [InlineData("ipv4_is_in_range(Computer, '10.0.0.0/8')", "bool")]
    public void Scalar_functions_have_their_documented_result_type(string expression, string type)
    {
        var schema = Output($"Events | project x = {expression}");
        Assert.Equal(type, schema.Find("x")!.Type.Name());
    }

    [Theory]
    [InlineData("makeset", "make_set")]
    [InlineData("makelist", "make_list")]
    [InlineData("parsejson", "parse_json")]
    [InlineData("columnifexists", "column_ifexists")]
    [InlineData("arraylength", "array_length")]
    public void Deprecated_aliases_name_their_replacement(string alias, string replacement)
    {
        var signature = BuiltinFunctions.Find(alias);
        Assert.NotNull(signature);
        Assert.Equal(replacement, signature!.ReplacedBy);
    }

    [Theory]
    [InlineData("iif", "iff")]
    [InlineData("todynamic", "parse_json")]
    public void Synonyms_are_not_deprecated(string alias, string target)
    {
        var signature = BuiltinFunctions.Find(alias)!;
        Assert.Null(signature.ReplacedBy);
        Assert.Equal(BuiltinFunctions.Find(target)!.Parameters.Count, signature.Parameters.Count);
    }

    [Theory]
    [InlineData("strcat", 1, int.MaxValue)]
    [InlineData("substring", 2, 3)]
    [InlineData("iff", 3, 3)]
    [InlineData("count", 0, 1)]
    [InlineData("dcount", 1, 2)]
    [InlineData("arg_max", 2, int.MaxValue)]
    [InlineData("bag_pack", 0, int.MaxValue)]
    public void Signatures_know_optional_and_variadic_parameters(string name, int min, int max)
    {
        var signature = BuiltinFunctions.Find(name)!;
        Assert.Equal(min, signature.MinArguments);
        Assert.Equal(max, signature.MaxArguments);
    }

    [Theory]
    [InlineData("Events | extend x = substring(Computer)")]
    [InlineData("Events | extend x = iff(true, 1)")]
    [InlineData("Events | extend x = now(1h, 2h)")]
    public void Too_few_or_too_many_arguments_are_reported(string query)
        => Assert.Contains(Bind(query).Diagnostics, d => d.Id == "AR0323");

    [Theory]
    [InlineData("Events | extend x = ago(TimeGenerated)")]       // datetime where a timespan is needed
    [InlineData("Events | extend x = tolower(TimeGenerated)")]   // datetime where a string is needed
    [InlineData("Events | extend x = datetime_diff('day', Computer, now())")]
    public void Impossible_argument_types_are_reported(string query)
        => Assert.Contains(Bind(query).Diagnostics, d => d.Id == "AR0324");

    [Theory]
    [InlineData("Events | extend x = tolower(Properties.name)")]  // dynamic converts at run time
    [InlineData("Events | extend x = ago(2h)")]
    [InlineData("Events | extend x = strlen(tostring(EventID))")]
    [InlineData("Events | extend x = bin(Bytes, 10)")]
    public void Convertible_arguments_are_accepted(string query) => Output(query);

    [Theory]
    [InlineData("tostring")] [InlineData("make_set")] [InlineData("arg_max")] [InlineData("extract_all")]
    [InlineData("parse_xml")] [InlineData("series_decompose_anomalies")] [InlineData("row_window_session")]
    [InlineData("ipv4_is_private")] [InlineData("has_any_ipv4")] [InlineData("base64_decode_tostring")]
    public void Functions_the_corpus_calls_are_in_the_catalog(string name) => Assert.NotNull(BuiltinFunctions.Find(name));
}
