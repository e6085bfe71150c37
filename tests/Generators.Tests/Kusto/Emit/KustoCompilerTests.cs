using AzureRules.Generators.Diagnostics;
using AzureRules.Generators.Kusto;
using AzureRules.Generators.Model;
using Xunit;

namespace AzureRules.Generators.Tests.Kusto.Emit;

/// <summary>What the Kusto compiler hands the rule emitter: members for executable queries, warnings at the offending construct otherwise.</summary>
public sealed class KustoCompilerTests
{
    private static RuleDefinition Rule(string query)
    {
        var start = SourceSpan.At("rule.yaml", SourcePosition.Start);
        return new RuleDefinition
        {
            FilePath = "rule.yaml",
            Format = RuleFormat.SentinelYaml,
            Kind = "Scheduled",
            Name = new Located<string>("test", start),
            Language = QueryLanguage.Kusto,
            Query = QueryText.Verbatim(query, "rule.yaml", SourcePosition.Start),
        };
    }

    [Fact]
    public void Executable_query_overrides_Execute_and_derives_from_KustoDetection()
    {
        var compiled = KustoCompiler.Compile(Rule("SigninLogs | where ResultType == \"0\" | summarize count() by IPAddress"));
        Assert.True(compiled.IsExecutable, compiled.NotExecutableReason);
        Assert.Equal("global::AzureRules.Sdk.Kusto.KustoDetection", compiled.BaseClass);
        Assert.Contains("public override global::AzureRules.Sdk.Kusto.KustoTable Execute(global::AzureRules.Sdk.Kusto.KustoContext context)", compiled.Members);
        Assert.Contains("context.Table(\"SigninLogs\")", compiled.Members);
        // columns are resolved once per operator execution, not per row
        Assert.Contains("s.Slot(\"ResultType\")", compiled.Members);
        Assert.Empty(compiled.Diagnostics);
    }

    [Theory]
    [InlineData("T | make-graph A --> B with N on Id", "AR0350", 4)]
    [InlineData("T | extend x = no_such_function(a)", "AR0351", 15)]
    [InlineData("T | summarize no_such_aggregate(a)", "AR0352", 14)]
    public void Unsupported_constructs_are_warnings_at_their_offset(string query, string id, int offset)
    {
        var compiled = KustoCompiler.Compile(Rule(query));
        Assert.False(compiled.IsExecutable);
        // the table T is unknown to the workspace (a binder warning); the construct has its own diagnostic
        var diagnostic = Assert.Single(compiled.Diagnostics, d => d.Id == id);
        Assert.Equal(offset, diagnostic.Start);
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Warning, DiagnosticDescriptors.Get(id).DefaultSeverity);
        Assert.NotNull(compiled.NotExecutableReason);
    }

    [Fact]
    public void Syntax_errors_are_the_parsers_diagnostics()
    {
        var compiled = KustoCompiler.Compile(Rule("T | where ("));
        Assert.False(compiled.IsExecutable);
        Assert.Contains(compiled.Diagnostics, d => d.Id == "AR0301");
    }

    [Fact]
    public void Strings_from_the_query_reach_CSharp_escaped()
    {
        var compiled = KustoCompiler.Compile(Rule("T | where A == \"\\\"); System.Environment.Exit(1); //\""));
        Assert.True(compiled.IsExecutable, compiled.NotExecutableReason);
        Assert.Contains("\\\"); System.Environment.Exit(1); //\"", compiled.Members);
    }

    [Fact]
    public void Compiling_the_same_query_twice_is_equal()
        => Assert.Equal(KustoCompiler.Compile(Rule("T | take 5")), KustoCompiler.Compile(Rule("T | take 5")));
}
