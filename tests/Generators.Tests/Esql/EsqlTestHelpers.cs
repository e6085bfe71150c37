using AzureRules.Generators.Diagnostics;
using AzureRules.Generators.Esql;
using AzureRules.Generators.Esql.Syntax;
using Xunit;

namespace AzureRules.Generators.Tests.Esql;

internal static class EsqlTestHelpers
{
    public static IReadOnlyList<QueryDiagnostic> DiagnosticsOf(string query) => EsqlCompiler.Analyze(query).Diagnostics;

    public static EsqlQuery ParseClean(string query)
    {
        var analysis = EsqlCompiler.Analyze(query);
        var errors = analysis.Diagnostics.Where(d => d.Id == "AR0601").ToList();
        Assert.True(errors.Count == 0, string.Join("; ", errors.Select(e => $"{e.Start}: {string.Join(",", e.Arguments)}")));
        return analysis.Query;
    }

    public static T Command<T>(string query, int index = 1) where T : EsqlCommand
        => Assert.IsType<T>(ParseClean(query).Commands[index]);

    public static EsqlExpression Where(string condition)
        => Command<EsqlWhere>("FROM logs-* | WHERE " + condition).Condition;

    /// <summary>Asserts the query has exactly one diagnostic, with this id, starting at the first occurrence of <paramref name="at"/>.</summary>
    public static QueryDiagnostic Single(string query, string id, string at, int? length = null)
    {
        var diagnostic = Assert.Single(DiagnosticsOf(query));
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(query.IndexOf(at, StringComparison.Ordinal), diagnostic.Start);
        if (length is not null) Assert.Equal(length, diagnostic.Length);
        return diagnostic;
    }

    public static void Clean(string query)
    {
        var diagnostics = DiagnosticsOf(query);
        Assert.True(diagnostics.Count == 0, string.Join("; ", diagnostics.Select(d => $"{d.Id}@{d.Start}: {string.Join(" | ", d.Arguments)}")));
    }
}
