namespace AzureRules.Sdk.Esql;

/// <summary>One column of a result: its name and ES|QL type.</summary>
public readonly record struct EsqlColumn(string Name, EsqlDataType Type)
{
    public override string ToString() => $"{Name}:{EsqlDataTypes.Name(Type)}";
}

/// <summary>
/// A table flowing through the pipeline: named, typed columns and rows of cells (null, a single value,
/// or an <see cref="EsqlMulti"/>). Operators make new tables; rows are shared where a command does not change them.
/// </summary>
public sealed class EsqlTable
{
    // names to positions, made on the first lookups that need it: most tables are made by one command
    // and read by the next for a few columns, and a wide table (every field of the documents) would
    // otherwise pay for a dictionary of hundreds of names per command and execution
    private ColumnIndex _index;

    public EsqlTable(IReadOnlyList<EsqlColumn> columns, List<object?[]> rows)
    {
        Columns = columns;
        Rows = rows;
        _index = new ColumnIndex(columns);
    }

    private EsqlTable(EsqlTable columnsOf, List<object?[]> rows)
    {
        Columns = columnsOf.Columns;
        Rows = rows;
        _index = columnsOf._index;
        IsAggregated = columnsOf.IsAggregated;
    }

    /// <summary>The same columns (and name index) over other rows: WHERE, SORT, LIMIT, MV_EXPAND.</summary>
    public EsqlTable WithRows(List<object?[]> rows) => new(this, rows);

    public IReadOnlyList<EsqlColumn> Columns { get; }
    public List<object?[]> Rows { get; }

    /// <summary>Set by an aggregating STATS: each row is a group, not a source document.</summary>
    public bool IsAggregated { get; init; }

    /// <summary>The position of a column; resolved once per operator, not per row.</summary>
    public int this[string name] => Find(name) ?? throw new InvalidOperationException($"Unknown column [{name}]");

    public bool Has(string name) => Find(name) is not null;

    public int? Find(string name) => _index.Find(name);

    public EsqlDataType TypeOf(int ordinal) => Columns[ordinal].Type;

    public object? Cell(int row, string column) => Rows[row][this[column]];

    /// <summary>
    /// Finds columns by name: a scan for the first few lookups, a dictionary after that. Shared by the
    /// tables that have the same columns, so one built for a table serves the ones made from it.
    /// </summary>
    private sealed class ColumnIndex(IReadOnlyList<EsqlColumn> columns)
    {
        private const int ScansBeforeDictionary = 8;
        private Dictionary<string, int>? _ordinals;
        private int _scans;

        public int? Find(string name)
        {
            if (_ordinals is { } ordinals) return ordinals.TryGetValue(name, out var ordinal) ? ordinal : null;
            if (++_scans > ScansBeforeDictionary)
            {
                var built = new Dictionary<string, int>(columns.Count, StringComparer.Ordinal);
                // a later column of the same name wins, as with the dictionary this replaces
                for (var i = 0; i < columns.Count; i++) built[columns[i].Name] = i;
                _ordinals = built;
                return Find(name);
            }
            for (var i = columns.Count - 1; i >= 0; i--)
                if (string.Equals(columns[i].Name, name, StringComparison.Ordinal)) return i;
            return null;
        }
    }
}

/// <summary>
/// A compiled expression: given the table it runs over, resolves its column positions once and returns
/// the per-row function. The generator emits one per expression of the query.
/// </summary>
public delegate Func<object?[], object?> EsqlExpression(EsqlTable table);
