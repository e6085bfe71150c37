using AzureRules.Generators.Diagnostics;
using AzureRules.Generators.Kusto.Symbols;
using AzureRules.Generators.Kusto.Syntax;

namespace AzureRules.Generators.Kusto.Binding;

// Scalar expressions: names, literals, operators, paths. Function calls are in KustoBinder.Calls.cs.
internal sealed partial class KustoBinder
{
    /// <summary>
    /// A filter's predicate: a bool. <c>where X = value</c> is accepted by Kusto, which reads the
    /// name as a label and filters on the value, almost always a mistake for <c>==</c>: a warning.
    /// </summary>
    private void BindPredicate(Expression predicate, string operatorName, Scope scope, RowContext row)
    {
        if (predicate is NamedExpression named)
        {
            Report(DiagnosticDescriptors.KustoAssignmentInWhere, named.Span, named.Name.Name);
            predicate = named.Value;
        }
        var type = BindScalar(predicate, scope, row);
        if (type is not (ScalarType.Bool or ScalarType.Unknown or ScalarType.Dynamic))
            Report(DiagnosticDescriptors.KustoPredicateNotBool, predicate.Span, operatorName, type.ToString().ToLowerInvariant());
    }

    private ScalarType BindScalar(Expression expression, Scope scope, RowContext row)
    {
        var type = BindScalarCore(expression, scope, row);
        if (!_model.ValueOf(_instance, expression).HasValue) _model.AddValue(_instance, expression, BoundValue.Of(type));
        return type;
    }

    private ScalarType BindScalarCore(Expression expression, Scope scope, RowContext row)
    {
        switch (expression)
        {
            case LiteralExpression literal:
                return LiteralType(literal.Kind);
            case DynamicExpression or DynamicArray or DynamicObject:
                return ScalarType.Dynamic;
            case TypeExpression:
                return ScalarType.Unknown;
            case NameReference name:
                return BindName(name, scope, row).Scalar;
            case ParenthesizedExpression parenthesized:
                return BindAny(parenthesized.Expression, scope, row).Scalar;
            case UnaryExpression unary:
                return BindScalar(unary.Operand, scope, row);
            case BinaryExpression binary:
                return BindBinary(binary, scope, row);
            case InExpression @in:
                BindScalar(@in.Left, scope, row);
                foreach (var value in @in.Values) BindAny(value, scope, row);
                return ScalarType.Bool;
            case BetweenExpression between:
                BindScalar(between.Left, scope, row);
                BindScalar(between.Low, scope, row);
                BindScalar(between.High, scope, row);
                return ScalarType.Bool;
            case FunctionCallExpression call:
                return BindCall(call, scope, row, allowAggregates: false).Scalar;
            case PathExpression path:
                return BindPath(path, scope, row);
            case ElementExpression element:
                BindScalar(element.Target, scope, row);
                BindScalar(element.Index, scope, row);
                return ScalarType.Dynamic;
            case NamedExpression named:
                return BindScalar(named.Value, scope, row);
            case TupleNamedExpression tuple:
                return BindScalar(tuple.Value, scope, row);
            case OrderedExpression ordered:
                return BindScalar(ordered.Expression, scope, row);
            case PipeExpression or QueryOperator:
                BindTabular(expression, scope);
                return ScalarType.Unknown;
            default:
                return ScalarType.Unknown;
        }
    }

    private static ScalarType LiteralType(LiteralKind kind) => kind switch
    {
        LiteralKind.String => ScalarType.String,
        LiteralKind.Long => ScalarType.Long,
        LiteralKind.Int => ScalarType.Int,
        LiteralKind.Real => ScalarType.Real,
        LiteralKind.Decimal => ScalarType.Decimal,
        LiteralKind.Bool => ScalarType.Bool,
        LiteralKind.DateTime => ScalarType.DateTime,
        LiteralKind.TimeSpan => ScalarType.TimeSpan,
        LiteralKind.Guid => ScalarType.Guid,
        _ => ScalarType.Dynamic,
    };

