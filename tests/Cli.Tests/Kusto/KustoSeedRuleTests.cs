using AzureRules.Cli.Compilation;
using AzureRules.Generators.Model;
using AzureRules.Sdk.Kusto;
using AzureRules.Tests;
using Xunit;

namespace AzureRules.Cli.Tests.Kusto;

/// <summary>
/// The Sentinel seed rule (storage account key enumeration: sign-ins joined with ListKeys activity
/// joined with role-management audit events) compiled through the real path and run on hand-made rows
/// whose expected result follows Kusto's semantics: inner joins multiply rows, extend reads its input
/// row, summarize count() names its column count_.
/// </summary>
public sealed class KustoSeedRuleTests
{
    private static readonly DateTime Now = new(2024, 5, 1, 12, 0, 0, DateTimeKind.Utc);

    private static string SeedQuery()
    {
        var path = Path.Combine(SharedMaterial.RepositoryRoot, "src", "Rules", "Rules", "seeds", "002_0f1a9acc9a6e630d.txt");
        var lines = File.ReadAllLines(path);
        var start = Array.FindIndex(lines, l => l.StartsWith("query: |", StringComparison.Ordinal));
        var query = lines.Skip(start + 1).TakeWhile(l => l.Length == 0 || l[0] == ' ').Select(l => l.Length > 0 ? l[1..] : l);
        return string.Join("\n", query);
    }

