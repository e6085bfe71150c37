using AzureRules.Generators.Kusto.Syntax;
using Xunit;

namespace AzureRules.Generators.Tests.Kusto.Syntax;

public sealed class QueryOperatorTests
{
    [Theory]
    [InlineData("T | where x > 1", typeof(WhereOperator))]
    [InlineData("T | filter x > 1", typeof(WhereOperator))]
    [InlineData("T | extend a = 1, b = x * 2", typeof(ExtendOperator))]
    [InlineData("T | extend (a, b) = (1)", typeof(ExtendOperator))]
    [InlineData("T | project a, b = c", typeof(ProjectOperator))]
    [InlineData("T | project-away a, b_*, *_s", typeof(ProjectColumnsOperator))]
    [InlineData("T | project-keep a*", typeof(ProjectColumnsOperator))]
    [InlineData("T | project-reorder b, a asc", typeof(ProjectColumnsOperator))]
    [InlineData("T | project-rename New = Old, ['a b'] = c", typeof(ProjectRenameOperator))]
    [InlineData("T | summarize count(), dcount(x, 2), countif(y > 1), arg_max(TimeGenerated, *) by bin(TimeGenerated, 1h), k = tostring(a)", typeof(SummarizeOperator))]
    [InlineData("T | summarize hint.strategy=shuffle c = count() by k", typeof(SummarizeOperator))]
    [InlineData("T | summarize by a, b", typeof(SummarizeOperator))]
    [InlineData("T | summarize (t, v) = arg_max(ts, v) by k", typeof(SummarizeOperator))]
    [InlineData("T | lookup kind=leftouter (U) on Key", typeof(LookupOperator))]
    [InlineData("T | union U, (V | where x), W*", typeof(UnionOperator))]
    [InlineData("T | mv-expand bagexpansion=array with_itemindex=i a to typeof(string), b limit 10", typeof(MvExpandOperator))]
    [InlineData("T | mvexpand a", typeof(MvExpandOperator))]
    [InlineData("T | mv-apply e = Events to typeof(dynamic) on (where e.x == 1 | take 1)", typeof(MvApplyOperator))]
    [InlineData("T | parse Msg with * \"user=\" User:string \" id=\" Id:long *", typeof(ParseOperator))]
    [InlineData("T | parse kind=regex flags=i Msg with @\"(\\d+)\" N:long", typeof(ParseOperator))]
    [InlineData("T | parse-where kind=relaxed Msg with \"a\" A", typeof(ParseOperator))]
    [InlineData("T | parse-kv Text as (User:string, Port:long) with (pair_delimiter=',', kv_delimiter='=')", typeof(ParseKvOperator))]
    [InlineData("T | make-series n = count() default = 0 on TimeGenerated from ago(1d) to now() step 1h by Computer", typeof(MakeSeriesOperator))]
    [InlineData("T | make-series n = count() on TimeGenerated in range(ago(7d), now(), 1d) by Caller", typeof(MakeSeriesOperator))]
    [InlineData("T | top 10 by Count desc nulls last", typeof(TopOperator))]
    [InlineData("T | top-nested 3 of a by c = count(), top-nested 2 of b with others = 0 by sum(x) desc", typeof(TopNestedOperator))]
    [InlineData("T | top-hitters 5 of a by b", typeof(TopHittersOperator))]
    [InlineData("T | sort by a asc, b desc nulls first", typeof(SortOperator))]
    [InlineData("T | order by a", typeof(SortOperator))]
    [InlineData("T | take 10", typeof(TakeOperator))]
    [InlineData("T | limit 10", typeof(TakeOperator))]
    [InlineData("T | distinct a, b", typeof(DistinctOperator))]
    [InlineData("T | distinct *", typeof(DistinctOperator))]
    [InlineData("T | count", typeof(CountOperator))]
    [InlineData("T | evaluate bag_unpack(d)", typeof(EvaluateOperator))]
    [InlineData("T | evaluate hint.distribution=per_node autocluster(0.5, '~')", typeof(EvaluateOperator))]
    [InlineData("T | as hint.materialized=true X", typeof(AsOperator))]
    [InlineData("T | invoke f(1)", typeof(InvokeOperator))]
    [InlineData("T | serialize rn = row_number()", typeof(SerializeOperator))]
    [InlineData("T | serialize", typeof(SerializeOperator))]
    [InlineData("T | render timechart with (title=\"x\", ycolumns=a)", typeof(RenderOperator))]
    [InlineData("T | render barchart", typeof(RenderOperator))]
    [InlineData("T | getschema", typeof(GetSchemaOperator))]
    [InlineData("T | sample 5", typeof(SampleOperator))]
    [InlineData("T | sample-distinct 5 of a", typeof(SampleDistinctOperator))]
    [InlineData("T | search \"error\"", typeof(SearchOperator))]
    [InlineData("search in (T, U) x has \"a\"", typeof(SearchOperator))]
    [InlineData("find in (T, U*) where x == 1 project a, b", typeof(FindOperator))]
    [InlineData("T | fork (where a | take 1) named = (count)", typeof(ForkOperator))]
    [InlineData("T | facet by a, b with (top 1 by c)", typeof(FacetOperator))]
    [InlineData("T | partition hint.strategy=native by k (top 1 by t)", typeof(PartitionOperator))]
    [InlineData("print a = 1, 'b'", typeof(PrintOperator))]
    [InlineData("range x from 1 to 10 step 1", typeof(RangeOperator))]
    [InlineData("datatable (a:string, b:long) [\"x\", 1, \"y\", -2, ]", typeof(DataTableOperator))]
    [InlineData("externaldata (a:string) [@\"https://x/y.csv\"] with (format=\"csv\", ignoreFirstRecord=true)", typeof(ExternalDataOperator))]
    [InlineData("union isfuzzy=true withsource=TableName kind=outer Security*, (U | take 1)", typeof(UnionOperator))]
    [InlineData("T | scan declare (s:string) with (step a: x == 1;)", typeof(ScanOperator))]
    public void Every_operator_parses_into_its_node(string query, Type expected)
    {
        var expression = ParseAssert.Expression(query);
        var last = expression is PipeExpression pipe ? pipe.Operators.Items.Last() : expression;
        Assert.IsType(expected, last);
    }

