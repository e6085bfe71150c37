using AzureRules.Generators.Kusto.Symbols;
using AzureRules.Tests;
using Xunit;
using static AzureRules.Generators.Tests.Kusto.Binding.BindingTestHelper;

namespace AzureRules.Generators.Tests.Kusto.Binding;

/// <summary>The Sentinel workspace schemas and the seed rule's query (two joins over SigninLogs, AzureActivity, AuditLogs).</summary>
public sealed class SentinelSeedBindingTests
{
    private static string SeedQuery()
    {
        var path = Path.Combine(SharedMaterial.RepositoryRoot, "src", "Rules", "Rules", "seeds", "002_0f1a9acc9a6e630d.txt");
        var lines = File.ReadAllLines(path);
        var start = Array.FindIndex(lines, l => l.StartsWith("query: |", StringComparison.Ordinal)) + 1;
        var query = new List<string>();
        for (var i = start; i < lines.Length && (lines[i].StartsWith(" ", StringComparison.Ordinal) || lines[i].Length == 0); i++)
            query.Add(lines[i].Length > 0 ? lines[i].Substring(1) : "");
        return string.Join("\n", query);
    }

    [Fact]
    public void Seed_query_binds_without_diagnostics_and_returns_the_mapped_columns()
    {
        var output = Output(SeedQuery(), KustoGlobals.Sentinel);
        Assert.Equal("TimeGenerated, IPCustomEntity, UserRoles, AccountCustomEntity, TargetResourceName, count_", Names(output));
        Assert.False(output.IsOpen);
    }

    [Theory]
    [InlineData("AzureActivity", "ActivityStatus")]
    [InlineData("AzureActivity", "Category")]
    [InlineData("AzureActivity", "OperationName")]
    [InlineData("AzureActivity", "_ResourceId")]
    [InlineData("AzureActivity", "ActivitySubstatus")]
    [InlineData("AuditLogs", "Category")]
    [InlineData("AuditLogs", "InitiatedBy")]
    [InlineData("SigninLogs", "AutonomousSystemNumber")]
    [InlineData("SigninLogs", "Type")]
    [InlineData("SigninLogs", "_SubscriptionId")]
    [InlineData("AlertInfo", "AttackTechniques")]
    [InlineData("CloudAppEvents", "RawEventData")]
    [InlineData("IdentityLogonEvents", "LogonType")]
    public void Sentinel_workspace_serves_documented_columns(string table, string column)
        => Assert.True(KustoGlobals.Sentinel.FindTable(table)?.Schema.Contains(column), $"{table}.{column}");

    [Fact]
    public void Sentinel_workspace_keeps_the_ci_types_and_sources()
    {
        var signin = KustoGlobals.Sentinel.FindTable("SigninLogs")!;
        Assert.Equal("builtin", signin.Source);
        Assert.Equal(ScalarType.Dynamic, signin.Schema.Find("LocationDetails")!.Type);
        Assert.Equal(ScalarType.Bool, signin.Schema.Find("IsInteractive")!.Type);
        Assert.StartsWith("https://learn.microsoft.com/", KustoGlobals.Sentinel.FindTable("AlertInfo")!.Source);
    }

    [Fact]
    public void Sentinel_stored_functions_have_parameters_and_result_columns()
    {
        var watchlist = KustoGlobals.Sentinel.FindFunction("_GetWatchlist")!;
        Assert.Single(watchlist.Parameters);
        Assert.True(watchlist.Result.Contains("SearchKey"));
        Assert.Equal("SearchKey", Names(Output("_GetWatchlist('VIP') | project SearchKey", KustoGlobals.Sentinel)));
    }
}
