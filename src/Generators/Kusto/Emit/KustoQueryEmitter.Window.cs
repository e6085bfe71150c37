using System.Collections.Generic;
using System.Linq;
using AzureRules.Generators.Kusto.Syntax;
using static AzureRules.Generators.Kusto.Emit.KustoRuntimeNames;

namespace AzureRules.Generators.Kusto.Emit;

// Window functions (prev, next, row_number, row_cumsum, row_rank_dense, row_rank_min, row_window_session)
// read other rows of the serialized input, which a per-row binder cannot see. Each call in an extend,
// project, where or serialize is therefore computed first, over the whole input in its order, into a
// hidden column (KustoOperators.Window); the operator then reads that column where the call was, and
// the hidden columns are dropped after it.
internal sealed partial class KustoQueryEmitter
{
    /// <summary>The runtime's <c>KustoWindowFunction</c> member a call is, or null when it is not a window function.</summary>
    private string? WindowFunction(FunctionCallExpression call) => _model.FunctionOf(_instance, call)?.Name switch
    {
        "prev" => "Prev",
        "next" => "Next",
        "row_number" => "RowNumber",
        "row_cumsum" => "RowCumSum",
        "row_rank_dense" => "RowRankDense",
        "row_rank_min" or "row_rank" => "RowRankMin",
        "row_window_session" => "RowWindowSession",
        _ => null,
    };

    private bool ContainsWindowFunction(Expression expression) => ContainsCall(expression, call => WindowFunction(call) is not null);

    /// <summary>
    /// Computes every window call in <paramref name="values"/> into a hidden column of <paramref name="input"/>
    /// (innermost first, so <c>prev(row_number())</c> works) and returns the values reading those columns
    /// instead, with the hidden columns' names; Values is null when a call could not be compiled.
    /// </summary>
    private (List<Expression>? Values, List<string> Hidden) HoistWindowFunctions(List<Expression> values, ref string input)
    {
        var hidden = new List<string>();
        if (!values.Any(ContainsWindowFunction)) return (values, hidden);
        var table = input;
        var result = new List<Expression>();
        foreach (var value in values)
        {
            var rewritten = ReplaceCalls(value, Hoist);
            if (rewritten is null) return (null, hidden);
            result.Add(rewritten);
        }
        input = table;
        return (result, hidden);

        CallReplacement Hoist(FunctionCallExpression call)
        {
            if (WindowFunction(call) is not { } function) return CallReplacement.Keep;
            var arguments = new List<Expression>();
            foreach (var argument in call.Arguments)
            {
                var rewritten = ReplaceCalls(argument is NamedExpression named ? named.Value : argument, Hoist);
                if (rewritten is null) return CallReplacement.Failed;
                arguments.Add(rewritten);
            }
            var column = NewName("__window");
            hidden.Add(column);
            table = TableLocal($"{Operators}.Window({table}, {CSharpLiteralAlias.String(column)}, {Namespace}.Operators.KustoWindowFunction.{function}, {MultiBinder(arguments)})");
            return CallReplacement.With(new NameReference(call.Span, column));
        }
    }

    /// <summary>The operator's result without the hidden window columns it was given.</summary>
    private string WithoutHiddenColumns(string table, List<string> hidden)
        => hidden.Count == 0 ? table : TableLocal($"{Operators}.ProjectAway({table}, {KustoLiterals.Strings(hidden)})");
}
