using AzureRules.Generators.Diagnostics;
using AzureRules.Generators.Kusto.Binding;
using AzureRules.Generators.Kusto.Parsing;
using AzureRules.Generators.Kusto.Symbols;
using AzureRules.Generators.Model;
using Xunit;

namespace AzureRules.Generators.Tests.Kusto.Binding;

/// <summary>Parses and binds a query against a small, fully known workspace (or Sentinel's).</summary>
internal static class BindingTestHelper
{
    public static readonly KustoGlobals Workspace = new(
        new[]
        {
            Table("Events", "TimeGenerated:datetime", "Computer:string", "EventID:int", "Account:string", "Properties:dynamic", "Bytes:long"),
            Table("Logons", "TimeGenerated:datetime", "Account:string", "IPAddress:string", "Success:bool"),
            Table("Alerts", "TimeGenerated:datetime", "AlertName:string", "Account:string", "Entities:string"),
        },
        new[]
        {
            new StoredFunctionSymbol("GetUsers",
                new[] { new ParameterSymbol("prefix", ScalarType.String, IsTabular: false, IsOptional: true) }.ToEquatableArray(),
                TableSchema.Of(new[] { new ColumnSymbol("UserName", ScalarType.String) }), "test"),
        });

    public static TableSymbol Table(string name, params string[] columns)
        => new(name, TableSchema.Of(columns.Select(c =>
        {
            var parts = c.Split(':');
            ScalarTypes.TryParse(parts[1], out var type);
            return new ColumnSymbol(parts[0], type);
        })), "test");

    public static KustoBoundResult Bind(string query, KustoGlobals? globals = null)
    {
        var tree = KustoParser.Parse(query);
        Assert.False(tree.HasErrors, "the test query must parse: " + string.Join("; ", tree.Diagnostics.Select(d => d.Id + " " + string.Join(",", d.Arguments))));
        return KustoBinder.Bind(tree, globals ?? Workspace);
    }

    /// <summary>Binds a query that must have no diagnostic at all and returns its output schema.</summary>
    public static TableSchema Output(string query, KustoGlobals? globals = null)
    {
        var result = Bind(query, globals);
        Assert.True(result.Diagnostics.IsEmpty, "unexpected diagnostics: " + Describe(query, result.Diagnostics));
        Assert.NotNull(result.Output);
        return result.Output!;
    }

    public static string Columns(TableSchema schema) => string.Join(", ", schema.Columns.Select(c => c.Name + ":" + c.Type.Name()));

    public static string Names(TableSchema schema) => string.Join(", ", schema.Columns.Select(c => c.Name));

    /// <summary>Asserts exactly one diagnostic with <paramref name="id"/>, standing on <paramref name="text"/>.</summary>
    public static QueryDiagnostic Single(string query, string id, string text, KustoGlobals? globals = null)
    {
        var result = Bind(query, globals);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(text, query.Substring(diagnostic.Start, diagnostic.Length));
        return diagnostic;
    }

    public static string Describe(string query, IEnumerable<QueryDiagnostic> diagnostics)
        => string.Join("; ", diagnostics.Select(d => $"{d.Id} '{query.Substring(d.Start, d.Length)}' {string.Join(",", d.Arguments)}"));
}
