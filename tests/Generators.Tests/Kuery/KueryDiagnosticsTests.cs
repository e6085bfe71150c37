using AzureRules.Generators.Diagnostics;
using AzureRules.Generators.Kuery;
using AzureRules.Generators.Kuery.Binding;
using AzureRules.Generators.Model;
using AzureRules.Generators.Pipeline;
using Xunit;

namespace AzureRules.Generators.Tests.Kuery;

public sealed class KueryDiagnosticsTests
{
    private static QueryDiagnostic Single(string query, string id)
    {
        var compiled = KueryCompiler.Compile(query, CatalogFieldTypes.Instance);
        return Assert.Single(compiled.Diagnostics.Items, d => d.Id == id);
    }

    [Theory]
    [InlineData("process.name:", "AR0401", 13, 0)]
    [InlineData("process.name:cmd.exe and (", "AR0401", 26, 0)]
    [InlineData("process.name:\"cmd.exe", "AR0401", 13, 1)]
    [InlineData("process.name:cmd.exe and nosuch.field:1", "AR0402", 25, 12)]
    [InlineData("destination.port:abc", "AR0403", 17, 3)]                 // a word on a number field
    [InlineData("destination.port:44*", "AR0403", 17, 3)]                 // a wildcard on a number field
    [InlineData("destination.port > \"x\"", "AR0403", 19, 3)]
    [InlineData("source.ip:localhost", "AR0403", 10, 9)]                  // not an address on an ip field
    [InlineData("source.ip:10.0.0.0/33", "AR0403", 10, 11)]
    [InlineData("@timestamp:yesterday", "AR0403", 11, 9)]
    [InlineData("process.code_signature.trusted:yes", "AR0403", 31, 3)]
    [InlineData("process.name > \"m\"", "AR0404", 15, 3)]                 // a range on a keyword runs, by character order
    [InlineData("nosuch.*:x", "AR0405", 0, 8)]
    [InlineData("process.name:{ a:1 }", "AR0406", 0, 12)]
    public void ReportsAtTheOffendingText(string query, string id, int start, int length)
    {
        var diagnostic = Single(query, id);
        Assert.Equal(start, diagnostic.Start);
        Assert.Equal(length, diagnostic.Length);
    }

    [Fact]
    public void ErrorsMakeTheQueryNotExecutable_WarningsDoNot()
    {
        Assert.False(KueryCompiler.Compile("destination.port:abc", CatalogFieldTypes.Instance).IsExecutable);
        Assert.False(KueryCompiler.Compile("a:(", CatalogFieldTypes.Instance).IsExecutable);
        Assert.True(KueryCompiler.Compile("nosuch.field:1", CatalogFieldTypes.Instance).IsExecutable);
        Assert.True(KueryCompiler.Compile("process.name > m", CatalogFieldTypes.Instance).IsExecutable);
    }

    [Fact]
    public void KnownFieldsRaiseNothing()
        => Assert.Empty(KueryCompiler.Compile("event.dataset:azure.activitylogs and source.ip:10.0.0.0/8 and destination.port >= 1024 and process.name:(cmd.exe or *.ps1)",
            CatalogFieldTypes.Instance).Diagnostics.Items);

    [Fact]
    public void SyntaxErrorsPointAtTheRuleFilesLineAndColumn()
    {
        // the query starts at line 7, column 4 of the rule file and its error is on its second line
        const string query = "event.dataset:azure.activitylogs and\nprocess.name:(a or";
        var rule = new RuleDefinition
        {
            FilePath = "rules/x.toml",
            Format = RuleFormat.ElasticToml,
            Kind = "query",
            Name = new Located<string>("x", SourceSpan.At("rules/x.toml", SourcePosition.Start)),
            Language = QueryLanguage.Kuery,
            Query = QueryText.Verbatim(query, "rules/x.toml", new SourcePosition(100, 7, 4)),
        };
        var compiled = RuleCompilation.Compile(rule, rule.FilePath);
        var error = Assert.Single(compiled.Diagnostics, d => d.Id == "AR0401");
        Assert.Equal(8, error.Span.Start.Line);
        Assert.Equal("process.name:(a or".Length, error.Span.Start.Column);
        Assert.False(compiled.Query.IsExecutable);
    }
}
