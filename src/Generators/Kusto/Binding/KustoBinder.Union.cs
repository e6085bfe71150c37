using System.Collections.Generic;
using AzureRules.Generators.Kusto.Symbols;
using AzureRules.Generators.Kusto.Syntax;
using AzureRules.Generators.Model;

namespace AzureRules.Generators.Kusto.Binding;

// union: the tables, by name or wildcard, and the combined schema.
internal sealed partial class KustoBinder
{
    private TableSchema Union(TableSchema input, UnionOperator union, Scope scope, bool hasInput)
    {
        var schemas = new List<TableSchema>();
        if (hasInput) schemas.Add(input);
        // isfuzzy=true tolerates tables that do not exist in the workspace
        var fuzzy = string.Equals(union.ParameterText("isfuzzy"), "true", System.StringComparison.OrdinalIgnoreCase);
        if (fuzzy) _suppress++;
        try
        {
            foreach (var table in union.Tables)
            {
                var schema = BindTabular(table, scope);
                if (fuzzy && table is NameReference name && scope.Find(name.Name) is null && _globals.FindTable(name.Name) is null && _globals.FindFunction(name.Name) is null)
                    continue;
                schemas.Add(schema);
            }
        }
        finally { if (fuzzy) _suppress--; }
        var result = UnionSchema(schemas, union.ParameterText("withsource"));
        if (string.Equals(union.ParameterText("kind"), "inner", System.StringComparison.OrdinalIgnoreCase)) return Intersect(schemas, result);
        return result;
    }

    /// <summary>
    /// Outer union by column name: every column of every table. A name the tables give different types
    /// becomes one column per type, named <c>Name_type</c> (SigninLogs' dynamic LocationDetails and the
    /// non-interactive log's string one give LocationDetails_dynamic and LocationDetails_string). The plain
    /// name stays too, untyped: the binder's inferred types can be less precise than Kusto's, and a false
    /// split must not turn into a false error.
    /// </summary>
    private static TableSchema UnionSchema(IEnumerable<TableSchema> schemas, string? withSource)
    {
        var columns = new List<ColumnSymbol>();
        var positions = new Dictionary<string, int>(System.StringComparer.Ordinal);
        var open = false;
        var partial = false;
        var typed = new HashSet<string>(System.StringComparer.Ordinal); // names split into Name_type columns
        var carries = new List<TableSchema>();
        if (withSource is not null) { positions[withSource] = 0; columns.Add(new ColumnSymbol(withSource, ScalarType.String)); }
        foreach (var schema in schemas)
        {
            open |= schema.IsOpen;
            partial |= schema.IsPartial;
            carries.Add(schema);
            foreach (var column in schema.Columns)
            {
                if (positions.TryGetValue(column.Name, out var at))
                {
                    var existing = columns[at] = WithOrigins(columns[at], column);
                    if (existing.Type == column.Type || column.Type == ScalarType.Unknown) continue;
                    if (existing.Type == ScalarType.Unknown) { columns[at] = WithOrigins(column, existing); continue; }
                    // split by type: the first variant also under its typed name, then this one under its own
                    if (typed.Add(column.Name))
                    {
                        columns[at] = existing with { Type = ScalarType.Unknown };
                        var first = existing with { Name = existing.Name + "_" + existing.Type.Name() };
                        positions[first.Name] = columns.Count;
                        columns.Add(first);
                    }
                }
                var name = typed.Contains(column.Name) ? column.Name + "_" + column.Type.Name() : column.Name;
                if (positions.ContainsKey(name)) continue;
                positions[name] = columns.Count;
                columns.Add(column with { Name = name });
            }
        }
        return TableSchema.Of(columns, open).Like(carries.ToArray()) with { IsPartial = partial && !open };
    }

    /// <summary>A union's column: the values of every table's column of that name.</summary>
    private static ColumnSymbol WithOrigins(ColumnSymbol column, ColumnSymbol other)
    {
        if (other.Origins.IsEmpty) return column;
        var origins = new List<ColumnOrigin>(column.Origins);
        foreach (var origin in other.Origins) if (!origins.Contains(origin)) origins.Add(origin);
        return origins.Count == column.Origins.Count ? column : column with { Origins = origins.ToEquatableArray() };
    }

    private static TableSchema Intersect(List<TableSchema> schemas, TableSchema union)
    {
        var columns = new List<ColumnSymbol>();
        foreach (var column in union.Columns)
        {
            var everywhere = true;
            foreach (var schema in schemas) everywhere &= schema.IsOpen || schema.Contains(column.Name);
            if (everywhere) columns.Add(column);
        }
        return TableSchema.Of(columns).Like(union);
    }
}
