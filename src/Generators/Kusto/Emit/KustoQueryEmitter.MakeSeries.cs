using System.Collections.Generic;
using System.Linq;
using AzureRules.Generators.Diagnostics;
using AzureRules.Generators.Kusto.Binding;
using AzureRules.Generators.Kusto.Syntax;
using static AzureRules.Generators.Kusto.Emit.KustoRuntimeNames;

namespace AzureRules.Generators.Kusto.Emit;

internal sealed partial class KustoQueryEmitter
{
    /// <summary>
    /// make-series: the by keys and aggregates compile as summarize's do (same names, same accumulators);
    /// the runtime bins the axis and fills each aggregate's array, the default (0 when none is written) where a
    /// bin has no rows. A constant item (<c>other = -1 default = -2</c>) is that constant in every bin with rows.
    /// </summary>
    private string MakeSeries(MakeSeriesOperator makeSeries, string input)
    {
        var (keyNames, keyValues) = Columns(makeSeries.By, "Column");
        if (keyNames is null) return UnsupportedTable(makeSeries, DiagnosticDescriptors.KustoUnsupportedConstruct, "This make-series by item");
        if (makeSeries.Step is null or MissingExpression)
            return UnsupportedTable(makeSeries, DiagnosticDescriptors.KustoUnsupportedConstruct, "make-series without a step");
        if (KustoColumnNames.Of(makeSeries.Axis) is not { } axisName)
            return UnsupportedTable(makeSeries.Axis, DiagnosticDescriptors.KustoUnsupportedConstruct, "A make-series axis that is not a column");
        var aggregates = new List<string>();
        var defaults = new List<string>();
        var unnamed = 0;
        foreach (var item in makeSeries.Aggregates)
        {
            var (name, value) = Named(item.Aggregate);
            while (value is ParenthesizedExpression p) value = p.Expression;
            string? aggregate;
            if (value is FunctionCallExpression call && IsAggregate(call))
            {
                aggregate = Aggregate(item.Aggregate, keyNames, null);
            }
            else if (!ContainsAggregate(value) && !DependsOnRow(value))
            {
                name ??= KustoColumnNames.Of(value) ?? "Column" + (++unnamed).ToString(System.Globalization.CultureInfo.InvariantCulture);
                aggregate = $"new {AggregateRecord}({KustoLiterals.Strings([name])}, {Accumulators}.TakeAny, {MultiBinder([value])})";
            }
            else
            {
                return UnsupportedTable(item, DiagnosticDescriptors.KustoUnsupportedConstruct, "A make-series item that is not an aggregation call or a constant");
            }
            if (aggregate is null) return $"{Table}.Empty";
            aggregates.Add(aggregate);
            defaults.Add(item.Default is null ? $"{Value}.From(0L)" : Scalar(item.Default, null));
        }
        var from = makeSeries.From is null ? $"{Value}.Null" : Scalar(makeSeries.From, null);
        var to = makeSeries.To is null ? $"{Value}.Null" : Scalar(makeSeries.To, null);
        var nonEmpty = string.Equals(makeSeries.ParameterText("kind"), "nonempty", System.StringComparison.OrdinalIgnoreCase) ? "true" : "false";
        return TableLocal($"{Operators}.MakeSeries({input}, {KustoLiterals.Strings(keyNames)}, {MultiBinder(keyValues)}, {KustoLiterals.Array(aggregates, AggregateRecord)}, " +
            $"{KustoLiterals.Array(defaults)}, {CSharpLiteralAlias.String(axisName)}, {Binder(makeSeries.Axis)}, {from}, {to}, {Scalar(makeSeries.Step, null)}, {nonEmpty})");
    }
}
