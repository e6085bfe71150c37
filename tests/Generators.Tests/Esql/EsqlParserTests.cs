using AzureRules.Generators.Esql.Syntax;
using Xunit;
using static AzureRules.Generators.Tests.Esql.EsqlTestHelpers;

namespace AzureRules.Generators.Tests.Esql;

public class EsqlParserTests
{
    [Fact]
    public void From_takes_index_patterns_and_metadata()
    {
        var from = Command<EsqlFrom>("from logs-endpoint.events.process-*, .alerts-security.*, remote:logs-*,\"quoted\" metadata _id, _version, _index", 0);
        Assert.Equal(["logs-endpoint.events.process-*", ".alerts-security.*", "remote:logs-*", "quoted"], from.Indices.Select(i => i.Name));
        Assert.Equal(["_id", "_version", "_index"], from.Metadata.Select(m => m.Name));
        Assert.Equal(5, from.Indices[0].Start);
        Assert.Equal(5 + "logs-endpoint.events.process-*".Length, from.Indices[0].End);
    }

    [Theory]
    [InlineData("FROM a | WHERE x == 1", typeof(EsqlWhere))]
    [InlineData("FROM a | EVAL y = x + 1, z = y * 2", typeof(EsqlEval))]
    [InlineData("FROM a | STATS c = COUNT(*) BY host.name", typeof(EsqlStats))]
    [InlineData("FROM a | INLINESTATS c = COUNT(*) BY host.name", typeof(EsqlStats))]
    [InlineData("FROM a | INLINE STATS c = COUNT(*) BY host.name", typeof(EsqlStats))]
    [InlineData("FROM a | KEEP @timestamp, host.*, `odd name`", typeof(EsqlProject))]
    [InlineData("FROM a | DROP *_count", typeof(EsqlProject))]
    [InlineData("FROM a | RENAME host.name AS h, user.name AS u", typeof(EsqlRename))]
    [InlineData("FROM a | RENAME h = host.name", typeof(EsqlRename))]
    [InlineData("FROM a | SORT @timestamp DESC NULLS LAST, host.name ASC NULLS FIRST, user.name", typeof(EsqlSort))]
    [InlineData("FROM a | LIMIT 10", typeof(EsqlLimit))]
    [InlineData("FROM a | DISSECT message \"%{a} %{b}\" APPEND_SEPARATOR = \",\"", typeof(EsqlExtract))]
    [InlineData("FROM a | GROK message \"%{IP:ip} %{NUMBER:n:int}\"", typeof(EsqlExtract))]
    [InlineData("FROM a | MV_EXPAND event.action", typeof(EsqlMvExpand))]
    [InlineData("FROM a | ENRICH hosts-policy ON host.name WITH os = host.os.name, host.ip", typeof(EsqlEnrich))]
    [InlineData("FROM a | LOOKUP JOIN threat_list ON source.ip", typeof(EsqlLookupJoin))]
    [InlineData("FROM a | LOOKUP JOIN threat_list ON source.ip == indicator.ip AND x > 1", typeof(EsqlLookupJoin))]
    [InlineData("FROM a | WHERE ??field == ?value", typeof(EsqlWhere))]
    [InlineData("FROM a | COMPLETION result = prompt WITH { \"inference_id\": \"my-llm\" }", typeof(EsqlCompletion))]
    [InlineData("FROM a | CHANGE_POINT count ON @timestamp AS type, pvalue", typeof(EsqlChangePoint))]
    [InlineData("FROM a | SAMPLE 0.1", typeof(EsqlSample))]
    public void Each_processing_command_parses(string query, Type commandType)
        => Assert.IsType(commandType, ParseClean(query).Commands[1]);

    [Fact]
    public void Row_and_show_are_source_commands()
    {
        Assert.IsType<EsqlRow>(ParseClean("ROW a = 1, b = \"x\"").Commands[0]);
        Assert.IsType<EsqlShow>(ParseClean("SHOW INFO").Commands[0]);
    }

    [Fact]
    public void Commands_are_case_insensitive_and_comments_are_skipped()
    {
        var query = ParseClean("from a // the index\n| /* a block\ncomment */ where x == 1\n| Keep x");
        Assert.Equal(3, query.Commands.Count);
    }

