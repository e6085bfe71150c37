using System.Collections.Generic;
using AzureRules.Generators.Diagnostics;
using AzureRules.Generators.Kusto.Symbols;
using AzureRules.Generators.Kusto.Syntax;

namespace AzureRules.Generators.Kusto.Binding;

// Each query operator's output schema from its input schema. join/lookup, summarize and union have their own files.
internal sealed partial class KustoBinder
{
    private TableSchema BindOperator(QueryOperator op, TableSchema input, Scope scope)
    {
        var row = new RowContext(input);
        switch (op)
        {
            case WhereOperator where:
                BindPredicate(where.Predicate, "where", scope, row);
                return input;
            case ExtendOperator extend:
                return Extend(input, extend.Expressions, scope);
            case SerializeOperator serialize:
                return Extend(input, serialize.Expressions, scope);
            case ProjectOperator project:
                return Project(input, project.Expressions, scope);
            case ProjectColumnsOperator columns:
                return ProjectColumns(input, columns);
            case ProjectRenameOperator rename:
                return ProjectRename(input, rename);
            case SummarizeOperator summarize:
                return Summarize(input, summarize, scope);
            case JoinOperator join:
                return Join(input, join, scope);
            case LookupOperator lookup:
                return Lookup(input, lookup, scope);
            case UnionOperator union:
                return Union(input, union, scope, hasInput: true);
            case MvExpandOperator mvExpand:
                return MvExpand(input, mvExpand.Items, mvExpand, scope);
            case MvApplyOperator mvApply:
            {
                var expanded = MvExpand(input, mvApply.Items, mvApply, scope);
                var applied = BindTabularWithInput(mvApply.Subquery, expanded, scope);
                return Concat(expanded, applied, replace: true);
            }
            case ParseOperator parse:
                BindScalar(parse.Source, scope, row);
                return Parse(input, parse.Pattern);
            case ParseKvOperator parseKv:
                BindScalar(parseKv.Source, scope, row);
                return Parse(input, parseKv.Keys);
            case MakeSeriesOperator makeSeries:
                return MakeSeries(input, makeSeries, scope);
            case TopOperator top:
                BindScalar(top.Count, scope, row);
                foreach (var key in top.By) BindScalar(key, scope, row);
                return input;
            case SortOperator sort:
                foreach (var key in sort.By) BindScalar(key, scope, row);
                return input;
            case TakeOperator take:
                BindScalar(take.Count, scope, RowContext.None);
                return input;
            case SampleOperator sample:
                BindScalar(sample.Count, scope, RowContext.None);
                return input;
            case AsOperator or RenderOperator:
                return input;
            case ScanOperator scan:
                return Scan(input, scan, scope);
            case TopNestedOperator topNested:
                return TopNested(input, topNested, scope);
            case TopHittersOperator topHitters:
                return TopHitters(input, topHitters, scope);
            case SampleDistinctOperator sampleDistinct:
                return SampleDistinct(input, sampleDistinct, scope);
            case DistinctOperator distinct:
            {
                var distinctColumns = distinct.Columns.Count == 1 && distinct.Columns[0] is StarExpression ? input : Project(input, distinct.Columns, scope);
                _model.Reads.ReadAll(distinctColumns); // rows are compared on every column they keep
                return distinctColumns;
            }
            case CountOperator:
                return TableSchema.Of(new[] { new ColumnSymbol("Count", ScalarType.Long) });
            case GetSchemaOperator:
                _model.Reads.ReadAll(input); // the columns themselves are the result
                return TableSchema.Of(new[]
                {
                    new ColumnSymbol("ColumnName", ScalarType.String), new ColumnSymbol("ColumnOrdinal", ScalarType.Int),
                    new ColumnSymbol("DataType", ScalarType.String), new ColumnSymbol("ColumnType", ScalarType.String),
                });
            case EvaluateOperator evaluate:
                return Evaluate(input, evaluate, scope);
            case InvokeOperator invoke:
                return Invoke(input, invoke, scope);
            case PrintOperator print:
                return Print(print, scope);
            case RangeOperator range:
            {
                var type = BindScalar(range.From, scope, RowContext.None);
                BindScalar(range.To, scope, RowContext.None);
                BindScalar(range.Step, scope, RowContext.None);
                return TableSchema.Of(new[] { new ColumnSymbol(range.Name.Name, type) });
            }
            case DataTableOperator dataTable:
                foreach (var value in dataTable.Values) BindScalar(value, scope, RowContext.None);
                return DeclaredSchema(dataTable.Schema) with { IsOpen = false };
            case ExternalDataOperator externalData:
                return DeclaredSchema(externalData.Schema);
            case PartitionOperator partition:
                BindScalar(partition.By, scope, row);
                return BindTabularWithInput(partition.Subquery, input, scope);
            case SearchOperator or FindOperator or ForkOperator or FacetOperator or UnsupportedOperator:
                // the output of these depends on data or is not modelled: accept any column after them
                _model.Reads.ReadUnknown();
                return TableSchema.Unknown;
            default:
                _model.Reads.ReadUnknown();
                return TableSchema.Unknown;
        }
    }

