using AzureRules.Generators.Diagnostics;
using AzureRules.Generators.Esql;
using AzureRules.Generators.Model;
using Xunit;

namespace AzureRules.Generators.Tests.Esql;

public class EsqlCompilerTests
{
    private static RuleDefinition Rule(string query, SourcePosition start) => new()
    {
        FilePath = "rules/esql_rule.toml",
        Format = RuleFormat.ElasticToml,
        Kind = "esql",
        Name = new Located<string>("ES|QL rule", SourceSpan.At("rules/esql_rule.toml", SourcePosition.Start)),
        Language = QueryLanguage.Esql,
        Query = QueryText.Verbatim(query, "rules/esql_rule.toml", start),
    };

    [Fact]
    public void Valid_query_is_not_executable_yet_but_has_no_diagnostics()
    {
        var compiled = EsqlCompiler.Compile(Rule("from logs-* | where host.name == \"a\" | keep host.name", new SourcePosition(100, 10, 0)));
        Assert.False(compiled.IsExecutable);
        Assert.Equal("ES|QL queries are parsed and validated but cannot run yet", compiled.NotExecutableReason);
        Assert.Empty(compiled.Diagnostics);
        Assert.Equal(["host.name"], compiled.OutputColumns.Items.ToArray());
    }

    [Fact]
    public void Diagnostics_map_to_the_line_and_column_of_the_rule_file()
    {
        // the query starts on line 11 of the file (zero-based 10); the bad function is on its third line
        const string query = "from logs-*\n| where host.name == \"a\"\n| eval x = nope(host.name)";
        var compiled = EsqlCompiler.Compile(Rule(query, new SourcePosition(100, 10, 0)));
        var diagnostic = Assert.Single(compiled.Diagnostics);
        var mapped = diagnostic.ToRuleDiagnostic(Rule(query, new SourcePosition(100, 10, 0)).Query!);
        Assert.Equal("AR0603", mapped.Id);
        Assert.Equal(12, mapped.Span.Start.Line);
        Assert.Equal("| eval x = ".Length, mapped.Span.Start.Column);
        Assert.Equal("rules/esql_rule.toml(13,12): error AR0603: Unknown ES|QL function 'nope'", mapped.ToString());
    }

    [Fact]
    public void Hostile_input_never_throws()
    {
        foreach (var text in new[] { "\"", "`", "/*", "from", "from |||", "from a | where ((((", "from a | eval x = [1,", "from a | where x :: ", "from a | stats", "\0\u2028|",
            "from a | where " + new string('(', 100_000), "from a | where " + string.Concat(Enumerable.Repeat("not ", 100_000)) + "x",
            "from a | eval x = " + string.Concat(Enumerable.Repeat("-", 100_000)) + "1" })
        {
            var compiled = EsqlCompiler.Compile(Rule(text, SourcePosition.Start));
            Assert.NotEmpty(compiled.Diagnostics);
            Assert.DoesNotContain(compiled.Diagnostics, d => d.Id == "AR0001");
        }
    }
}
