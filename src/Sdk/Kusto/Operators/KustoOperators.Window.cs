using AzureRules.Sdk.Kusto.Scalars;

namespace AzureRules.Sdk.Kusto.Operators;

/// <summary>The window functions: each reads other rows of the serialized input, not only its own.</summary>
public enum KustoWindowFunction
{
    /// <summary><c>prev(Column [, Offset [, Default]])</c>.</summary>
    Prev,
    /// <summary><c>next(Column [, Offset [, Default]])</c>.</summary>
    Next,
    /// <summary><c>row_number([StartingIndex [, Restart]])</c>.</summary>
    RowNumber,
    /// <summary><c>row_cumsum(Term [, Restart])</c>.</summary>
    RowCumSum,
    /// <summary><c>row_rank_dense(Term [, Restart])</c>.</summary>
    RowRankDense,
    /// <summary><c>row_rank_min(Term [, Restart])</c>.</summary>
    RowRankMin,
    /// <summary><c>row_window_session(Expr, MaxDistanceFromFirst, MaxDistanceBetweenNeighbors [, Restart])</c>.</summary>
    RowWindowSession,
}

public static partial class KustoOperators
{
    /// <summary>
    /// Adds the column <paramref name="name"/> holding a window function's value for each row, in the
    /// input's order (the generator computes every window call of an extend/project/where this way into a
    /// hidden column the operator then reads). The function's arguments are evaluated on every row first,
    /// as Kusto does (an offset or a restart predicate may read the row).
    /// </summary>
    public static KustoTable Window(KustoTable input, string name, KustoWindowFunction function, KustoMultiBinder arguments)
    {
        var evaluators = arguments(input.Layout);
        var rows = input.Rows;
        var values = new KustoValue[rows.Count][];
        for (var i = 0; i < rows.Count; i++)
        {
            var row = values[i] = new KustoValue[evaluators.Length];
            for (var a = 0; a < evaluators.Length; a++) row[a] = evaluators[a](rows[i]);
        }
        var results = function switch
        {
            KustoWindowFunction.Prev => Shifted(values, -1),
            KustoWindowFunction.Next => Shifted(values, 1),
            KustoWindowFunction.RowNumber => RowNumbers(values),
            KustoWindowFunction.RowCumSum => CumulativeSums(values),
            KustoWindowFunction.RowRankDense => Ranks(values, dense: true),
            KustoWindowFunction.RowRankMin => Ranks(values, dense: false),
            KustoWindowFunction.RowWindowSession => Sessions(values),
            _ => throw new ArgumentOutOfRangeException(nameof(function)),
        };
        var width = input.Columns.Count;
        var slot = input.Schema.Slot(name);
        var names = input.Schema.Names.ToList();
        if (slot < 0) { slot = width; names.Add(name); }
        var output = new List<KustoValue[]>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = new KustoValue[names.Count];
            Array.Copy(rows[i], row, width);
            row[slot] = results[i];
            output.Add(row);
        }
        var known = new KustoType?[names.Count];
        for (var c = 0; c < width; c++) if (c != slot) known[c] = input.Columns[c].Type;
        if (function is KustoWindowFunction.RowNumber or KustoWindowFunction.RowRankDense or KustoWindowFunction.RowRankMin) known[slot] = KustoType.Long;
        return KustoTable.WithInferredTypes(names, output, known);
    }

    /// <summary>prev/next: the first argument's value <c>offset</c> rows before (−1) or after (+1), else the default (null).</summary>
    private static KustoValue[] Shifted(KustoValue[][] values, int direction)
    {
        var results = new KustoValue[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            var offset = values[i].Length > 1 && !values[i][1].IsNull ? values[i][1].AsLong : 1;
            var j = i + direction * offset;
            results[i] = j >= 0 && j < values.Length ? values[j][0] : values[i].Length > 2 ? values[i][2] : KustoValue.Null;
        }
        return results;
    }

    private static bool Restarts(KustoValue[] arguments, int index) => arguments.Length > index && arguments[index].IsTrue;

    /// <summary>row_number: StartingIndex (default 1) on the first row and on each row where Restart is true, else one more.</summary>
    private static KustoValue[] RowNumbers(KustoValue[][] values)
    {
        var results = new KustoValue[values.Length];
        long number = 0;
        for (var i = 0; i < values.Length; i++)
        {
            var start = values[i].Length > 0 && !values[i][0].IsNull ? values[i][0].AsLong : 1;
            number = i == 0 || Restarts(values[i], 1) ? start : number + 1;
            results[i] = KustoValue.From(number);
        }
        return results;
    }

    /// <summary>row_cumsum: the running sum of Term, starting over where Restart is true; a null term adds nothing.</summary>
    private static KustoValue[] CumulativeSums(KustoValue[][] values)
    {
        var results = new KustoValue[values.Length];
        var sum = KustoValue.Null;
        for (var i = 0; i < values.Length; i++)
        {
            if (Restarts(values[i], 1)) sum = KustoValue.Null;
            var term = values[i][0];
            if (!term.IsNull) sum = sum.IsNull ? term : KustoArithmetic.Add(sum, term);
            results[i] = sum;
        }
        return results;
    }

    /// <summary>
    /// row_rank_dense: 1, then one more each time Term differs from the previous row's; row_rank_min: the
    /// row number (from 1) of the first row of the current run of equal terms. Restart begins again at 1.
    /// </summary>
    private static KustoValue[] Ranks(KustoValue[][] values, bool dense)
    {
        var results = new KustoValue[values.Length];
        long rank = 0, position = 0;
        for (var i = 0; i < values.Length; i++)
        {
            var term = values[i][0];
            if (i == 0 || Restarts(values[i], 1))
            {
                rank = position = 1;
            }
            else
            {
                position++;
                if (KustoComparison.AreEqual(term, values[i - 1][0]) != true && !(term.IsNull && values[i - 1][0].IsNull))
                    rank = dense ? rank + 1 : position;
            }
            results[i] = KustoValue.From(rank);
        }
        return results;
    }

    /// <summary>
    /// row_window_session: each row gets its session's first value. A value starts a new session when there
    /// is no session (first row, or after a null value), when it is at or beyond the session's first value
    /// plus MaxDistanceFromFirst or the previous value plus MaxDistanceBetweenNeighbors, or when Restart is true.
    /// A null value gets null.
    /// </summary>
    private static KustoValue[] Sessions(KustoValue[][] values)
    {
        var results = new KustoValue[values.Length];
        var start = KustoValue.Null;
        var previous = KustoValue.Null;
        for (var i = 0; i < values.Length; i++)
        {
            var value = values[i][0];
            if (value.IsNull)
            {
                results[i] = KustoValue.Null;
                start = previous = KustoValue.Null;
                continue;
            }
            var fromFirst = values[i].Length > 1 ? values[i][1] : KustoValue.Null;
            var betweenNeighbors = values[i].Length > 2 ? values[i][2] : KustoValue.Null;
            var newSession = start.IsNull
                || KustoComparison.GreaterOrEqual(value, KustoArithmetic.Add(start, fromFirst)).IsTrue
                || KustoComparison.GreaterOrEqual(value, KustoArithmetic.Add(previous, betweenNeighbors)).IsTrue
                || Restarts(values[i], 3);
            if (newSession) start = value;
            results[i] = start;
            previous = value;
        }
        return results;
    }
}