    private static KustoDetection Compile(string query)
    {
        var library = RuleLibrary.FromDefinitions([AdHocRules.Create(QueryLanguage.Kusto, query)]);
        // the hand-made tables (T, L, R) are unknown to the workspace: a warning, not an error
        Assert.DoesNotContain(library.Diagnostics, d => d.Id.StartsWith("AR03", StringComparison.Ordinal) && d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
        var detection = Assert.IsAssignableFrom<KustoDetection>(Assert.Single(library.Detections));
        Assert.True(detection.IsExecutable, detection.NotExecutableReason);
        return detection;
    }

    private static KustoTable Events(params string[] lines) => KustoEventReader.FromJsonLines(lines);

    private static KustoContext SeedContext()
    {
        var signins = KustoEventReader.FromJsonLines(
        [
            """{"TimeGenerated":"2024-05-01T10:00:00Z","ResultType":"0","AppDisplayName":"Azure Portal","UserPrincipalName":"alice@contoso.com","IPAddress":"10.0.0.1"}""",
            """{"TimeGenerated":"2024-05-01T10:01:00Z","ResultType":"0","AppDisplayName":"Office 365 Exchange Online","UserPrincipalName":"alice@contoso.com","IPAddress":"10.0.0.1"}""",
            """{"TimeGenerated":"2024-05-01T10:02:00Z","ResultType":"50126","AppDisplayName":"Azure Portal","UserPrincipalName":"mallory@contoso.com","IPAddress":"10.0.0.1"}""",
            """{"TimeGenerated":"2024-05-01T10:03:00Z","ResultType":"0","AppDisplayName":"Azure CLI","UserPrincipalName":"alice@contoso.com","IPAddress":"10.0.0.1"}""",
            """{"TimeGenerated":"2024-05-01T10:04:00Z","ResultType":"0","AppDisplayName":"Azure Portal","UserPrincipalName":"bob@contoso.com","IPAddress":"10.0.0.2"}""",
        ], schema: [new("TimeGenerated", KustoType.DateTime), new("ResultType", KustoType.String)]);
        var activity = Events(
            """{"TimeGenerated":"2024-05-01T10:05:00Z","OperationNameValue":"MICROSOFT.STORAGE/STORAGEACCOUNTS/LISTKEYS/ACTION","ActivityStatus":"Succeeded","CallerIpAddress":"10.0.0.1","SubscriptionId":"sub-1","OperationName":"List Storage Account Keys","Category":"Administrative","_ResourceId":"/subscriptions/sub-1/sa1","Authorization":{"action":"listKeys"}}""",
            """{"TimeGenerated":"2024-05-01T10:06:00Z","OperationNameValue":"MICROSOFT.STORAGE/STORAGEACCOUNTS/LISTKEYS/ACTION","ActivityStatus":"Failed","CallerIpAddress":"10.0.0.1","SubscriptionId":"sub-1","OperationName":"List Storage Account Keys","Category":"Administrative","_ResourceId":"/subscriptions/sub-1/sa1","Authorization":{}}""",
            """{"TimeGenerated":"2024-05-01T10:07:00Z","OperationNameValue":"MICROSOFT.STORAGE/STORAGEACCOUNTS/READ","ActivityStatus":"Succeeded","CallerIpAddress":"10.0.0.1","SubscriptionId":"sub-1","OperationName":"Get Storage Account","Category":"Administrative","_ResourceId":"/subscriptions/sub-1/sa1","Authorization":{}}""",
            """{"TimeGenerated":"2024-05-01T10:08:00Z","OperationNameValue":"Microsoft.Storage/storageAccounts/listKeys/action","ActivityStatus":"succeeded","CallerIpAddress":"10.0.0.1","SubscriptionId":"sub-2","OperationName":"List Storage Account Keys","Category":"Administrative","_ResourceId":"/subscriptions/sub-2/sa2","Authorization":{}}""",
            """{"TimeGenerated":"2024-05-01T10:09:00Z","OperationNameValue":"Microsoft.Storage/storageAccounts/listKeys/action","ActivityStatus":"Succeeded","CallerIpAddress":"10.0.0.9","SubscriptionId":"sub-3","OperationName":"List Storage Account Keys","Category":"Administrative","_ResourceId":"/subscriptions/sub-3/sa3","Authorization":{}}""");
        var audit = Events(
            """{"TimeGenerated":"2024-05-01T11:00:00Z","LoggedByService":"Core Directory","Category":"RoleManagement","OperationName":"Add member to role","InitiatedBy":{"user":{"userPrincipalName":"admin@contoso.com","ipAddress":"10.0.0.1"}},"TargetResources":[{"displayName":"Global Administrator"}]}""",
            """{"TimeGenerated":"2024-05-01T11:01:00Z","LoggedByService":"Core Directory","Category":"UserManagement","OperationName":"Update user","InitiatedBy":{"user":{"userPrincipalName":"admin@contoso.com","ipAddress":"10.0.0.1"}},"TargetResources":[{"displayName":"Someone"}]}""",
            """{"TimeGenerated":"2024-05-01T11:02:00Z","LoggedByService":"Core Directory","Category":"RoleManagement","OperationName":"Add member to role","InitiatedBy":{"app":{"displayName":"Automation App","ipAddress":null}},"TargetResources":[{"displayName":"Reader"}]}""",
            """{"TimeGenerated":"2024-05-01T11:03:00Z","LoggedByService":"core directory","Category":"rolemanagement","OperationName":"Add member to role","InitiatedBy":{"user":{"userPrincipalName":"admin2@contoso.com","ipAddress":"10.0.0.1"}},"TargetResources":[{"displayName":"User Administrator"}]}""",
            """{"TimeGenerated":"2024-05-01T11:04:00Z","LoggedByService":"PIM","Category":"RoleManagement","OperationName":"Add member to role","InitiatedBy":{"user":{"userPrincipalName":"admin3@contoso.com","ipAddress":"10.0.0.1"}},"TargetResources":[{"displayName":"Reader"}]}""");
        return new KustoContext(Now, new Dictionary<string, KustoTable>
        {
            ["SigninLogs"] = signins,
            ["AzureActivity"] = activity,
            ["AuditLogs"] = audit,
        });
    }

    [Fact]
    public void Seed_query_returns_the_rows_Kusto_returns()
    {
        var detection = Compile(SeedQuery());
        var result = detection.Execute(SeedContext());

        Assert.Equal(["TimeGenerated", "IPCustomEntity", "UserRoles", "AccountCustomEntity", "TargetResourceName", "count_"],
            result.Columns.Select(c => c.Name));
        // 2 successful non-excluded sign-ins from 10.0.0.1 × 2 successful ListKeys from it = 4 rows,
        // each joined with both role-management events initiated from 10.0.0.1: two groups of 4
        var rows = result.RowsAsText().Select(r => string.Join(" | ", r)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(
        [
            "2024-05-01T11:00:00Z | 10.0.0.1 | 10.0.0.1 | admin@contoso.com | global administrator | 4",
            "2024-05-01T11:03:00Z | 10.0.0.1 | 10.0.0.1 | admin2@contoso.com | user administrator | 4",
        ], rows);
    }

    [Fact]
    public void Seed_query_without_matching_activity_returns_nothing()
    {
        var detection = Compile(SeedQuery());
        var context = SeedContext();
        var empty = new KustoContext(Now, name => name == "AzureActivity" ? KustoTable.Empty : context.Table(name));
        Assert.Equal(0, detection.Execute(empty).RowCount);
    }

    [Fact]
    public void Extend_expressions_read_the_input_row()
    {
        var detection = Compile("""
            T
            | extend A = "new", B = strcat(A, "-b")
            """);
        var result = detection.Execute(new KustoContext(Now, new Dictionary<string, KustoTable> { ["T"] = Events("""{"A":"old"}""") }));
        Assert.Equal(["new", "old-b"], result.RowsAsText().Single());
    }

    [Fact]
    public void Default_join_is_innerunique_and_dedupes_the_left_side()
    {
        var detection = Compile("""
            L | join (R) on Key
            """);
        var context = new KustoContext(Now, new Dictionary<string, KustoTable>
        {
            ["L"] = Events("""{"Key":1,"Left":"a"}""", """{"Key":1,"Left":"b"}""", """{"Key":2,"Left":"c"}"""),
            ["R"] = Events("""{"Key":1,"Right":"x"}""", """{"Key":1,"Right":"y"}"""),
        });
        var result = detection.Execute(context);
        Assert.Equal(["Key", "Left", "Key1", "Right"], result.Columns.Select(c => c.Name));
        Assert.Equal(["1 a 1 x", "1 a 1 y"], result.RowsAsText().Select(r => string.Join(" ", r)));
    }

    [Fact]
    public void Unsupported_operator_is_a_warning_and_the_rule_says_why()
    {
        var library = RuleLibrary.FromDefinitions([AdHocRules.Create(QueryLanguage.Kusto, "T\n| evaluate python(typeof(x:string), \"result = df\")")]);
        var warning = Assert.Single(library.Diagnostics, d => d.Id == "AR0350");
        Assert.Equal(1, warning.Location.GetLineSpan().StartLinePosition.Line);
        var detection = Assert.Single(library.Detections);
        Assert.False(detection.IsExecutable);
        Assert.Contains("evaluate", detection.NotExecutableReason);
    }
}

public sealed class KustoSummarizeExpressionTests
{
    [Fact]
    public void Summarize_items_may_compute_over_aggregates()
    {
        var library = RuleLibrary.FromDefinitions([AdHocRules.Create(QueryLanguage.Kusto, """
            datatable(User:string, T:datetime) [
                "a", datetime(2024-01-01 10:00), "a", datetime(2024-01-01 10:30), "b", datetime(2024-01-01 11:00)]
            | summarize Minutes = datetime_diff('minute', max(T), min(T)), count() by User
            """)]);
        var detection = Assert.IsAssignableFrom<KustoDetection>(Assert.Single(library.Detections));
        var result = detection.Execute(new KustoContext(DateTime.UtcNow, _ => null));
        Assert.Equal(["User", "Minutes", "count_"], result.Columns.Select(c => c.Name));
        Assert.Equal(["a 30 2", "b 0 1"], result.RowsAsText().Select(r => string.Join(" ", r)));
    }
}

public sealed class KustoWhereAssignmentTests
{
    [Fact]
    public void Where_with_an_assignment_filters_on_the_value_as_Kusto_does()
    {
        // Log Analytics keeps every row of `where IsBillable = true`: the name only labels the predicate
        var library = AzureRules.Cli.Compilation.RuleLibrary.FromDefinitions(
            [AzureRules.Cli.Compilation.AdHocRules.Create(AzureRules.Generators.Model.QueryLanguage.Kusto, "T | where IsBillable = true")]);
        var detection = Assert.IsAssignableFrom<KustoDetection>(Assert.Single(library.Detections));
        Assert.Contains(library.Diagnostics, d => d.Id == "AR0328");
        var table = KustoEventReader.FromJsonLines(["""{"IsBillable":false}""", """{"IsBillable":true}"""]);
        var result = detection.Execute(new KustoContext(DateTime.UtcNow, new Dictionary<string, KustoTable> { ["T"] = table }));
        Assert.Equal(2, result.RowCount);
    }
}
