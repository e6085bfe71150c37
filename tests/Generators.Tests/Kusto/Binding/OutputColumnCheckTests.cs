using AzureRules.Generators.Diagnostics;
using AzureRules.Generators.Kusto.Symbols;
using AzureRules.Generators.Model;
using AzureRules.Generators.Sentinel;
using Xunit;

namespace AzureRules.Generators.Tests.Kusto.Binding;

/// <summary>AR0750-AR0752: entity mappings, custom details and alert detail placeholders against the output columns.</summary>
public sealed class OutputColumnCheckTests
{
    private static readonly TableSchema Output = TableSchema.Of(new[]
    {
        new ColumnSymbol("AccountCustomEntity", ScalarType.String), new ColumnSymbol("IPCustomEntity", ScalarType.String),
        new ColumnSymbol("count_", ScalarType.Long),
    });

    private static Located<string> At(string value, int line, int column)
        => new(value, new SourceSpan("rule.yaml", new SourcePosition(line * 100 + column, line, column), new SourcePosition(line * 100 + column + value.Length, line, column + value.Length)));

    private static RuleDefinition Rule(params EntityMapping[] mappings) => new()
    {
        FilePath = "rule.yaml", Format = RuleFormat.SentinelYaml, Kind = "Scheduled", Name = At("r", 0, 6),
        EntityMappings = mappings.ToEquatableArray(),
    };

    [Fact]
    public void Mapped_columns_that_the_query_returns_pass()
    {
        var rule = Rule(new EntityMapping(At("Account", 1, 16), new[] { new FieldMapping(At("FullName", 3, 20), At("AccountCustomEntity", 4, 20)) }.ToEquatableArray()));
        Assert.Empty(OutputColumnChecks.Check(rule, Output));
    }

    [Fact]
    public void Entity_column_missing_from_output_is_reported_at_the_column_name()
    {
        var rule = Rule(new EntityMapping(At("Host", 1, 16), new[] { new FieldMapping(At("HostName", 3, 20), At("HostCustomEntity", 4, 20)) }.ToEquatableArray()));
        var d = Assert.Single(OutputColumnChecks.Check(rule, Output));
        Assert.Equal("AR0750", d.Id);
        Assert.Equal(4, d.Span.Start.Line);
        Assert.Equal(20, d.Span.Start.Column);
        Assert.Contains("HostCustomEntity", d.FormatMessage());
    }

    [Fact]
    public void Custom_detail_column_missing_from_output_is_reported()
    {
        var rule = Rule() with { CustomDetails = new[] { new CustomDetail(At("Count", 6, 4), At("Total", 6, 11)) }.ToEquatableArray() };
        var d = Assert.Single(OutputColumnChecks.Check(rule, Output));
        Assert.Equal("AR0751", d.Id);
        Assert.Equal(11, d.Span.Start.Column);
    }

    [Fact]
    public void Alert_detail_placeholder_missing_from_output_is_reported_at_the_placeholder()
    {
        var template = At("Sign-in by {{AccountCustomEntity}} from {{SourceIP}}", 8, 25);
        var rule = Rule() with { AlertDetailsOverride = new[] { new AlertDetailOverride("alertDisplayNameFormat", template) }.ToEquatableArray() };
        var d = Assert.Single(OutputColumnChecks.Check(rule, Output));
        Assert.Equal("AR0752", d.Id);
        Assert.Equal(25 + "Sign-in by {{AccountCustomEntity}} from ".Length, d.Span.Start.Column);
        Assert.Contains("SourceIP", d.FormatMessage());
    }

    [Fact]
    public void An_open_output_schema_reports_nothing()
    {
        var rule = Rule(new EntityMapping(At("Host", 1, 16), new[] { new FieldMapping(At("HostName", 3, 20), At("Anything", 4, 20)) }.ToEquatableArray()));
        Assert.Empty(OutputColumnChecks.Check(rule, Output.AsOpen()));
        Assert.Empty(OutputColumnChecks.Check(rule, null));
    }
}
