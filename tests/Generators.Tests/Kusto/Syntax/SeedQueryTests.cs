using AzureRules.Generators.Kusto.Syntax;
using Xunit;

namespace AzureRules.Generators.Tests.Kusto.Syntax;

/// <summary>The Sentinel seed rule's query (shared/seeds/002), the first query the product must run.</summary>
public sealed class SeedQueryTests
{
    internal const string SeedQuery = """
        SigninLogs 
          | where ResultType == "0" 
          | where AppDisplayName !in ("Office 365 Exchange Online", "Skype for Business Online", "Office 365 SharePoint Online")
          | project  SuccessLogonTime = TimeGenerated,UserPrincipalName, IPAddress,SuccessAppDisplayName = AppDisplayName
          |  join kind=inner
          (
          AzureActivity
          | where tolower(OperationNameValue) endswith "listkeys/action"
          | where ActivityStatus =~ "Succeeded"
          | project CallerIpAddress, _ResourceId, SubscriptionId, ActivityStatus, Category, Authorization,OperationName
          )
          on $left.IPAddress == $right. CallerIpAddress
          | project SubscriptionId, ActivityStatus, IPAddress, OperationName, UserPrincipalName
          | join kind=inner 
          (
          AuditLogs
          | where LoggedByService =~ "Core Directory"
          | where Category =~ "RoleManagement"
          | extend IpAddress = case(
           isnotempty(tostring(parse_json(tostring(InitiatedBy.user)).ipAddress)) and tostring(parse_json(tostring(InitiatedBy.user)).ipAddress) != 'null', tostring(parse_json(tostring(InitiatedBy.user)).ipAddress), 
          isnotempty(tostring(parse_json(tostring(InitiatedBy.app)).ipAddress)) and tostring(parse_json(tostring(InitiatedBy.app)).ipAddress) != 'null', tostring(parse_json(tostring(InitiatedBy.app)).ipAddress),'Not Available')
          | extend InitiatedBy = iff(isnotempty(tostring(parse_json(tostring(InitiatedBy.user)).userPrincipalName)), 
            tostring(parse_json(tostring(InitiatedBy.user)).userPrincipalName), tostring(parse_json(tostring(InitiatedBy.app)).displayName)), UserRoles = tostring(parse_json(tostring(InitiatedBy.user)).ipAddress)
          | extend TargetResourceName = tolower(tostring(TargetResources.[0].displayName))  
          ) 
          on $left. IPAddress == $right. IpAddress
          | summarize count () by TimeGenerated,IPCustomEntity=IpAddress,UserRoles,AccountCustomEntity=InitiatedBy,TargetResourceName
        """;

    [Fact]
    public void The_seed_query_parses_into_a_pipeline_of_seven_operators()
    {
        var pipe = Assert.IsType<PipeExpression>(ParseAssert.Expression(SeedQuery));
        Assert.Equal("SigninLogs", Assert.IsType<NameReference>(pipe.Source).Name);
        Assert.Equal(
            ["Where", "Where", "Project", "Join", "Project", "Join", "Summarize"],
            pipe.Operators.Select(o => o.GetType().Name.Replace("Operator", "")));
    }

    [Fact]
    public void Joins_keep_their_kind_right_side_and_left_right_conditions()
    {
        var pipe = Assert.IsType<PipeExpression>(ParseAssert.Expression(SeedQuery));
        var join = Assert.IsType<JoinOperator>(pipe.Operators[3]);
        Assert.Equal("inner", join.Kind);
        var right = Assert.IsType<PipeExpression>(Assert.IsType<ParenthesizedExpression>(join.Right).Expression);
        Assert.Equal("AzureActivity", Assert.IsType<NameReference>(right.Source).Name);
        var condition = Assert.IsType<BinaryExpression>(Assert.Single(join.On));
        Assert.Equal(BinaryOperatorKind.Equal, condition.Operator);
        var left = Assert.IsType<PathExpression>(condition.Left);
        Assert.Equal("$left", Assert.IsType<NameReference>(left.Target).Name);
        Assert.Equal("IPAddress", left.Member.Name);
        var rightSide = Assert.IsType<PathExpression>(condition.Right); // "$right. CallerIpAddress", with a space
        Assert.Equal("$right", Assert.IsType<NameReference>(rightSide.Target).Name);
        Assert.Equal("CallerIpAddress", rightSide.Member.Name);
    }

    [Fact]
    public void Dynamic_access_with_an_index_after_a_dot_is_an_element_then_a_member()
    {
        var extend = Assert.IsType<PipeExpression>(ParseAssert.Expression("AuditLogs | extend N = tolower(tostring(TargetResources.[0].displayName))")).Operators[0];
        var named = Assert.IsType<NamedExpression>(Assert.Single(Assert.IsType<ExtendOperator>(extend).Expressions));
        var tostring = Assert.IsType<FunctionCallExpression>(Assert.Single(Assert.IsType<FunctionCallExpression>(named.Value).Arguments));
        var path = Assert.IsType<PathExpression>(Assert.Single(tostring.Arguments));
        Assert.Equal("displayName", path.Member.Name);
        var element = Assert.IsType<ElementExpression>(path.Target);
        Assert.Equal("TargetResources", Assert.IsType<NameReference>(element.Target).Name);
        Assert.Equal(0L, Assert.IsType<LiteralExpression>(element.Index).Value);
    }

    [Fact]
    public void Summarize_count_with_a_space_and_named_group_keys()
    {
        var pipe = Assert.IsType<PipeExpression>(ParseAssert.Expression(SeedQuery));
        var summarize = Assert.IsType<SummarizeOperator>(pipe.Operators.Items.Last());
        var count = Assert.IsType<FunctionCallExpression>(Assert.Single(summarize.Aggregates));
        Assert.Equal("count", count.Name.Name);
        Assert.Empty(count.Arguments);
        Assert.Equal(5, summarize.By.Count);
        var named = Assert.IsType<NamedExpression>(summarize.By[1]);
        Assert.Equal("IPCustomEntity", named.Name.Name);
        Assert.Equal("IpAddress", Assert.IsType<NameReference>(named.Value).Name);
    }

    [Fact]
    public void Not_in_and_case_insensitive_equality_and_endswith()
    {
        var notIn = Assert.IsType<InExpression>(ParseAssert.Predicate("AppDisplayName !in (\"a\", \"b\")"));
        Assert.Equal(InOperatorKind.NotIn, notIn.Operator);
        Assert.Equal(2, notIn.Values.Count);
        Assert.Equal(BinaryOperatorKind.EqualCaseInsensitive, Assert.IsType<BinaryExpression>(ParseAssert.Predicate("ActivityStatus =~ \"Succeeded\"")).Operator);
        Assert.Equal(BinaryOperatorKind.EndsWith, Assert.IsType<BinaryExpression>(ParseAssert.Predicate("tolower(X) endswith \"listkeys/action\"")).Operator);
    }
}
