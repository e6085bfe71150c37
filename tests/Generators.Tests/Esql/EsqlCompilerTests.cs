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
    public void Valid_query_compiles_to_an_esql_detection_without_diagnostics()
    {
        var compiled = EsqlCompiler.Compile(Rule("from logs-* | where host.name == \"a\" | keep host.name", new SourcePosition(100, 10, 0)));
        Assert.True(compiled.IsExecutable);
        Assert.Equal("global::AzureRules.Sdk.Esql.EsqlDetection", compiled.BaseClass);
        Assert.Empty(compiled.Diagnostics);
        Assert.Equal(["host.name"], compiled.OutputColumns.Items.ToArray());
    }

    [Theory]
    [InlineData("from logs-* | eval x = completion(\"p\")", "the runtime does not implement")]
    [InlineData("from logs-* | where match(message, \"a\", {\"analyzer\": \"whitespace\"})", "the MATCH option analyzer is not supported yet")]
    [InlineData("from logs-* | where match(message, \"a\", {\"fuzziness\": \"3\"})", "fuzziness must be 0, 1, 2 or AUTO, not [3]")]
    [InlineData("from logs-* | completion r = \"summarise\" with { \"inference_id\": \"x\" }", "COMPLETION sends each row's prompt to an LLM inference endpoint (x)")]
    public void A_construct_the_runtime_lacks_is_not_executable_with_the_reason(string query, string reason)
    {
        var compiled = EsqlCompiler.Compile(Rule(query, SourcePosition.Start));
        if (compiled.Diagnostics.Any(d => DiagnosticDescriptors.Get(d.Id).DefaultSeverity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error)) return;
        Assert.False(compiled.IsExecutable);
        Assert.Contains(reason, compiled.NotExecutableReason);
    }

    /// <summary>
    /// The shape of the generated code, pinned: one statement per command, lambdas that resolve columns
    /// once per table, static patterns and spans. Set AZURERULES_UPDATE_GOLDEN=1 to rewrite the snapshot.
    /// </summary>
    [Fact]
    public void Generated_members_match_the_golden_snapshot()
    {
        const string query = """
            from logs-endpoint.events.process-* metadata _id, _index
            | where process.name like "*.exe" and host.os.type == "windows" and not process.args in ("-a", "-b")
            | eval Esql.bucket = date_trunc(1 hour, @timestamp), Esql.lower = to_lower(process.name)
            | dissect process.command_line "%{exe} %{rest}"
            | stats Esql.count = count(*), Esql.hosts = count_distinct(host.name) + 1 where event.outcome == "success"
                by Esql.bucket, user.name
            | sort Esql.count desc nulls last
            | keep Esql.*, user.name
            | limit 10
            """;
        var compiled = EsqlCompiler.Compile(Rule(query, SourcePosition.Start));
        Assert.True(compiled.IsExecutable, compiled.NotExecutableReason);
        var path = Path.Combine(AzureRules.Tests.SharedMaterial.RepositoryRoot, "tests", "Generators.Tests", "Esql", "Golden", "EsqlPipeline.cs.txt");
        if (Environment.GetEnvironmentVariable("AZURERULES_UPDATE_GOLDEN") == "1") File.WriteAllText(path, compiled.Members);
        Assert.Equal(File.ReadAllText(path).Replace("\r\n", "\n"), compiled.Members);
    }

    /// <summary>One table per fact: every function the catalog says the runtime implements exists there, with a fitting signature.</summary>
    [Fact]
    public void Every_catalog_runtime_method_exists_in_the_sdk()
    {
        var sdk = typeof(AzureRules.Sdk.Esql.EsqlDetection).Assembly;
        var missing = new List<string>();
        var implemented = 0;
        foreach (var function in AzureRules.Generators.Esql.Binding.EsqlFunctionCatalog.All)
        {
            if (function.RuntimeMethod is null) continue;
            implemented++;
            var dot = function.RuntimeMethod.IndexOf('.');
            var type = sdk.GetType("AzureRules.Sdk.Esql." + function.RuntimeMethod[..dot]);
            var methods = type?.GetMethods().Where(m => m.Name == function.RuntimeMethod[(dot + 1)..] && m.IsStatic).ToList() ?? [];
            if (methods.Count == 0) missing.Add($"{function.Name} → {function.RuntimeMethod}");
        }
        Assert.True(missing.Count == 0, string.Join(", ", missing));
        Assert.True(implemented >= 135, $"{implemented} functions implemented");
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
