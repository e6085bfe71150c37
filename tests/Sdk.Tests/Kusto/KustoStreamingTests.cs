using AzureRules.Sdk.Kusto;
using AzureRules.Sdk.Kusto.Operators;
using AzureRules.Sdk.Kusto.Scalars;
using Xunit;

namespace AzureRules.Sdk.Tests.Kusto;

/// <summary>
/// Rows without per-row waste: where/extend/project stream (one pass through a chain), a computed column's
/// type is its first non-null value's even when a later where drops that row, a table read twice is
/// computed at most twice, dynamic values compare and hash by structure, and literal patterns are compiled
/// once and keep a malformed pattern's error for the rows.
/// </summary>
public sealed class KustoStreamingTests
{
    private static KustoTable Table(params string[] jsonLines) => KustoEventReader.FromJsonLines(jsonLines);

    private static KustoBinder Column(string name) => s => { var slot = s.Slot(name); return r => r.Col(slot); };

    [Fact]
    public void A_where_extend_project_chain_runs_each_row_through_once_and_only_when_read()
    {
        var input = Table("""{"a":1}""", """{"a":2}""", """{"a":3}""");
        var evaluated = 0;
        var extended = KustoOperators.Extend(input, ["b"], s => { var a = s.Slot("a"); return [r => { evaluated++; return KustoArithmetic.Multiply(r.Col(a), KustoValue.From(10L)); }]; });
        var filtered = KustoOperators.Where(extended, s => { var b = s.Slot("b"); return r => KustoComparison.Greater(r.Col(b), KustoValue.From(15L)); });
        var projected = KustoOperators.Project(filtered, ["b"], s => [Column("b")(s)]);
        Assert.Equal(0, evaluated); // nothing computed before the rows are read

        Assert.Equal(["20", "30"], projected.Materialized().RowsAsText().Select(r => r[0]));
        Assert.Equal(3, evaluated);
    }

    [Fact]
    public void A_computed_column_is_typed_by_its_first_non_null_value_even_when_a_later_where_drops_that_row()
    {
        var input = Table("""{"a":1}""", """{"a":2}""");
        // b is a long on the first row and null on the second; the where keeps only the second
        var extended = KustoOperators.Extend(input, ["b"], s => { var a = s.Slot("a"); return [r => r.Col(a).AsLong == 1 ? KustoValue.From(5L) : KustoValue.Null]; });
        var filtered = KustoOperators.Where(extended, s => { var a = s.Slot("a"); return r => KustoComparison.Equal(r.Col(a), KustoValue.From(2L)); });
        Assert.Equal(KustoType.Long, filtered.Materialized().Columns[1].Type);
        Assert.Equal(1, filtered.RowCount);
    }

    [Fact]
    public void A_streaming_table_read_twice_is_computed_at_most_twice()
    {
        var input = Table("""{"a":1}""", """{"a":2}""");
        var evaluated = 0;
        var extended = KustoOperators.Extend(input, ["b"], s => [r => { evaluated++; return KustoValue.From(1L); }]);
        var union = KustoOperators.Union([extended, extended, extended]);
        Assert.Equal(6, union.RowCount);
        Assert.True(evaluated <= 4, $"computed {evaluated} times for 2 rows");
    }

    [Fact]
    public void Dynamic_values_are_equal_and_hash_alike_by_structure()
    {
        KustoJson.TryParse("""{"a":[1,{"b":"x"}],"c":null}""", out var one);
        KustoJson.TryParse("""{"a":[1,{"b":"x"}],"c":null}""", out var same);
        KustoJson.TryParse("""{"a":[1,{"b":"y"}],"c":null}""", out var other);
        Assert.Equal(one, same);
        Assert.Equal(one.GetHashCode(), same.GetHashCode());
        Assert.NotEqual(one, other);
        Assert.Equal(2, new HashSet<KustoValue> { one, same, other }.Count);
    }

    [Fact]
    public void Dynamic_equality_stops_at_its_depth_limit_instead_of_recursing_without_bound()
    {
        var a = KustoValue.Array([KustoValue.Null]);
        var b = KustoValue.Array([KustoValue.Null]);
        for (var i = 0; i < 200; i++) { a = KustoValue.Array([a]); b = KustoValue.Array([b]); }
        Assert.False(a.Equals(b)); // deeper than the limit: unequal, not a stack overflow
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }

    [Fact]
    public void A_literal_like_pattern_matches_as_per_row_like_and_a_malformed_regex_fails_each_row_not_the_class()
    {
        var like = KustoPattern.Like("ab%_d", caseSensitive: false);
        Assert.Equal(KustoStrings.Like(KustoValue.From("ABxyzd"), KustoValue.From("ab%_d")), like.Match(KustoValue.From("ABxyzd")));
        Assert.True(like.Match(KustoValue.From("ABxyzd")).IsTrue);
        Assert.False(like.Match(KustoValue.From("abd")).IsTrue);

        var malformed = KustoPattern.Regex("(");
        Assert.ThrowsAny<ArgumentException>(() => malformed.Match(KustoValue.From("x")));
    }
}
