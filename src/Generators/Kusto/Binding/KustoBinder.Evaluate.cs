using System.Collections.Generic;
using AzureRules.Generators.Kusto.Symbols;
using AzureRules.Generators.Kusto.Syntax;

namespace AzureRules.Generators.Kusto.Binding;

// evaluate: each plugin's output schema (the emitter's KustoQueryEmitter.Evaluate.cs compiles them).
internal sealed partial class KustoBinder
{
    /// <summary>
    /// evaluate: plugins whose output depends on the data (bag_unpack, pivot, …) give a schema that is
    /// open: the columns known to survive are kept, and any other name is accepted after it. A declared
    /// output schema (<c>: (a:string, …)</c>) is the schema.
    /// </summary>
    private TableSchema Evaluate(TableSchema input, EvaluateOperator evaluate, Scope scope)
    {
        var plugin = evaluate.Plugin;
        var row = new RowContext(input);
        // ipv4_lookup(LookupTable, SourceIPColumn, LookupColumn) and the geo lookups: the lookup column belongs to the lookup table
        TableSchema? lookup = null;
        if (plugin.Name.Name is "ipv4_lookup" or "ipv6_lookup" or "geo_polygon_lookup" or "geo_line_lookup" && plugin.Arguments.Count > 0)
        {
            lookup = BindAny(plugin.Arguments[0], scope, RowContext.None).Table ?? TableSchema.Unknown;
            row = new RowContext(Concat(input, lookup, replace: true));
        }
        _aggregatesAllowed++; // pivot(Key, any(Value), …) takes an aggregate
        try
        {
            for (var i = lookup is null ? 0 : 1; i < plugin.Arguments.Count; i++)
            {
                var argument = plugin.Arguments[i];
                var expression = argument is NamedExpression named ? named.Value : argument;
                if (expression is not StarExpression && argument is not NamedExpression) BindAny(expression, scope, row);
            }
        }
        finally { _aggregatesAllowed--; }
        if (evaluate.OutputSchema is { IsOpen: false } declared)
        {
            _model.Reads.ReadAll(input);
            return DeclaredSchema(declared);
        }
        switch (plugin.Name.Name)
        {
            case "bag_unpack":
            {
                var columns = new List<ColumnSymbol>();
                var bag = plugin.Arguments.Count > 0 ? KustoColumnNames.Of(plugin.Arguments[0]) : null;
                foreach (var column in input.Columns) if (column.Name != bag) columns.Add(column);
                return TableSchema.Of(columns, isOpen: true) with { Carries = input.Carries };
            }
            case "ipv4_lookup":
            case "ipv6_lookup":
                return lookup is null ? input.AsOpen() : Concat(input, lookup, replace: true);
            case "geo_polygon_lookup":
            case "geo_line_lookup":
                return lookup is null ? input.AsOpen() : Concat(input, GeoLookupColumns(lookup, plugin), replace: true);
            case "narrow":
                _model.Reads.ReadAll(input);
                return TableSchema.Of(new[] { new ColumnSymbol("Row", ScalarType.Long), new ColumnSymbol("Column", ScalarType.String), new ColumnSymbol("Value", ScalarType.String) });
            case "pivot":
            {
                // the grouping columns, then one column per pivot value (known only from the data)
                var columns = new List<ColumnSymbol>();
                for (var i = 1; i < plugin.Arguments.Count; i++)
                    if (plugin.Arguments[i] is NameReference name && input.Find(name.Name) is { } column) columns.Add(column);
                return TableSchema.Of(columns, isOpen: true);
            }
            default:
                _model.Reads.ReadAll(input); // a plugin may read any column
                return TableSchema.Unknown;
        }
    }

    /// <summary>The lookup table's columns a geo lookup returns: all but the shape column, unless <c>return_lookup_key = true</c> (or the eighth argument is true).</summary>
    private static TableSchema GeoLookupColumns(TableSchema lookup, FunctionCallExpression plugin)
    {
        var returnKey = false;
        var positional = 0;
        foreach (var argument in plugin.Arguments)
        {
            if (argument is NamedExpression named)
            {
                if (named.Name.Name == "return_lookup_key") returnKey = named.Value is LiteralExpression { Value: true };
            }
            else if (positional++ == 7) returnKey = argument is LiteralExpression { Value: true };
        }
        var key = plugin.Arguments.Count > 1 ? KustoColumnNames.Of(plugin.Arguments[1]) : null;
        var columns = new List<ColumnSymbol>();
        foreach (var column in lookup.Columns) if (returnKey || column.Name != key) columns.Add(column);
        return TableSchema.Of(columns, isOpen: lookup.IsOpen);
    }
}
