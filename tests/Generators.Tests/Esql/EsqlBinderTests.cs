using AzureRules.Generators.Esql;
using Xunit;
using static AzureRules.Generators.Tests.Esql.EsqlTestHelpers;

namespace AzureRules.Generators.Tests.Esql;

public class EsqlBinderTests
{
    [Fact]
    public void Ecs_fields_metadata_and_created_columns_resolve()
        => Clean("""
            FROM logs-* METADATA _id, _index, _version
            | WHERE host.os.type == "linux" AND process.name IN ("bash", "sh") AND _index LIKE "*endpoint*"
            | EVAL Esql.lower = TO_LOWER(process.command_line), Esql.len = LENGTH(Esql.lower)
            | DISSECT process.command_line "%{Esql.verb} %{?skip} %{+Esql.verb} %{Esql.rest->}"
            | GROK message "%{IP:Esql.ip} %{NUMBER:Esql.bytes:int}"
            | STATS Esql.count = COUNT(*), Esql.hosts = VALUES(host.name) BY Esql.verb, Esql.ip, _id
            | WHERE Esql.count > 5
            | KEEP Esql.*, _id
            | SORT Esql.count DESC
            | LIMIT 10
            """);

    [Fact]
    public void Unknown_function_is_an_error_at_its_name()
    {
        const string query = "FROM logs-* | EVAL x = TO_LOWR(host.name)";
        var diagnostic = Single(query, "AR0603", "TO_LOWR", length: 7);
        Assert.Equal("TO_LOWR", diagnostic.Arguments.Items[0]);
    }

    [Theory]
    [InlineData("FROM logs-* | EVAL x = SUBSTRING(host.name)", "SUBSTRING takes 2 to 3 arguments, not 1")]
    [InlineData("FROM logs-* | EVAL x = REPLACE(host.name, \"a\")", "REPLACE takes 3 arguments, not 2")]
    [InlineData("FROM logs-* | EVAL x = NOW(1)", "NOW takes 0 arguments, not 1")]
    [InlineData("FROM logs-* | EVAL x = CASE(true)", "CASE takes at least 2 arguments, not 1")]
    public void Wrong_argument_count_is_an_error_over_the_call(string query, string message)
    {
        var diagnostic = Assert.Single(DiagnosticsOf(query));
        Assert.Equal("AR0604", diagnostic.Id);
        Assert.Equal(query.IndexOf("= ", StringComparison.Ordinal) + 2, diagnostic.Start);
        Assert.Equal(query.Length - diagnostic.Start, diagnostic.Length);
        Assert.Equal(message, string.Format(null, "{0} takes {1}, not {2}", [.. diagnostic.Arguments.Items]));
    }

    [Fact]
    public void Aggregate_outside_stats_is_an_error()
    {
        var diagnostic = Single("FROM logs-* | EVAL n = COUNT(*)", "AR0606", "COUNT");
        Assert.Equal(["COUNT", "EVAL"], diagnostic.Arguments.Items.ToArray());
    }

    [Fact]
    public void Stats_needs_an_aggregate()
    {
        Single("FROM logs-* | STATS n = host.name", "AR0607", "host.name");
        Clean("FROM logs-* | STATS n = COUNT(*) + 1, m = MAX(event.duration) / 1000 BY host.name");
    }

    [Fact]
    public void A_column_keep_did_not_keep_is_an_error()
    {
        var diagnostic = Single("FROM logs-* | KEEP host.*, @timestamp | WHERE user.name == \"root\"", "AR0605", "user.name");
        Assert.Equal(["user.name", "KEEP did not keep it"], diagnostic.Arguments.Items.ToArray());
        Clean("FROM logs-* | KEEP host.*, @timestamp | WHERE host.name == \"a\"");
    }

    [Fact]
    public void A_column_stats_did_not_output_is_an_error()
    {
        var diagnostic = Single("FROM logs-* | STATS n = COUNT(*) BY host.name | WHERE user.name == \"root\"", "AR0605", "user.name");
        Assert.Equal("STATS only outputs its aggregates and BY groups", diagnostic.Arguments.Items[1]);
        Single("FROM logs-* | EVAL x = 1 | STATS n = COUNT(*) | WHERE x == 1", "AR0605", "x ==");
    }

