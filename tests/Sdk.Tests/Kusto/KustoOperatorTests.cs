using AzureRules.Sdk.Kusto;
using AzureRules.Sdk.Kusto.Operators;
using AzureRules.Sdk.Kusto.Scalars;
using Xunit;

namespace AzureRules.Sdk.Tests.Kusto;

/// <summary>The runtime's tabular operators on hand-made tables, as generated code calls them.</summary>
public sealed class KustoOperatorTests
{
    private static KustoTable Table(params string[] jsonLines) => KustoEventReader.FromJsonLines(jsonLines);

    private static KustoBinder Column(string name) => s => { var slot = s.Slot(name); return r => r.Col(slot); };

    private static string[] Text(KustoTable table) => [.. table.RowsAsText().Select(r => string.Join(" ", r))];

    private static readonly KustoTable Left = Table("""{"k":1,"l":"a"}""", """{"k":1,"l":"b"}""", """{"k":2,"l":"c"}""", """{"k":null,"l":"n"}""");
    private static readonly KustoTable Right = Table("""{"k":1,"r":"x"}""", """{"k":1,"r":"y"}""", """{"k":3,"r":"z"}""", """{"k":null,"r":"m"}""");

    private static string[] Join(KustoJoinKind kind) => Text(KustoOperators.Join(Left, Right, kind, ["k"], ["k"]));

    [Fact]
    public void Join_kinds_follow_Kusto()
    {
        Assert.Equal(["1 a 1 x", "1 a 1 y"], Join(KustoJoinKind.InnerUnique));
        Assert.Equal(["1 a 1 x", "1 a 1 y", "1 b 1 x", "1 b 1 y"], Join(KustoJoinKind.Inner));
        Assert.Equal(["1 a 1 x", "1 a 1 y", "1 b 1 x", "1 b 1 y", "2 c  ", " n  "], Join(KustoJoinKind.LeftOuter));
        Assert.Equal(["1 a 1 x", "1 a 1 y", "1 b 1 x", "1 b 1 y", "  3 z", "   m"], Join(KustoJoinKind.RightOuter));
        Assert.Equal(6 + 2, Join(KustoJoinKind.FullOuter).Length);
        Assert.Equal(["2 c", " n"], Join(KustoJoinKind.LeftAnti));
        Assert.Equal(["1 a", "1 b"], Join(KustoJoinKind.LeftSemi));
        Assert.Equal(["3 z", " m"], Join(KustoJoinKind.RightAnti));
        Assert.Equal(["1 x", "1 y"], Join(KustoJoinKind.RightSemi));
    }

    [Fact]
    public void Join_suffixes_conflicting_right_columns()
    {
        var result = KustoOperators.Join(Left, Right, KustoJoinKind.Inner, ["k"], ["k"]);
        Assert.Equal(["k", "l", "k1", "r"], result.Columns.Select(c => c.Name));
    }

    [Fact]
    public void Summarize_groups_in_first_seen_order_and_without_keys_returns_one_row()
    {
        var result = KustoOperators.Summarize(Left, ["k"], s => [Column("k")(s)],
            [new KustoAggregate(["count_"], KustoAccumulators.Count, _ => []), new KustoAggregate(["set_l"], KustoAccumulators.MakeSet, s => [Column("l")(s)])]);
        Assert.Equal(["1 2 [\"a\",\"b\"]", "2 1 [\"c\"]", " 1 [\"n\"]"], Text(result));

        var empty = KustoOperators.Summarize(KustoTable.Empty, [], _ => [], [new KustoAggregate(["count_"], KustoAccumulators.Count, _ => [])]);
        Assert.Equal(["0"], Text(empty));
    }

    [Fact]
    public void Extend_evaluates_every_expression_against_the_input_row()
    {
        var input = Table("""{"A":"old"}""");
        var result = KustoOperators.Extend(input, ["A", "B"], s =>
        {
            var a = s.Slot("A");
            return [_ => KustoValue.From("new"), r => KustoValue.From(r.Col(a).AsString + "-b")];
        });
        Assert.Equal(["new old-b"], Text(result));
    }

    [Fact]
    public void Sort_places_nulls_first_ascending_and_last_descending()
    {
        var input = Table("""{"v":2}""", """{"v":null}""", """{"v":1}""");
        Assert.Equal(["", "1", "2"], Text(KustoOperators.Sort(input, [new KustoSortKey(Column("v"), Descending: false)])));
        Assert.Equal(["2", "1", ""], Text(KustoOperators.Sort(input, [new KustoSortKey(Column("v"), Descending: true)])));
    }

    [Fact]
    public void Mv_expand_expands_arrays_and_drops_empty_ones()
    {
        var input = Table("""{"id":1,"a":[1,2]}""", """{"id":2,"a":[]}""", """{"id":3,"a":"x"}""");
        var result = KustoOperators.MvExpand(input, ["a"], s => [Column("a")(s)], [null], indexColumn: "i");
        Assert.Equal(["1 1 0", "1 2 1", "3 x 0"], Text(result));
    }