    [Fact]
    public void Stats_takes_aggregate_filters_and_names_unnamed_columns_by_their_text()
    {
        var stats = Command<EsqlStats>("FROM a | STATS failures = COUNT(*) WHERE event.outcome == \"failure\", COUNT_DISTINCT(user.name) BY host.name, b = BUCKET(@timestamp, 1 hour)");
        Assert.NotNull(stats.Aggregates[0].Filter);
        Assert.Equal("COUNT_DISTINCT(user.name)", stats.Aggregates[1].ColumnName);
        Assert.Equal(["host.name", "b"], stats.Groups.Select(g => g.ColumnName));
    }

    [Fact]
    public void Boolean_operators_bind_or_then_and_then_not()
    {
        var or = Assert.IsType<EsqlBinary>(Where("a == 1 or b == 2 and not c == 3"));
        Assert.Equal(EsqlBinaryOperator.Or, or.Operator);
        var and = Assert.IsType<EsqlBinary>(or.Right);
        Assert.Equal(EsqlBinaryOperator.And, and.Operator);
        Assert.Equal(EsqlUnaryOperator.Not, Assert.IsType<EsqlUnary>(and.Right).Operator);
    }

    [Fact]
    public void Arithmetic_binds_tighter_than_comparison()
    {
        var comparison = Assert.IsType<EsqlBinary>(Where("a + b * 2 > -c"));
        Assert.Equal(EsqlBinaryOperator.Greater, comparison.Operator);
        var sum = Assert.IsType<EsqlBinary>(comparison.Left);
        Assert.Equal(EsqlBinaryOperator.Add, sum.Operator);
        Assert.Equal(EsqlBinaryOperator.Multiply, Assert.IsType<EsqlBinary>(sum.Right).Operator);
        Assert.Equal(EsqlUnaryOperator.Negate, Assert.IsType<EsqlUnary>(comparison.Right).Operator);
    }

    [Fact]
    public void Not_before_a_predicate_negates_the_whole_predicate()
    {
        var not = Assert.IsType<EsqlUnary>(Where("not user.name in (\"root\", \"admin\")"));
        Assert.False(Assert.IsType<EsqlIn>(not.Operand).Negated);
        var notIn = Assert.IsType<EsqlIn>(Where("user.name not in (\"root\", \"admin\")"));
        Assert.True(notIn.Negated);
        Assert.Equal(2, notIn.List.Count);
    }

    [Fact]
    public void Like_rlike_and_is_null_predicates()
    {
        var like = Assert.IsType<EsqlPatternMatch>(Where("process.name not like \"python*\""));
        Assert.True(like.Negated);
        Assert.False(like.IsRegex);
        Assert.Equal("python*", like.Patterns[0].Value);
        var list = Assert.IsType<EsqlPatternMatch>(Where("process.name like (\"a*\", \"b*\")"));
        Assert.Equal(2, list.Patterns.Count);
        Assert.True(Assert.IsType<EsqlPatternMatch>(Where("url.path rlike \"/a[0-9]+\"")).IsRegex);
        Assert.True(Assert.IsType<EsqlIsNull>(Where("host.id is not null")).Negated);
        Assert.False(Assert.IsType<EsqlIsNull>(Where("host.id IS NULL")).Negated);
    }

    [Fact]
    public void Literals_strings_time_spans_casts_and_parameters()
    {
        var eval = Command<EsqlEval>("FROM a | EVAL s = \"tab\\there \\\"q\\\"\", t = \"\"\"C:\\Windows \"quoted\" \"\"\", d = 1 hour, m = 15 minutes, c = x::string, p = ?limit, n = null, b = true, f = 1.5e3, arr = [1, 2]");
        Assert.Equal("tab\there \"q\"", Assert.IsType<EsqlLiteral>(eval.Fields[0].Expression).Value);
        Assert.Equal("C:\\Windows \"quoted\" ", Assert.IsType<EsqlLiteral>(eval.Fields[1].Expression).Value);
        var span = Assert.IsType<EsqlLiteral>(eval.Fields[2].Expression);
        Assert.Equal(EsqlLiteralKind.TimeSpan, span.Kind);
        Assert.Equal("1 hour", span.Value);
        Assert.Equal("15 minutes", Assert.IsType<EsqlLiteral>(eval.Fields[3].Expression).Value);
        Assert.Equal("string", Assert.IsType<EsqlCast>(eval.Fields[4].Expression).Type.Name);
        Assert.Equal("?limit", Assert.IsType<EsqlParameter>(eval.Fields[5].Expression).Text);
        Assert.Equal(EsqlLiteralKind.Null, Assert.IsType<EsqlLiteral>(eval.Fields[6].Expression).Kind);
        Assert.Equal(EsqlLiteralKind.Boolean, Assert.IsType<EsqlLiteral>(eval.Fields[7].Expression).Kind);
        Assert.Equal(EsqlLiteralKind.Decimal, Assert.IsType<EsqlLiteral>(eval.Fields[8].Expression).Kind);
        Assert.Equal(2, Assert.IsType<EsqlArrayLiteral>(eval.Fields[9].Expression).Items.Count);
    }

