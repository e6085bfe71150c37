namespace AzureRules.Sdk.Kusto;

/// <summary>
/// A tabular result: a schema and rows, each row an array of values in column order. Operators never
/// modify a table: each returns a new one (rows that pass unchanged are shared).
/// A table is either materialised (its rows in a list) or <em>streaming</em>: the rows of where, extend,
/// project and mv-expand are computed as the next operator reads them (<see cref="Stream"/>), so a chain
/// of them makes one pass with no list per operator; an operator that needs all rows (join's build side,
/// summarize, sort, top) reads <see cref="Rows"/>, which materialises once. A streaming table knows its
/// column names up front (<see cref="Layout"/>, what compiled expressions resolve slots against); the type
/// of a column computed by an expression is the type of its first non-null value, known once rows exist.
/// </summary>
public sealed class KustoTable
{
    private readonly IReadOnlyList<string>? _names;
    private KustoColumnTypes? _types;
    private IEnumerable<KustoValue[]>? _source;
    private IReadOnlyList<KustoValue[]>? _rows;
    private KustoSchema? _schema;
    private KustoSchema? _layout;
    private bool _streamed;

    public KustoTable(KustoSchema schema, IReadOnlyList<KustoValue[]> rows)
    {
        _schema = schema;
        _rows = rows;
    }

    public KustoTable(IReadOnlyList<KustoColumn> columns, IReadOnlyList<KustoValue[]> rows)
        : this(new KustoSchema(columns), rows) { }

    private KustoTable(IReadOnlyList<string> names, KustoColumnTypes types, IEnumerable<KustoValue[]> source)
    {
        _names = names;
        _types = types;
        _source = source;
    }

    /// <summary>A table whose rows are computed as they are read, with its column types as <paramref name="types"/> resolves them.</summary>
    public static KustoTable Streaming(IReadOnlyList<string> names, KustoColumnTypes types, IEnumerable<KustoValue[]> rows)
        => new(names, types, rows);

    public static KustoTable Empty { get; } = new(new KustoSchema([]), []);

    /// <summary>The columns with their types; on a streaming table with computed columns this materialises it.</summary>
    public KustoSchema Schema => _schema ??= InferSchema();

    /// <summary>The column names (and the types known without reading rows): what compiled expressions resolve slots against.</summary>
    public KustoSchema Layout => _schema ?? (_layout ??= new KustoSchema([.. _names!.Select(n => new KustoColumn(n, KustoType.Dynamic))]));

    /// <summary>The column types, final once the rows have been produced (what a derived streaming table passes through).</summary>
    public KustoColumnTypes Types => _types ??= KustoColumnTypes.Of(Schema);

    public IReadOnlyList<KustoColumn> Columns => Schema.Columns;

    /// <summary>All rows, materialised once.</summary>
    public IReadOnlyList<KustoValue[]> Rows => _rows ??= Materialize();

    public int RowCount => Rows.Count;

    /// <summary>
    /// The rows for one pass. A streaming table is streamed once; a second reader (a let-bound table used
    /// twice) materialises it, so no chain is ever computed more than twice.
    /// </summary>
    public IEnumerable<KustoValue[]> Stream()
    {
        if (_rows is not null) return _rows;
        if (_streamed) return Rows;
        _streamed = true;
        return _source!;
    }

    /// <summary>This table with its rows in a list (a query's result is, before it leaves Execute).</summary>
    public KustoTable Materialized()
    {
        _ = Rows;
        _ = Schema;
        return this;
    }

    private List<KustoValue[]> Materialize()
    {
        var rows = _source!.ToList();
        _source = null;
        return rows;
    }

    private KustoSchema InferSchema()
    {
        _ = Rows; // every row produced: the witnessed types are final
        var columns = new KustoColumn[_names!.Count];
        for (var c = 0; c < columns.Length; c++) columns[c] = new KustoColumn(_names[c], _types!.Resolve(c));
        return new KustoSchema(columns);
    }

    /// <summary>The type of a computed column: its first non-null value's (string when every value is null).</summary>
    private static KustoType InferType(IReadOnlyList<KustoValue[]> rows, int column)
    {
        foreach (var row in rows)
            if (!row[column].IsNull) return row[column].Type;
        return KustoType.String;
    }

    /// <summary>A value by row index and column name (for tests and hosts; operators use slots).</summary>
    public KustoValue this[int row, string column] => Rows[row].Col(Schema.Slot(column));

    /// <summary>
    /// A materialised table with computed columns typed by <paramref name="known"/>, or where that is null by
    /// the first non-null value (string when every value is null).
    /// </summary>
    public static KustoTable WithInferredTypes(IReadOnlyList<string> names, IReadOnlyList<KustoValue[]> rows, IReadOnlyList<KustoType?>? known = null)
    {
        var columns = new KustoColumn[names.Count];
        for (var c = 0; c < names.Count; c++) columns[c] = new KustoColumn(names[c], known?[c] ?? InferType(rows, c));
        return new KustoTable(columns, rows);
    }

    /// <summary>The rows as text, one string per value (Kusto's tostring), for display and tests.</summary>
    public IEnumerable<string[]> RowsAsText() => Rows.Select(r => r.Select(KustoFormat.ToText).ToArray());

    public override string ToString()
        => string.Join(", ", Columns.Select(c => c.Name)) + "\n" + string.Join("\n", RowsAsText().Select(r => string.Join(", ", r)));
}