    [Fact]
    public void Missing_columns_read_as_null_and_schema_columns_are_typed()
    {
        var table = KustoEventReader.FromJsonLines(["""{"T":"2024-01-02T03:04:05Z"}""", """{"Other":1}"""],
            schema: [new("T", KustoType.DateTime), new("S", KustoType.String)]);
        Assert.Equal(KustoType.DateTime, table[0, "T"].Type);
        Assert.Equal("", table[1, "S"].AsString);
        Assert.True(table[0, "Other"].IsNull);
        Assert.True(table[0, "NoSuchColumn"].IsNull);
    }

    [Fact]
    public void Malformed_event_lines_are_reported_and_skipped()
    {
        var errors = new List<int>();
        var table = KustoEventReader.FromJsonLines(["""{"a":1}""", "{not json", """{"a":2}"""], onMalformedLine: (line, _) => errors.Add(line));
        Assert.Equal(2, table.RowCount);
        Assert.Equal([2], errors);
    }
}

/// <summary>Kusto's scalar operator semantics.</summary>
public sealed class KustoScalarTests
{
    private static KustoValue S(string s) => KustoValue.From(s);

    [Theory]
    [InlineData("Microsoft.Storage/storageAccounts/listKeys/action", "listkeys", true)]
    [InlineData("Microsoft.Storage/storageAccounts/listKeys/action", "listkeys/action", true)]
    [InlineData("Microsoft.Storage/storageAccounts/listKeys/action", "keys", false)]
    [InlineData("Microsoft.Storage/storageAccounts/listKeys/action", "Storage", true)]
    [InlineData("hello world", "lo wo", false)]
    [InlineData("hello world", "hello world", true)]
    public void Has_matches_whole_terms_case_insensitively(string text, string term, bool expected)
        => Assert.Equal(expected, KustoStrings.Has(S(text), S(term)).IsTrue);

    [Fact]
    public void String_operators_follow_their_case_rules()
    {
        Assert.False(KustoComparison.Equal(S("Abc"), S("abc")).IsTrue);
        Assert.True(KustoComparison.EqualIgnoreCase(S("Abc"), S("abc")).IsTrue);
        Assert.True(KustoStrings.Contains(S("Abc"), S("BC")).IsTrue);
        Assert.False(KustoStrings.Contains(S("Abc"), S("BC"), caseSensitive: true).IsTrue);
        Assert.True(KustoStrings.EndsWith(S("x/LISTKEYS/ACTION"), S("listkeys/action")).IsTrue);
        Assert.True(new KustoInSet(true, S("a"), S("b")).In(S("a")).IsTrue);
        Assert.False(new KustoInSet(true, S("a")).In(S("A")).IsTrue);
        Assert.True(new KustoInSet(false, S("a")).In(S("A")).IsTrue);
    }

    [Fact]
    public void Comparisons_with_null_follow_the_documented_rules_and_strings_are_never_null()
    {
        // an ordering with null is null; == of a null and a value is false (null-values.md), of two nulls null
        Assert.True(KustoComparison.Greater(KustoValue.Null, KustoValue.From(3L)).IsNull);
        Assert.True(KustoComparison.Equal(KustoValue.Null, KustoValue.From(3L)) is { IsNull: false, IsTrue: false });
        Assert.True(KustoComparison.Equal(KustoValue.Null, KustoValue.Null).IsNull);
        Assert.True(KustoComparison.NotEqual(KustoValue.Null, S("x")).IsTrue);
        Assert.True(KustoComparison.Equal(KustoValue.Null, S("")).IsTrue);
    }

    [Fact]
    public void Arithmetic_mixes_datetimes_and_timespans()
    {
        var d = KustoValue.From(new DateTime(2024, 1, 2, 0, 0, 0, DateTimeKind.Utc));
        var span = KustoValue.From(TimeSpan.FromHours(1));
        Assert.Equal("2024-01-01T23:00:00.0000000Z", KustoArithmetic.Subtract(d, span).ToString());
        Assert.Equal("01:00:00", KustoArithmetic.Subtract(d, KustoArithmetic.Subtract(d, span)).ToString());
        Assert.Equal("2", KustoArithmetic.Divide(KustoValue.From(5L), KustoValue.From(2L)).ToString());
        Assert.Equal("2.5", KustoArithmetic.Divide(KustoValue.From(5.0), KustoValue.From(2L)).ToString());
    }

    [Fact]
    public void Dynamic_access_reads_parsed_json()
    {
        Assert.True(KustoJson.TryParse("""{"user":{"ipAddress":"10.0.0.1"},"list":[1,2]}""", out var bag));
        var user = AzureRules.Sdk.Kusto.Functions.KustoDynamicFunctions.Member(bag, "user");
        Assert.Equal("""{"ipAddress":"10.0.0.1"}""", user.ToString());
        Assert.Equal("10.0.0.1", AzureRules.Sdk.Kusto.Functions.KustoDynamicFunctions.Member(KustoValue.From(user.ToString()), "ipAddress").ToString());
        Assert.Equal("2", AzureRules.Sdk.Kusto.Functions.KustoDynamicFunctions.Element(AzureRules.Sdk.Kusto.Functions.KustoDynamicFunctions.Member(bag, "list"), KustoValue.From(-1L)).ToString());
    }
}