    [Fact]
    public void Backquoted_identifiers_join_into_one_name()
    {
        var reference = Assert.IsType<EsqlColumnReference>(Assert.IsType<EsqlIsNull>(Where("source.`as`.organization.name is null")).Value);
        Assert.Equal("source.as.organization.name", reference.Name.Name);
        var quoted = Assert.IsType<EsqlColumnReference>(Assert.IsType<EsqlIsNull>(Where("`weird``name` is null")).Value);
        Assert.Equal("weird`name", quoted.Name.Name);
    }

    [Fact]
    public void Function_calls_take_star_and_a_trailing_options_map()
    {
        var count = Assert.IsType<EsqlFunctionCall>(Command<EsqlStats>("FROM a | STATS COUNT(*)").Aggregates[0].Expression);
        Assert.True(count.IsStar);
        Assert.Equal(1, count.ArgumentCount);
        var match = Assert.IsType<EsqlFunctionCall>(Where("match(process.name, \"svchost.exe\", { \"fuzziness\": 1, \"max_expansions\": 10 })"));
        Assert.Equal(2, match.Arguments.Count);
        Assert.Equal(2, match.Options!.Entries.Count);
        Assert.Equal(3, match.ArgumentCount);
    }

    [Fact]
    public void Match_operator()
        => Assert.IsType<EsqlMatchOperator>(Where("message : \"error\""));

    [Fact]
    public void Positions_cover_the_source_text()
    {
        const string query = "FROM a | WHERE TO_LOWER(process.name) == \"cmd.exe\"";
        var comparison = Assert.IsType<EsqlBinary>(Command<EsqlWhere>(query).Condition);
        var call = Assert.IsType<EsqlFunctionCall>(comparison.Left);
        Assert.Equal(query.IndexOf("TO_LOWER", StringComparison.Ordinal), call.Start);
        Assert.Equal("TO_LOWER(process.name)", query.Substring(call.Start, call.Length));
        Assert.Equal("\"cmd.exe\"", query.Substring(comparison.Right.Start, comparison.Right.Length));
    }

    // ---- syntax errors ----

    [Theory]
    [InlineData("FROM a | WHERE x ==", "", "expected an expression, but the query ends")]
    [InlineData("FROM a | WHERE (x == 1", "", "expected ')', but the query ends")]
    [InlineData("FROM a | EVAL = 1", "=", "expected an expression, not '='")]
    [InlineData("FROM a | WHERE x == \"a\" y", "y", "expected '|' or the end of the query, not 'y'")]
    [InlineData("WHERE x == 1", "WHERE", "a query starts with a source command (FROM, ROW or SHOW), not WHERE")]
    [InlineData("FROM a | FROM b", "FROM b", "FROM is a source command: it can only start the query")]
    [InlineData("FROM a | WHERE x like 5", "5", "expected a pattern string after LIKE, not '5'")]
    [InlineData("FROM a | WHERE x IS 5", "5", "expected NULL or NOT NULL after IS, not '5'")]
    [InlineData("FROM a | EVAL t = DATE_TRUNC(5 parsecs, @timestamp)", "parsecs", "unknown time unit 'parsecs': expected a unit such as ms, second, minute, hour, day, week, month, quarter or year")]
    [InlineData("FROM a | SORT x NULLS MIDDLE", "MIDDLE", "expected FIRST or LAST after NULLS, not 'MIDDLE'")]
    [InlineData("FROM a |", "", "expected a command after '|'")]
    [InlineData("", "", "the query is empty: an ES|QL query starts with FROM, ROW or SHOW")]
    public void Syntax_errors_are_reported_at_the_offending_token(string query, string at, string message)
    {
        var diagnostic = Assert.Single(DiagnosticsOf(query), d => d.Id == "AR0601");
        var expected = at.Length == 0 ? query.Length : query.LastIndexOf(at, StringComparison.Ordinal);
        Assert.Equal(expected, diagnostic.Start);
        Assert.Equal(message, diagnostic.Arguments.Items[0]);
    }

