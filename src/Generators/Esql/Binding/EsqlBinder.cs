using System;
using System.Collections.Generic;
using AzureRules.Generators.Diagnostics;
using AzureRules.Generators.Esql.Syntax;

namespace AzureRules.Generators.Esql.Binding;

/// <summary>
/// Walks the pipeline keeping track of the columns each command leaves (<see cref="EsqlColumnScope"/>)
/// and checks every name and function against them and against the function library. Errors only for
/// what Elasticsearch would reject; names we merely do not know are warnings.
/// </summary>
internal sealed class EsqlBinder
{
    private static readonly HashSet<string> MetadataFields = new(StringComparer.Ordinal)
    {
        "_id", "_index", "_version", "_source", "_score", "_ignored", "_index_mode", "_tsid", "_size",
    };

    private readonly List<QueryDiagnostic> _diagnostics;
    private readonly HashSet<string> _warnedFields = new(StringComparer.Ordinal);
    private EsqlColumnScope _scope = EsqlColumnScope.Empty();

    private EsqlBinder(List<QueryDiagnostic> diagnostics) => _diagnostics = diagnostics;

    /// <summary>Checks <paramref name="query"/>; returns the columns the query outputs (empty when unknown).</summary>
    public static IReadOnlyList<string> Bind(EsqlQuery query, List<QueryDiagnostic> diagnostics)
    {
        var binder = new EsqlBinder(diagnostics);
        foreach (var command in query.Commands) binder.BindCommand(command);
        var columns = new List<string>();
        foreach (var column in binder._scope.Columns) columns.Add(column.Key);
        columns.Sort(StringComparer.Ordinal);
        return columns;
    }

    private void BindCommand(EsqlCommand command)
    {
        switch (command)
        {
            case EsqlFrom from:
                _scope = EsqlColumnScope.ForIndices();
                foreach (var field in from.Metadata)
                {
                    if (!MetadataFields.Contains(field.Name))
                        Report(DiagnosticDescriptors.EsqlUnknownMetadataField, field, field.Name);
                    _scope.Add(field.Name, MetadataType(field.Name));
                }
                break;
            case EsqlRow row:
                _scope = EsqlColumnScope.Empty();
                BindFields(row.Fields, "ROW");
                break;
            case EsqlShow:
                _scope = EsqlColumnScope.Empty();
                _scope.MarkOpenEnded();
                break;
            case EsqlWhere where:
                Bind(where.Condition, "WHERE");
                break;
            case EsqlEval eval:
                BindFields(eval.Fields, "EVAL");
                break;
            case EsqlStats stats:
                BindStats(stats);
                break;
            case EsqlProject project:
                BindProject(project);
                break;
            case EsqlRename rename:
                BindRename(rename);
                break;
            case EsqlSort sort:
                foreach (var order in sort.Orders) Bind(order.Expression, "SORT");
                break;
            case EsqlLimit:
                break;
            case EsqlExtract extract:
                Bind(extract.Input, extract.Keyword);
                foreach (var option in extract.Options) Bind(option.Expression, extract.Keyword);
                foreach (var pattern in extract.Patterns)
                {
                    var columns = extract.IsGrok ? ExtractionPatterns.GrokColumns(pattern.Value) : ExtractionPatterns.DissectColumns(pattern.Value);
                    foreach (var (name, type) in columns) _scope.Add(name, type);
                }
                break;
            case EsqlMvExpand expand:
                ResolveName(expand.Field);
                break;
            case EsqlEnrich enrich:
                if (enrich.On is not null && !enrich.On.IsPattern) ResolveName(enrich.On);
                if (enrich.With is null) _scope.MarkOpenEnded(); // the policy's enrich fields: unknown here
                else foreach (var (newName, field) in enrich.With) _scope.Add((newName ?? field).Name, EsqlType.Unknown);
                break;
            case EsqlLookupJoin join:
                // a plain join field must be a column here; a condition also names the lookup index's
                // fields, which we cannot know, so its names are not checked
                foreach (var condition in join.On)
                {
                    if (condition is EsqlColumnReference field) ResolveName(field.Name);
                }
                _scope.MarkOpenEnded(); // the lookup index's fields: unknown here
                break;
            case EsqlCompletion completion:
                Bind(completion.Prompt, "COMPLETION");
                _scope.Add(completion.Column, EsqlType.Keyword);
                break;
            case EsqlChangePoint changePoint:
                ResolveName(changePoint.Value);
                if (changePoint.Key is not null) ResolveName(changePoint.Key);
                _scope.Add(changePoint.TypeColumn, EsqlType.Keyword);
                _scope.Add(changePoint.PvalueColumn, EsqlType.Double);
                break;
            case EsqlSample sample:
                Bind(sample.Probability, "SAMPLE");
                break;
            case EsqlUnknownCommand unknown:
                _diagnostics.Add(QueryDiagnostic.Create(DiagnosticDescriptors.EsqlUnsupportedCommand, unknown.Start, unknown.Keyword.Length, unknown.Keyword));
                _scope.MarkOpenEnded();
                break;
        }
    }

