using Xunit;
using static AzureRules.Generators.Tests.Kusto.Binding.BindingTestHelper;

namespace AzureRules.Generators.Tests.Kusto.Binding;

/// <summary>One test per binding diagnostic, and the conservative cases that must stay silent.</summary>
public sealed class BinderDiagnosticTests
{
    [Fact]
    public void Unknown_table_is_reported_at_its_name()
        => Single("Event | take 1", "AR0320", "Event");

    [Fact]
    public void Unknown_column_is_reported_at_its_name()
    {
        var d = Single("Events | where Computr == 'a'", "AR0321", "Computr");
        Assert.Equal("Computr", d.Arguments[0]);
    }

    [Fact]
    public void Unknown_function_is_reported_at_its_name()
        => Single("Events | extend x = tolowr(Computer)", "AR0322", "tolowr");

    [Fact]
    public void Wrong_argument_count_is_reported_at_the_function_name()
    {
        var d = Single("Events | extend n = strlen(Computer, 2)", "AR0323", "strlen");
        Assert.Equal(new[] { "strlen", "1", "2" }, d.Arguments.Items.ToArray());
    }

    [Fact]
    public void Wrong_argument_type_is_reported_at_the_argument()
        => Single("Events | extend d = startofday(Computer)", "AR0324", "Computer");

    [Fact]
    public void Deprecated_function_names_are_reported_as_information()
        => Single("Events | summarize makeset(Computer)", "AR0325", "makeset");

    [Fact]
    public void Aggregate_outside_summarize_is_reported()
        => Single("Events | extend c = dcount(Computer)", "AR0326", "dcount");

    [Fact]
    public void Wrong_argument_count_of_a_let_function_is_reported()
        => Single("let f = (a:string, b:long = 1) { Events | where Computer == a }; f('x', 2, 3)", "AR0323", "f");

    [Theory]
    [InlineData("AADServicePrincipalSignInLogs | extend x = parse_json(NoSuchColumn)")]
    [InlineData("AADServicePrincipalSignInLogs | where Location != '' | extend a = 1 | extend LocationDetails = iif(isnotempty(a), a, parse_json(NoSuchColumn))")]
    [InlineData("AADServicePrincipalSignInLogs | project NoSuchColumn")]
    public void Columns_missing_from_an_incomplete_published_schema_are_warnings(string query)
        => Assert.Equal("AR0327", Assert.Single(Bind(query, AzureRules.Generators.Kusto.Symbols.KustoGlobals.Sentinel).Diagnostics).Id);

    [Fact]
    public void Unknown_table_is_a_warning_and_its_columns_are_not_checked()
        => Single("MyCustomLogs_CL | where Anything == 1 | project Other", "AR0320", "MyCustomLogs_CL");

    [Theory]
    [InlineData("Events | where Properties.a.b[0].c == 'x'")]                    // dynamic accepts any property
    [InlineData("Events | extend x = Properties['key with space']")]
    [InlineData("Events | evaluate bag_unpack(Properties) | where Anything == 1")] // schema known only at run time
    [InlineData("union isfuzzy=true Events, NotATable | where Computer != ''")]    // isfuzzy tolerates missing tables
    [InlineData("Events | extend a = 1, b = a + 1")]                                // earlier item of the same extend
    [InlineData("Events | extend Computer = tolower(Computer), c = strlen(Computer)")]
    [InlineData("Events | extend x = iff(EventID > 4, 'a', 'b') | extend y = iif(x == 'a', 1, 2)")]
    [InlineData("Events | extend x = column_ifexists('NoSuchColumn', '')")]
    [InlineData("Events | summarize count() by Computer | where count_ > 5")]
    [InlineData("Events | extend t = extract('(x)', 1, Computer, typeof(long))")]
    [InlineData("let T = Events | where EventID == 1; T | join (Logons) on Account | project Computer, IPAddress")]
    [InlineData("Events | join kind=leftouter (Logons) on $left.Account == $right.Account | where isnotempty(Account1)")]
    [InlineData("Events | where Computer in ((Logons | project Account))")]
    [InlineData("Events | mv-apply p = Properties on (where p.x == 1)")]
    [InlineData("GetUsers('a') | where UserName startswith 'adm'")]
    [InlineData("datatable(a:string, b:long) ['x', 1] | where b > 0 | project a")]
    [InlineData("range x from 1 to 5 step 1 | extend y = x * 2")]
    public void Valid_queries_bind_silently(string query) => Output(query);
}
