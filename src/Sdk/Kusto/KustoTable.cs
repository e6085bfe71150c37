namespace AzureRules.Sdk.Kusto;

/// <summary>
/// A tabular result: a schema and rows, each row an array of values in column order. Operators never
/// modify a table: each returns a new one (rows that pass unchanged are shared).
/// </summary>
public sealed class KustoTable
{
    public KustoTable(KustoSchema schema, IReadOnlyList<KustoValue[]> rows)
    {
        Schema = schema;
        Rows = rows;
    }

    public KustoTable(IReadOnlyList<KustoColumn> columns, IReadOnlyList<KustoValue[]> rows)
        : this(new KustoSchema(columns), rows) { }

    public static KustoTable Empty { get; } = new(new KustoSchema([]), []);

    public KustoSchema Schema { get; }
    public IReadOnlyList<KustoColumn> Columns => Schema.Columns;
    public IReadOnlyList<KustoValue[]> Rows { get; }
    public int RowCount => Rows.Count;

    /// <summary>A value by row index and column name (for tests and hosts; operators use slots).</summary>
    public KustoValue this[int row, string column] => Rows[row].Col(Schema.Slot(column));

    /// <summary>
    /// A table with computed columns: a column's type is the type of its first non-null value
    /// (string when every value is null), as a compiled query does not know its output types.
    /// </summary>
    public static KustoTable WithInferredTypes(IReadOnlyList<string> names, IReadOnlyList<KustoValue[]> rows, IReadOnlyList<KustoType?>? known = null)
    {
        var columns = new KustoColumn[names.Count];
        for (var c = 0; c < names.Count; c++)
        {
            var type = known?[c];
            if (type is null)
            {
                type = KustoType.String;
                foreach (var row in rows)
                {
                    if (!row[c].IsNull) { type = row[c].Type; break; }
                }
            }
            columns[c] = new KustoColumn(names[c], type.Value);
        }
        return new KustoTable(columns, rows);
    }

    /// <summary>The rows as text, one string per value (Kusto's tostring), for display and tests.</summary>
    public IEnumerable<string[]> RowsAsText() => Rows.Select(r => r.Select(KustoFormat.ToText).ToArray());

    public override string ToString()
        => string.Join(", ", Columns.Select(c => c.Name)) + "\n" + string.Join("\n", RowsAsText().Select(r => string.Join(", ", r)));
}
