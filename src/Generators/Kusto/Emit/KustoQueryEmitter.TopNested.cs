using System.Collections.Generic;
using System.Linq;
using AzureRules.Generators.Diagnostics;
using AzureRules.Generators.Kusto.Binding;
using AzureRules.Generators.Kusto.Syntax;
using static AzureRules.Generators.Kusto.Emit.KustoRuntimeNames;

namespace AzureRules.Generators.Kusto.Emit;

// top-nested and top-hitters (the runtime's KustoOperators.TopNested.cs runs them).
internal sealed partial class KustoQueryEmitter
{
    /// <summary>Each level: its value's name and binder, count, others value and aggregate (compiled as summarize's, named aggregated_Name when unnamed).</summary>
    private string TopNested(TopNestedOperator topNested, string input)
    {
        var levels = new List<string>();
        var unnamed = 0;
        foreach (var clause in topNested.Clauses)
        {
            var (name, of) = Named(clause.Of);
            name ??= KustoColumnNames.Of(of) ?? "Column" + (++unnamed).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var aggregateItem = clause.By.Expression;
            if (Named(aggregateItem).Value is not FunctionCallExpression call || !IsAggregate(call))
                return UnsupportedTable(clause.By, DiagnosticDescriptors.KustoUnsupportedConstruct, "A top-nested by that is not an aggregation call");
            if (aggregateItem is not NamedExpression) aggregateItem = new NamedExpression(aggregateItem.Span, new NameDeclaration(aggregateItem.Span, "aggregated_" + name), aggregateItem);
            if (Aggregate(aggregateItem, [], null) is not { } aggregate) return $"{Table}.Empty";
            var count = clause.Count is null ? "-1L" : $"{Scalar(clause.Count, null)}.AsLong";
            var others = clause.Others is null ? $"{Value}.Null" : Scalar(clause.Others, null);
            var ascending = clause.By.Direction == SortDirection.Ascending ? "true" : "false";
            levels.Add($"new {Namespace}.Operators.KustoTopNestedLevel({CSharpLiteralAlias.String(name)}, {Binder(of)}, {count}, {(clause.Others is null ? "false" : "true")}, {others}, {aggregate}, {ascending})");
        }
        return TableLocal($"{Operators}.TopNested({input}, {KustoLiterals.Array(levels, $"{Namespace}.Operators.KustoTopNestedLevel")})");
    }

    private string TopHitters(TopHittersOperator topHitters, string input)
    {
        var (name, of) = Named(topHitters.Of);
        name ??= KustoColumnNames.Of(of);
        if (name is null) return UnsupportedTable(topHitters.Of, DiagnosticDescriptors.KustoUnsupportedConstruct, "A top-hitters of that is not a column");
        var weightName = topHitters.By is null ? "approximate_count_" + name : "approximate_sum_" + (KustoColumnNames.Of(topHitters.By) ?? "Column1");
        var weight = topHitters.By is null ? "null" : Binder(topHitters.By);
        return TableLocal($"{Operators}.TopHitters({input}, {Scalar(topHitters.Count, null)}, {CSharpLiteralAlias.String(name)}, {Binder(of)}, {CSharpLiteralAlias.String(weightName)}, {weight})");
    }
}
