namespace AzureRules.Sdk.Esql;

/// <summary>A computed column: its name, its expression, and the type the compiler inferred (used when no row tells).</summary>
public readonly record struct EsqlField(string Name, EsqlExpression Expression, EsqlDataType? Type = null, string? CopyOf = null);

/// <summary>ROW, WHERE, EVAL, SORT, LIMIT and MV_EXPAND.</summary>
public static partial class EsqlOperators
{
    /// <summary>The default result size when the query has no LIMIT (Elasticsearch's <c>esql.query.result_truncation_default_size</c>).</summary>
    public const int DefaultLimit = 1000;

    /// <summary>ROW: one row of the given fields, evaluated left to right (a later field sees the earlier ones).</summary>
    public static EsqlTable Row(params EsqlField[] fields)
        => Eval(new EsqlTable([], [new object?[0]]), fields);

    public static EsqlTable Where(EsqlTable table, EsqlExpression condition)
    {
        var test = condition(table);
        var rows = table.Rows.Where(row => EsqlCompare.IsTrue(test(row))).ToList();
        return table.WithRows(rows);
    }

    /// <summary>
    /// EVAL: appends each field as a column, left to right. A field named like an existing column
    /// replaces it, and the new column goes to the end (as in Elasticsearch).
    /// </summary>
    public static EsqlTable Eval(EsqlTable table, params EsqlField[] fields)
    {
        foreach (var field in fields) table = EvalOne(table, field);
        return table;
    }

    private static EsqlTable EvalOne(EsqlTable table, EsqlField field)
    {
        var evaluate = field.Expression(table);
        var values = table.Rows.Select(row => evaluate(row)).ToArray();
        var type = field.CopyOf is { } source && table.Find(source) is { } ordinal ? table.TypeOf(ordinal) : InferType(values, field.Type);
        return Append(table, field.Name, type, values);
    }

    /// <summary>The type of computed values: the first value's, else the compiler's, else null.</summary>
    internal static EsqlDataType InferType(IEnumerable<object?> values, EsqlDataType? compiled)
    {
        EsqlDataType? found = null;
        foreach (var value in values)
        {
            if (EsqlDataTypes.OfValue(value) is not { } type) continue;
            // a column mixing integers and longs (CASE over both) is long, with doubles double
            if (found is null || Wider(type, found.Value)) found = type;
        }
        return found ?? compiled ?? EsqlDataType.Null;
    }

    private static bool Wider(EsqlDataType type, EsqlDataType than)
        => (than, type) is (EsqlDataType.Integer, EsqlDataType.Long or EsqlDataType.Double) or (EsqlDataType.Long, EsqlDataType.Double);

    /// <summary>Adds a column at the end, dropping an existing column of the same name.</summary>
    internal static EsqlTable Append(EsqlTable table, string name, EsqlDataType type, object?[] values)
    {
        var existing = table.Find(name);
        var columns = new List<EsqlColumn>(table.Columns.Count + 1);
        for (var c = 0; c < table.Columns.Count; c++)
            if (c != existing) columns.Add(table.Columns[c]);
        columns.Add(new EsqlColumn(name, type));
        var rows = new List<object?[]>(table.Rows.Count);
        for (var r = 0; r < table.Rows.Count; r++)
        {
            var source = table.Rows[r];
            var cells = new object?[columns.Count];
            var i = 0;
            for (var c = 0; c < source.Length; c++)
                if (c != existing) cells[i++] = source[c];
            cells[i] = values[r];
            rows.Add(cells);
        }
        return new EsqlTable(columns, rows) { IsAggregated = table.IsAggregated };
    }

    /// <summary>One sort key: ascending by default; nulls last when ascending and first when descending unless the query says.</summary>
    public readonly record struct Order(EsqlExpression Expression, bool Descending = false, bool? NullsFirst = null);

    /// <summary>
    /// SORT: stable, by each key in turn. A multi-valued key sorts by its smallest value ascending and
    /// its largest descending, as Elasticsearch does.
    /// </summary>
    public static EsqlTable Sort(EsqlTable table, params Order[] orders)
    {
        var keys = orders.Select(o => o.Expression(table)).ToArray();
        var computed = table.Rows.Select(row => keys.Select(k => k(row)).ToArray()).ToArray();
        var indices = Enumerable.Range(0, table.Rows.Count).ToArray();
        var comparer = Comparer<int>.Create((x, y) =>
        {
            for (var k = 0; k < orders.Length; k++)
            {
                var order = orders[k];
                var a = SortValue(computed[x][k], order.Descending);
                var b = SortValue(computed[y][k], order.Descending);
                var nullsFirst = order.NullsFirst ?? order.Descending;
                int c;
                if (a is null || b is null)
                    c = a is null && b is null ? 0 : (a is null) == nullsFirst ? -1 : 1;
                else
                    c = order.Descending ? EsqlCompare.Order(b, a) : EsqlCompare.Order(a, b);
                if (c != 0) return c;
            }
            return x.CompareTo(y);
        });
        Array.Sort(indices, comparer);
        var rows = indices.Select(i => table.Rows[i]).ToList();
        return table.WithRows(rows);
    }

    private static object? SortValue(object? value, bool descending)
        => value is EsqlMulti multi ? (descending ? multi.Items.Max(EsqlValueComparer.Instance) : multi.Items.Min(EsqlValueComparer.Instance)) : value;

    public static EsqlTable Limit(EsqlTable table, int count)
        => table.Rows.Count <= count ? table : table.WithRows(table.Rows.Take(Math.Max(0, count)).ToList());

    /// <summary>MV_EXPAND: one row per value of the column (a null or single value keeps its one row).</summary>
    public static EsqlTable MvExpand(EsqlTable table, string column)
    {
        var ordinal = table[column];
        var rows = new List<object?[]>(table.Rows.Count);
        foreach (var row in table.Rows)
        {
            if (row[ordinal] is not EsqlMulti multi)
            {
                rows.Add(row);
                continue;
            }
            foreach (var item in multi.Items)
            {
                var copy = (object?[])row.Clone();
                copy[ordinal] = item;
                rows.Add(copy);
            }
        }
        return table.WithRows(rows);
    }
}
