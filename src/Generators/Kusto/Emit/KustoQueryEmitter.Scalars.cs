using System.Collections.Generic;
using System.Linq;
using AzureRules.Generators.Diagnostics;
using AzureRules.Generators.Kusto.Syntax;
using static AzureRules.Generators.Kusto.Emit.KustoRuntimeNames;

namespace AzureRules.Generators.Kusto.Emit;

internal sealed partial class KustoQueryEmitter
{
    /// <summary><c>s => { slots…; return r => expr; }</c>: a KustoBinder.</summary>
    private string Binder(Expression expression, KustoScope scope)
    {
        var row = new RowScope();
        var body = Scalar(expression, scope, row);
        return $"s => {{ {row.Prelude} return r => {body}; }}";
    }

    /// <summary><c>s => { slots…; return new KustoRowFunction[] { r => e1, … }; }</c>: a KustoMultiBinder.</summary>
    private string MultiBinder(IEnumerable<Expression> expressions, KustoScope scope)
    {
        var row = new RowScope();
        var bodies = expressions.Select(e => $"r => {Scalar(e, scope, row)}").ToList();
        return $"s => {{ {row.Prelude} return {KustoLiterals.Array(bodies, RowFunction)}; }}";
    }

    /// <summary>
    /// Emits a scalar expression as a C# expression of type KustoValue. <paramref name="row"/> is the
    /// binder the expression runs in (columns read <c>r</c> by slot), or null where no row exists
    /// (let, print, range bounds, take counts).
    /// </summary>
    private string Scalar(Expression expression, KustoScope scope, RowScope? row)
    {
        switch (expression)
        {
            case LiteralExpression literal:
                return KustoLiterals.Of(literal);
            case DynamicExpression dynamic:
                return Dynamic(dynamic.Value, scope, row);
            case ParenthesizedExpression p:
                return Scalar(p.Expression, scope, row);
            case NameReference name:
                return Name(name, scope, row);
            case UnaryExpression unary:
                var operand = Scalar(unary.Operand, scope, row);
                return unary.Operator == UnaryOperatorKind.Negate ? $"{Arithmetic}.Negate({operand})" : operand;
            case BinaryExpression binary:
                return Binary(binary, scope, row);
            case InExpression @in:
                return In(@in, scope, row);
            case BetweenExpression between:
            {
                var test = $"{Comparison}.Between({Scalar(between.Left, scope, row)}, {Scalar(between.Low, scope, row)}, {Scalar(between.High, scope, row)})";
                return between.Negated ? $"{Comparison}.Not({test})" : test;
            }
            case FunctionCallExpression call:
                return Call(call, scope, row);
            case PathExpression path:
                return $"{DynamicFunctions}.Member({Scalar(path.Target, scope, row)}, {CSharpLiteralAlias.String(path.Member.Name)})";
            case ElementExpression element:
                return $"{DynamicFunctions}.Element({Scalar(element.Target, scope, row)}, {Scalar(element.Index, scope, row)})";
            case PipeExpression or QueryOperator:
                return UnsupportedScalar(expression, DiagnosticDescriptors.KustoUnsupportedConstruct, "A table used as a scalar (use toscalar())");
            default:
                return UnsupportedScalar(expression, DiagnosticDescriptors.KustoUnsupportedConstruct, "This expression");
        }
    }

    private string Name(NameReference name, KustoScope scope, RowScope? row)
    {
        switch (scope.Find(name.Name))
        {
            case ScalarBinding scalar:
                return scalar.CSharp;
            case TabularBinding:
                return UnsupportedScalar(name, DiagnosticDescriptors.KustoUnsupportedConstruct, $"Using the table '{name.Name}' as a scalar");
            case FunctionBinding function when function.Definition.Parameters.Count == 0:
                return InlineScalarFunction(function, new FunctionCallExpression(name.Span, name, EquatableArrayEmpty()), scope, row);
        }
        if (row is null)
            return UnsupportedScalar(name, DiagnosticDescriptors.KustoUnsupportedConstruct, $"The column '{name.Name}' outside a row context");
        return $"{Namespace}.KustoRow.Col(r, {row.Slot(name.Name, this)})";
    }