    [Theory]
    [InlineData("(", ")")]
    [InlineData("NOT ", "")]
    [InlineData("-", "")]
    public void Nesting_deeper_than_200_levels_is_an_error_at_the_token_that_goes_too_deep(string open, string close)
    {
        string Nested(int depth) => "FROM a | EVAL x = " + string.Concat(Enumerable.Repeat(open, depth)) + "1" + string.Concat(Enumerable.Repeat(close, depth));
        Assert.DoesNotContain(DiagnosticsOf(Nested(190)), d => d.Id == "AR0601");
        var query = Nested(5_000);
        var diagnostic = Assert.Single(DiagnosticsOf(query), d => d.Id == "AR0601");
        Assert.Equal("the expression is nested more than 200 levels deep", diagnostic.Arguments.Items[0]);
        Assert.InRange(diagnostic.Start, "FROM a | EVAL x = ".Length + 199 * open.Length, "FROM a | EVAL x = ".Length + 201 * open.Length);
    }

    [Theory]
    [InlineData("+")]
    [InlineData("*")]
    [InlineData("-")]
    public void An_arithmetic_chain_counts_a_level_per_operator_and_is_an_error_past_the_limit(string op)
    {
        // arithmetic is evaluated left to right and never regrouped, so a chain of n operators is n levels deep
        string Chain(int terms) => "FROM a | EVAL x = " + string.Join(" " + op + " ", Enumerable.Repeat("x", terms));
        Assert.DoesNotContain(DiagnosticsOf(Chain(150)), d => d.Id == "AR0601");
        var query = Chain(30_000);
        var diagnostic = Assert.Single(DiagnosticsOf(query), d => d.Id == "AR0601");
        Assert.Equal("the expression is nested more than 200 levels deep", diagnostic.Arguments.Items[0]);
        Assert.Equal("FROM a | EVAL x = ".Length + 199 * (op.Length + 3) + 2, diagnostic.Start); // the 200th operator: one level for the expression, 200 for the chain
    }

    [Fact]
    public void A_30000_term_or_chain_is_one_flat_list_for_binder_and_emitter()
    {
        var query = "FROM a | WHERE " + string.Join(" OR ", Enumerable.Range(0, 30_000).Select(i => $"process.name == \"{i}\""));
        Assert.DoesNotContain(DiagnosticsOf(query), d => d.Id == "AR0601");
    }

    [Fact]
    public void Unterminated_string_and_invalid_escape()
    {
        Single("FROM a | WHERE host.name == \"open", "AR0601", "\"open");
        var escape = Single("FROM a | WHERE host.name == \"C:\\Windows\"", "AR0601", "\\W", length: 2);
        Assert.StartsWith("invalid escape sequence '\\W'", escape.Arguments.Items[0]);
    }

    [Fact]
    public void Parsing_resumes_after_the_next_pipe()
    {
        const string query = "FROM a | WHERE x == | EVAL = 2 | EVAL ok = 1 | WHERE ok == 1 | WHERE nope(1)";
        var diagnostics = DiagnosticsOf(query);
        Assert.Equal(["AR0601", "AR0601", "AR0603"], diagnostics.Select(d => d.Id));
        Assert.Equal(query.IndexOf("| EVAL = 2", StringComparison.Ordinal), diagnostics[0].Start);
        Assert.Equal(query.IndexOf("= 2", StringComparison.Ordinal), diagnostics[1].Start);
        Assert.Equal(query.IndexOf("nope", StringComparison.Ordinal), diagnostics[2].Start);
    }

    [Fact]
    public void Unknown_commands_are_a_warning_and_stop_column_checks()
    {
        Single("FROM a | FUSE linear | WHERE anything_goes == 1", "AR0608", "FUSE", length: 4);
        // FORK's branches hold pipes of their own: skipped whole, up to the pipe after them
        var query = ParseClean("FROM a | FORK (WHERE x > 1 | LIMIT 10) (WHERE y < 2 | SORT y) | KEEP x");
        Assert.IsType<EsqlProject>(query.Commands[2]);
    }
}
