using System.Diagnostics;
using AzureRules.Generators.Formats.Json;
using AzureRules.Generators.Pipeline;
using AzureRules.Generators.Tests.Pipeline;
using Xunit;

namespace AzureRules.Generators.Tests.Hostile;

/// <summary>Rule files written to hurt the compiler: long chains, duplicate keys, odd project names, huge files.</summary>
public sealed class HostileRuleTests
{
    private static string Chain(string op, int terms, Func<int, string> term) => string.Join($" {op} ", Enumerable.Range(0, terms).Select(term));

    private static string ElasticToml(string id, string language, string type, string query) => RuleSamples.ElasticToml(id, "Chain " + language, query)
        .Replace("language = \"kuery\"", $"language = \"{language}\"").Replace("type = \"query\"", $"type = \"{type}\"");

    public static TheoryData<string, string> LongChains(int terms) => new()
    {
        { "kusto.yaml", RuleSamples.SentinelYaml("11111111-1111-1111-1111-111111111111", "Chain Kusto", "SigninLogs | where " + Chain("or", terms, i => $"UserPrincipalName == \"{i}\"")) },
        { "eql.toml", ElasticToml("22222222-2222-2222-2222-222222222222", "eql", "eql", "process where " + Chain("or", terms, i => $"process.name == \"{i}\"")) },
        { "eqland.toml", ElasticToml("33333333-3333-3333-3333-333333333333", "eql", "eql", "process where " + Chain("and", terms, i => $"process.name != \"{i}\"")) },
        { "esql.toml", ElasticToml("44444444-4444-4444-4444-444444444444", "esql", "esql", "FROM logs-* | WHERE " + Chain("OR", terms, i => $"process.name == \"{i}\"")) },
        { "kuery.toml", ElasticToml("55555555-5555-5555-5555-555555555555", "kuery", "query", Chain("or", terms, i => $"process.name : \"{i}\"")) },
    };

    public static TheoryData<string, string> VeryLongChains => LongChains(30_000);
    public static TheoryData<string, string> CompiledChains => LongChains(400);

    [Theory]
    [MemberData(nameof(VeryLongChains))]
    public void A_30000_term_chain_is_compiled_in_linear_time_without_recursion_per_term(string name, string text)
    {
        var clock = Stopwatch.StartNew();
        var file = LargeStack.Run(() => CompiledFile.From("/repo/Rules/" + name, name, text));
        Assert.DoesNotContain(file.Diagnostics, d => d.Id == "AR0001");
        Assert.Single(file.Rules);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
    }

    [Theory]
    [MemberData(nameof(CompiledChains))]
    public void Generated_code_for_a_long_chain_compiles(string name, string text)
    {
        var run = GeneratorHarness.Run(GeneratorHarness.CreateDriver(new GeneratorHarness.RuleText("/repo/Rules/" + name, text)));
        Assert.Empty(run.CompileErrors);
        Assert.DoesNotContain(run.Diagnostics, d => d.Id == "AR0001");
    }

    [Fact]
    public void Grouped_chains_nest_logarithmically_and_keep_operand_order()
    {
        var operands = Enumerable.Range(0, 1000).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var text = ExpressionChains.Grouped(operands, 2, pair => $"({pair[0]}+{pair[1]})");
        Assert.Equal(string.Join("+", operands), text.Replace("(", "").Replace(")", ""));
        var depth = 0;
        var max = 0;
        foreach (var c in text) { depth += c == '(' ? 1 : c == ')' ? -1 : 0; max = Math.Max(max, depth); }
        Assert.Equal(10, max); // ceil(log2(1000))
    }

