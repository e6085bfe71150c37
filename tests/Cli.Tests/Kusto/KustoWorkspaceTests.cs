using AzureRules.Cli.Compilation;
using AzureRules.Sdk.Kusto;
using Xunit;

namespace AzureRules.Cli.Tests.Kusto;

/// <summary>
/// What a Sentinel workspace has beyond tables: saved functions and parsers (Sentinel parser YAML or a .kql
/// body named as its file), bound and expanded at each call so the rule is checked against their real output
/// and runs through their real body; and watchlists, read from CSV files by <c>_GetWatchlist</c>.
/// </summary>
public sealed class KustoWorkspaceTests : IDisposable
{
    private static readonly DateTime Now = new(2024, 5, 1, 12, 0, 0, DateTimeKind.Utc);
    private readonly string _folder = Directory.CreateTempSubdirectory("azrules-workspace-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>An ASIM-style filtering parser: typed parameters with defaults, a built-in alias.</summary>
    private const string DnsParser = """
        Parser:
          Title: DNS activity
        ParserName: imDnsDemo
        EquivalentBuiltInParser: _Im_DnsDemo
        ParserParams:
          - Name: domain_has_any
            Type: dynamic
            Default: dynamic([])
          - Name: responsecodename
            Type: string
            Default: '*'
        ParserQuery: |
          DnsDemo_CL
          | where (array_length(domain_has_any) == 0 or Name_s has_any (domain_has_any))
              and (responsecodename == '*' or Code_s =~ responsecodename)
          | project TimeGenerated, DnsQuery = Name_s, DnsResponseCodeName = Code_s, SrcIpAddr = Client_s
        """;

    private const string DnsTable = """
        { "Name": "DnsDemo_CL", "Properties": [
            { "name": "TimeGenerated", "type": "datetime" }, { "name": "Name_s", "type": "string" },
            { "name": "Code_s", "type": "string" }, { "name": "Client_s", "type": "string" } ] }
        """;

    private static string Rule(string query) => $"""
        id: 0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e
        name: Workspace function demo
        description: Calls a workspace function.
        severity: Medium
        queryFrequency: 1h
        queryPeriod: 1h
        triggerOperator: gt
        triggerThreshold: 0
        tactics:
          - CommandAndControl
        relevantTechniques:
          - T1071
        query: |
        {string.Join("\n", query.Split('\n').Select(l => "  " + l))}
        version: 1.0.0
        kind: Scheduled
        """;

    private static RuleLibrary Compile(string query, params ProjectFileText[] projectFiles)
        => RuleLibrary.FromFiles([("/repo/Rules/demo.yaml", Rule(query))], projectFiles: projectFiles);

    private static ProjectFileText Function(string path, string text) => new(path, text, "kusto-function");
    private static ProjectFileText Table(string text) => new("/repo/schemas/DnsDemo_CL.json", text, "sentinel-table");

    private static KustoDetection Executable(RuleLibrary library)
    {
        Assert.DoesNotContain(library.Diagnostics, d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
        var detection = Assert.IsAssignableFrom<KustoDetection>(Assert.Single(library.Detections));
        Assert.True(detection.IsExecutable, detection.NotExecutableReason);
        return detection;
    }

    private static KustoContext Dns(KustoWatchlists? watchlists = null) => new(Now, new Dictionary<string, KustoTable>
    {
        ["DnsDemo_CL"] = KustoEventReader.FromJsonLines(
        [
            """{"TimeGenerated":"2024-05-01T11:00:00Z","Name_s":"pool.minexmr.com","Code_s":"NOERROR","Client_s":"10.0.0.1"}""",
            """{"TimeGenerated":"2024-05-01T11:01:00Z","Name_s":"www.contoso.com","Code_s":"NOERROR","Client_s":"10.0.0.2"}""",
            """{"TimeGenerated":"2024-05-01T11:02:00Z","Name_s":"nothere.contoso.com","Code_s":"NXDOMAIN","Client_s":"10.0.0.3"}""",
        ], schema: [new("TimeGenerated", KustoType.DateTime)]),
    }) { Watchlists = watchlists ?? KustoWatchlists.None };

    [Fact]
    public void A_parser_called_by_its_builtin_alias_with_a_named_argument_filters_through_its_body()
    {
        var detection = Executable(Compile("""
            let miners = dynamic(['minexmr.com']);
            _Im_DnsDemo(domain_has_any=miners)
            | project DnsQuery, SrcIpAddr
            """, Function("/repo/parsers/imDnsDemo.yaml", DnsParser), Table(DnsTable)));
        var result = detection.Execute(Dns());
        Assert.Equal(["DnsQuery", "SrcIpAddr"], result.Columns.Select(c => c.Name));
        var row = Assert.Single(result.RowsAsText());
        Assert.Equal(["pool.minexmr.com", "10.0.0.1"], row);
    }

    [Fact]
    public void Parameters_without_an_argument_take_their_defaults_and_a_later_positional_argument_fills_the_next_parameter()
    {
        var library = Compile("""
            imDnsDemo
            | count
            """, Function("/repo/parsers/imDnsDemo.yaml", DnsParser), Table(DnsTable));
        Assert.Equal("3", Assert.Single(Executable(library).Execute(Dns()).RowsAsText())[0]);

        var positional = Compile("""
            imDnsDemo(dynamic([]), 'nxdomain')
            | project DnsQuery
            """, Function("/repo/parsers/imDnsDemo.yaml", DnsParser), Table(DnsTable));
        Assert.Equal("nothere.contoso.com", Assert.Single(Executable(positional).Execute(Dns()).RowsAsText())[0]);
    }

    [Fact]
    public void A_column_the_parser_does_not_return_is_an_error_at_the_rule_and_one_it_returns_is_not()
    {
        var library = Compile("""
            imDnsDemo
            | where DnsQueryTypeName == 'A'
            """, Function("/repo/parsers/imDnsDemo.yaml", DnsParser), Table(DnsTable));
        var error = Assert.Single(library.Diagnostics, d => d.Id == "AR0321");
        Assert.Contains("DnsQueryTypeName", error.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("/repo/Rules/demo.yaml", error.Location.GetLineSpan().Path);
    }

    [Fact]
    public void A_kql_file_is_a_function_named_as_the_file_and_may_call_other_workspace_functions()
    {
        const string body = """
            // solution parser: the NXDOMAIN answers
            imDnsDemo(responsecodename='NXDOMAIN')
            | extend Failed = true
            """;
        var detection = Executable(Compile("""
            DnsFailures
            | project DnsQuery, Failed
            """, Function("/repo/parsers/imDnsDemo.yaml", DnsParser), Function("/repo/parsers/DnsFailures.kql", body), Table(DnsTable)));
        Assert.Equal(["nothere.contoso.com", "true"], Assert.Single(detection.Execute(Dns()).RowsAsText()));
    }

    [Fact]
    public void A_query_let_of_the_same_name_shadows_the_workspace_function()
    {
        var detection = Executable(Compile("""
            let imDnsDemo = () { print DnsQuery = 'shadowed' };
            imDnsDemo
            """, Function("/repo/parsers/imDnsDemo.yaml", DnsParser), Table(DnsTable)));
        Assert.Equal("shadowed", Assert.Single(detection.Execute(Dns()).RowsAsText())[0]);
    }

    [Fact]
    public void A_fuzzy_union_leaves_out_a_leg_that_calls_a_function_the_workspace_lacks_and_a_strict_union_cannot_run()
    {
        const string broken = """
            FunctionName: vimDnsBroken
            FunctionQuery: |
              DnsDemo_CL
              | invoke _ASIM_NotInThisWorkspace()
            """;
        var files = new[] { Function("/repo/parsers/imDnsDemo.yaml", DnsParser), Function("/repo/parsers/broken.yaml", broken), Table(DnsTable) };
        var detection = Executable(Compile("""
            union isfuzzy=true imDnsDemo, vimDnsBroken
            | count
            """, files));
        Assert.Equal("3", Assert.Single(detection.Execute(Dns()).RowsAsText())[0]);

        var strict = Assert.Single(Compile("union imDnsDemo, vimDnsBroken", files).Detections);
        Assert.False(strict.IsExecutable);
        Assert.Contains("vimDnsBroken", strict.NotExecutableReason);
    }

    [Fact]
    public void A_function_file_with_a_syntax_error_is_reported_at_the_file()
    {
        var library = Compile("print x = 1", Function("/repo/parsers/bad.yaml", """
            FunctionName: Bad
            FunctionQuery: |
              DnsDemo_CL | where (
            """));
        var error = Assert.Single(library.Diagnostics, d => d.Id == "AR0903");
        Assert.Equal("/repo/parsers/bad.yaml", error.Location.GetLineSpan().Path);
        Assert.Contains("Bad", error.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void GetWatchlist_reads_the_csv_with_sentinels_columns_first_and_joins_like_a_table()
    {
        File.WriteAllText(Path.Combine(_folder, "MinerDomains.csv"), "Domain,Owner\nminexmr.com,\"Ops, Team\"\ncontoso.com,IT\n");
        var detection = Executable(Compile("""
            let domains = _GetWatchlist('MinerDomains') | project SearchKey;
            _GetWatchlist('MinerDomains')
            | project SearchKey, Domain, Owner, Item = tostring(WatchlistItem.Owner), HasId = isnotempty(_DTItemId)
            """));
        var result = detection.Execute(Dns(KustoWatchlists.FromFolder(_folder)));
        Assert.Equal(["SearchKey", "Domain", "Owner", "Item", "HasId"], result.Columns.Select(c => c.Name));
        Assert.Equal([["minexmr.com", "minexmr.com", "Ops, Team", "Ops, Team", "true"], ["contoso.com", "contoso.com", "IT", "IT", "true"]], result.RowsAsText());
    }

    [Fact]
    public void The_search_key_column_can_be_named_in_watchlists_tsv()
    {
        File.WriteAllText(Path.Combine(_folder, "VIPUsers.csv"), "Name,UserPrincipalName\nAlice,alice@contoso.com\n");
        File.WriteAllText(Path.Combine(_folder, "watchlists.tsv"), "VIPUsers\tUserPrincipalName\n");
        var table = KustoWatchlists.FromFolder(_folder).Read("VIPUsers");
        Assert.Equal(["_DTItemId", "LastUpdatedTimeUTC", "SearchKey", "WatchlistItem", "Name", "UserPrincipalName"], table.Columns.Select(c => c.Name));
        Assert.Equal("alice@contoso.com", table[0, "SearchKey"].AsString);
        // the item id is stable from run to run
        Assert.Equal(table[0, "_DTItemId"].AsString, KustoWatchlists.FromFolder(_folder).Read("VIPUsers")[0, "_DTItemId"].AsString);
    }

    [Fact]
    public void A_missing_watchlist_is_a_run_time_error_naming_it_never_an_empty_table()
    {
        var detection = Executable(Compile("_GetWatchlist('TerminatedEmployees') | project SearchKey"));
        var none = Assert.Throws<KustoWatchlistException>(() => detection.Execute(Dns()));
        Assert.Contains("TerminatedEmployees", none.Message);
        Assert.Contains("--watchlists", none.Message);
        var missing = Assert.Throws<KustoWatchlistException>(() => detection.Execute(Dns(KustoWatchlists.FromFolder(_folder))));
        Assert.Contains("TerminatedEmployees.csv", missing.Message);
        Assert.Throws<KustoWatchlistException>(() => KustoWatchlists.FromFolder(_folder).Read("../secrets"));
    }

    [Fact]
    public void Named_arguments_of_a_let_function_go_to_their_parameters_in_any_order()
    {
        var detection = Executable(Compile("""
            let f = (a:long, b:long = 10, c:long = 100) { a - b + c };
            print x = f(c=1000, a=5), y = f(7, c=0), z = f(b=1, a=2)
            """));
        Assert.Equal(["995", "-3", "101"], Assert.Single(detection.Execute(Dns()).RowsAsText()));
    }
}
