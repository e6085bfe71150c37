using System.Collections.Generic;
using System.Linq;
using AzureRules.Generators.Diagnostics;
using AzureRules.Generators.Kusto.Binding;
using AzureRules.Generators.Kusto.Syntax;
using static AzureRules.Generators.Kusto.Emit.KustoRuntimeNames;

namespace AzureRules.Generators.Kusto.Emit;

internal sealed partial class KustoQueryEmitter
{
    /// <summary>Emits a tabular expression; returns the C# local (or expression) holding its table.</summary>
    private string Tabular(Expression expression)
    {
        switch (expression)
        {
            case PipeExpression pipe:
            {
                if (pipe.Source is null)
                    return UnsupportedTable(pipe, DiagnosticDescriptors.KustoUnsupportedConstruct, "A subquery without a source");
                var table = Tabular(pipe.Source);
                foreach (var op in pipe.Operators) table = Operator(op, table);
                return table;
            }
            case ParenthesizedExpression p:
                return Tabular(p.Expression);
            case NameReference name:
                return _model.ReferenceOf(_instance, name) switch
                {
                    LocalFunction f => InlineTabularFunction(f, name, new FunctionCallExpression(name.Span, name, EquatableArrayEmpty())),
                    { } local => _locals.TryGetValue(local, out var emitted) && emitted.IsTable ? emitted.CSharp
                        : UnsupportedTable(name, DiagnosticDescriptors.KustoUnsupportedConstruct, $"Using the scalar '{name.Name}' as a table"),
                    null => WorkspaceTable(name.Name),
                };
            case FunctionCallExpression call:
                switch (call.Name.Name)
                {
                    case "materialize" when call.Arguments.Count == 1:
                        return Tabular(call.Arguments[0]);
                    case "table" when call.Arguments.Count >= 1 && call.Arguments[0] is LiteralExpression { Value: string tableName }:
                        return _model.ReferenceOf(_instance, call) is { } symbol && _locals.TryGetValue(symbol, out var bound) && bound.IsTable
                            ? bound.CSharp
                            : WorkspaceTable(tableName);
                    case "table" when call.Arguments.Count >= 1:
                        // table(name) with a computed name, e.g. a let string or a function parameter
                        _readsComputedTable = true;
                        return TableLocal($"context.Table({Scalar(call.Arguments[0], null)}.AsString)");
                }
                if (_model.ReferenceOf(_instance, call) is LocalFunction function)
                    return InlineTabularFunction(function, call, call);
                if (call.Name.Name == "_GetWatchlist" && call.Arguments.Count == 1)
                    return TableLocal($"{Operators}.Watchlist(context, {Scalar(call.Arguments[0], null)})");
                return UnsupportedTable(call, DiagnosticDescriptors.KustoUnsupportedFunction, call.Name.Name);
            case QueryOperator op:
                return SourceOperator(op);
            default:
                return UnsupportedTable(expression, DiagnosticDescriptors.KustoUnsupportedConstruct, "This tabular expression");
        }
    }

    /// <summary>A workspace table by name, recorded in the tables the rule reads.</summary>
    private string WorkspaceTable(string name)
    {
        _readTables.Add(name);
        return TableLocal($"context.Table({CSharpLiteralAlias.String(name)})");
    }

    private static Model.EquatableArray<Expression> EquatableArrayEmpty() => Model.EquatableArray<Expression>.Empty;

