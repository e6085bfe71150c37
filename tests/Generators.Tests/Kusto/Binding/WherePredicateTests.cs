using AzureRules.Generators.Kusto.Parsing;
using Xunit;
using static AzureRules.Generators.Tests.Kusto.Binding.BindingTestHelper;

namespace AzureRules.Generators.Tests.Kusto.Binding;

/// <summary>
/// `where X = value` is valid Kusto (Log Analytics runs it: the name labels the predicate), but it
/// never compares: a warning, and an error when the value is no bool.
/// </summary>
public sealed class WherePredicateTests
{
    [Fact]
    public void Assignment_in_where_parses()
        => Assert.False(KustoParser.Parse("Logons | where Success = true").HasErrors);

    [Fact]
    public void Assignment_of_a_bool_in_where_is_a_warning_at_the_assignment()
    {
        var d = Single("Logons | where Success = true", "AR0328", "Success = true");
        Assert.Equal("Success", d.Arguments[0]);
    }

    [Fact]
    public void Assignment_of_a_string_in_where_is_also_an_error_at_the_value()
    {
        var result = Bind("Events | where Computer = 'cmd.exe'");
        Assert.Equal(["AR0328", "AR0329"], result.Diagnostics.Select(d => d.Id).Order());
        var error = result.Diagnostics.Single(d => d.Id == "AR0329");
        Assert.Equal("'cmd.exe'", "Events | where Computer = 'cmd.exe'".Substring(error.Start, error.Length));
    }

    [Fact]
    public void A_non_bool_predicate_is_an_error()
        => Single("Events | where Computer", "AR0329", "Computer");

    [Fact]
    public void A_comparison_is_silent()
        => Assert.Empty(Bind("Logons | where Success == true").Diagnostics);
}