    private void BindFields(IReadOnlyList<EsqlField> fields, string command)
    {
        // EVAL and ROW fields are evaluated left to right: a later field sees the earlier ones
        foreach (var field in fields) _scope.Add(field.ColumnName, Bind(field.Expression, command));
    }

    private void BindStats(EsqlStats stats)
    {
        // STATS outputs its aggregates, then its groups
        var output = new List<KeyValuePair<string, EsqlType>>();
        var groups = new List<KeyValuePair<string, EsqlType>>();
        var groupNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in stats.Groups)
        {
            groups.Add(new KeyValuePair<string, EsqlType>(group.ColumnName, Bind(group.Expression, stats.Keyword, inStatsGroup: true)));
            groupNames.Add(group.ColumnName);
        }
        foreach (var aggregate in stats.Aggregates)
        {
            var type = Bind(aggregate.Expression, stats.Keyword, inStats: true);
            if (aggregate.Filter is not null) Bind(aggregate.Filter, stats.Keyword);
            if (IsPlainRowExpression(aggregate.Expression, groupNames))
                Report(DiagnosticDescriptors.EsqlNotAggregate, aggregate.Expression, aggregate.ColumnName);
            output.Add(new KeyValuePair<string, EsqlType>(aggregate.ColumnName, type));
        }
        output.AddRange(groups);
        if (stats.IsInline)
        {
            foreach (var column in output) _scope.Add(column.Key, column.Value);
        }
        else _scope.ReplaceAll(output, stats.Keyword);
    }

    private void BindProject(EsqlProject project)
    {
        foreach (var pattern in project.Patterns)
        {
            // a plain name must exist (ES|QL: "Unknown column"); a wildcard may match nothing.
            // A kept index field becomes a listed column, so the query's output columns name it.
            if (pattern.IsPattern) continue;
            var type = ResolveName(pattern);
            if (!project.IsDrop && _scope.Resolve(pattern.Name).Kind is EsqlResolutionKind.IndexField or EsqlResolutionKind.UnknownIndexField)
                _scope.Add(pattern.Name, type);
        }
        var names = new List<string>();
        foreach (var pattern in project.Patterns) names.Add(pattern.Name);
        if (project.IsDrop)
        {
            foreach (var name in names) _scope.Drop(name, $"{project.Keyword} removed it");
        }
        else _scope.Keep(names, $"{project.Keyword} did not keep it");
    }

    private void BindRename(EsqlRename rename)
    {
        foreach (var (oldName, newName) in rename.Renames)
        {
            var type = oldName.IsPattern ? EsqlType.Unknown : ResolveName(oldName);
            _scope.Drop(oldName.Name, $"RENAME renamed it to {newName.Name}");
            _scope.Add(newName.Name, type);
        }
    }

    // ---- expressions ----------------------------------------------------------------------------

    private EsqlType Bind(EsqlExpression expression, string command, bool inStats = false, bool inStatsGroup = false)
    {
        switch (expression)
        {
            case EsqlLiteral literal:
                return literal.Kind switch
                {
                    EsqlLiteralKind.Null => EsqlType.Null,
                    EsqlLiteralKind.Boolean => EsqlType.Boolean,
                    EsqlLiteralKind.Integer => literal.Value.Length > 9 ? EsqlType.Long : EsqlType.Integer,
                    EsqlLiteralKind.Decimal => EsqlType.Double,
                    EsqlLiteralKind.String => EsqlType.Keyword,
                    _ => EsqlType.TimeSpan,
                };
            case EsqlColumnReference reference:
                return ResolveName(reference.Name);
            case EsqlFunctionCall call:
                return BindCall(call, command, inStats, inStatsGroup);
            case EsqlUnary unary:
            {
                var operand = Bind(unary.Operand, command, inStats, inStatsGroup);
                return unary.Operator == EsqlUnaryOperator.Not ? EsqlType.Boolean : operand;
            }
            case EsqlBinary { Operator: EsqlBinaryOperator.And or EsqlBinaryOperator.Or } logical:
            {
                // a flat AND/OR chain of any length: its operands in a loop, not one level per operator
                var op = logical.Operator;
                foreach (var operand in Pipeline.ExpressionChains.Operands<EsqlExpression>(logical, e => e is EsqlBinary b && b.Operator == op ? (b.Left, b.Right) : null))
                    Bind(operand, command, inStats, inStatsGroup);
                return EsqlType.Boolean;
            }
            case EsqlBinary binary:
            {
                var left = Bind(binary.Left, command, inStats, inStatsGroup);
                var right = Bind(binary.Right, command, inStats, inStatsGroup);
                if (binary.IsComparison)
                {
                    CheckComparable(binary.Left, left, binary.Right);
                    CheckComparable(binary.Right, right, binary.Left);
                }
                if (!binary.IsArithmetic) return EsqlType.Boolean;
                return ArithmeticType(left, right);
            }
            case EsqlIn @in:
            {
                var valueType = Bind(@in.Value, command, inStats, inStatsGroup);
                foreach (var item in @in.List)
                {
                    Bind(item, command, inStats, inStatsGroup);
                    CheckComparable(@in.Value, valueType, item);
                }
                return EsqlType.Boolean;
            }
            case EsqlPatternMatch match:
            {
                var valueType = Bind(match.Value, command, inStats, inStatsGroup);
                if (match.Value is EsqlColumnReference column && !IsStringLike(valueType))
                    Report(DiagnosticDescriptors.EsqlTypeMismatch, match, column.Name.Name, EsqlTypes.Name(valueType),
                        $"{(match.IsRegex ? "RLIKE" : "LIKE")} cannot match it: it takes a string (convert with TO_STRING)");
                return EsqlType.Boolean;
            }
            case EsqlIsNull isNull:
                Bind(isNull.Value, command, inStats, inStatsGroup);
                return EsqlType.Boolean;
            case EsqlCast cast:
                Bind(cast.Value, command, inStats, inStatsGroup);
                return EsqlTypes.FromCastName(cast.Type.Name);
            case EsqlMatchOperator matchOperator:
                Bind(matchOperator.Field, command, inStats, inStatsGroup);
                Bind(matchOperator.Query, command, inStats, inStatsGroup);
                return EsqlType.Boolean;
            case EsqlArrayLiteral array:
            {
                var type = EsqlType.Unknown;
                foreach (var item in array.Items) type = Bind(item, command, inStats, inStatsGroup);
                return type;
            }
            case EsqlMap map:
                foreach (var entry in map.Entries) Bind(entry.Value, command, inStats, inStatsGroup);
                return EsqlType.Unknown;
            default:
                return EsqlType.Unknown;
        }
    }

    private EsqlType BindCall(EsqlFunctionCall call, string command, bool inStats, bool inStatsGroup)
    {
        var function = EsqlFunctionCatalog.Find(call.Name.Name);
        // arguments of an aggregate are per-row values again: no aggregate inside an aggregate is checked here
        var argumentTypes = new List<EsqlType>();
        foreach (var argument in call.Arguments) argumentTypes.Add(Bind(argument, command, inStats, inStatsGroup));
        if (call.Options is not null) Bind(call.Options, command, inStats, inStatsGroup);

        if (function is null)
        {
            Report(DiagnosticDescriptors.EsqlUnknownFunction, call.Name, call.Name.Name);
            return EsqlType.Unknown;
        }
        var count = call.ArgumentCount;
        if (count < function.MinArguments || count > function.MaxArguments)
            Report(DiagnosticDescriptors.EsqlWrongArgumentCount, call, function.Name, function.DescribeArity(), count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (call.IsStar && !string.Equals(function.Name, "COUNT", StringComparison.Ordinal))
            _diagnostics.Add(QueryDiagnostic.Create(DiagnosticDescriptors.EsqlSyntaxError, call.Start, call.Length, $"only COUNT takes '*', not {function.Name}"));
        if (function.Kind == EsqlFunctionKind.Aggregate && !inStats)
            Report(DiagnosticDescriptors.EsqlAggregateOutsideStats, call.Name, function.Name, inStatsGroup ? "STATS … BY" : command);

        if (!function.ReturnsArgumentType) return function.ReturnType;
        // CASE(condition, value, …) has its values at odd positions
        var index = function.Name == "CASE" ? 1 : 0;
        return index < argumentTypes.Count ? argumentTypes[index] : EsqlType.Unknown;
    }

    /// <summary>
    /// A string-typed field compared with a number is a type error in ES|QL (no implicit conversion:
    /// <c>event.code == 4624</c> must be <c>event.code == "4624"</c>). Reported as a warning: the field's
    /// type comes from the ECS catalog, and an integration might map it differently.
    /// </summary>
    private void CheckComparable(EsqlExpression side, EsqlType sideType, EsqlExpression other)
    {
        if (side is not EsqlColumnReference column || other is not EsqlLiteral literal) return;
        if (sideType is EsqlType.Keyword or EsqlType.Text && literal.Kind is EsqlLiteralKind.Integer or EsqlLiteralKind.Decimal)
            Report(DiagnosticDescriptors.EsqlTypeMismatch, literal, column.Name.Name, EsqlTypes.Name(sideType),
                $"it cannot be compared with the number {literal.Value}: write \"{literal.Value}\"");
    }

    private static bool IsStringLike(EsqlType type) => type is EsqlType.Keyword or EsqlType.Text or EsqlType.Unknown or EsqlType.Null;

    private static EsqlType ArithmeticType(EsqlType left, EsqlType right)
    {
        if (left == EsqlType.Date || right == EsqlType.Date) return EsqlType.Date;
        if (left == EsqlType.Double || right == EsqlType.Double) return EsqlType.Double;
        if (left == EsqlType.Long || right == EsqlType.Long) return EsqlType.Long;
        if (left == EsqlType.Integer && right == EsqlType.Integer) return EsqlType.Integer;
        if (left == EsqlType.TimeSpan && right == EsqlType.TimeSpan) return EsqlType.TimeSpan;
        return EsqlType.Unknown;
    }

    private EsqlType ResolveName(EsqlName name)
    {
        var resolution = _scope.Resolve(name.Name);
        switch (resolution.Kind)
        {
            case EsqlResolutionKind.UnknownIndexField:
                if (_warnedFields.Add(name.Name)) Report(DiagnosticDescriptors.EsqlUnknownField, name, name.Name);
                break;
            case EsqlResolutionKind.Missing:
                Report(DiagnosticDescriptors.EsqlUnknownColumn, name, name.Name, resolution.Reason ?? "no earlier command creates it");
                break;
        }
        return resolution.Type;
    }

    /// <summary>
    /// True for a STATS expression ES|QL certainly rejects: built only from columns (no function call
    /// that could be an aggregate) none of which is a BY group. Anything less clear is left alone.
    /// </summary>
    private static bool IsPlainRowExpression(EsqlExpression expression, HashSet<string> groupNames)
    {
        var columns = 0;
        return Walk(expression) && columns > 0;

        bool Walk(EsqlExpression node)
        {
            switch (node)
            {
                case EsqlColumnReference reference:
                    columns++;
                    return !groupNames.Contains(reference.Name.Name);
                case EsqlLiteral:
                    return true;
                case EsqlUnary unary:
                    return Walk(unary.Operand);
                case EsqlBinary binary:
                    return Walk(binary.Left) && Walk(binary.Right);
                case EsqlCast cast:
                    return Walk(cast.Value);
                default:
                    return false;
            }
        }
    }

    private static EsqlType MetadataType(string name) => name switch
    {
        "_version" or "_size" => EsqlType.Long,
        "_score" => EsqlType.Double,
        "_source" => EsqlType.Object,
        _ => EsqlType.Keyword,
    };

    private void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, EsqlNode node, params string[] arguments)
        => _diagnostics.Add(QueryDiagnostic.Create(descriptor, node.Start, node.Length, arguments));
}
