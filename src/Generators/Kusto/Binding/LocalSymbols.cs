using System;
using System.Collections.Generic;
using AzureRules.Generators.Kusto.Symbols;
using AzureRules.Generators.Kusto.Syntax;

namespace AzureRules.Generators.Kusto.Binding;

/// <summary>A value a name or expression stands for: a scalar of some type, or a table with a schema.</summary>
internal readonly record struct BoundValue(ScalarType Scalar, TableSchema? Table)
{
    public static BoundValue Of(ScalarType type) => new(type, null);
    public static BoundValue Of(TableSchema schema) => new(ScalarType.Unknown, schema);
    public static readonly BoundValue Unknown = new(ScalarType.Unknown, null);
    public bool IsTabular => Table is not null;
}

/// <summary>A name declared by the query (let, a function parameter): a value, or a function to call.</summary>
internal abstract record LocalSymbol(string Name);

internal sealed record LocalValue(string Name, BoundValue Value) : LocalSymbol(Name);

/// <summary>A let-bound function; its body is bound in <see cref="Scope"/>, the scope where it was defined.</summary>
internal sealed record LocalFunction(string Name, FunctionDefinition Definition, Scope Scope) : LocalSymbol(Name)
{
    /// <summary>For a workspace function (a parser file), the file that defines it; its body is not in the query's text.</summary>
    public string? WorkspacePath { get; init; }

    /// <summary>For a workspace function, the Kusto text its syntax nodes are spans of.</summary>
    public string? WorkspaceText { get; init; }

    public int RequiredCount
    {
        get
        {
            var count = 0;
            foreach (var p in Definition.Parameters) if (p.Default is null) count++;
            return count;
        }
    }
}

/// <summary>Let-bound names, innermost first; Kusto names are case-sensitive and a later let shadows an earlier one.</summary>
internal sealed class Scope
{
    private readonly Dictionary<string, LocalSymbol> _symbols = new(StringComparer.Ordinal);

    public Scope(Scope? parent) => Parent = parent;

    public Scope? Parent { get; }

    public void Declare(LocalSymbol symbol) => _symbols[symbol.Name] = symbol;

    public LocalSymbol? Find(string name)
    {
        for (var scope = this; scope is not null; scope = scope.Parent)
            if (scope._symbols.TryGetValue(name, out var symbol)) return symbol;
        return null;
    }
}

/// <summary>
/// The columns an expression inside an operator can name: the operator's input row, and in a join's
/// <c>on</c> clause the <c>$left</c> and <c>$right</c> rows.
/// </summary>
internal sealed record RowContext(TableSchema Row, TableSchema? Left = null, TableSchema? Right = null)
{
    /// <summary>
    /// Columns assigned by earlier items of the same extend. A name of the input always wins (Kusto binds the
    /// items against the operator's input); these only resolve names the input does not have.
    /// </summary>
    public List<ColumnSymbol>? Earlier { get; init; }

    public ColumnSymbol? Find(string name)
    {
        if (Row.Find(name) is { } column) return column;
        if (Earlier is null) return null;
        for (var i = Earlier.Count - 1; i >= 0; i--) if (Earlier[i].Name == name) return Earlier[i];
        return null;
    }

    public static readonly RowContext None = new(TableSchema.Empty);
    /// <summary>True outside any operator (a let's scalar value, print): column names are not expected.</summary>
    public bool IsEmpty => Row.Columns.IsEmpty && !Row.IsOpen && Left is null;
}
