using AzureRules.Generators.Diagnostics;
using AzureRules.Generators.Model;
using Xunit;

namespace AzureRules.Generators.Tests.Eql;

/// <summary>Each EQL diagnostic: its id, and where in the query it points (offset and length).</summary>
public sealed class EqlDiagnosticsTests
{
    private static QueryDiagnostic Single(string query, string id, TimeSpan? lookBack = null)
    {
        var compiled = EqlTestRules.Compile(query, lookBack);
        var matching = compiled.Diagnostics.Where(d => d.Id == id).ToList();
        Assert.True(matching.Count == 1, $"expected one {id} in [{string.Join(", ", compiled.Diagnostics.Select(d => $"{d.Id}@{d.Start}"))}]");
        return matching[0];
    }

    private static void AssertAt(string query, string marked, QueryDiagnostic diagnostic)
    {
        // `marked` is the text the diagnostic must cover; the first occurrence in the query
        Assert.Equal(query.IndexOf(marked, StringComparison.Ordinal), diagnostic.Start);
        Assert.Equal(marked.Length, diagnostic.Length);
    }

    [Theory]
    [InlineData("process where process.name = \"a\"", 27, "'=' is not an operator")]
    [InlineData("process where process.name == ", 30, "expected a field, a value or '(' but found end of query")]
    [InlineData("process where (process.name == \"a\"", 34, "expected ')'")]
    [InlineData("process process.name == \"a\"", 8, "expected 'where'")]
    [InlineData("process where process.name == \"a", 30, "unterminated string")]
    [InlineData("process where process.name == \"a\\qb\"", 32, "invalid escape sequence")]
    [InlineData("process where a == 1 == 2", 21, "comparisons cannot be chained")]
    [InlineData("process where a in \"x\"", 19, "expected '(' to start the list")]
    [InlineData("sequence [process where true]", 29, "a sequence needs at least two queries")]
    [InlineData("sequence with maxspan=5 [a where true] [b where true]", 22, "a time span needs a unit")]
    [InlineData("sequence with maxspan=5y [a where true] [b where true]", 23, "unknown time unit 'y'")]
    [InlineData("process where true | head 5 extra", 28, "expected '|' or end of query")]
    [InlineData("process where a == 1 /* open", 21, "unterminated comment")]
    [InlineData("process where a == #", 19, "unexpected character '#'")]
    public void SyntaxErrorsPointAtTheFault(string query, int offset, string message)
    {
        var diagnostic = Single(query, "AR0501");
        Assert.Equal(offset, diagnostic.Start);
        Assert.Contains(message, diagnostic.Arguments[0]);
    }

    [Fact]
    public void UnknownFieldIsAWarningOnTheField()
    {
        const string query = "process where process.name == \"a\" and made.up.field == \"b\"";
        AssertAt(query, "made.up.field", Single(query, "AR0502"));
        Assert.Empty(EqlTestRules.Compile("process where ?made.up.field == \"b\"").Diagnostics);
        Assert.True(EqlTestRules.Compile(query).IsExecutable);
    }

    [Fact]
    public void TypeMismatchesOfKnownFields()
    {
        const string numeric = "process where process.pid == \"abc\"";
        AssertAt(numeric, "\"abc\"", Single(numeric, "AR0503"));
        const string keyword = "process where process.name == 5";
        AssertAt(keyword, "5", Single(keyword, "AR0503"));
        const string colon = "process where process.pid : \"1*\"";
        AssertAt(colon, "process.pid", Single(colon, "AR0503"));
        Assert.DoesNotContain(EqlTestRules.Compile("process where process.pid == \"12\"").Diagnostics, d => d.Id == "AR0503");
    }

    [Fact]
    public void MaxSpanLongerThanTheLookBack()
    {
        const string query = "sequence by host.id with maxspan=1h [process where true] [network where true]";
        var diagnostic = Single(query, "AR0504", TimeSpan.FromMinutes(9));
        AssertAt(query, "1h", diagnostic);
        Assert.DoesNotContain(EqlTestRules.Compile(query, TimeSpan.FromHours(2)).Diagnostics, d => d.Id == "AR0504");
    }

    [Fact]
    public void FunctionChecks()
    {
        const string unknown = "process where fooBar(process.name)";
        AssertAt(unknown, "fooBar", Single(unknown, "AR0505"));
        const string arity = "process where startsWith(process.name)";
        AssertAt(arity, "startsWith(process.name)", Single(arity, "AR0506"));
        const string tilde = "process where length~(process.name) > 1";
        AssertAt(tilde, "length~", Single(tilde, "AR0507"));
        Assert.False(EqlTestRules.Compile(unknown).IsExecutable);
    }

    [Fact]
    public void PatternChecks()
    {
        const string regex = "process where process.name regex \"a(b\"";
        AssertAt(regex, "\"a(b\"", Single(regex, "AR0508"));
        const string cidr = "network where cidrMatch(source.ip, \"10.0.0.0/40\")";
        AssertAt(cidr, "\"10.0.0.0/40\"", Single(cidr, "AR0509"));
        const string constant = "process where process.name : process.executable";
        AssertAt(constant, "process.executable", Single(constant, "AR0510"));
    }

    [Fact]
    public void PipeAndJoinKeyChecks()
    {
        const string pipe = "process where true | unique process.name";
        AssertAt(pipe, "| unique process.name", Single(pipe, "AR0511"));
        const string head = "process where true | head -1";
        AssertAt(head, "| head -1", Single(head, "AR0511"));
        const string keys = "sequence [process where true] by process.pid [network where true]";
        AssertAt(keys, "network where true", Single(keys, "AR0512"));
    }

    [Fact]
    public void DiagnosticsMapToTheRuleFile()
    {
        // a query that starts on line 3 of the file, column 4: the error's file position follows
        var text = new QueryText("process where\n  a = 1", "r.toml", new[] { new SourceMapSegment(0, new SourcePosition(50, 2, 4)), new SourceMapSegment(14, new SourcePosition(64, 3, 0)) }.ToEquatableArray());
        var diagnostic = EqlTestRules.Compile(text.Text).Diagnostics.Single(d => d.Id == "AR0501");
        var span = diagnostic.ToRuleDiagnostic(text).Span;
        Assert.Equal((3, 4), (span.Start.Line, span.Start.Column));
    }
}
