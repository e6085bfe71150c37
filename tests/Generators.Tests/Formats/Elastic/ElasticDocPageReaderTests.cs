using AzureRules.Generators.Formats.Elastic;
using AzureRules.Generators.Model;
using AzureRules.Tests;
using Xunit;

namespace AzureRules.Generators.Tests.Formats.Elastic;

/// <summary>The Elastic documentation page seed is read value by value, exactly.</summary>
public sealed class ElasticDocPageReaderTests
{
    private const string Seed = "000_3beacc10db38649b.txt";

    private static (string Path, string Text) LoadSeed()
    {
        var path = SharedMaterial.Path("seeds", Seed)!;
        return (path, File.ReadAllText(path));
    }

    [SharedFact("seeds", Seed)]
    public void Seed_page_is_recognised()
    {
        Assert.True(ElasticDocPageReader.LooksLike(LoadSeed().Text));
        Assert.False(ElasticDocPageReader.LooksLike("[rule]\nname = \"x\"\n"));
        Assert.False(ElasticDocPageReader.LooksLike("# Just a heading\n\nSome text.\n"));
    }

    [SharedFact("seeds", "002_0f1a9acc9a6e630d.txt")]
    public void The_sentinel_seed_page_is_not_taken_for_an_elastic_page()
        => Assert.False(ElasticDocPageReader.LooksLike(File.ReadAllText(SharedMaterial.Path("seeds", "002_0f1a9acc9a6e630d.txt")!)));

    [SharedFact("seeds", Seed)]
    public void Every_value_of_the_seed_is_read_exactly()
    {
        var (path, text) = LoadSeed();
        var file = ElasticDocPageReader.Read(path, text);
        Assert.Empty(file.Diagnostics);
        var rule = Assert.Single(file.Rules);

        Assert.Equal(RuleFormat.ElasticDocPage, rule.Format);
        Assert.Equal("query", rule.Kind);
        Assert.Equal("Azure Storage Account Key Regenerated", rule.Name.Value);
        Assert.Equal((9, 2), (rule.Name.Span.Start.Line, rule.Name.Span.Start.Column));
        Assert.Equal("Identifies a rotation to storage account access keys in Azure. Regenerating access keys can affect any applications or Azure services that are dependent on the storage account key. Adversaries may regenerate a key as a means of acquiring credentials to access systems and resources.", rule.Description);
        Assert.Equal(["filebeat-*", "logs-azure*"], rule.Indices);
        Assert.Equal("low", rule.Severity!.Value.Value);
        Assert.Equal((20, 14), (rule.Severity.Value.Span.Start.Line, rule.Severity.Value.Span.Start.Column));
        Assert.Equal(21, rule.RiskScore!.Value.Value);
        Assert.Equal((22, 16), (rule.RiskScore.Value.Span.Start.Line, rule.RiskScore.Value.Span.Start.Column));
        Assert.Equal(TimeSpan.FromMinutes(5), rule.Interval);
        Assert.Equal(TimeSpan.FromMinutes(25), rule.LookBack);
        Assert.Equal(100, rule.MaxAlerts);
        Assert.Equal(["https://docs.microsoft.com/en-us/azure/storage/common/storage-account-keys-manage?tabs=azure-portal"], rule.References);
        Assert.Equal(["Elastic", "Cloud", "Azure", "Continuous Monitoring", "SecOps", "Identity and Access"], rule.Tags);
        Assert.Equal("7", rule.Version);
        Assert.Equal(["Elastic"], rule.Authors);
        Assert.Equal("Elastic License v2", rule.License);

        Assert.Equal(QueryLanguage.Kuery, rule.Language);
        var query = rule.Query!;
        Assert.Equal("event.dataset:azure.activitylogs and azure.activitylogs.operation_name:\"MICROSOFT.STORAGE/STORAGEACCOUNTS/REGENERATEKEY/ACTION\" and event.outcome:(Success or success)", query.Text);
        Assert.Equal(path, query.FilePath);
        var start = query.MapOffset(0);
        Assert.Equal((58, 0), (start.Line, start.Column)); // line 59, column 1 of the page
        var outcome = query.MapOffset(query.Text.IndexOf("event.outcome", StringComparison.Ordinal));
        Assert.Equal((58, 132), (outcome.Line, outcome.Column));
        Assert.Equal("event.outcome", text.Substring(outcome.Offset, "event.outcome".Length));

        var threat = Assert.Single(rule.Threat);
        var tactic = Assert.Single(threat.Tactics);
        Assert.Equal("TA0006", tactic.Value);
        Assert.Equal((66, 10), (tactic.Span.Start.Line, tactic.Span.Start.Column));
        var technique = Assert.Single(threat.Techniques);
        Assert.Equal("T1528", technique.Value);
        Assert.Equal((72, 10), (technique.Span.Start.Line, technique.Span.Start.Column));
    }

