using AzureRules.Generators.Formats.Sentinel;
using AzureRules.Generators.Model;
using AzureRules.Tests;
using Xunit;
using static AzureRules.Generators.Tests.Sentinel.SentinelTestRules;

namespace AzureRules.Generators.Tests.Sentinel;

public sealed class SentinelDocPageReaderTests
{
    private static string Seed(string name) => File.ReadAllText(SharedMaterial.Path("seeds", name)!);

    [SharedFact("seeds", "002_0f1a9acc9a6e630d.txt")]
    public void Recognizes_the_Sentinel_seed_page_and_nothing_else()
    {
        Assert.True(SentinelDocPageReader.LooksLike(Seed("002_0f1a9acc9a6e630d.txt")));
        Assert.False(SentinelDocPageReader.LooksLike(Seed("000_3beacc10db38649b.txt")));
        Assert.False(SentinelDocPageReader.LooksLike(Scheduled));
    }

    [SharedFact("seeds", "002_0f1a9acc9a6e630d.txt")]
    public void Reads_every_value_of_the_seed_page()
    {
        const string path = "Rules/seeds/002_0f1a9acc9a6e630d.txt";
        var page = Seed("002_0f1a9acc9a6e630d.txt");
        var file = SentinelDocPageReader.Read(path, page);
        Assert.Empty(file.Diagnostics);
        var rule = Assert.Single(file.Rules);
        Assert.Empty(rule.Diagnostics);

        Assert.Equal(RuleFormat.SentinelDocPage, rule.Format);
        Assert.Equal(RuleFamily.Sentinel, rule.Family);
        Assert.Equal("Hunting", rule.Kind);
        Assert.Equal(path, rule.FilePath);
        Assert.Equal("f19f913f-292a-41ed-9ac0-f3ea5e703d36", rule.Id!.Value.Value);
        Assert.Equal((49, 5), At(rule.Id.Value.Span.Start));
        Assert.Equal("Storage Account Key Enumeration", rule.Name.Value);
        Assert.Equal((50, 7), At(rule.Name.Span.Start));
        Assert.Equal("'This query identifies attackers trying to enumerate the Storage keys as well as updating roles using AzureActivity,SigninLogs \nand  AuditLogs'\n", rule.Description);
        Assert.Null(rule.Severity);
        Assert.Null(rule.Interval);
        Assert.Null(rule.LookBack);
        Assert.Null(rule.TriggerOperator);
        Assert.Null(rule.Version);
        Assert.Equal(["SigninLogs", "AzureActivity", "AuditLogs"], rule.RequiredTables.Items.ToArray());
        Assert.Equal(["AzureActiveDirectory", "AzureActivity"], rule.DataConnectors.Items.ToArray());
        Assert.Equal((55, 18), At(rule.DataConnectorIds[0].Span.Start));
        var threat = Assert.Single(rule.Threat);
        Assert.Equal(["InitialAccess", "LateralMovement"], threat.Tactics.Select(t => t.Value));
        Assert.Equal((65, 5), At(threat.Tactics[0].Span.Start));
        Assert.Equal(["T1586", "T1570"], threat.Techniques.Select(t => t.Value));
        Assert.Equal((68, 5), At(threat.Techniques[0].Span.Start));
        Assert.Equal(
            [("Account", "FullName", "AccountCustomEntity"), ("IP", "Address", "IPCustomEntity")],
            rule.EntityMappings.Select(m => (m.EntityType.Value, m.Fields.Single().Identifier.Value, m.Fields.Single().ColumnName.Value)));
        Assert.Equal((99, 17), At(rule.EntityMappings[0].EntityType.Span.Start));
        Assert.Equal((102, 21), At(rule.EntityMappings[0].Fields[0].ColumnName.Span.Start));
        Assert.Empty(rule.CustomDetails);
        Assert.Empty(rule.Tags);

        // the query: indentation of the block (one space) removed, positions on the page
        var query = rule.Query!;
        Assert.Equal(QueryLanguage.Kusto, rule.Language);
        Assert.StartsWith("SigninLogs \n | where ResultType == \"0\" \n", query.Text);
        Assert.EndsWith("| summarize count () by TimeGenerated,IPCustomEntity=IpAddress,UserRoles,AccountCustomEntity=InitiatedBy,TargetResourceName\n", query.Text);
        var first = query.MapOffset(0);
        Assert.Equal((71, 2), At(first));
        Assert.Equal("SigninLogs", page.Substring(first.Offset, "SigninLogs".Length));
        var auditLogs = query.Text.IndexOf("AuditLogs", StringComparison.Ordinal);
        Assert.Equal((86, 3), At(query.MapOffset(auditLogs)));
        QueryMapAssert.EveryCharacterMapsToItself(query, page);
    }

    [Fact]
    public void Reports_errors_at_page_positions()
    {
        var page = "Title\n\nKQL Query\n\nT\n\nAnalytic Rule Definition\n\nid: not-a-guid\nname: n\nquery: |\n  T\n\nRequired Data Sources\n\nid: ignored\n";
        Assert.True(SentinelDocPageReader.LooksLike(page));
        var rule = Assert.Single(SentinelDocPageReader.Read("page.txt", page).Rules);
        var diagnostic = Assert.Single(rule.Diagnostics);
        Assert.Equal("AR0103", diagnostic.Id);
        Assert.Equal((9, 5), At(diagnostic.Span.Start));
        Assert.Equal("T\n", rule.Query!.Text);
        Assert.Equal((12, 3), At(rule.Query.MapOffset(0)));

        var malformed = SentinelDocPageReader.Read("page.txt", "Analytic Rule Definition\nid: a\n  b: c\n");
        Assert.Equal((3, 4), At(Assert.Single(malformed.Diagnostics).Span.Start));
    }

    [Fact]
    public void A_page_without_the_rule_section_is_not_a_Sentinel_page()
    {
        Assert.False(SentinelDocPageReader.LooksLike("Title\n\nKQL Query\n\nT\n"));
        Assert.Equal("AR0105", Assert.Single(SentinelDocPageReader.Read("page.txt", "Title\n").Diagnostics).Id);
    }
}