    /// <summary>
    /// A name in an expression: a column of the row first (Kusto resolves columns before let-bound names),
    /// then a let-bound value or parameterless function, then a table used as a scalar (<c>x in (T)</c>).
    /// </summary>
    private BoundValue BindName(NameReference name, Scope scope, RowContext row)
    {
        if (row.Find(name.Name) is { } column)
        {
            _model.Reads.Read(column);
            return BoundValue.Of(column.Type);
        }
        var local = scope.Find(name.Name);
        if (local is not null) _model.AddReference(_instance, name, local);
        switch (local)
        {
            case LocalValue value:
                return value.Value;
            case LocalFunction function:
                return CallLocalFunctionValue(function, new System.Collections.Generic.List<BoundValue?>(), name);
        }
        if (name.Name.StartsWith("$", System.StringComparison.Ordinal)) return BoundValue.Unknown;
        if (row.Row.IsOpen)
        {
            _model.Reads.ReadName(name.Name); // a column the schema does not list
            return BoundValue.Unknown;
        }
        if (_globals.FindTable(name.Name) is { } table) return BoundValue.Of(Read(table));
        if (_globals.FindFunction(name.Name) is { } stored) return BoundValue.Of(stored.Result);
        ReportMissingColumn(row.Row, name.Span, name.Name);
        return BoundValue.Unknown;
    }

    private ScalarType BindPath(PathExpression path, Scope scope, RowContext row)
    {
        // $left.Column / $right.Column in a join condition
        if (path.Target is NameReference side && (side.Name == "$left" || side.Name == "$right"))
        {
            var schema = side.Name == "$left" ? row.Left : row.Right;
            if (schema is null) return ScalarType.Unknown;
            if (schema.Find(path.Member.Name) is { } column)
            {
                _model.Reads.Read(column);
                return column.Type;
            }
            ReportMissingColumn(schema, path.Member.Span, path.Member.Name);
            return ScalarType.Unknown;
        }
        // Table.Column names a column of a tabular value (used in toscalar-like positions); accept it
        if (path.Target is NameReference target && row.Row.Find(target.Name) is null && scope.Find(target.Name) is LocalValue { Value.Table: { } table })
        {
            if (table.Find(path.Member.Name) is not { } column)
            {
                _model.Reads.ReadName(path.Member.Name);
                return ScalarType.Unknown;
            }
            _model.Reads.Read(column);
            return column.Type;
        }
        // a dynamic value accepts any property
        BindScalar(path.Target, scope, row);
        return ScalarType.Dynamic;
    }

    private ScalarType BindBinary(BinaryExpression binary, Scope scope, RowContext row)
    {
        if (binary.Operator is BinaryOperatorKind.And or BinaryOperatorKind.Or)
        {
            // a flat and/or chain of any length: its operands in a loop, not one level per operator
            var op = binary.Operator;
            foreach (var operand in Pipeline.ExpressionChains.Operands<Expression>(binary, e => e is BinaryExpression b && b.Operator == op ? (b.Left, b.Right) : null))
                BindScalar(operand, scope, row);
            return ScalarType.Bool;
        }
        var left = BindScalar(binary.Left, scope, row);
        var right = BindScalar(binary.Right, scope, row);
        switch (binary.Operator)
        {
            case BinaryOperatorKind.Add:
            case BinaryOperatorKind.Subtract:
            case BinaryOperatorKind.Multiply:
            case BinaryOperatorKind.Divide:
            case BinaryOperatorKind.Modulo:
                return ArithmeticType(binary.Operator, left, right);
            default:
                return ScalarType.Bool;
        }
    }

    private static ScalarType ArithmeticType(BinaryOperatorKind op, ScalarType left, ScalarType right)
    {
        if (left == ScalarType.DateTime && right == ScalarType.DateTime) return op == BinaryOperatorKind.Subtract ? ScalarType.TimeSpan : ScalarType.Unknown;
        if (left == ScalarType.DateTime || right == ScalarType.DateTime) return ScalarType.DateTime;
        if (left == ScalarType.TimeSpan && right == ScalarType.TimeSpan) return op == BinaryOperatorKind.Divide ? ScalarType.Real : ScalarType.TimeSpan;
        if (left == ScalarType.TimeSpan || right == ScalarType.TimeSpan) return ScalarType.TimeSpan;
        if (left.IsNumeric() && right.IsNumeric()) return ScalarTypes.WiderNumeric(left, right);
        if (left == ScalarType.Dynamic || right == ScalarType.Dynamic) return ScalarType.Dynamic;
        return ScalarType.Unknown;
    }
}
