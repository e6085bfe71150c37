using AzureRules.Sdk.Esql;
using Xunit;
using static AzureRules.Sdk.Tests.Esql.EsqlTestData;

namespace AzureRules.Sdk.Tests.Esql;

/// <summary>Each processing command of the runtime over small tables, with multi-values and nulls.</summary>
public sealed class EsqlOperatorTests
{
    private static readonly Dictionary<string, string> Mapping = new()
    {
        ["name"] = "keyword", ["age"] = "integer", ["tags"] = "keyword", ["score"] = "float", ["at"] = "date", ["ip"] = "ip", ["note"] = "text",
    };

    private static EsqlTable People() => From(Source("test", Mapping,
        """{"name":"ann","age":30,"tags":["b","a","b"],"score":1.1,"at":"2024-01-01T10:00:00Z","ip":"10.0.0.1","note":"z y"}""",
        """{"name":"bob","age":25,"tags":"c","at":"2024-01-01T11:00:00Z"}""",
        """{"name":"cy","tags":["a","c"],"ip":["10.0.0.2","10.0.0.1"]}"""));

    [Fact]
    public void From_reads_fields_sorted_with_mapping_types_doc_values_order_and_metadata_last()
    {
        var table = People();
        Assert.Equal(["age:integer", "at:date", "ip:ip", "name:keyword", "note:text", "score:double", "tags:keyword", "_id:keyword"],
            table.Columns.Select(c => c.ToString()));
        Assert.Equal(Multi("a", "b"), table.Rows[0][table["tags"]]); // sorted, keywords de-duplicated
        Assert.Equal((double)1.1f, table.Rows[0][table["score"]]); // a float keeps its stored precision
        Assert.Null(table.Rows[2][table["age"]]);
        Assert.Equal("doc-3", table.Rows[2][table["_id"]]);
    }

    [Fact]
    public void From_without_mapping_types_fields_dynamically_or_by_the_compiler()
    {
        var source = Source("logs", null, """{"a":{"b":5},"c":"x","d":1.5,"@timestamp":"2024-01-01T00:00:00Z","e":[{"f":1},{"f":2}]}""");
        var table = EsqlOperators.From(source, ["log*"], [], ("@timestamp", EsqlDataType.Date), ("missing", EsqlDataType.Null));
        Assert.Equal(["@timestamp:date", "a.b:long", "c:keyword", "d:double", "e.f:long", "missing:null"], table.Columns.Select(c => c.ToString()));
        Assert.Equal(Multi(1L, 2L), table.Rows[0][table["e.f"]]);
        Assert.Empty(EsqlOperators.From(source, ["other-*"], []).Rows);
    }

    [Fact]
    public void Where_keeps_only_true_rows()
    {
        var table = People();
        var adults = EsqlOperators.Where(table, t => { var c = t["age"]; return r => EsqlCompare.Greater(r[c], 26); });
        Assert.Equal(["ann"], Values(adults, "name"));
        // a multi-valued field compared with a value is null (with a warning): the row goes
        var (tagged, warnings) = Warned(() => EsqlOperators.Where(table, t => { var c = t["tags"]; return r => EsqlCompare.Equal(r[c], "c"); }));
        Assert.Equal(["bob"], Values(tagged, "name"));
        Assert.NotEmpty(warnings);
    }

    [Fact]
    public void Eval_appends_and_replaces_columns_left_to_right()
    {
        var table = EsqlOperators.Eval(People(),
            new EsqlField("x", t => { var c = t["age"]; return r => EsqlArithmetic.Add(r[c], 1); }),
            new EsqlField("age", t => { var c = t["x"]; return r => EsqlArithmetic.Multiply(r[c], 2); }));
        Assert.Equal(["x", "age"], table.Columns.TakeLast(2).Select(c => c.Name));
        Assert.Equal([62, 52, null], Values(table, "age"));
        Assert.Equal(EsqlDataType.Integer, table.Columns[table["age"]].Type);
        var nulls = EsqlOperators.Eval(People(), new EsqlField("n", Constant(null), EsqlDataType.Long));
        Assert.Equal(EsqlDataType.Long, nulls.Columns[nulls["n"]].Type);
    }

    [Fact]
    public void Row_fields_see_the_earlier_ones()
    {
        var row = EsqlOperators.Row(new EsqlField("a", Constant(1)), new EsqlField("b", t => { var c = t["a"]; return r => EsqlArithmetic.Add(r[c], 1); }));
        Assert.Equal([1, 2], row.Rows.Single());
    }

    [Fact]
    public void Keep_orders_by_pattern_and_the_most_specific_pattern_wins()
    {
        var table = People();
        Assert.Equal(["name", "age"], EsqlOperators.Keep(table, "name", "age").Columns.Select(c => c.Name));
        Assert.Equal(["name", "age", "at", "ip", "note", "score", "tags", "_id"], EsqlOperators.Keep(table, "name", "*").Columns.Select(c => c.Name));
        Assert.Equal(["age", "at", "ip", "note", "score", "tags", "_id", "name"], EsqlOperators.Keep(table, "*", "name").Columns.Select(c => c.Name));
        Assert.Equal(["age", "at", "ip", "note", "score", "tags", "_id"], EsqlOperators.Drop(table, "name").Columns.Select(c => c.Name));
        Assert.Equal(["ip", "name", "note", "score", "tags", "_id"], EsqlOperators.Drop(table, "a*").Columns.Select(c => c.Name));
    }