    private static List<Expression>? LongChain(BinaryExpression binary)
    {
        var op = binary.Operator;
        var operands = Pipeline.ExpressionChains.Operands<Expression>(binary, e => e is BinaryExpression b && b.Operator == op ? (b.Left, b.Right) : null);
        return operands.Count > Pipeline.ExpressionChains.FlatLimit ? operands : null;
    }

    private string Dynamic(Expression value, KustoScope scope, RowScope? row) => value switch
    {
        DynamicArray array => $"{Value}.Array({KustoLiterals.Array(array.Elements.Select(e => Dynamic(e, scope, row)))})",
        DynamicObject bag => $"{DynamicFunctions}.bag_pack({string.Join(", ", bag.Properties.Select(p => $"{Value}.From({CSharpLiteralAlias.String(p.Name)}), {Dynamic(p.Value, scope, row)}"))})",
        LiteralExpression { Kind: LiteralKind.Null } => $"{Value}.Null",
        _ => Scalar(value, scope, row),
    };

    private string Binary(BinaryExpression binary, KustoScope scope, RowScope? row)
    {
        if (binary.Operator is BinaryOperatorKind.And or BinaryOperatorKind.Or && LongChain(binary) is { } operands)
        {
            // Kusto's three-valued and/or are associative: a long chain becomes a balanced tree of
            // calls, log(n) deep for the C# compiler, written in linear time
            var method = binary.Operator == BinaryOperatorKind.Or ? $"{Comparison}.Or" : $"{Comparison}.And";
            return Pipeline.ExpressionChains.Grouped([.. operands.Select(o => Scalar(o, scope, row))], 2, pair => $"{method}({pair[0]}, {pair[1]})");
        }
        var left = Scalar(binary.Left, scope, row);
        var right = Scalar(binary.Right, scope, row);
        string Call(string method) => $"{method}({left}, {right})";
        string Not(string inner) => $"{Comparison}.Not({inner})";
        string Cs(string method, bool caseSensitive) => $"{method}({left}, {right}, {(caseSensitive ? "true" : "false")})";
        return binary.Operator switch
        {
            BinaryOperatorKind.Or => Call($"{Comparison}.Or"),
            BinaryOperatorKind.And => Call($"{Comparison}.And"),
            BinaryOperatorKind.Add => Call($"{Arithmetic}.Add"),
            BinaryOperatorKind.Subtract => Call($"{Arithmetic}.Subtract"),
            BinaryOperatorKind.Multiply => Call($"{Arithmetic}.Multiply"),
            BinaryOperatorKind.Divide => Call($"{Arithmetic}.Divide"),
            BinaryOperatorKind.Modulo => Call($"{Arithmetic}.Modulo"),
            BinaryOperatorKind.Equal => Call($"{Comparison}.Equal"),
            BinaryOperatorKind.NotEqual => Call($"{Comparison}.NotEqual"),
            BinaryOperatorKind.Less => Call($"{Comparison}.Less"),
            BinaryOperatorKind.LessOrEqual => Call($"{Comparison}.LessOrEqual"),
            BinaryOperatorKind.Greater => Call($"{Comparison}.Greater"),
            BinaryOperatorKind.GreaterOrEqual => Call($"{Comparison}.GreaterOrEqual"),
            BinaryOperatorKind.EqualCaseInsensitive => Call($"{Comparison}.EqualIgnoreCase"),
            BinaryOperatorKind.NotEqualCaseInsensitive => Call($"{Comparison}.NotEqualIgnoreCase"),
            BinaryOperatorKind.Has => Cs($"{Strings}.Has", false),
            BinaryOperatorKind.NotHas => Not(Cs($"{Strings}.Has", false)),
            BinaryOperatorKind.HasCs => Cs($"{Strings}.Has", true),
            BinaryOperatorKind.NotHasCs => Not(Cs($"{Strings}.Has", true)),
            BinaryOperatorKind.HasPrefix => Cs($"{Strings}.HasPrefix", false),
            BinaryOperatorKind.NotHasPrefix => Not(Cs($"{Strings}.HasPrefix", false)),
            BinaryOperatorKind.HasPrefixCs => Cs($"{Strings}.HasPrefix", true),
            BinaryOperatorKind.NotHasPrefixCs => Not(Cs($"{Strings}.HasPrefix", true)),
            BinaryOperatorKind.HasSuffix => Cs($"{Strings}.HasSuffix", false),
            BinaryOperatorKind.NotHasSuffix => Not(Cs($"{Strings}.HasSuffix", false)),
            BinaryOperatorKind.HasSuffixCs => Cs($"{Strings}.HasSuffix", true),
            BinaryOperatorKind.NotHasSuffixCs => Not(Cs($"{Strings}.HasSuffix", true)),
            BinaryOperatorKind.Contains => Cs($"{Strings}.Contains", false),
            BinaryOperatorKind.NotContains => Not(Cs($"{Strings}.Contains", false)),
            BinaryOperatorKind.ContainsCs => Cs($"{Strings}.Contains", true),
            BinaryOperatorKind.NotContainsCs => Not(Cs($"{Strings}.Contains", true)),
            BinaryOperatorKind.StartsWith => Cs($"{Strings}.StartsWith", false),
            BinaryOperatorKind.NotStartsWith => Not(Cs($"{Strings}.StartsWith", false)),
            BinaryOperatorKind.StartsWithCs => Cs($"{Strings}.StartsWith", true),
            BinaryOperatorKind.NotStartsWithCs => Not(Cs($"{Strings}.StartsWith", true)),
            BinaryOperatorKind.EndsWith => Cs($"{Strings}.EndsWith", false),
            BinaryOperatorKind.NotEndsWith => Not(Cs($"{Strings}.EndsWith", false)),
            BinaryOperatorKind.EndsWithCs => Cs($"{Strings}.EndsWith", true),
            BinaryOperatorKind.NotEndsWithCs => Not(Cs($"{Strings}.EndsWith", true)),
            BinaryOperatorKind.MatchesRegex => Call($"{Strings}.MatchesRegex"),
            BinaryOperatorKind.Like => Cs($"{Strings}.Like", false),
            BinaryOperatorKind.NotLike => Not(Cs($"{Strings}.Like", false)),
            BinaryOperatorKind.LikeCs => Cs($"{Strings}.Like", true),
            BinaryOperatorKind.NotLikeCs => Not(Cs($"{Strings}.Like", true)),
            _ => UnsupportedScalar(binary, DiagnosticDescriptors.KustoUnsupportedConstruct, $"The operator {binary.Operator}"),
        };
    }

