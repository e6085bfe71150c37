using System.Collections.Generic;
using AzureRules.Generators.Kusto.Symbols;
using AzureRules.Generators.Kusto.Syntax;

namespace AzureRules.Generators.Kusto.Binding;

// summarize and make-series: group-by columns, then one or more columns per aggregate.
internal sealed partial class KustoBinder
{
    /// <summary>Above zero while binding the aggregates of summarize, make-series or top-nested.</summary>
    private int _aggregatesAllowed;

    /// <summary>Columns an aggregate returned through <c>*</c> (arg_max(T, *)): dropped, not renamed, when their name is taken.</summary>
    private readonly HashSet<ColumnSymbol> _fromStar = new();

    /// <summary>
    /// summarize: the group-by columns, then each aggregate's columns. A name already taken gets the first
    /// free numeric suffix (<c>ReportId = arg_max(Timestamp, ReportId)</c> gives ReportId and ReportId1), except
    /// that the columns <c>*</c> returns are not repeated.
    /// </summary>
    private TableSchema Summarize(TableSchema input, SummarizeOperator summarize, Scope scope)
    {
        var row = new RowContext(input);
        var columns = new List<ColumnSymbol>();
        var taken = new HashSet<string>(System.StringComparer.Ordinal);
        var ordinal = 1;
        foreach (var by in summarize.By)
            foreach (var column in ResultColumns(by, input, scope, row, ref ordinal))
            {
                // by format_datetime(Timestamp, …): Kusto names a computed key after the column it reads
                var key = column;
                if (by is FunctionCallExpression { Arguments.Count: > 0 } call && column.Name.StartsWith("Column", System.StringComparison.Ordinal)
                    && KustoColumnNames.Of(call.Arguments[0]) is { } argumentName)
                    key = column with { Name = argumentName };
                if (taken.Add(key.Name)) columns.Add(key);
            }
        _aggregatesAllowed++;
        try
        {
            foreach (var aggregate in summarize.Aggregates)
            {
                foreach (var column in AggregateColumns(aggregate, input, scope, row, ref ordinal))
                {
                    if (taken.Contains(column.Name) && _fromStar.Contains(column)) continue;
                    var name = column.Name;
                    for (var suffix = 1; taken.Contains(name); suffix++)
                        name = column.Name + suffix.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    taken.Add(name);
                    columns.Add(column with { Name = name });
                }
            }
        }
        finally
        {
            _aggregatesAllowed--;
            _fromStar.Clear();
        }
        return TableSchema.Of(columns).Like(ContainsStar(summarize.Aggregates) ? input : TableSchema.Empty);
    }

    private static bool ContainsStar(IEnumerable<Expression> aggregates)
    {
        foreach (var aggregate in aggregates)
        {
            var value = aggregate is NamedExpression named ? named.Value : aggregate;
            if (value is FunctionCallExpression call)
                foreach (var argument in call.Arguments) if (argument is StarExpression) return true;
        }
        return false;
    }