    /// <summary>Operators that start a query: print, range, datatable, union.</summary>
    private string SourceOperator(QueryOperator op)
    {
        switch (op)
        {
            case PrintOperator print:
            {
                var names = new List<string>();
                var values = new List<string>();
                for (var i = 0; i < print.Expressions.Count; i++)
                {
                    var (name, value) = Named(print.Expressions[i]);
                    names.Add(name ?? KustoColumnNames.Of(value) ?? "print_" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    values.Add(Scalar(value, row: null));
                }
                return TableLocal($"{Operators}.Print({KustoLiterals.Strings(names)}, {KustoLiterals.Array(values)})");
            }
            case RangeOperator range:
                return TableLocal($"{Operators}.Range({CSharpLiteralAlias.String(range.Name.Name)}, {Scalar(range.From, null)}, {Scalar(range.To, null)}, {Scalar(range.Step, null)})");
            case DataTableOperator data:
            {
                var columns = data.Schema.Columns.Select(c => $"new {Column}({CSharpLiteralAlias.String(c.Name.Name)}, {KustoLiterals.TypeOf(c.Type?.Name ?? "string")})");
                var values = data.Values.Select(v => Scalar(v, null));
                return TableLocal($"{Operators}.DataTable({KustoLiterals.Array(columns, Column)}, {KustoLiterals.Array(values)})");
            }
            case UnionOperator union:
                return Union(union, inputs: []);
            case ExternalDataOperator external:
                return ExternalData(external);
            default:
                return UnsupportedTable(op, DiagnosticDescriptors.KustoUnsupportedOperator, OperatorName(op));
        }
    }

    /// <summary>
    /// externaldata: the URLs (string literals) resolve to local files at run time through the context's
    /// external-data resolver; the declared schema types the columns.
    /// </summary>
    private string ExternalData(ExternalDataOperator external)
    {
        var uris = new List<string>();
        foreach (var uri in external.Uris)
        {
            if (uri is not LiteralExpression { Value: string text })
                return UnsupportedTable(uri, DiagnosticDescriptors.KustoUnsupportedConstruct, "An externaldata URL that is not a string literal");
            uris.Add(text);
        }
        string? format = null;
        var ignoreFirst = false;
        foreach (var option in external.With)
        {
            var value = option.Value switch
            {
                LiteralExpression { Value: bool b } => b ? "true" : "false",
                LiteralExpression l => System.Convert.ToString(l.Value, System.Globalization.CultureInfo.InvariantCulture),
                NameReference n => n.Name,
                _ => null,
            };
            if (string.Equals(option.Name, "format", System.StringComparison.OrdinalIgnoreCase)) format = value?.ToLowerInvariant();
            else if (string.Equals(option.Name, "ignoreFirstRecord", System.StringComparison.OrdinalIgnoreCase)) ignoreFirst = value == "true";
        }
        // without a format Kusto takes it from the file extension, csv when there is none it knows
        format ??= uris.Count > 0 && System.IO.Path.GetExtension(uris[0].Split('?')[0]).TrimStart('.').ToLowerInvariant() is { } ext
            && ext is "csv" or "tsv" or "json" or "multijson" or "txt" ? ext : "csv";
        if (format is not ("csv" or "tsv" or "tsve" or "psv" or "txt" or "raw" or "json" or "multijson"))
            return UnsupportedTable(external, DiagnosticDescriptors.KustoUnsupportedConstruct, $"externaldata format '{format}'");
        var columns = external.Schema.Columns.Select(c => $"new {Column}({CSharpLiteralAlias.String(c.Name.Name)}, {KustoLiterals.TypeOf(c.Type?.Name ?? "string")})");
        return TableLocal($"{Operators}.ExternalData(context, {KustoLiterals.Array(columns, Column)}, {KustoLiterals.Strings(uris)}, {CSharpLiteralAlias.String(format)}, {(ignoreFirst ? "true" : "false")})");
    }

    private string Union(UnionOperator union, List<(string Table, string Name)> inputs)
    {
        var fuzzy = string.Equals(union.ParameterText("isfuzzy"), "true", System.StringComparison.OrdinalIgnoreCase);
        foreach (var table in union.Tables)
        {
            if (table is WildcardName wildcard)
            {
                Unsupported(wildcard, DiagnosticDescriptors.KustoUnsupportedConstruct, "A union over a table wildcard");
                continue;
            }
            var (bodyLength, reported, unresolved) = (_body.Length, _unsupported.Count, _unresolvedCalls);
            var leg = Tabular(table);
            if (fuzzy && _unresolvedCalls > unresolved)
            {
                // isfuzzy=true: a leg that does not resolve (it calls a function the workspace lacks) is left out, as Kusto does
                _body.Length = bodyLength;
                _unsupported.RemoveRange(reported, _unsupported.Count - reported);
                _unresolvedCalls = unresolved;
                continue;
            }
            inputs.Add((leg, SourceName(table)));
        }
        var source = union.ParameterText("withsource");
        var tables = KustoLiterals.Array(inputs.Select(i => i.Table), Table);
        return source is null
            ? TableLocal($"{Operators}.Union({tables})")
            : TableLocal($"{Operators}.Union({tables}, {CSharpLiteralAlias.String(source)}, {KustoLiterals.Strings(inputs.Select(i => i.Name))})");
    }

    /// <summary>The name union's withsource column shows for a table: its name, or the name an <c>as</c> gave it.</summary>
    private static string SourceName(Expression table) => table switch
    {
        NameReference n => n.Name,
        FunctionCallExpression call => call.Name.Name,
        ParenthesizedExpression p => SourceName(p.Expression),
        PipeExpression { Operators.Count: > 0 } pipe when pipe.Operators[pipe.Operators.Count - 1] is AsOperator @as => @as.Name.Name,
        _ => "",
    };

    /// <summary>Emits one piped operator over <paramref name="input"/>; returns the result's local.</summary>
    private string Operator(QueryOperator op, string input)
    {
        switch (op)
        {
            case WhereOperator where:
            {
                // `where X = value` filters on the value (the name only labels it, as in Kusto)
                var (predicate, hidden) = HoistWindowFunctions([where.Predicate is NamedExpression labelled ? labelled.Value : where.Predicate], ref input);
                if (predicate is null) return $"{Table}.Empty";
                return WithoutHiddenColumns(TableLocal($"{Operators}.Where({input}, {Binder(predicate[0])})"), hidden);
            }

            case ExtendOperator extend:
            {
                var (names, values) = ColumnsOfSeveralValues(extend.Expressions);
                if (names is null) return UnsupportedTable(extend, DiagnosticDescriptors.KustoUnsupportedConstruct, "Naming several columns at once in extend");
                var (computed, hidden) = HoistWindowFunctions(values.ConvertAll(v => v.Value), ref input);
                if (computed is null) return $"{Table}.Empty";
                return WithoutHiddenColumns(TableLocal($"{Operators}.Extend({input}, {KustoLiterals.Strings(names)}, {MultiBinder(WithMembers(computed, values))})"), hidden);
            }

            case ProjectOperator project:
            {
                var (names, values) = ColumnsOfSeveralValues(project.Expressions);
                if (names is null) return UnsupportedTable(project, DiagnosticDescriptors.KustoUnsupportedConstruct, "Naming several columns at once in project");
                var (computed, _) = HoistWindowFunctions(values.ConvertAll(v => v.Value), ref input);
                if (computed is null) return $"{Table}.Empty";
                return TableLocal($"{Operators}.Project({input}, {KustoLiterals.Strings(names)}, {MultiBinder(WithMembers(computed, values))})");
            }

            case ProjectColumnsOperator columns:
            {
                var patterns = columns.Columns.Select(ColumnPattern).ToList();
                if (patterns.Any(p => p is null))
                    return UnsupportedTable(columns, DiagnosticDescriptors.KustoUnsupportedConstruct, "A project-away/keep/reorder item that is not a column name");
                if (columns.Kind == ProjectColumnsKind.Reorder)
                {
                    var directions = columns.Columns.Select(c => c is OrderedExpression { Direction: { } d } ? (d == SortDirection.Ascending ? "1" : "-1") : "0");
                    return TableLocal($"{Operators}.ProjectReorder({input}, {KustoLiterals.Strings(patterns!)}, new int[] {{ {string.Join(", ", directions)} }})");
                }
                var method = columns.Kind == ProjectColumnsKind.Away ? "ProjectAway" : "ProjectKeep";
                return TableLocal($"{Operators}.{method}({input}, {KustoLiterals.Strings(patterns!)})");
            }

            case ProjectRenameOperator rename:
            {
                var newNames = new List<string>();
                var oldNames = new List<string>();
                foreach (var item in rename.Renames)
                {
                    if (item is NamedExpression { Value: NameReference old } named)
                    {
                        newNames.Add(named.Name.Name);
                        oldNames.Add(old.Name);
                    }
                    else
                    {
                        return UnsupportedTable(item, DiagnosticDescriptors.KustoUnsupportedConstruct, "A project-rename item that is not New = Old");
                    }
                }
                return TableLocal($"{Operators}.ProjectRename({input}, {KustoLiterals.Strings(newNames)}, {KustoLiterals.Strings(oldNames)})");
            }

            case SummarizeOperator summarize:
                return Summarize(summarize, input);

            case JoinOperator join:
                return Join(join, input);

            case LookupOperator lookup:
                return Lookup(lookup, input);

            case UnionOperator union:
                return Union(union, [(input, "")]);

            case MvExpandOperator mvExpand:
                return MvExpand(mvExpand, input);

            case MvApplyOperator mvApply:
                return MvApply(mvApply, input);

            case TakeOperator take:
                return TableLocal($"{Operators}.Take({input}, {Scalar(take.Count, null)})");

            case SortOperator sort:
                return TableLocal($"{Operators}.Sort({input}, {SortKeys(sort.By)})");

            case TopOperator top:
                return TableLocal($"{Operators}.Top({input}, {Scalar(top.Count, null)}, {SortKeys(top.By)})");

            case DistinctOperator distinct:
            {
                if (distinct.Columns.Count == 1 && distinct.Columns[0] is StarExpression)
                    return TableLocal($"{Operators}.Distinct({input}, null)");
                var (names, values) = Columns(distinct.Columns, "Column");
                if (names is null) return UnsupportedTable(distinct, DiagnosticDescriptors.KustoUnsupportedConstruct, "This distinct item");
                var projected = TableLocal($"{Operators}.Project({input}, {KustoLiterals.Strings(names)}, {MultiBinder(values)})");
                return TableLocal($"{Operators}.Distinct({projected}, null)");
            }

            case CountOperator:
                return TableLocal($"{Operators}.Count({input})");

            case AsOperator @as:
                return input; // the name only labels the table (union's withsource shows it)

            case SerializeOperator serialize:
            {
                if (serialize.Expressions.Count == 0) return input;
                var (names, values) = Columns(serialize.Expressions, "Column");
                if (names is null) return UnsupportedTable(serialize, DiagnosticDescriptors.KustoUnsupportedConstruct, "This serialize item");
                var (computed, hidden) = HoistWindowFunctions(values, ref input);
                if (computed is null) return $"{Table}.Empty";
                return WithoutHiddenColumns(TableLocal($"{Operators}.Extend({input}, {KustoLiterals.Strings(names)}, {MultiBinder(computed)})"), hidden);
            }

            case InvokeOperator invoke:
                if (_model.ReferenceOf(_instance, invoke.Function) is LocalFunction function)
                    return InlineTabularFunction(function, invoke.Function, invoke.Function, pipedTable: input);
                return UnsupportedTable(invoke.Function, DiagnosticDescriptors.KustoUnsupportedFunction, invoke.Function.Name.Name);

            case ParseOperator parse:
                return Parse(parse, input);

            case ScanOperator scan:
                return Scan(scan, input);

            case TopNestedOperator topNested:
                return TopNested(topNested, input);

            case TopHittersOperator topHitters:
                return TopHitters(topHitters, input);

            case SampleOperator sample:
                return TableLocal($"{Operators}.Sample({input}, {Scalar(sample.Count, null)})");

            case SampleDistinctOperator sampleDistinct:
            {
                var (name, of) = Named(sampleDistinct.Of);
                name ??= KustoColumnNames.Of(of);
                if (name is null) return UnsupportedTable(sampleDistinct.Of, DiagnosticDescriptors.KustoUnsupportedConstruct, "A sample-distinct of that is not a column");
                return TableLocal($"{Operators}.SampleDistinct({input}, {Scalar(sampleDistinct.Count, null)}, {CSharpLiteralAlias.String(name)}, {Binder(of)})");
            }

            case PartitionOperator partition when IsContextualSubquery(partition.Subquery):
                return TableLocal($"{Operators}.Partition({input}, {Binder(partition.By)}, {SubqueryFunction(partition.Subquery)})");

            case ParseKvOperator parseKv:
                return ParseKv(parseKv, input);

            case MakeSeriesOperator makeSeries:
                return MakeSeries(makeSeries, input);

            case RenderOperator:
                return input; // a chart hint for the client: the result rows are unchanged

            case EvaluateOperator evaluate:
                return Evaluate(evaluate, input);

            case GetSchemaOperator:
                return TableLocal($"{Operators}.GetSchema({input})");

            default:
                return UnsupportedTable(op, DiagnosticDescriptors.KustoUnsupportedOperator, OperatorName(op));
        }
    }

    /// <summary>Whether a subquery starts with an operator, reading the operator's input (<c>(sort by x | take 1)</c>), not a table of its own.</summary>
    private static bool IsContextualSubquery(Expression subquery)
    {
        while (subquery is ParenthesizedExpression p) subquery = p.Expression;
        return subquery is PipeExpression { Source: null } or QueryOperator and not (UnionOperator or PrintOperator or RangeOperator or DataTableOperator or ExternalDataOperator);
    }

    private string OperatorName(QueryOperator op)
    {
        if (op is UnsupportedOperator u) return u.Keyword;
        var text = op.Span.Of(_text).TrimStart();
        var end = 0;
        while (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] is '-' or '_')) end++;
        return end > 0 ? text.Substring(0, end) : op.GetType().Name;
    }

    /// <summary>A project-away/keep/reorder item as a name or wildcard pattern, or null.</summary>
    private static string? ColumnPattern(Expression item) => item switch
    {
        NameReference n => n.Name,
        WildcardName w => w.Pattern,
        OrderedExpression o => ColumnPattern(o.Expression),
        _ => null,
    };

    /// <summary>Splits <c>Name = Value</c> items; unnamed items get null names.</summary>
    private static (string? Name, Expression Value) Named(Expression item)
        => item is NamedExpression named ? (named.Name.Name, named.Value) : (null, item);

    /// <summary>The result names and values of extend/project items; names Kusto would derive are derived, the rest numbered.</summary>
    private static (List<string>? Names, List<Expression> Values) Columns(IEnumerable<Expression> items, string prefix)
    {
        var names = new List<string>();
        var values = new List<Expression>();
        var unnamed = 0;
        foreach (var item in items)
        {
            if (item is TupleNamedExpression) return (null, values);
            var (name, value) = Named(item);
            names.Add(name ?? KustoColumnNames.Of(value) ?? prefix + (++unnamed).ToString(System.Globalization.CultureInfo.InvariantCulture));
            values.Add(value);
        }
        return (names, values);
    }

    /// <summary>
    /// Extend/project items, where a function of several values (series_stats, series_fit_line) gives one column per
    /// value: <c>(a, b, …) = f(x)</c> names them, an unnamed <c>f(x)</c> gives <c>f_x_min</c>, <c>f_x_avg</c>, …. Each such
    /// column reads its key of the bag the runtime returns for the call. Null names when an item cannot be expanded.
    /// </summary>
    /// <summary>The values after window functions were hoisted out of them, each with the bag member its column reads.</summary>
    private static IEnumerable<(Expression Value, string? Member)> WithMembers(List<Expression> computed, List<(Expression Value, string? Member)> items)
        => computed.Zip(items, (value, item) => (value, item.Member));

    private static (List<string>? Names, List<(Expression Value, string? Member)> Values) ColumnsOfSeveralValues(IEnumerable<Expression> items)
    {
        var names = new List<string>();
        var values = new List<(Expression, string?)>();
        var unnamed = 0;
        foreach (var item in items)
        {
            switch (item)
            {
                case TupleNamedExpression { Value: FunctionCallExpression call } tuple
                    when KustoColumnNames.SeriesResultSuffixes(call.Name.Name) is { } suffixes && tuple.Names.Count <= suffixes.Length:
                    for (var i = 0; i < tuple.Names.Count; i++) { names.Add(tuple.Names[i].Name); values.Add((call, suffixes[i])); }
                    continue;
                case TupleNamedExpression:
                    return (null, values);
                case FunctionCallExpression call when KustoColumnNames.SeriesResultSuffixes(call.Name.Name) is { } suffixes:
                {
                    var prefix = call.Name.Name + "_" + (call.Arguments.Count > 0 ? KustoColumnNames.Of(call.Arguments[0]) : null) + "_";
                    foreach (var suffix in suffixes) { names.Add(prefix + suffix); values.Add((call, suffix)); }
                    continue;
                }
            }
            var (name, value) = Named(item);
            names.Add(name ?? KustoColumnNames.Of(value) ?? "Column" + (++unnamed).ToString(System.Globalization.CultureInfo.InvariantCulture));
            values.Add((value, null));
        }
        return (names, values);
    }

    private string SortKeys(IEnumerable<OrderedExpression> keys)
    {
        var items = keys.Select(k =>
        {
            var descending = k.Direction != SortDirection.Ascending ? "true" : "false";
            var nulls = k.Nulls switch { NullsPosition.First => "true", NullsPosition.Last => "false", _ => "null" };
            return $"new {SortKey}({Binder(k.Expression)}, {descending}, {nulls})";
        });
        return KustoLiterals.Array(items, SortKey);
    }

    private string MvApply(MvApplyOperator mvApply, string input)
    {
        var names = new List<string>();
        var values = new List<Expression>();
        var types = new List<string>();
        foreach (var item in mvApply.Items)
        {
            var (name, value) = Named(item.Expression);
            name ??= KustoColumnNames.Of(value);
            if (name is null) return UnsupportedTable(item, DiagnosticDescriptors.KustoUnsupportedConstruct, "An mv-apply item without a name");
            names.Add(name);
            values.Add(value);
            types.Add(item.ToType is null ? "null" : KustoLiterals.TypeOf(item.ToType.Name));
        }
        var index = mvApply.ParameterText("with_itemindex");
        var limit = mvApply.Limit is null ? "long.MaxValue" : $"{Scalar(mvApply.Limit, null)}.AsLong";
        var binder = MultiBinder(values);
        var subquery = SubqueryFunction(mvApply.Subquery);
        return TableLocal($"{Operators}.MvApply({input}, {KustoLiterals.Strings(names)}, {binder}, new {TypeEnum}?[] {{ {string.Join(", ", types)} }}, {(index is null ? "null" : CSharpLiteralAlias.String(index))}, {limit}, {subquery})");
    }

    private string MvExpand(MvExpandOperator mvExpand, string input)
    {
        var names = new List<string>();
        var values = new List<Expression>();
        var types = new List<string>();
        var unnamed = 0;
        foreach (var item in mvExpand.Items)
        {
            var (name, value) = Named(item.Expression);
            name ??= KustoColumnNames.Of(value) ?? "Column" + (++unnamed).ToString(System.Globalization.CultureInfo.InvariantCulture);
            names.Add(name);
            values.Add(value);
            types.Add(item.ToType is null ? "null" : KustoLiterals.TypeOf(item.ToType.Name));
        }
        var index = mvExpand.ParameterText("with_itemindex");
        var bagsAsArrays = string.Equals(mvExpand.ParameterText("kind") ?? mvExpand.ParameterText("bagexpansion"), "array", System.StringComparison.OrdinalIgnoreCase);
        var limit = mvExpand.Limit is null ? "long.MaxValue" : $"{Scalar(mvExpand.Limit, null)}.AsLong";
        return TableLocal($"{Operators}.MvExpand({input}, {KustoLiterals.Strings(names)}, {MultiBinder(values)}, new {TypeEnum}?[] {{ {string.Join(", ", types)} }}, {(index is null ? "null" : CSharpLiteralAlias.String(index))}, {limit}, {(bagsAsArrays ? "true" : "false")})");
    }
}