    /// <summary>
    /// in / !in / in~ / !in~ / has_any / has_all. The set is built once per operator execution (in the
    /// binder's prelude) when its values do not depend on the row, else per row.
    /// </summary>
    private string In(InExpression @in, KustoScope scope, RowScope? row)
    {
        var caseSensitive = @in.Operator is InOperatorKind.In or InOperatorKind.NotIn;
        var values = new List<string>();
        var tables = new List<string>();
        var rowDependent = false;
        foreach (var value in @in.Values)
        {
            if (IsTabular(value, scope) && !(value is NameReference n && scope.Find(n.Name) is null && row is not null))
            {
                tables.Add(Tabular(value, scope));
                continue;
            }
            rowDependent |= DependsOnRow(value, scope);
            values.Add(Scalar(value, scope, row));
        }
        var set = $"new {InSet}({(caseSensitive ? "true" : "false")}, {KustoLiterals.Array(values)})";
        foreach (var table in tables) set += $".AddColumn({table})";
        if (!rowDependent)
        {
            var local = NewName("set");
            if (row is not null) row.AddPrelude($"var {local} = {set};");
            else Statement($"var {local} = {set};");
            set = local;
        }
        var left = Scalar(@in.Left, scope, row);
        return @in.Operator switch
        {
            InOperatorKind.In or InOperatorKind.InCaseInsensitive => $"{set}.In({left})",
            InOperatorKind.NotIn or InOperatorKind.NotInCaseInsensitive => $"{set}.NotIn({left})",
            InOperatorKind.HasAny => $"{Strings}.HasAny({left}, {set})",
            _ => $"{Strings}.HasAll({left}, {set})",
        };
    }