    /// <summary>
    /// The columns one aggregate produces: <c>Name = agg(…)</c> one named column; <c>arg_max(T, *)</c> T and
    /// every input column; <c>percentiles(x, 50, 95)</c> one per percentile; an unnamed <c>agg(x)</c> is
    /// called <c>prefix_x</c> (count_, dcount_User, set_IP, …).
    /// </summary>
    private IEnumerable<ColumnSymbol> AggregateColumns(Expression aggregate, TableSchema input, Scope scope, RowContext row, ref int ordinal)
    {
        // Name = arg_max(T, *): the first column takes the name, the returned columns keep theirs
        if (aggregate is NamedExpression { Value: FunctionCallExpression { Name.Name: "arg_max" or "arg_min" or "argmax" or "argmin" } } namedArg)
        {
            var all = new List<ColumnSymbol>(AggregateColumns(namedArg.Value, input, scope, row, ref ordinal));
            if (all.Count > 0) all[0] = all[0] with { Name = namedArg.Name.Name };
            return all;
        }
        if (aggregate is NamedExpression or TupleNamedExpression) return ResultColumns(aggregate, input, scope, row, ref ordinal);
        if (aggregate is not FunctionCallExpression call || BuiltinFunctions.Find(call.Name.Name) is not { IsAggregate: true } signature)
        {
            // tostring(make_set(X)): an unnamed expression over one aggregate takes the aggregate's name (set_X)
            var expressionType = BindScalar(aggregate, scope, row);
            var name = KustoColumnNames.Of(aggregate) ?? InnerAggregateName(aggregate) ?? NextName(ref ordinal);
            return new[] { new ColumnSymbol(name, expressionType) };
        }

        var type = BindCall(call, scope, row, allowAggregates: true).Scalar;
        var arguments = call.Arguments;
        var first = arguments.Count > 0 ? KustoColumnNames.Of(arguments[0]) : null;
        var result = new List<ColumnSymbol>();
        switch (signature.Name)
        {
            case "arg_max" or "arg_min" or "argmax" or "argmin":
                result.Add(new ColumnSymbol(first ?? NextName(ref ordinal), type));
                for (var i = 1; i < arguments.Count; i++) AddReturnedColumns(result, arguments[i], input, scope, row, ref ordinal);
                return result;
            case "take_any" or "any" when arguments.Count > 1 || (arguments.Count == 1 && arguments[0] is StarExpression):
                foreach (var argument in arguments) AddReturnedColumns(result, argument, input, scope, row, ref ordinal);
                return result;
            case "percentiles" or "percentilesw":
            {
                var skip = signature.Name == "percentilesw" ? 2 : 1;
                for (var i = skip; i < arguments.Count; i++)
                    result.Add(new ColumnSymbol(KustoColumnNames.Percentile(arguments[0], arguments[i]), type));
                return result;
            }
            case "percentile":
            {
                result.Add(new ColumnSymbol(arguments.Count > 1 ? KustoColumnNames.Percentile(arguments[0], arguments[1]) : $"percentile_{first}_", type));
                return result;
            }
            default:
                // take_any(x) keeps the name x; the others prefix it (dcount_x, set_x, count_)
                var name = signature.ResultNamePrefix == "-" ? first ?? NextName(ref ordinal)
                    : KustoColumnNames.OfTwoArguments(signature.Name, signature.ResultNamePrefix!, arguments) ?? signature.ResultNamePrefix + "_" + (first ?? "");
                result.Add(new ColumnSymbol(name, type));
                return result;
        }
    }

    /// <summary>The name of the first unnamed aggregate call inside an expression (prefix_argument).</summary>
    private static string? InnerAggregateName(Expression expression)
    {
        switch (expression)
        {
            case FunctionCallExpression call:
                if (BuiltinFunctions.Find(call.Name.Name) is { IsAggregate: true } signature)
                    return signature.ResultNamePrefix + "_" + (call.Arguments.Count > 0 ? KustoColumnNames.Of(call.Arguments[0]) ?? "" : "");
                foreach (var argument in call.Arguments)
                    if (InnerAggregateName(argument) is { } inner) return inner;
                return null;
            case BinaryExpression binary:
                return InnerAggregateName(binary.Left) ?? InnerAggregateName(binary.Right);
            case ParenthesizedExpression parenthesized:
                return InnerAggregateName(parenthesized.Expression);
            default:
                return null;
        }
    }

    private void AddReturnedColumns(List<ColumnSymbol> result, Expression argument, TableSchema input, Scope scope, RowContext row, ref int ordinal)
    {
        if (argument is StarExpression)
        {
            foreach (var column in input.Columns) { result.Add(column); _fromStar.Add(column); }
            return;
        }
        result.AddRange(ResultColumns(argument, input, scope, row, ref ordinal));
    }

    private static string NextName(ref int ordinal) => "Column" + (ordinal++).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private TableSchema MakeSeries(TableSchema input, MakeSeriesOperator makeSeries, Scope scope)
    {
        var row = new RowContext(input);
        var columns = new List<ColumnSymbol>();
        var ordinal = 1;
        foreach (var by in makeSeries.By) columns.AddRange(ResultColumns(by, input, scope, row, ref ordinal));
        BindScalar(makeSeries.Axis, scope, row);
        foreach (var bound in new[] { makeSeries.From, makeSeries.To, makeSeries.Step })
            if (bound is not null) BindScalar(bound, scope, RowContext.None);
        _aggregatesAllowed++;
        try
        {
            foreach (var aggregate in makeSeries.Aggregates)
            {
                if (aggregate.Default is { } fallback) BindScalar(fallback, scope, RowContext.None);
                foreach (var column in AggregateColumns(aggregate.Aggregate, input, scope, row, ref ordinal))
                    columns.Add(column with { Type = ScalarType.Dynamic });
            }
        }
        finally { _aggregatesAllowed--; }
        // the by columns, the aggregates' arrays, then the axis array last (as Kusto orders them)
        columns.Add(new ColumnSymbol(KustoColumnNames.Of(makeSeries.Axis) ?? NextName(ref ordinal), ScalarType.Dynamic));
        return TableSchema.Of(columns);
    }
}