    [Theory]
    [InlineData("{\"rule_id\": \"a\", \"query\": \"x\", \"query\": \"y\"}", 1, 32)]
    [InlineData("{\n  \"threat\": [{\"tactic\": {\"id\": \"TA0001\", \"id\": \"TA0002\"}}]\n}", 2, 42)]
    public void Duplicate_keys_in_Kibana_json_are_an_error_at_the_second_key(string text, int line, int column)
    {
        var error = JsonParser.Parse(text, out _).Error;
        Assert.NotNull(error);
        Assert.Contains("duplicate key", error.Message, StringComparison.Ordinal);
        Assert.Equal((line, column), (error.Position.Line + 1, error.Position.Column + 1));
        var lines = JsonParser.ParseLines("{\"a\": 1}\n" + text.Replace("\n", " ") + "\n", out _);
        Assert.Null(lines[0].Error);
        Assert.Contains("duplicate key", lines[1].Error!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("my-rules", "my_rules")]
    [InlineData("Contoso.9lives.rules v2", "Contoso._9lives.rules_v2")]
    [InlineData("class.namespace", "@class.@namespace")]
    [InlineData("Good.Name", "Good.Name")]
    [InlineData("a..b", "a._.b")]
    public void Project_names_become_valid_namespaces(string rootNamespace, string expected)
        => Assert.Equal(expected, GeneratorOptions.ValidNamespace(rootNamespace));

    [Fact]
    public void Rules_that_together_pass_the_assemblys_string_literal_limit_are_a_located_error_and_the_rest_emits()
    {
        // each rule is within the file limit, but each carries its 500,000-character value twice (query text,
        // compiled matcher): 2 MB of the user-string heap per rule, 18 MB for nine, past C#'s 16 MB
        var rules = Enumerable.Range(1, 9).Select(n => new GeneratorHarness.RuleText($"/repo/Rules/big{n}.toml",
            RuleSamples.ElasticToml($"00000000-0000-0000-0000-{n:D12}", $"Big {n}", "process.name : \"" + new string((char)('a' + n), 500_000) + "\""))).ToArray();
        var run = GeneratorHarness.Run(GeneratorHarness.CreateDriver(rules));

        var errors = run.Diagnostics.Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error).ToList();
        Assert.All(errors, e => Assert.Equal("AR0002", e.Id));
        Assert.All(errors, e => Assert.Contains("CS8103", e.GetMessage(), StringComparison.Ordinal));
        Assert.Equal(["/repo/Rules/big8.toml", "/repo/Rules/big9.toml"], errors.Select(e => e.Location.GetLineSpan().Path).Order());
        Assert.Empty(run.CompileErrors);
        using var image = new MemoryStream();
        var emitted = run.Output.Emit(image);
        Assert.True(emitted.Success, string.Join("; ", emitted.Diagnostics.Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error)));
        var classes = run.Output.SyntaxTrees.Select(t => Path.GetFileName(t.FilePath)).Where(n => n.StartsWith("Big", StringComparison.Ordinal)).ToList();
        Assert.Equal(7, classes.Count);
    }

    [Fact]
    public void The_literal_budget_counts_each_distinct_literal_once_at_its_heap_size()
    {
        var literals = GeneratedRuleSource.StringLiterals("class C { string a = \"x\\n\"; string b = \"x\\n\"; string c = \"\"\"raw\"\"\"; System.ReadOnlySpan<byte> d => \"data\"u8; char e = 'q'; }");
        Assert.Equal(["x\n", "raw"], literals.Items.ToArray());
        Assert.Equal(2 * 2 + 1 + 1, UserStringBudget.Cost("x\n"));
        Assert.Equal(2 * 100_000 + 1 + 4, UserStringBudget.Cost(new string('a', 100_000)));
    }

    [Fact]
    public void A_rule_file_over_the_size_limit_is_a_located_error_and_generates_nothing()
    {
        var huge = RuleSamples.SentinelYaml("66666666-6666-6666-6666-666666666666", "Huge", "SigninLogs | where UserPrincipalName == \"" + new string('x', RuleLimits.MaxFileLength) + "\"");
        var file = CompiledFile.From("/repo/Rules/huge.yaml", "huge.yaml", huge);
        Assert.Empty(file.Rules);
        var error = Assert.Single(file.Diagnostics);
        Assert.Equal("AR0002", error.Id);
    }
}

public sealed class FuzzFindingTests
{
    [Fact]
    public void A_yaml_line_starting_with_a_bare_colon_is_a_syntax_error_not_a_compiler_failure()
    {
        // found by RuleFuzzTests: YamlDotNet's loader threw ArgumentException ("unsupported type")
        var text = "id: 11111111-1111-1111-1111-111111111111\nname: Fuzz\nseverityataConnectors:\n : Medium\nquery: |\n  SigninLogs\n";
        var file = CompiledFile.From("/repo/Rules/colon.yaml", "colon.yaml", text);
        Assert.DoesNotContain(file.Diagnostics, d => d.Id == "AR0001");
        Assert.Contains(file.Diagnostics, d => d.Id == "AR0101");
    }
}
