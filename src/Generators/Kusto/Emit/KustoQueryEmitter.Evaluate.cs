using System.Collections.Generic;
using System.Linq;
using AzureRules.Generators.Diagnostics;
using AzureRules.Generators.Kusto.Binding;
using AzureRules.Generators.Kusto.Syntax;
using static AzureRules.Generators.Kusto.Emit.KustoRuntimeNames;

namespace AzureRules.Generators.Kusto.Emit;

// evaluate: each plugin the runtime implements (Sdk/Kusto/Plugins, bag_unpack in Operators) compiles to one
// call; its output schema is the binder's (KustoBinder.Evaluate.cs). A plugin the runtime lacks is AR0350
// naming the plugin.
internal sealed partial class KustoQueryEmitter
{
    private string Evaluate(EvaluateOperator evaluate, string input)
    {
        var plugin = evaluate.Plugin;
        return plugin.Name.Name switch
        {
            "bag_unpack" => BagUnpack(evaluate, input),
            "pivot" => Pivot(plugin, input),
            "narrow" when plugin.Arguments.Count == 0 => TableLocal($"{Plugins}.Narrow({input})"),
            "ipv4_lookup" or "ipv6_lookup" => IpLookup(plugin, input),
            "geo_polygon_lookup" or "geo_line_lookup" => GeoLookup(plugin, input),
            _ => EvaluatePlugin(evaluate, input),
        };
    }

    /// <summary>The plugin's arguments: positional ones in order, and the named ones (<c>return_unmatched = true</c>) by name.</summary>
    private static (List<Expression> Positional, Dictionary<string, Expression> Named) PluginArguments(FunctionCallExpression plugin)
    {
        var positional = new List<Expression>();
        var named = new Dictionary<string, Expression>(System.StringComparer.OrdinalIgnoreCase);
        foreach (var argument in plugin.Arguments)
        {
            if (argument is NamedExpression n) named[n.Name.Name] = n.Value;
            else positional.Add(argument);
        }
        return (positional, named);
    }

    private string UnsupportedPlugin(SyntaxNode node, string plugin, string what)
        => UnsupportedTable(node, DiagnosticDescriptors.KustoUnsupportedConstruct, $"{what} of the plugin {plugin}()");

    /// <summary>bag_unpack(Column [, OutputColumnPrefix] [, columnsConflict] [, ignoredProperties]) [: OutputSchema], positional or named.</summary>
    private string BagUnpack(EvaluateOperator evaluate, string input)
    {
        var (positional, named) = PluginArguments(evaluate.Plugin);
        if (positional.Count == 0 || positional[0] is not NameReference column)
            return UnsupportedPlugin(evaluate.Plugin, "bag_unpack", "A first argument that is not a column");
        Expression? Argument(int position, string name) => named.TryGetValue(name, out var value) ? value : position < positional.Count ? positional[position] : null;
        var prefix = Argument(1, "OutputColumnPrefix");
        var conflict = Argument(2, "columnsConflict");
        var ignored = Argument(3, "ignoredProperties");
        if (prefix is not (null or LiteralExpression { Value: string }))
            return UnsupportedPlugin(prefix, "bag_unpack", "An OutputColumnPrefix that is not a string literal");
        if (conflict is not (null or LiteralExpression { Value: "error" or "replace_source" or "keep_source" }))
            return UnsupportedPlugin(conflict, "bag_unpack", "A columnsConflict other than 'error', 'replace_source' or 'keep_source'");
        var prefixText = prefix is LiteralExpression { Value: string p } ? CSharpLiteralAlias.String(p) : "null";
        var conflictText = conflict is LiteralExpression { Value: string c } ? CSharpLiteralAlias.String(c) : "\"error\"";
        var ignoredText = ignored is null ? $"{Value}.Null" : Scalar(ignored, null);
        var schema = evaluate.OutputSchema is { IsOpen: false } declared
            ? KustoLiterals.Array(declared.Columns.Select(c => $"new {Column}({CSharpLiteralAlias.String(c.Name.Name)}, {KustoLiterals.TypeOf(c.Type?.Name ?? "string")})"), Column)
            : "null";
        return TableLocal($"{Operators}.BagUnpack({input}, {CSharpLiteralAlias.String(column.Name)}, {prefixText}, {ignoredText}, {conflictText}, {schema})");
    }

