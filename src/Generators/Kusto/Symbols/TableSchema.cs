using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using AzureRules.Generators.Model;

namespace AzureRules.Generators.Kusto.Symbols;

/// <summary>
/// One column of a tabular value. <see cref="Origins"/> says which workspace table columns it is, unchanged
/// (renamed by project-rename, a join's suffix or a summarize key, or merged by union): what the engine
/// must store for the value to reach the result. A computed column has none. Origins are provenance, not
/// identity: two columns of the same name and type are equal wherever they came from.
/// </summary>
internal sealed record ColumnSymbol(string Name, ScalarType Type)
{
    public EquatableArray<ColumnOrigin> Origins { get; init; } = EquatableArray<ColumnOrigin>.Empty;

    public bool Equals(ColumnSymbol? other) => other is not null && Name == other.Name && Type == other.Type;
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Name) * 31 + (int)Type;
}

/// <summary>A column of a workspace table, as stored: the table's name and the column's.</summary>
internal readonly record struct ColumnOrigin(string Table, string Column);

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

    /// <summary>
    /// The workspace tables whose whole rows this value carries: besides the listed columns, the properties
    /// their events have that the published schema lacks pass through too (where, extend, join, project-away
    /// keep them; project and summarize drop them). A table carried to the result is stored whole.
    /// </summary>
    public EquatableArray<string> Carries { get; init; } = EquatableArray<string>.Empty;

    /// <summary>
    /// This schema, open if any of <paramref name="sources"/> is, else partial if any is, carrying the
    /// rows they carry (an operator whose output keeps its input's unlisted columns).
    /// </summary>
    public TableSchema Like(params TableSchema[] sources)
    {
        var open = IsOpen;
        var partial = IsPartial;
        var carries = Carries;
        foreach (var source in sources)
        {
            open |= source.IsOpen;
            partial |= source.IsPartial;
            carries = Union(carries, source.Carries);
        }
        return open == IsOpen && partial == IsPartial && carries == Carries ? this : this with { IsOpen = open, IsPartial = partial && !open, Carries = carries };
    }

    private static EquatableArray<string> Union(EquatableArray<string> a, EquatableArray<string> b)
    {
        if (b.IsEmpty) return a;
        if (a.IsEmpty) return b;
        var set = new SortedSet<string>(a, StringComparer.Ordinal);
        set.UnionWith(b);
        return set.Count == a.Count ? a : set.ToImmutableArray();
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