    [Fact]
    public void Dropped_and_renamed_columns_are_gone()
    {
        Assert.Equal("DROP removed it", Single("FROM logs-* | DROP host.* | WHERE host.name == \"a\"", "AR0605", "host.name ==").Arguments.Items[1]);
        Assert.Equal("RENAME renamed it to h", Single("FROM logs-* | RENAME host.name AS h | WHERE host.name == \"a\"", "AR0605", "host.name ==").Arguments.Items[1]);
        Clean("FROM logs-* | RENAME host.name AS h | WHERE h == \"a\"");
        Clean("FROM logs-* | RENAME h = host.name | WHERE h == \"a\"");
    }

    [Fact]
    public void Keep_and_drop_check_plain_names()
        => Single("FROM logs-* | STATS n = COUNT(*) | KEEP n, missing", "AR0605", "missing");

    [Fact]
    public void Inline_stats_keeps_the_input_columns()
        => Clean("FROM logs-* | INLINE STATS n = COUNT(*) BY host.name | WHERE n > 1 AND user.name == \"root\"");

    [Fact]
    public void Eval_fields_see_the_fields_before_them()
        => Clean("FROM logs-* | EVAL a = 1, b = a + 1 | WHERE b > 1");

    [Fact]
    public void Unknown_field_is_a_warning_once_per_name()
    {
        const string query = "FROM logs-* | WHERE acme.widget.id == \"1\" OR acme.widget.id == \"2\"";
        var diagnostic = Single(query, "AR0602", "acme.widget.id", length: "acme.widget.id".Length);
        Assert.Equal("acme.widget.id", diagnostic.Arguments.Items[0]);
    }

    [Fact]
    public void Commands_we_cannot_see_through_stop_column_errors()
    {
        Clean("FROM logs-* | KEEP host.name | ENRICH hosts ON host.name | WHERE owner == \"x\"");
        Clean("FROM logs-* | KEEP host.name | LOOKUP JOIN threats ON host.name | WHERE score > 1");
        Clean("FROM logs-* | ENRICH hosts ON host.name WITH owner = host_owner | KEEP owner | WHERE owner == \"x\"");
    }

    [Fact]
    public void Completion_adds_its_column()
        => Clean("FROM logs-* | EVAL prompt = CONCAT(\"a\", host.name) | COMPLETION answer = prompt WITH { \"inference_id\": \"llm\" } | DISSECT answer \"verdict=%{Esql.verdict}\" | WHERE Esql.verdict == \"tp\"");

    [Fact]
    public void Unknown_metadata_field_is_a_warning()
        => Single("FROM logs-* METADATA _id, _bogus", "AR0609", "_bogus");

    [Fact]
    public void Output_columns_are_the_last_commands_columns()
    {
        var analysis = EsqlCompiler.Analyze("FROM logs-* | STATS n = COUNT(*), VALUES(user.name) BY host.name | EVAL x = n * 2 | DROP n");
        Assert.Equal(["VALUES(user.name)", "host.name", "x"], analysis.OutputColumns);
    }
}

public class EsqlTypeCheckTests
{
    [Fact]
    public void Keyword_field_compared_with_a_number_is_a_warning_at_the_number()
    {
        var diagnostic = Single("FROM logs-* | WHERE event.code == 4624", "AR0610", "4624", length: 4);
        Assert.Equal(["event.code", "keyword", "it cannot be compared with the number 4624: write \"4624\""], diagnostic.Arguments.Items.ToArray());
        Single("FROM logs-* | WHERE event.code IN (\"4624\", 4625)", "AR0610", "4625");
        Clean("FROM logs-* | WHERE event.code == \"4624\" AND process.pid == 4 AND source.port > 1024");
    }

    [Fact]
    public void Like_on_a_non_string_field_is_a_warning()
    {
        var diagnostic = Single("FROM logs-* | WHERE source.ip LIKE \"10.*\"", "AR0610", "source.ip");
        Assert.Equal("ip", diagnostic.Arguments.Items[1]);
        Clean("FROM logs-* | WHERE TO_STRING(source.ip) LIKE \"10.*\"");
    }
}