    /// <summary>Binds a contextual subquery (mv-apply's, partition's) whose operators read <paramref name="input"/>.</summary>
    private TableSchema BindTabularWithInput(Expression subquery, TableSchema input, Scope scope)
    {
        while (subquery is ParenthesizedExpression p) subquery = p.Expression;
        if (subquery is PipeExpression { Source: null } pipe)
        {
            var schema = input;
            foreach (var op in pipe.Operators) schema = BindOperator(op, schema, scope);
            return schema;
        }
        if (subquery is QueryOperator single) return BindOperator(single, input, scope);
        return BindTabular(subquery, scope);
    }

    /// <summary>
    /// extend: Kusto binds every expression of one extend against the operator's input, so a column assigned
    /// earlier in the same extend is not yet visible to the later ones (the seed's UserRoles reads the
    /// original dynamic InitiatedBy, not the string assigned beside it).
    /// </summary>
    private TableSchema Extend(TableSchema input, IEnumerable<Expression> expressions, Scope scope)
    {
        var added = new List<ColumnSymbol>();
        var row = new RowContext(input) { Earlier = added };
        var ordinal = 1;
        foreach (var expression in expressions)
        {
            foreach (var column in ResultColumns(expression, input, scope, row, ref ordinal))
                added.Add(column);
        }
        return Concat(input, TableSchema.Of(added), replace: true);
    }

    private TableSchema Project(TableSchema input, IEnumerable<Expression> expressions, Scope scope)
    {
        var columns = new List<ColumnSymbol>();
        var row = new RowContext(input) { Earlier = columns };
        var ordinal = 1;
        var wildcard = false;
        foreach (var expression in expressions)
        {
            wildcard |= expression is StarExpression or WildcardName;
            columns.AddRange(ResultColumns(expression, input, scope, row, ref ordinal));
        }
        // * or a wildcard keeps columns the schema does not list too
        return wildcard ? TableSchema.Of(columns) with { Carries = input.Carries } : TableSchema.Of(columns);
    }

    /// <summary>The columns one item of extend/project/print produces, named as Kusto names them.</summary>
    private IEnumerable<ColumnSymbol> ResultColumns(Expression expression, TableSchema input, Scope scope, RowContext row, ref int ordinal)
    {
        switch (expression)
        {
            case NamedExpression named:
                return new[] { new ColumnSymbol(named.Name.Name, BindAny(named.Value, scope, row).Scalar) };
            case TupleNamedExpression tuple:
            {
                BindAny(tuple.Value, scope, row);
                var result = new List<ColumnSymbol>();
                foreach (var name in tuple.Names) result.Add(new ColumnSymbol(name.Name, ScalarType.Unknown));
                return result;
            }
            case WildcardName wildcard:
                return MatchingColumns(input, wildcard.Pattern);
            case StarExpression:
                return input.Columns;
            case FunctionCallExpression { Name.Name: var function } call when KustoColumnNames.SeriesResultSuffixes(function) is { } suffixes:
            {
                // extend series_stats(x): one column per statistic, series_stats_x_min, series_stats_x_avg, …
                BindScalar(expression, scope, row);
                var prefix = function + "_" + (call.Arguments.Count > 0 ? KustoColumnNames.Of(call.Arguments[0]) : null) + "_";
                var result = new List<ColumnSymbol>();
                foreach (var suffix in suffixes) result.Add(new ColumnSymbol(prefix + suffix, suffix.EndsWith("_idx") ? ScalarType.Long : ScalarType.Dynamic));
                return result;
            }
            default:
            {
                var type = BindScalar(expression, scope, row);
                var name = KustoColumnNames.Of(expression) ?? "Column" + (ordinal++).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return new[] { new ColumnSymbol(name, type) };
            }
        }
    }

    private static IEnumerable<ColumnSymbol> MatchingColumns(TableSchema input, string pattern)
    {
        var regex = new System.Text.RegularExpressions.Regex(
            "^" + System.Text.RegularExpressions.Regex.Escape(pattern).Replace("\\*", ".*") + "$");
        foreach (var column in input.Columns) if (regex.IsMatch(column.Name)) yield return column;
    }

    /// <summary>Appends <paramref name="added"/> to <paramref name="input"/>; a column of the same name is replaced in place.</summary>
    private static TableSchema Concat(TableSchema input, TableSchema added, bool replace)
    {
        var columns = new List<ColumnSymbol>(input.Columns);
        columns.AddRange(added.Columns);
        return TableSchema.Of(columns).Like(input, added);
    }

