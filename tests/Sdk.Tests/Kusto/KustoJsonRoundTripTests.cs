using AzureRules.Sdk.Kusto;
using AzureRules.Sdk.Kusto.Functions;
using AzureRules.Sdk.Kusto.Scalars;
using Xunit;

namespace AzureRules.Sdk.Tests.Kusto;

/// <summary>
/// <c>parse_json(tostring(x))</c> computed without the text must give exactly what printing and parsing
/// give: the same values of the same types, for values that survive the round trip and those that do not.
/// </summary>
public sealed class KustoJsonRoundTripTests
{
    public static TheoryData<string> Values => new()
    {
        """{"user":{"id":"u","userPrincipalName":"admin@contoso.com","ipAddress":"10.0.0.1"}}""",
        """[{"displayName":"Role1","modifiedProperties":[{"newValue":"\"Owner\""}]}]""",
        """{"n":1,"r":1.5,"big":1E+300,"t":true,"z":null,"e":[],"o":{}}""",
        """{"s":"line\nbreak \"quoted\" \\ tab\t"}""",
        "plain text",
        "{not json",
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void Gives_what_printing_and_parsing_give(string json)
    {
        var value = KustoJson.TryParse(json, out var parsed) ? parsed : KustoValue.From(json);
        AssertSame(Reference(value), KustoJsonRoundTrip.ParseJsonOfText(value));
        // and one level down, as rules write it: parse_json(tostring(Column.member))
        if (value.IsBag)
            foreach (var property in value.AsBag.Properties)
                AssertSame(Reference(property.Value), KustoJsonRoundTrip.ParseJsonOfText(property.Value));
    }

    [Fact]
    public void Values_that_print_as_another_type_go_through_the_text()
    {
        var bag = new KustoBag();
        bag["whole"] = KustoValue.From(2.0);                            // prints "2", reads back a long
        bag["when"] = KustoValue.From(new DateTime(2026, 11, 20, 0, 0, 0, DateTimeKind.Utc)); // reads back a string
        bag["half"] = KustoValue.From("\ud800");                        // half a surrogate pair
        bag["nan"] = KustoValue.From(double.NaN);                       // not JSON: the whole text stays a string
        foreach (var property in bag.Properties)
        {
            var single = new KustoBag();
            single[property.Key] = property.Value;
            var value = KustoValue.Bag(single);
            AssertSame(Reference(value), KustoJsonRoundTrip.ParseJsonOfText(value));
        }
        Assert.Equal(KustoType.Long, KustoJsonRoundTrip.ParseJsonOfText(KustoValue.Bag(Only("whole", KustoValue.From(2.0)))).AsBag["whole"].Type);
    }

    [Fact]
    public void A_value_that_comes_back_unchanged_is_not_copied()
    {
        KustoJson.TryParse("""{"a":{"b":[1,"x",2.5]}}""", out var value);
        Assert.Same(value.AsBag, KustoJsonRoundTrip.ParseJsonOfText(value).AsBag);
    }

    private static KustoBag Only(string key, KustoValue value)
    {
        var bag = new KustoBag();
        bag[key] = value;
        return bag;
    }

    private static KustoValue Reference(KustoValue value) => KustoDynamicFunctions.parse_json(KustoScalarFunctions.tostring(value));

    private static void AssertSame(KustoValue expected, KustoValue actual) => Assert.Equal(Describe(expected), Describe(actual));

    /// <summary>The value with every type spelled out (int and long, real and long differ here).</summary>
    private static string Describe(KustoValue value) => value.Type switch
    {
        KustoType.Dynamic when value.IsArray => "[" + string.Join(",", value.AsArray.Select(Describe)) + "]",
        KustoType.Dynamic when value.IsBag => "{" + string.Join(",", value.AsBag.Properties.Select(p => p.Key + ":" + Describe(p.Value))) + "}",
        _ => value.Type + "(" + KustoFormat.ToText(value) + ")",
    };
}

/// <summary>Text told apart from JSON without the reader must get the reader's answer.</summary>
public sealed class KustoJsonParseTests
{
    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("10.0.22.208")]
    [InlineData("-")]
    [InlineData("-0.5e+3")]
    [InlineData("01")]
    [InlineData("12 ")]
    [InlineData("1.")]
    [InlineData("true")]
    [InlineData(" false ")]
    [InlineData("nullx")]
    [InlineData("null // comment")]
    [InlineData("tru")]
    [InlineData("Succeeded")]
    [InlineData("\"quoted\"")]
    [InlineData("{\"a\":1}")]
    [InlineData("[1,2,]")]
    [InlineData("\u00a0true")]
    public void Agrees_with_the_reader(string text)
    {
        var expected = KustoJson.TryParse(System.Text.Encoding.UTF8.GetBytes(text), out var reference);
        var actual = KustoJson.TryParse(text, out var value);
        Assert.Equal(expected, actual);
        Assert.Equal(KustoFormat.ToText(reference), KustoFormat.ToText(value));
        Assert.Equal(reference.Type, value.Type);
    }
}
