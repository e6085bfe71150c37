using System.Collections.Generic;
using AzureRules.Generators.Kusto.Symbols;

namespace AzureRules.Generators.Kusto.Binding;

/// <summary>
/// The workspace table columns a query reads, collected while binding, so the engine stores only those
/// (<c>KustoDetection.ReadColumns</c>). A column is read when an expression names it (where, extend, join
/// keys, summarize, sort, …), when an operator consumes whole rows (<c>distinct *</c>, <c>getschema</c>,
/// <c>pack_all()</c>, a plugin), or when it reaches the result. Passing a column through (project-away,
/// a join, a where) reads nothing by itself.
/// <para>
/// Each column carries where it came from (<see cref="ColumnSymbol.Origins"/>), so a renamed column (a
/// join's <c>Category1</c>, <c>project-rename</c>) is found in its table. What cannot be traced is read
/// generously: a name the binder could not resolve is read from every table, and a construct whose reads
/// are unknown (search, a computed <c>table()</c> name, an open result) makes every column of every
/// table read. A wrong guess may only keep too much, never too little.
/// </para>
/// </summary>
internal sealed class ColumnReads
{
    private readonly HashSet<ColumnOrigin> _columns = new();
    private readonly HashSet<string> _wholeTables = new(System.StringComparer.Ordinal);
    private readonly HashSet<string> _names = new(System.StringComparer.Ordinal);
    private bool _unknown;

    /// <summary>An expression reads this column.</summary>
    public void Read(ColumnSymbol column)
    {
        foreach (var origin in column.Origins) _columns.Add(origin);
    }

    /// <summary>An operator reads every column of its input (and the unlisted ones of the rows it carries).</summary>
    public void ReadAll(TableSchema schema)
    {
        foreach (var column in schema.Columns) Read(column);
        foreach (var table in schema.Carries) _wholeTables.Add(table);
        if (schema.IsOpen) _unknown = true;
    }

    /// <summary>A column name the binder could not resolve to a column (an open schema, a property the published schema lacks).</summary>
    public void ReadName(string name)
    {
        _names.Add(name);
        // a join's right column renamed with a numeric suffix (Category1) over an open schema: its name in the table
        var end = name.Length;
        while (end > 0 && char.IsDigit(name[end - 1])) end--;
        if (end > 0 && end < name.Length) _names.Add(name.Substring(0, end));
    }

    /// <summary>The query reads columns that cannot be traced to their tables.</summary>
    public void ReadUnknown() => _unknown = true;

    /// <summary>
    /// The columns read of each of <paramref name="tables"/>; null when they cannot be known. A table read
    /// whole is left out (the engine then keeps all its columns). The query's result must have been read
    /// (<see cref="ReadAll"/>): every column of it is.
    /// </summary>
    public SortedDictionary<string, SortedSet<string>>? Of(IEnumerable<TableSymbol> tables)
    {
        if (_unknown) return null;
        var result = new SortedDictionary<string, SortedSet<string>>(System.StringComparer.Ordinal);
        foreach (var table in tables)
        {
            if (_wholeTables.Contains(table.Name)) continue;
            var columns = new SortedSet<string>(_names, System.StringComparer.Ordinal);
            foreach (var origin in _columns)
                if (origin.Table == table.Name) columns.Add(origin.Column);
            result[table.Name] = columns;
        }
        return result;
    }
}
