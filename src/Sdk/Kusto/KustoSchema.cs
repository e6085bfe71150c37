namespace AzureRules.Sdk.Kusto;

/// <summary>A column of a table: its name and Kusto type.</summary>
public readonly record struct KustoColumn(string Name, KustoType Type);

/// <summary>
/// A table's columns. Compiled operators ask it for a column's slot once per operator execution
/// (<see cref="Slot"/>) and read rows by index afterwards: no lookups by name per row.
/// </summary>
public sealed class KustoSchema
{
    private readonly Dictionary<string, int> _slots;

    public KustoSchema(IReadOnlyList<KustoColumn> columns)
    {
        Columns = columns;
        _slots = new Dictionary<string, int>(columns.Count, StringComparer.Ordinal);
        for (var i = 0; i < columns.Count; i++) _slots.TryAdd(columns[i].Name, i);
    }

    public IReadOnlyList<KustoColumn> Columns { get; }
    public int Count => Columns.Count;

    /// <summary>The column's index, or -1 when the table has no such column (its values read as null).</summary>
    public int Slot(string name) => _slots.TryGetValue(name, out var slot) ? slot : -1;

    public bool Contains(string name) => _slots.ContainsKey(name);

    public string[] Names => [.. Columns.Select(c => c.Name)];
}

/// <summary>Row access for compiled expressions.</summary>
public static class KustoRow
{
    /// <summary>The value in a slot; a column the table does not have (slot -1) reads as null.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static KustoValue Col(this KustoValue[] row, int slot) => slot < 0 ? KustoValue.Null : row[slot];
}

/// <summary>A compiled scalar expression evaluated against one row.</summary>
public delegate KustoValue KustoRowFunction(KustoValue[] row);

/// <summary>Resolves an expression's columns against a schema once and returns its per-row evaluator.</summary>
public delegate KustoRowFunction KustoBinder(KustoSchema schema);

/// <summary>Resolves several expressions at once (the items of one extend, project or summarize).</summary>
public delegate KustoRowFunction[] KustoMultiBinder(KustoSchema schema);