    /// <summary>pivot(PivotColumn [, Aggregation] [, Column…]): the aggregation compiles as summarize's do.</summary>
    private string Pivot(FunctionCallExpression plugin, string input)
    {
        var (positional, named) = PluginArguments(plugin);
        if (positional.Count == 0 || named.Count > 0) return UnsupportedPlugin(plugin, "pivot", "These arguments");
        var rest = positional.Skip(1).ToList();
        var aggregation = "null";
        if (rest.Count > 0 && rest[0] is FunctionCallExpression call && IsAggregate(call))
        {
            if (Aggregate(call, [], null) is not { } aggregate) return $"{Table}.Empty";
            aggregation = aggregate;
            rest.RemoveAt(0);
        }
        var (names, values) = Columns(rest, "Column");
        if (names is null) return UnsupportedPlugin(plugin, "pivot", "These columns");
        return TableLocal($"{Plugins}.Pivot({input}, {Binder(positional[0])}, {aggregation}, {KustoLiterals.Strings(names)}, {MultiBinder(values)})");
    }

    /// <summary>
    /// geo_polygon_lookup / geo_line_lookup(LookupTable, LookupKey, SourceLongitude, SourceLatitude [, radius]
    /// [, return_unmatched] [, lookup_area_radius] [, return_lookup_key]), positional or named.
    /// </summary>
    private string GeoLookup(FunctionCallExpression plugin, string input)
    {
        var (positional, named) = PluginArguments(plugin);
        var name = plugin.Name.Name;
        Expression? Argument(int position, string option) => named.TryGetValue(option, out var value) ? value : position < positional.Count ? positional[position] : null;
        if (positional.Count < 4 || positional.Skip(1).Take(3).Any(p => p is not NameReference))
            return UnsupportedPlugin(plugin, name, "Key arguments that are not column names");
        var radius = Argument(4, "radius");
        var unmatched = Argument(5, "return_unmatched");
        var returnKey = Argument(7, "return_lookup_key");
        if (name == "geo_line_lookup" && radius is null) return UnsupportedPlugin(plugin, name, "A call without the radius");
        foreach (var flag in new[] { unmatched, returnKey })
            if (flag is not (null or LiteralExpression { Value: bool }))
                return UnsupportedPlugin(flag, name, "A return_unmatched or return_lookup_key that is not a bool literal");
        var lookup = Tabular(positional[0]);
        var keys = positional.Skip(1).Take(3).Cast<NameReference>().Select(n => CSharpLiteralAlias.String(n.Name)).ToList();
        var radiusText = radius is null ? $"{Value}.Null" : Scalar(radius, null);
        var method = name == "geo_line_lookup" ? "GeoLineLookup" : "GeoPolygonLookup";
        return TableLocal($"{Plugins}.{method}({input}, {lookup}, {keys[0]}, {keys[1]}, {keys[2]}, {radiusText}, {(unmatched is LiteralExpression { Value: true } ? "true" : "false")}, {(returnKey is LiteralExpression { Value: true } ? "true" : "false")})");
    }

    /// <summary>ipv4_lookup / ipv6_lookup(LookupTable, SourceKey, LookupKey [, ExtraKey…] [, return_unmatched]).</summary>
    private string IpLookup(FunctionCallExpression plugin, string input)
    {
        var (positional, named) = PluginArguments(plugin);
        var name = plugin.Name.Name;
        Expression? unmatched = named.TryGetValue("return_unmatched", out var value) ? value : null;
        if (unmatched is null && positional.Count > 3 && positional[positional.Count - 1] is LiteralExpression { Value: bool })
        {
            unmatched = positional[positional.Count - 1];
            positional.RemoveAt(positional.Count - 1);
        }
        if (positional.Count < 3 || positional.Skip(1).Any(p => p is not NameReference))
            return UnsupportedPlugin(plugin, name, "Key arguments that are not column names");
        if (unmatched is not (null or LiteralExpression { Value: bool }))
            return UnsupportedPlugin(unmatched, name, "A return_unmatched that is not a bool literal");
        var lookup = Tabular(positional[0]);
        var keys = positional.Skip(1).Cast<NameReference>().Select(n => n.Name).ToList();
        var returnUnmatched = unmatched is LiteralExpression { Value: true } ? "true" : "false";
        return TableLocal($"{Plugins}.IpLookup({input}, {lookup}, {CSharpLiteralAlias.String(keys[0])}, {CSharpLiteralAlias.String(keys[1])}, {KustoLiterals.Strings(keys.Skip(2))}, {returnUnmatched})");
    }

