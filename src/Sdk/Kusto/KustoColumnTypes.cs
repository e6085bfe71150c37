namespace AzureRules.Sdk.Kusto;

/// <summary>
/// The column types of a streaming table (<see cref="KustoTable.Streaming"/>). A column passed through from
/// the input has the input's type; a column an expression computes has the type of its first non-null
/// value (string when every value is null), <em>witnessed</em> as the operator produces its rows — so a
/// where that filters rows later does not change the type, exactly as when every operator materialised its
/// result. A type is final once every row has been produced (the table is materialised).
/// </summary>
public sealed class KustoColumnTypes
{
    private readonly KustoColumnTypes? _input;
    private readonly int[] _fromInput; // per column: the input column it passes through, or -1
    private readonly KustoType?[] _own;
    private readonly int[] _witnessed; // the columns whose type the first non-null value gives
    private int _unresolved;

    private KustoColumnTypes(KustoColumnTypes? input, int[] fromInput, KustoType?[] own, int[] witnessed)
    {
        _input = input;
        _fromInput = fromInput;
        _own = own;
        _witnessed = witnessed;
        _unresolved = witnessed.Length;
    }

    public int Count => _own.Length;

    /// <summary>The types of a materialised schema.</summary>
    public static KustoColumnTypes Of(KustoSchema schema)
        => new(null, [.. Enumerable.Repeat(-1, schema.Count)], [.. schema.Columns.Select(c => (KustoType?)c.Type)], []);

    /// <summary>
    /// The columns of an operator over <paramref name="input"/>: columns <c>0..width-1</c> pass through from
    /// the input except those in <paramref name="computed"/>; a computed or added column has the type in
    /// <paramref name="declared"/>, or where that is null the first non-null value's.
    /// </summary>
    public static KustoColumnTypes Derived(KustoColumnTypes? input, int width, int[] computed, KustoType?[] declared)
    {
        var fromInput = new int[declared.Length];
        var witnessed = new List<int>();
        for (var c = 0; c < declared.Length; c++)
        {
            fromInput[c] = input is not null && c < width && Array.IndexOf(computed, c) < 0 ? c : -1;
            if (fromInput[c] < 0 && declared[c] is null) witnessed.Add(c);
        }
        return new KustoColumnTypes(input, fromInput, declared, [.. witnessed]);
    }

    /// <summary>Records the types of a produced row's computed columns that are still unknown.</summary>
    public void Witness(KustoValue[] row)
    {
        if (_unresolved == 0) return;
        foreach (var c in _witnessed)
        {
            if (_own[c] is null && !row[c].IsNull)
            {
                _own[c] = row[c].Type;
                _unresolved--;
            }
        }
    }

    /// <summary>A column's type once its rows have been produced (string for a computed column with no non-null value).</summary>
    public KustoType Resolve(int column)
        => _fromInput[column] >= 0 && _input is not null ? _input.Resolve(_fromInput[column]) : _own[column] ?? KustoType.String;
}
