using System.Text;
using AzureRules.Sdk.Esql;

namespace AzureRules.Sdk.Tests.Esql;

/// <summary>Small helpers: tables from JSON lines, column expressions, and a warnings scope.</summary>
internal static class EsqlTestData
{
    public static EsqlMemorySource Source(string index, IReadOnlyDictionary<string, string>? mapping, params string[] documents)
        => new([new EsqlIndex(index, [.. documents.Select((d, i) => new EsqlDocument("doc-" + (i + 1), Encoding.UTF8.GetBytes(d)))], mapping)]);

    public static EsqlTable From(EsqlMemorySource source, string index = "test") => EsqlOperators.From(source, [index], ["_id"]);

    /// <summary>A column reference, as the generator emits one.</summary>
    public static EsqlExpression Column(string name) => t => { var c = t[name]; return r => r[c]; };

    public static EsqlExpression Constant(object? value) => _ => _ => value;

    public static EsqlExpression Call(Func<object?, object?> function, string column) => t => { var c = t[column]; return r => function(r[c]); };

    public static object?[] Values(EsqlTable table, string column) => table.Rows.Select(r => r[table[column]]).ToArray();

    public static EsqlMulti Multi(params object[] items) => new(items);

    /// <summary>Runs <paramref name="action"/> collecting the warnings it raises.</summary>
    public static (T Result, List<string> Warnings) Warned<T>(Func<T> action)
    {
        var warnings = new List<string>();
        using (EsqlWarnings.Collect(warnings)) return (action(), warnings);
    }
}