    /// <summary>
    /// The analytics plugins: a fixed number of leading arguments (columns are compiled as binders with their
    /// names, the others as values computed once), then dimension columns (see Sdk/Kusto/Plugins).
    /// </summary>
    private string EvaluatePlugin(EvaluateOperator evaluate, string input)
    {
        var plugin = evaluate.Plugin;
        var name = plugin.Name.Name;
        var (positional, named) = PluginArguments(plugin);
        // per plugin: which leading arguments are columns (c) and which are values (v)
        var leading = name switch
        {
            "sliding_window_counts" => "ccvvvv",
            "active_users_count" => "ccvvvvvv",
            "activity_counts_metrics" => "ccvvv",
            "rolling_percentile" => "cvcvv",
            _ => null,
        };
        if (name == "sequence_detect") return SequenceDetect(plugin, positional, named, input);
        if (leading is null || named.Count > 0)
            return UnsupportedTable(evaluate, DiagnosticDescriptors.KustoUnsupportedOperator, $"evaluate {name}");
        if (positional.Count < leading.Length) return UnsupportedPlugin(plugin, name, "Too few arguments");
        var arguments = new List<string>();
        for (var i = 0; i < leading.Length; i++)
        {
            if (leading[i] == 'v') { arguments.Add(Scalar(positional[i], null)); continue; }
            if (KustoColumnNames.Of(positional[i]) is not { } column) return UnsupportedPlugin(positional[i], name, "A column argument that is not a column");
            arguments.Add(Binder(positional[i]));
            if (i != 0 || name == "rolling_percentile") arguments.Add(CSharpLiteralAlias.String(column)); // the activity plugins do not show the id column
        }
        var (dimNames, dimValues) = Columns(positional.Skip(leading.Length), "Column");
        if (dimNames is null) return UnsupportedPlugin(plugin, name, "These dimensions");
        arguments.Add(KustoLiterals.Strings(dimNames));
        arguments.Add(MultiBinder(dimValues));
        var method = name switch
        {
            "sliding_window_counts" => "SlidingWindowCounts",
            "active_users_count" => "ActiveUsersCount",
            "activity_counts_metrics" => "ActivityCountsMetrics",
            _ => "RollingPercentile",
        };
        return TableLocal($"{Plugins}.{method}({input}, {string.Join(", ", arguments)})");
    }

    /// <summary>sequence_detect(Time, MaxStepWindow, MaxSpan, Step = Predicate…, Dim…): named arguments are the steps, the others dimensions.</summary>
    private string SequenceDetect(FunctionCallExpression plugin, List<Expression> positional, Dictionary<string, Expression> named, string input)
    {
        if (positional.Count < 3 || KustoColumnNames.Of(positional[0]) is not { } time)
            return UnsupportedPlugin(plugin, "sequence_detect", "These arguments");
        var steps = plugin.Arguments.Skip(3).OfType<NamedExpression>().ToList();
        if (steps.Count == 0) return UnsupportedPlugin(plugin, "sequence_detect", "A sequence without named steps");
        var (dimNames, dimValues) = Columns(positional.Skip(3), "Column");
        if (dimNames is null) return UnsupportedPlugin(plugin, "sequence_detect", "These dimensions");
        return TableLocal($"{Plugins}.SequenceDetect({input}, {Binder(positional[0])}, {CSharpLiteralAlias.String(time)}, {Scalar(positional[1], null)}, {Scalar(positional[2], null)}, " +
            $"{KustoLiterals.Strings(steps.Select(s => s.Name.Name))}, {MultiBinder(steps.Select(s => s.Value))}, {KustoLiterals.Strings(dimNames)}, {MultiBinder(dimValues)})");
    }
}
