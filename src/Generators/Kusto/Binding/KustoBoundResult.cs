using AzureRules.Generators.Diagnostics;
using AzureRules.Generators.Kusto.Symbols;
using AzureRules.Generators.Model;

namespace AzureRules.Generators.Kusto.Binding;

/// <summary>
/// What binding a query found: the columns its result has (null when the query's last statement is not
/// tabular) and the semantic diagnostics. <see cref="TableSchema.IsOpen"/> on the output says that some
/// columns are known only at run time (evaluate bag_unpack, pivot, a table nobody publishes).
/// <see cref="Model"/> is everything else the binder found, the one model the emitter reads; it is
/// incomplete when <see cref="IsComplete"/> is false (the binder stopped on a bug of its own).
/// </summary>
internal sealed record KustoBoundResult(TableSchema? Output, EquatableArray<QueryDiagnostic> Diagnostics)
{
    public KustoSemanticModel Model { get; init; } = new();

    public bool IsComplete { get; init; } = true;

    public bool HasErrors
    {
        get
        {
            foreach (var d in Diagnostics)
                if (DiagnosticDescriptors.Get(d.Id).DefaultSeverity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error) return true;
            return false;
        }
    }
}