    [SharedFact("seeds", Seed)]
    public void The_page_has_no_id_so_a_name_based_uuid_is_derived_and_reported()
    {
        var (path, text) = LoadSeed();
        var rule = Assert.Single(ElasticDocPageReader.Read(path, text).Rules);
        Assert.True(rule.IdIsDerived);
        // uuid.uuid5(UUID("6a3c2f0e-8b1d-4c7a-9e52-4f1d0b7e93a1"), "Azure Storage Account Key Regenerated") in Python
        Assert.Equal("b65b8c5e-a856-59aa-9598-7b93149e4dbc", rule.Id!.Value.Value);
        var info = Assert.Single(rule.Diagnostics);
        Assert.Equal("AR0111", info.Id);
        Assert.Equal((10, 3), (info.Span.Start.Line + 1, info.Span.Start.Column + 1));
        Assert.Contains("b65b8c5e-a856-59aa-9598-7b93149e4dbc", info.FormatMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Name_based_ids_follow_rfc_4122_version_5()
    {
        // the RFC's own example namespace: uuid5(NAMESPACE_DNS, "python.org")
        Assert.Equal("886313e1-3b8a-5372-9b90-0c9aee199e5d", NameBasedRuleId.Create(new Guid("6ba7b810-9dad-11d1-80b4-00c04fd430c8"), "python.org"));
        Assert.Equal(NameBasedRuleId.Create("Some rule"), NameBasedRuleId.Create("Some rule"));
        Assert.NotEqual(NameBasedRuleId.Create("Some rule"), NameBasedRuleId.Create("Some rule 2"));
    }

    private const string Page = """
        # Bad Rule [anchor]

        Something.

        **Rule type**: eql

        **Severity**: extreme

        **Risk score**: 150

        **Runs every**: often

        **Searches indices from**: yesterday (see docs)

        ## Rule query [_rule_query_1]

        ```eql
        process where process.name == "a.exe" and
          process.args : "x"
        ```

        **Framework**: MITRE ATT&CK

        * Tactic:

            * Name: Execution
            * ID: TA0002

        * Technique:

            * Name: Command and Scripting Interpreter
            * ID: T1059

        * Sub-technique:

            * Name: PowerShell
            * ID: T1059.001
        """;

    [Fact]
    public void Page_values_that_are_wrong_are_reported_at_their_place()
    {
        var rule = Assert.Single(ElasticDocPageReader.Read("bad.md", Page).Rules);
        var found = rule.Diagnostics.Select(d => $"{d.Id}@{d.Span.Start.Line + 1},{d.Span.Start.Column + 1}").ToArray();
        Assert.Equal(["AR0111@1,3", "AR0109@7,15", "AR0110@9,17", "AR0107@11,17", "AR0108@13,28"], found);
        Assert.Equal(QueryLanguage.Eql, rule.Language);
        Assert.Equal("process where process.name == \"a.exe\" and\n  process.args : \"x\"", rule.Query!.Text);
        var args = rule.Query.MapOffset(rule.Query.Text.IndexOf("process.args", StringComparison.Ordinal));
        Assert.Equal((19, 3), (args.Line + 1, args.Column + 1));
        var threat = Assert.Single(rule.Threat);
        Assert.Equal(["TA0002"], threat.Tactics.Select(t => t.Value));
        Assert.Equal(["T1059", "T1059.001"], threat.Techniques.Select(t => t.Value));
    }
}
