using AzureRules.Generators.Kusto.Syntax;
using Xunit;

namespace AzureRules.Generators.Tests.Kusto.Syntax;

/// <summary>Less common constructs of the language as the Sentinel corpus writes them.</summary>
public sealed class MoreConstructTests
{
    [Theory]
    [InlineData("T | where d.['a b'] == 1")]
    [InlineData("T | where $left.X == 1")]
    [InlineData("T | extend x = d.a.b[0].c['e'][1]")]
    [InlineData("T | where a in~ ('x') and b !in~ ('y')")]
    [InlineData("T | where a has_any (dynamic(['x', 'y']))")]
    [InlineData("T | summarize make_set(x, 100), percentile(y, 95), take_any(*) by bin_at(t, 1h, datetime(2020-01-01))")]
    [InlineData("T | where t > ago(1d) and t < now(-5m)")]
    [InlineData("T | extend n = tolong(x) % 2, r = 1.0 * a / b")]
    [InlineData("T | evaluate bag_unpack(d) : (a:string, b:long)")]
    [InlineData("externaldata kind=storage (a:string) [h@'https://x/y?sig=secret']")]
    [InlineData("let T = datatable(a:long)[1, 2, 3];\nT | union withsource=S T*")]
    [InlineData("union (T | take 1), (U | take 1) | count")]
    [InlineData("let f = () { T };\nf()")]
    [InlineData("let f = view () { T };\nf")]
    [InlineData("T | where x matches regex @\"^\\d+$\"")]
    [InlineData("T | project-reorder b desc, a")]
    [InlineData("T | sort by a nulls first")]
    [InlineData("T | where x between (datetime(2020-01-01) .. 1d)")]
    [InlineData("T | where isnotempty(x) and not(isempty(y)) or x == iff(a, 'b', 'c')")]
    [InlineData("T | extend c = case(a > 1, 'x', a > 0, 'y', 'z')")]
    [InlineData("T\n| where // comment with 'quote\n  x == '//not a comment'")]
    [InlineData("T | where x == ```a\nb```")]
    [InlineData("T | where x == ~~~a~~~")]
    [InlineData("search kind=case_sensitive \"x\"")]
    [InlineData("T | find where x == 1")]
    [InlineData("T | lookup (U) on $left.a == $right.b")]
    [InlineData("T | join kind=leftouter hint.remote=auto U on a")]
    [InlineData("T | parse-where kind=regex flags=Ui x with \"(a)\" A:string")]
    [InlineData("T | mv-expand kind=array x")]
    [InlineData("T | summarize arg_max(t, *) by k | project-away t")]
    [InlineData("T | extend ['a b'] = 1 | project ['a b']")]
    [InlineData("T | where todatetime(x) > datetime(2021-03-01T00:00:00.000Z)")]
    [InlineData("T | where x == 5tick or y == 1.5h or z == 2days")]
    [InlineData("print toscalar(T | summarize max(x))")]
    [InlineData("range i from 1 to 3 step 1 | extend j = i * 2")]
    public void Parses_without_errors(string query) => ParseAssert.Valid(query);

    [Fact]
    public void Union_as_a_source_takes_subqueries_then_the_pipe_applies_to_the_union()
    {
        var pipe = Assert.IsType<PipeExpression>(ParseAssert.Expression("union (T | take 1), (U | take 1) | count"));
        Assert.Equal(2, Assert.IsType<UnionOperator>(pipe.Source).Tables.Count);
        Assert.IsType<CountOperator>(Assert.Single(pipe.Operators));
    }

    [Fact]
    public void Evaluate_keeps_the_plugin_call()
    {
        var evaluate = ParseAssert.LastOperator<EvaluateOperator>("T | evaluate ipv4_lookup(Ranges, Ip, Network)");
        Assert.Equal("ipv4_lookup", evaluate.Plugin.Name.Name);
        Assert.Equal(3, evaluate.Plugin.Arguments.Count);
    }

    [Fact]
    public void Render_with_properties()
    {
        var render = ParseAssert.LastOperator<RenderOperator>("T | render timechart with (title='t', ysplit=panels)");
        Assert.Equal("timechart", render.Chart.Name);
        Assert.Equal(["title", "ysplit"], render.With.Select(p => p.Name));
    }

    [Fact]
    public void Sort_keys_keep_direction_and_nulls()
    {
        var sort = ParseAssert.LastOperator<SortOperator>("T | order by a desc nulls last, b asc");
        Assert.Equal(SortDirection.Descending, sort.By[0].Direction);
        Assert.Equal(NullsPosition.Last, sort.By[0].Nulls);
        Assert.Equal(SortDirection.Ascending, sort.By[1].Direction);
        Assert.Null(sort.By[1].Nulls);
    }

    [Fact]
    public void Project_away_wildcards_need_touching_stars()
    {
        var away = ParseAssert.LastOperator<ProjectColumnsOperator>("T | project-away Col_*, *Id, a");
        Assert.Equal(ProjectColumnsKind.Away, away.Kind);
        Assert.Equal("Col_*", Assert.IsType<WildcardName>(away.Columns[0]).Pattern);
        Assert.Equal("*Id", Assert.IsType<WildcardName>(away.Columns[1]).Pattern);
        Assert.Equal("a", Assert.IsType<NameReference>(away.Columns[2]).Name);
    }

    [Fact]
    public void Datetime_now_is_a_call_to_now()
        => Assert.Equal("now", Assert.IsType<FunctionCallExpression>(Assert.Single(Assert.IsType<PrintOperator>(ParseAssert.Expression("print datetime(now)")).Expressions)).Name.Name);
}