    /// <summary>Whether an expression reads a column (any name that no let or parameter binds).</summary>
    private static bool DependsOnRow(Expression expression, KustoScope scope) => expression switch
    {
        NameReference n => scope.Find(n.Name) is null,
        LiteralExpression or StarExpression => false,
        DynamicExpression d => DependsOnRow(d.Value, scope),
        DynamicArray a => a.Elements.Any(e => DependsOnRow(e, scope)),
        DynamicObject o => o.Properties.Any(p => DependsOnRow(p.Value, scope)),
        ParenthesizedExpression p => DependsOnRow(p.Expression, scope),
        UnaryExpression u => DependsOnRow(u.Operand, scope),
        BinaryExpression b => DependsOnRow(b.Left, scope) || DependsOnRow(b.Right, scope),
        FunctionCallExpression f => f.Arguments.Any(a => DependsOnRow(a, scope)) || scope.Find(f.Name.Name) is FunctionBinding,
        PathExpression p => DependsOnRow(p.Target, scope),
        ElementExpression e => DependsOnRow(e.Target, scope) || DependsOnRow(e.Index, scope),
        _ => true,
    };

    private string Call(FunctionCallExpression call, KustoScope scope, RowScope? row)
    {
        var name = call.Name.Name;
        if (scope.Find(name) is FunctionBinding user)
            return InlineScalarFunction(user, call, scope, row);

        var arguments = call.Arguments.Items;
        switch (name)
        {
            case "now" when arguments.Length == 0:
                return "__now";
            case "now" when arguments.Length == 1:
                return $"{Arithmetic}.Add(__now, {Scalar(arguments[0], scope, row)})";
            case "ago" when arguments.Length == 1:
                return $"{DateTimeFunctions}.ago(__now, {Scalar(arguments[0], scope, row)})";
            case "toscalar" when arguments.Length == 1:
            {
                var table = Tabular(arguments[0], scope);
                var local = NewName("v");
                Statement($"var {local} = {table}.RowCount > 0 && {table}.Columns.Count > 0 ? {table}.Rows[0][0] : {Value}.Null;");
                return local;
            }
            case "column_ifexists" or "columnifexists" when arguments.Length == 2 && arguments[0] is LiteralExpression { Value: string column } && row is not null:
            {
                var slot = row.Slot(column, this);
                return $"({slot} >= 0 ? {Namespace}.KustoRow.Col(r, {slot}) : {Scalar(arguments[1], scope, row)})";
            }
            case "typeof":
                return UnsupportedScalar(call, DiagnosticDescriptors.KustoUnsupportedConstruct, "typeof() outside mv-expand");
        }
        if (KustoAggregateTable.Find(name) is not null && KustoFunctionTable.Find(name) is null)
            return UnsupportedScalar(call, DiagnosticDescriptors.KustoUnsupportedConstruct, $"The aggregation function '{name}' outside summarize");

        var function = KustoFunctionTable.Find(name);
        if (function is null)
            return UnsupportedScalar(call, DiagnosticDescriptors.KustoUnsupportedFunction, name);
        if (arguments.Length < function.MinArguments || arguments.Length > function.MaxArguments)
            return UnsupportedScalar(call, DiagnosticDescriptors.KustoUnsupportedConstruct, $"{name}() with {arguments.Length} arguments");
        var emitted = arguments.Select(a => a is NamedExpression named ? named.Value : a).Select(a => Scalar(a, scope, row));
        return $"{function.Method}({string.Join(", ", emitted)})";
    }
}
