using System.Collections.Generic;
using System.Linq;
using AzureRules.Generators.Diagnostics;
using AzureRules.Generators.Kusto.Binding;
using AzureRules.Generators.Kusto.Syntax;
using static AzureRules.Generators.Kusto.Emit.KustoRuntimeNames;

namespace AzureRules.Generators.Kusto.Emit;

// join and lookup (the binder's KustoBinder.Join.cs gives their schema, normalised kind and keys; the
// runtime's KustoOperators.Join.cs runs them).
internal sealed partial class KustoQueryEmitter
{
    private string Join(JoinOperator join, string input)
    {
        if (_model.JoinOf(_instance, join) is not { } bound)
            return UnsupportedTable(join, DiagnosticDescriptors.KustoUnsupportedConstruct, "A join the binder did not bind");
        if (bound.Kind is not { } kind)
            return UnsupportedTable(join, DiagnosticDescriptors.KustoUnsupportedConstruct, $"join kind={bound.KindText}");
        var right = Tabular(join.Right);
        if (bound.LeftKeys is null || bound.RightKeys is null)
            return UnsupportedTable(join, DiagnosticDescriptors.KustoUnsupportedConstruct, "A join condition other than column equality");
        return TableLocal($"{Operators}.Join({input}, {right}, {JoinKindName}.{kind}, {KustoLiterals.Strings(bound.LeftKeys)}, {KustoLiterals.Strings(bound.RightKeys)})");
    }

    /// <summary>lookup: a leftouter or inner join that keeps the right side's key columns out (the runtime's Lookup).</summary>
    private string Lookup(LookupOperator lookup, string input)
    {
        var right = Tabular(lookup.Right);
        if (_model.JoinOf(_instance, lookup) is not { LeftKeys: { } leftKeys, RightKeys: { } rightKeys } bound)
            return UnsupportedTable(lookup, DiagnosticDescriptors.KustoUnsupportedConstruct, "A lookup condition other than column equality");
        if (bound.Kind is not (JoinKind.LeftOuter or JoinKind.Inner))
            return UnsupportedTable(lookup, DiagnosticDescriptors.KustoUnsupportedConstruct, $"lookup kind={bound.KindText?.ToLowerInvariant()}");
        return TableLocal($"{Operators}.Lookup({input}, {right}, {(bound.Kind == JoinKind.Inner ? "true" : "false")}, {KustoLiterals.Strings(leftKeys)}, {KustoLiterals.Strings(rightKeys)})");
    }
}
