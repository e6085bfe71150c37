using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using AzureRules.Generators.Model;

namespace AzureRules.Generators.Kusto.Symbols;

/// <summary>One column of a tabular value.</summary>
internal sealed record ColumnSymbol(string Name, ScalarType Type);

/// <summary>
/// The columns of a tabular value, in order. An <see cref="IsOpen"/> schema is one the binder cannot know
/// statically (evaluate bag_unpack, externaldata with a dynamic schema, a table nobody publishes): every
/// column name is accepted against it, and its listed columns are only the ones known for sure.
/// A <see cref="IsPartial"/> schema comes from a published but incomplete source (the schemas Sentinel's CI
/// keeps for solution tables and parsers): a name missing from it is worth a warning, not an error.
/// </summary>
internal sealed record TableSchema(EquatableArray<ColumnSymbol> Columns, bool IsOpen = false)
{
    public bool IsPartial { get; init; }

    /// <summary>This schema, open if any of <paramref name="sources"/> is, else partial if any is.</summary>
    public TableSchema Like(params TableSchema[] sources)
    {
        var open = IsOpen;
        var partial = IsPartial;
        foreach (var source in sources) { open |= source.IsOpen; partial |= source.IsPartial; }
        return open == IsOpen && partial == IsPartial ? this : this with { IsOpen = open, IsPartial = partial && !open };
    }

    public static readonly TableSchema Empty = new(EquatableArray<ColumnSymbol>.Empty);
    public static readonly TableSchema Unknown = new(EquatableArray<ColumnSymbol>.Empty, IsOpen: true);

    private Dictionary<string, ColumnSymbol>? _byName;

    public static TableSchema Of(IEnumerable<ColumnSymbol> columns, bool isOpen = false)
        => new(Deduplicate(columns).ToImmutableArray(), isOpen);

    public ColumnSymbol? Find(string name)
    {
        _byName ??= BuildIndex();
        return _byName.TryGetValue(name, out var column) ? column : null;
    }

    public bool Contains(string name) => Find(name) is not null;

    public TableSchema AsOpen() => IsOpen ? this : this with { IsOpen = true };

    private Dictionary<string, ColumnSymbol> BuildIndex()
    {
        var index = new Dictionary<string, ColumnSymbol>(StringComparer.Ordinal);
        foreach (var column in Columns) index[column.Name] = column;
        return index;
    }

    private static List<ColumnSymbol> Deduplicate(IEnumerable<ColumnSymbol> columns)
    {
        // Kusto keeps the last definition of a name in place of the first (extend x = … over an existing x).
        var result = new List<ColumnSymbol>();
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var column in columns)
        {
            if (positions.TryGetValue(column.Name, out var at)) result[at] = column;
            else { positions[column.Name] = result.Count; result.Add(column); }
        }
        return result;
    }

    public bool Equals(TableSchema? other) => other is not null && IsOpen == other.IsOpen && IsPartial == other.IsPartial && Columns.Equals(other.Columns);
    public override int GetHashCode() => Columns.GetHashCode() * 31 + (IsOpen ? 1 : 0) + (IsPartial ? 2 : 0);
}

/// <summary>A table of the workspace, with where its schema came from (builtin, custom, a documentation URL).</summary>
internal sealed record TableSymbol(string Name, TableSchema Schema, string Source);

/// <summary>A parameter of a stored or let-bound function.</summary>
internal sealed record ParameterSymbol(string Name, ScalarType Type, bool IsTabular, bool IsOptional);

/// <summary>A function stored in the workspace (an ASIM parser, _GetWatchlist, …): its parameters and result columns.</summary>
internal sealed record StoredFunctionSymbol(string Name, EquatableArray<ParameterSymbol> Parameters, TableSchema Result, string Source)
{
    public int RequiredCount
    {
        get
        {
            var count = 0;
            foreach (var p in Parameters) if (!p.IsOptional) count++;
            return count;
        }
    }
}