    [Fact]
    public void Rename_keeps_the_place_and_replaces_a_column_of_the_new_name()
    {
        var table = EsqlOperators.Keep(People(), "name", "age", "tags");
        Assert.Equal(["who", "age", "tags"], EsqlOperators.Rename(table, ("name", "who")).Columns.Select(c => c.Name));
        Assert.Equal(["age", "tags"], EsqlOperators.Rename(table, ("name", "age")).Columns.Select(c => c.Name));
        Assert.Equal(["ann", "bob", "cy"], Values(EsqlOperators.Rename(table, ("name", "age")), "age"));
    }

    [Fact]
    public void Sort_puts_nulls_last_ascending_first_descending_and_sorts_multi_values_by_min_or_max()
    {
        var table = People();
        Assert.Equal(["bob", "ann", "cy"], Values(EsqlOperators.Sort(table, new EsqlOperators.Order(Column("age"))), "name"));
        Assert.Equal(["cy", "ann", "bob"], Values(EsqlOperators.Sort(table, new EsqlOperators.Order(Column("age"), Descending: true)), "name"));
        Assert.Equal(["cy", "bob", "ann"], Values(EsqlOperators.Sort(table, new EsqlOperators.Order(Column("age"), NullsFirst: true)), "name"));
        Assert.Equal(["ann", "cy", "bob"], Values(EsqlOperators.Sort(table, new EsqlOperators.Order(Column("tags"))), "name"));
        Assert.Equal(["bob", "cy", "ann"], Values(EsqlOperators.Sort(table, new EsqlOperators.Order(Column("tags"), Descending: true)), "name"));
        Assert.Equal(["ann"], Values(EsqlOperators.Limit(table, 1), "name"));
    }

    [Fact]
    public void Mv_expand_makes_a_row_per_value_and_keeps_null_rows()
    {
        var table = EsqlOperators.MvExpand(EsqlOperators.Keep(People(), "name", "tags"), "tags");
        Assert.Equal(["ann", "ann", "bob", "cy", "cy"], Values(table, "name"));
        Assert.Equal(["a", "b", "c", "a", "c"], Values(table, "tags"));
    }

    [Fact]
    public void Dissect_and_grok_append_columns_and_leave_nulls_on_no_match()
    {
        var row = EsqlOperators.Row(new EsqlField("m", Constant(Multi("1.2.3.4 GET /index.html 200", "bad"))));
        var grok = EsqlOperators.Grok(row, Column("m"), new EsqlGrokPattern("%{IP:ip} %{WORD:verb} %{URIPATHPARAM:path} %{NUMBER:status:int}"));
        Assert.Equal(["m:keyword", "ip:keyword", "verb:keyword", "path:keyword", "status:integer"], grok.Columns.Select(c => c.ToString()));
        Assert.Equal(["1.2.3.4", "GET", "/index.html", 200], grok.Rows[0].Skip(1));
        var dissect = EsqlOperators.Dissect(EsqlOperators.Row(new EsqlField("m", Constant("2024-01-01 10:00 ERROR  disk full"))), Column("m"),
            new EsqlDissectPattern("%{date} %{+date} %{level->} %{message}", " "));
        Assert.Equal(["2024-01-01 10:00", "ERROR", "disk full"], dissect.Rows[0].Skip(1));
        var miss = EsqlOperators.Dissect(EsqlOperators.Row(new EsqlField("m", Constant("nothing"))), Column("m"), new EsqlDissectPattern("%{a} %{b}"));
        Assert.Equal([null, null], miss.Rows[0].Skip(1));
    }

    [Fact]
    public void Enrich_and_lookup_join_add_the_other_index_fields()
    {
        var source = new EsqlMemorySource(
        [
            new EsqlIndex("events", [new EsqlDocument("1", """{"host":"a"}"""u8.ToArray()), new EsqlDocument("2", """{"host":"z"}"""u8.ToArray())]),
            new EsqlIndex("hosts", [new EsqlDocument("h1", """{"host":"a","owner":"ops","site":"x"}"""u8.ToArray())]),
        ], [new EsqlEnrichPolicy("host-policy", "match", ["hosts"], "host", ["owner", "site"])]);
        var events = EsqlOperators.From(source, ["events"], []);
        var enriched = EsqlOperators.Enrich(source, events, "host-policy", null, ("who", "owner"));
        Assert.Equal(["ops", null], Values(enriched, "who"));
        var joined = EsqlOperators.LookupJoin(source, events, "hosts", "host");
        Assert.Equal(["host", "owner", "site"], joined.Columns.Select(c => c.Name));
        Assert.Equal(["ops", null], Values(joined, "owner"));
    }
}
