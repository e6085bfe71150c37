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
    private readonly Dictionary<string, int> _ordinals = new(StringComparer.Ordinal);

    public EsqlTable(IReadOnlyList<EsqlColumn> columns, List<object?[]> rows)
    {
        Columns = columns;
        Rows = rows;
        for (var i = 0; i < columns.Count; i++) _ordinals[columns[i].Name] = i;
    }

    public IReadOnlyList<EsqlColumn> Columns { get; }
    public List<object?[]> Rows { get; }

    /// <summary>Set by an aggregating STATS: each row is a group, not a source document.</summary>
    public bool IsAggregated { get; init; }

    /// <summary>The position of a column; resolved once per operator, not per row.</summary>
    public int this[string name] => _ordinals.TryGetValue(name, out var ordinal)
        ? ordinal
        : throw new InvalidOperationException($"Unknown column [{name}]");

    public bool Has(string name) => _ordinals.ContainsKey(name);

    public int? Find(string name) => _ordinals.TryGetValue(name, out var ordinal) ? ordinal : null;

    public EsqlDataType TypeOf(int ordinal) => Columns[ordinal].Type;

    public object? Cell(int row, string column) => Rows[row][this[column]];
}

/// <summary>
/// A compiled expression: given the table it runs over, resolves its column positions once and returns
/// the per-row function. The generator emits one per expression of the query.
/// </summary>
public delegate Func<object?[], object?> EsqlExpression(EsqlTable table);