    private TableSchema ProjectColumns(TableSchema input, ProjectColumnsOperator op)
    {
        var named = new List<ColumnSymbol>();
        foreach (var item in op.Columns)
        {
            var expression = item is OrderedExpression ordered ? ordered.Expression : item;
            switch (expression)
            {
                case NameReference name:
                    if (input.Find(name.Name) is { } column) named.Add(column);
                    else ReportMissingColumn(input, name.Span, name.Name);
                    break;
                case WildcardName wildcard:
                    named.AddRange(MatchingColumns(input, wildcard.Pattern));
                    break;
            }
        }
        var names = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var column in named) names.Add(column.Name);
        var result = new List<ColumnSymbol>();
        switch (op.Kind)
        {
            case ProjectColumnsKind.Away:
                foreach (var column in input.Columns) if (!names.Contains(column.Name)) result.Add(column);
                return TableSchema.Of(result).Like(input);
            case ProjectColumnsKind.Keep:
                foreach (var column in input.Columns) if (names.Contains(column.Name)) result.Add(column);
                // a wildcard may keep columns the schema does not list
                var kept = TableSchema.Of(result, input.IsOpen && named.Count == 0);
                return HasWildcard(op) ? kept with { Carries = input.Carries } : kept;
            default:
                result.AddRange(named);
                foreach (var column in input.Columns) if (!names.Contains(column.Name)) result.Add(column);
                return TableSchema.Of(result).Like(input);
        }
    }

    private static bool HasWildcard(ProjectColumnsOperator op)
    {
        foreach (var item in op.Columns)
            if ((item is OrderedExpression ordered ? ordered.Expression : item) is WildcardName) return true;
        return false;
    }

    private TableSchema ProjectRename(TableSchema input, ProjectRenameOperator op)
    {
        var renames = new Dictionary<string, string>(System.StringComparer.Ordinal);
        foreach (var item in op.Renames)
        {
            if (item is not NamedExpression { Value: NameReference old } named) continue;
            if (!input.Contains(old.Name)) ReportMissingColumn(input, old.Span, old.Name);
            renames[old.Name] = named.Name.Name;
        }
        var result = new List<ColumnSymbol>();
        foreach (var column in input.Columns)
            result.Add(renames.TryGetValue(column.Name, out var newName) ? column with { Name = newName } : column);
        foreach (var pair in renames) if (!input.Contains(pair.Key)) result.Add(new ColumnSymbol(pair.Value, ScalarType.Unknown));
        return TableSchema.Of(result).Like(input);
    }

    private TableSchema MvExpand(TableSchema input, IEnumerable<MvExpandItem> items, QueryOperator op, Scope scope)
    {
        var row = new RowContext(input);
        var added = new List<ColumnSymbol>();
        foreach (var item in items)
        {
            var type = ScalarType.Dynamic;
            if (item.ToType is { } toType && ScalarTypes.TryParse(toType.Name, out var declared)) type = declared;
            switch (item.Expression)
            {
                case NamedExpression named:
                    BindScalar(named.Value, scope, row);
                    added.Add(new ColumnSymbol(named.Name.Name, type));
                    break;
                default:
                    BindScalar(item.Expression, scope, row);
                    if (KustoColumnNames.Of(item.Expression) is { } name) added.Add(new ColumnSymbol(name, type));
                    break;
            }
        }
        if (op.ParameterText("with_itemindex") is { } index) added.Add(new ColumnSymbol(index, ScalarType.Long));
        return Concat(input, TableSchema.Of(added), replace: true);
    }

    private static TableSchema Parse(TableSchema input, IEnumerable<Expression> pattern)
    {
        var added = new List<ColumnSymbol>();
        foreach (var part in pattern)
        {
            if (part is not ColumnDeclaration column) continue;
            var type = column.Type is { } t && ScalarTypes.TryParse(t.Name, out var declared) ? declared : ScalarType.String;
            added.Add(new ColumnSymbol(column.Name.Name, type));
        }
        return Concat(input, TableSchema.Of(added), replace: true);
    }

    private TableSchema Print(PrintOperator print, Scope scope)
    {
        var columns = new List<ColumnSymbol>();
        var ordinal = 0;
        foreach (var expression in print.Expressions)
        {
            if (expression is NamedExpression named)
                columns.Add(new ColumnSymbol(named.Name.Name, BindAny(named.Value, scope, RowContext.None).Scalar));
            else
                columns.Add(new ColumnSymbol("print_" + (ordinal++).ToString(System.Globalization.CultureInfo.InvariantCulture), BindScalar(expression, scope, RowContext.None)));
        }
        return TableSchema.Of(columns);
    }

    private TableSchema Invoke(TableSchema input, InvokeOperator invoke, Scope scope)
    {
        var arguments = new List<BoundValue> { BoundValue.Of(input) };
        foreach (var argument in invoke.Function.Arguments) arguments.Add(BindAny(argument, scope, RowContext.None));
        if (scope.Find(invoke.Function.Name.Name) is LocalFunction function)
        {
            _model.AddReference(_instance, invoke.Function, function);
            return CallLocalFunction(function, ByParameter(function, invoke.Function.Arguments, arguments, skip: 1), invoke.Function);
        }
        _model.Reads.ReadAll(input); // a stored function's body is not bound here
        if (_globals.FindFunction(invoke.Function.Name.Name) is { } stored) return stored.Result;
        _model.MarkUnresolved(_instance, invoke.Function);
        return TableSchema.Unknown;
    }
}
