using AzureRules.Rules;
using AzureRules.Sdk.Detections;
using AzureRules.Sdk.Mitre;
using Xunit;

namespace AzureRules.Rules.Tests;

/// <summary>The classes generated from the two seed files carry exactly the files' values.</summary>
public sealed class SeedMetadataTests
{
    private static RuleMetadata Rule(string name) => GeneratedRules.All.Single(r => r.Metadata.Name == name).Metadata;

    [Fact]
    public void Both_seed_rules_are_compiled_into_the_library()
    {
        Assert.Equal(2, GeneratedRules.All.Count);
        Assert.NotNull(GeneratedRules.Find(new Guid("f19f913f-292a-41ed-9ac0-f3ea5e703d36")));
        Assert.IsType<AzureStorageAccountKeyRegenerated>(GeneratedRules.All.Single(r => r.Metadata.Family == RuleFamily.Elastic));
    }

    [Fact]
    public void The_elastic_documentation_page_seed()
    {
        var m = Rule("Azure Storage Account Key Regenerated");
        Assert.True(m.IdIsDerived);
        Assert.Equal(new Guid("b65b8c5e-a856-59aa-9598-7b93149e4dbc"), m.Id);
        Assert.Equal(RuleFamily.Elastic, m.Family);
        Assert.Equal("query", m.Kind);
        Assert.Equal(QueryLanguage.Kuery, m.Language);
        Assert.StartsWith("Identifies a rotation to storage account access keys in Azure.", m.Description);
        Assert.Equal(Severity.Low, m.Severity);
        Assert.Equal(21, m.RiskScore);
        Assert.Equal(TimeSpan.FromMinutes(5), m.Interval);
        Assert.Equal(TimeSpan.FromMinutes(25), m.LookBack);
        Assert.Equal(100, m.MaxAlerts);
        Assert.Equal(["filebeat-*", "logs-azure*"], m.Indices);
        Assert.Equal(["Elastic", "Cloud", "Azure", "Continuous Monitoring", "SecOps", "Identity and Access"], m.Tags);
        Assert.Equal(["https://docs.microsoft.com/en-us/azure/storage/common/storage-account-keys-manage?tabs=azure-portal"], m.References);
        Assert.Equal("7", m.Version);
        Assert.Equal(["Elastic"], m.Authors);
        Assert.Equal("Elastic License v2", m.License);
        Assert.Equal([Tactics.CredentialAccess], m.Tactics);
        Assert.Equal([Techniques.T1528], m.Techniques);
        Assert.Equal("event.dataset:azure.activitylogs and azure.activitylogs.operation_name:\"MICROSOFT.STORAGE/STORAGEACCOUNTS/REGENERATEKEY/ACTION\" and event.outcome:(Success or success)", m.Query);
        Assert.Equal(AzureStorageAccountKeyRegenerated.Query, m.Query);
    }

    [Fact]
    public void The_sentinel_rule_page_seed()
    {
        var m = Rule("Storage Account Key Enumeration");
        Assert.False(m.IdIsDerived);
        Assert.Equal(RuleFamily.Sentinel, m.Family);
        Assert.Equal("Hunting", m.Kind);
        Assert.Equal(QueryLanguage.Kusto, m.Language);
        Assert.Null(m.Interval);
        Assert.StartsWith("'This query identifies attackers trying to enumerate the Storage keys", m.Description);
        Assert.Equal(["SigninLogs", "AzureActivity", "AuditLogs"], m.RequiredTables);
        // ATT&CK puts T1586 under Resource Development, not under the rule's tactics (a warning at build):
        // the mapping is kept as written, under the rule's first tactic
        Assert.Equal([Tactics.InitialAccess, Tactics.LateralMovement], m.Tactics);
        Assert.Equal([Techniques.T1586, Techniques.T1570], m.Techniques);
        Assert.Equal(2, m.EntityMappings.Count);
        Assert.Equal(("Account", "FullName", "AccountCustomEntity"), (m.EntityMappings[0].EntityType, m.EntityMappings[0].Fields[0].Identifier, m.EntityMappings[0].Fields[0].ColumnName));
        Assert.Equal(("IP", "Address", "IPCustomEntity"), (m.EntityMappings[1].EntityType, m.EntityMappings[1].Fields[0].Identifier, m.EntityMappings[1].Fields[0].ColumnName));
        Assert.StartsWith("SigninLogs \n | where ResultType == \"0\"", m.Query);
        Assert.EndsWith("| summarize count () by TimeGenerated,IPCustomEntity=IpAddress,UserRoles,AccountCustomEntity=InitiatedBy,TargetResourceName\n", m.Query);
    }
}
