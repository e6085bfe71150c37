using System;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using AzureRules.Generators.Diagnostics;
using AzureRules.Generators.Kusto.Symbols;
using AzureRules.Generators.Model;
using AzureRules.Generators.Versioning;

namespace AzureRules.Generators.Project;

/// <summary>A team's own tables and fields, validated like the built-in ones.</summary>
internal sealed record CustomSchemas(EquatableArray<CustomTable> Tables, EquatableArray<CustomIndexFields> Fields)
{
    public static readonly CustomSchemas Empty = new(EquatableArray<CustomTable>.Empty, EquatableArray<CustomIndexFields>.Empty);

    /// <summary>The workspace's own functions and parsers (Kusto), which rules call like let-bound functions.</summary>
    public EquatableArray<WorkspaceFunction> Functions { get; init; } = EquatableArray<WorkspaceFunction>.Empty;

    private static readonly ConditionalWeakTable<CustomSchemas, KustoGlobals> Workspaces = new();

    /// <summary>
    /// The Sentinel workspace with the custom tables added (a custom table of a built-in name replaces it)
    /// and the workspace functions; built once per schema set.
    /// </summary>
    public KustoGlobals KustoGlobals => Tables.IsEmpty && Functions.IsEmpty ? KustoGlobals.Sentinel : Workspaces.GetValue(this, static schemas => schemas.BuildWorkspace());

    private KustoGlobals BuildWorkspace()
    {
        var custom = Tables.Select(t => new TableSymbol(t.Name,
            TableSchema.Of(t.Columns.Select(c => new ColumnSymbol(c.Name, ScalarTypes.TryParse(c.Type, out var type) ? type : ScalarType.Unknown))),
            "custom-schema")).ToList();
        var names = custom.Select(t => t.Name).ToImmutableHashSet(StringComparer.Ordinal);
        return new KustoGlobals(KustoGlobals.Sentinel.Tables.Where(t => !names.Contains(t.Name)).Concat(custom), KustoGlobals.Sentinel.Functions,
            WorkspaceFunctionSymbol.FromDefinitions(Functions));
    }
}

/// <summary>
/// Every project file of the compilation merged: the version lock, the custom schemas, the validation
/// exceptions, and the problems found in those files.
/// </summary>
internal sealed record ProjectSettings(
    EquatableArray<LockEntry> Lock,
    CustomSchemas Schemas,
    EquatableArray<ValidationException> Exceptions,
    EquatableArray<RuleDiagnostic> Diagnostics)
{
    public static readonly ProjectSettings Empty = From(ImmutableArray<ProjectFile>.Empty);

    public static ProjectSettings From(ImmutableArray<ProjectFile> files)
    {
        var ordered = files.OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
        return new ProjectSettings(
            ordered.SelectMany(f => f.Lock).ToEquatableArray(),
            new CustomSchemas(ordered.SelectMany(f => f.Tables).ToEquatableArray(), ordered.SelectMany(f => f.Fields).ToEquatableArray())
                { Functions = ordered.SelectMany(f => f.Functions).ToEquatableArray() },
            ordered.SelectMany(f => f.Exceptions).ToEquatableArray(),
            ordered.SelectMany(f => f.Diagnostics).ToEquatableArray());
    }
}