    [Theory]
    [InlineData("inner")] [InlineData("innerunique")] [InlineData("leftouter")] [InlineData("rightouter")]
    [InlineData("fullouter")] [InlineData("leftanti")] [InlineData("anti")] [InlineData("leftantisemi")]
    [InlineData("rightanti")] [InlineData("rightantisemi")] [InlineData("leftsemi")] [InlineData("rightsemi")]
    public void Join_kinds_are_read(string kind)
    {
        var join = ParseAssert.LastOperator<JoinOperator>($"T | join kind={kind} hint.strategy=broadcast (U | where b) on a, $left.x == $right.y and $left.z == $right.w");
        Assert.Equal(kind, join.Kind);
        Assert.Equal("broadcast", join.ParameterText("hint.strategy"));
        Assert.Equal(3, join.On.Count);
    }

    [Fact]
    public void Join_without_kind_has_no_kind_and_may_name_a_table()
    {
        var join = ParseAssert.LastOperator<JoinOperator>("T | join U on Id");
        Assert.Null(join.Kind);
        Assert.Equal("U", Assert.IsType<NameReference>(join.Right).Name);
        Assert.Equal("Id", Assert.IsType<NameReference>(Assert.Single(join.On)).Name);
    }

    [Fact]
    public void Union_options_and_wildcard_tables()
    {
        var union = Assert.IsType<UnionOperator>(ParseAssert.Expression("union isfuzzy=true withsource=Src Security*, T"));
        Assert.Equal("true", union.ParameterText("isfuzzy"));
        Assert.Equal("Src", union.ParameterText("withsource"));
        Assert.Equal("Security*", Assert.IsType<WildcardName>(union.Tables[0]).Pattern);
    }

    [Fact]
    public void Parse_pattern_holds_strings_stars_and_typed_columns()
    {
        var parse = ParseAssert.LastOperator<ParseOperator>("T | parse Msg with * \"user=\" User \" port=\" Port:long");
        Assert.Collection(parse.Pattern.Items,
            p => Assert.IsType<StarExpression>(p),
            p => Assert.Equal("user=", Assert.IsType<LiteralExpression>(p).Value),
            p => Assert.Null(Assert.IsType<ColumnDeclaration>(p).Type),
            p => Assert.Equal(" port=", Assert.IsType<LiteralExpression>(p).Value),
            p => Assert.Equal("long", Assert.IsType<ColumnDeclaration>(p).Type!.Name));
    }

    [Fact]
    public void Mv_expand_item_with_a_target_type()
    {
        var expand = ParseAssert.LastOperator<MvExpandOperator>("T | mv-expand bagexpansion=array Path to typeof(string) limit 5");
        Assert.Equal("string", Assert.Single(expand.Items).ToType!.Name);
        Assert.Equal(5L, Assert.IsType<LiteralExpression>(expand.Limit).Value);
        Assert.Equal("array", expand.ParameterText("bagexpansion"));
    }

    [Fact]
    public void Mv_apply_subquery_starts_with_an_operator()
    {
        var apply = ParseAssert.LastOperator<MvApplyOperator>("T | mv-apply x = xs to typeof(long) on (top 1 by x | project x)");
        var inner = Assert.IsType<PipeExpression>(Assert.IsType<ParenthesizedExpression>(apply.Subquery).Expression);
        Assert.Null(inner.Source);
        Assert.IsType<TopOperator>(inner.Operators[0]);
    }

    [Fact]
    public void Make_series_keeps_axis_range_and_default()
    {
        var series = ParseAssert.LastOperator<MakeSeriesOperator>("T | make-series n = count() default = 0 on TimeGenerated from ago(1d) to now() step 1h by Computer");
        Assert.Equal(0L, Assert.IsType<LiteralExpression>(Assert.Single(series.Aggregates).Default).Value);
        Assert.Equal("TimeGenerated", Assert.IsType<NameReference>(series.Axis).Name);
        Assert.Equal(TimeSpan.FromHours(1), Assert.IsType<LiteralExpression>(series.Step).Value);
        Assert.Single(series.By);
    }

    [Fact]
    public void Datatable_values_are_row_major()
    {
        var table = Assert.IsType<DataTableOperator>(ParseAssert.Expression("datatable (a:string, b:long) [\"x\", 1, \"y\", -2]"));
        Assert.Equal(["a", "b"], table.Schema.Columns.Select(c => c.Name.Name));
        Assert.Equal(-2L, Assert.IsType<LiteralExpression>(table.Values[3]).Value);
    }
}
