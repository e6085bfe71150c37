using System.Collections.Generic;
using System.Linq;
using AzureRules.Generators.Diagnostics;
using AzureRules.Generators.Kusto.Binding;
using AzureRules.Generators.Kusto.Syntax;
using static AzureRules.Generators.Kusto.Emit.KustoRuntimeNames;

namespace AzureRules.Generators.Kusto.Emit;

internal sealed partial class KustoQueryEmitter
{
    /// <summary><c>s => { slots…; return r => expr; }</c>: a KustoBinder.</summary>
    private string Binder(Expression expression)
    {
        var row = new RowScope();
        var body = Scalar(expression, row);
        return $"s => {{ {row.Prelude} return r => {body}; }}";
    }

    /// <summary><c>s => { slots…; return new KustoRowFunction[] { r => e1, … }; }</c>: a KustoMultiBinder.</summary>
    private string MultiBinder(IEnumerable<Expression> expressions)
    {
        var row = new RowScope();
        var bodies = expressions.Select(e => $"r => {Scalar(e, row)}").ToList();
        return $"s => {{ {row.Prelude} return {KustoLiterals.Array(bodies, RowFunction)}; }}";
    }

    /// <summary>
    /// A KustoMultiBinder whose items may read one key of a call's bag (a function of several values); the call is
    /// evaluated for each column that reads it (a few statistics of one series, cheap next to making the series).
    /// </summary>
    private string MultiBinder(IEnumerable<(Expression Value, string? Member)> items)
    {
        var row = new RowScope();
        var bodies = items.Select(i => i.Member is null
            ? $"r => {Scalar(i.Value, row)}"
            : $"r => {DynamicFunctions}.Member({Scalar(i.Value, row)}, {CSharpLiteralAlias.String(i.Member)})").ToList();
        return $"s => {{ {row.Prelude} return {KustoLiterals.Array(bodies, RowFunction)}; }}";
    }

    /// <summary>
    /// Emits a scalar expression as a C# expression of type KustoValue. <paramref name="row"/> is the
    /// binder the expression runs in (columns read <c>r</c> by slot), or null where no row exists
    /// (let, print, range bounds, take counts).
    /// </summary>
    private string Scalar(Expression expression, RowScope? row)
    {
        switch (expression)
        {
            case LiteralExpression literal:
                return Constant(KustoLiterals.Of(literal));
            case DynamicExpression dynamic:
                return IsConstant(dynamic.Value) ? Constant(Dynamic(dynamic.Value, row)) : Dynamic(dynamic.Value, row);
            case ParenthesizedExpression p:
                return Scalar(p.Expression, row);
            case NameReference name:
                return Name(name, row);
            case UnaryExpression unary:
                var operand = Scalar(unary.Operand, row);
                return unary.Operator == UnaryOperatorKind.Negate ? $"{Arithmetic}.Negate({operand})" : operand;
            case BinaryExpression binary:
                return Binary(binary, row);
            case InExpression @in:
                return In(@in, row);
            case BetweenExpression between:
            {
                var test = $"{Comparison}.Between({Scalar(between.Left, row)}, {Scalar(between.Low, row)}, {Scalar(between.High, row)})";
                return between.Negated ? $"{Comparison}.Not({test})" : test;
            }
            case FunctionCallExpression call:
                return Call(call, row);
            case PathExpression path:
                return $"{DynamicFunctions}.Member({Scalar(path.Target, row)}, {CSharpLiteralAlias.String(path.Member.Name)})";
            case ElementExpression element:
                return $"{DynamicFunctions}.Element({Scalar(element.Target, row)}, {Scalar(element.Index, row)})";
            case PipeExpression or QueryOperator:
                return UnsupportedScalar(expression, DiagnosticDescriptors.KustoUnsupportedConstruct, "A table used as a scalar (use toscalar())");
            case TypeExpression type:
                // typeof(T) as an argument (extract's and extract_json's result type): the runtime reads the type's name
                return Constant($"{Value}.From({CSharpLiteralAlias.String(type.Name)})");
            default:
                return UnsupportedScalar(expression, DiagnosticDescriptors.KustoUnsupportedConstruct, "This expression");
        }
    }

    /// <summary>A constant as a static field of the class; the shared values (null, true, false, "") are used as they are.</summary>
    private string Constant(string expression)
        => expression.StartsWith(Value + ".", System.StringComparison.Ordinal) && expression.IndexOf('(') < 0 ? expression : _constants.Field(expression);

    /// <summary>Whether a dynamic literal's parts are all literals (no column, let or call), so it can be built once.</summary>
    private static bool IsConstant(Expression expression) => expression switch
    {
        LiteralExpression => true,
        DynamicArray array => array.Elements.All(IsConstant),
        DynamicObject bag => bag.Properties.All(p => IsConstant(p.Value)),
        _ => false,
    };

    private string Name(NameReference name, RowScope? row)
    {
        switch (_model.ReferenceOf(_instance, name))
        {
            case LocalFunction function when function.Definition.Parameters.Count == 0:
                return InlineScalarFunction(function, name, new FunctionCallExpression(name.Span, name, EquatableArrayEmpty()), row);
            case LocalFunction:
                return UnsupportedScalar(name, DiagnosticDescriptors.KustoUnsupportedConstruct, $"The function '{name.Name}' used as a value");
            case { } local when _locals.TryGetValue(local, out var emitted):
                return emitted.IsTable
                    ? UnsupportedScalar(name, DiagnosticDescriptors.KustoUnsupportedConstruct, $"Using the table '{name.Name}' as a scalar")
                    : emitted.CSharp;
            case { }:
                return UnsupportedScalar(name, DiagnosticDescriptors.KustoUnsupportedConstruct, $"The name '{name.Name}' where its value is not known");
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

    private string Dynamic(Expression value, RowScope? row) => value switch
    {
        DynamicArray array => $"{Value}.Array({KustoLiterals.Array(array.Elements.Select(e => Dynamic(e, row)))})",
        DynamicObject bag => $"{DynamicFunctions}.bag_pack({string.Join(", ", bag.Properties.Select(p => $"{Value}.From({CSharpLiteralAlias.String(p.Name)}), {Dynamic(p.Value, row)}"))})",
        LiteralExpression { Kind: LiteralKind.Null } => $"{Value}.Null",
        _ => Scalar(value, row),
    };

    private string Binary(BinaryExpression binary, RowScope? row)
    {
        if (binary.Operator is BinaryOperatorKind.And or BinaryOperatorKind.Or && LongChain(binary) is { } operands)
        {
            // Kusto's three-valued and/or are associative: a long chain becomes a balanced tree of
            // calls, log(n) deep for the C# compiler, written in linear time
            var method = binary.Operator == BinaryOperatorKind.Or ? $"{Comparison}.Or" : $"{Comparison}.And";
            return Pipeline.ExpressionChains.Grouped([.. operands.Select(o => Scalar(o, row))], 2, pair => $"{method}({pair[0]}, {pair[1]})");
        }
        var left = Scalar(binary.Left, row);
        if (ConstantPattern(binary, left) is { } matched) return matched;
        var right = Scalar(binary.Right, row);
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
    /// <c>matches regex</c> and <c>like</c> with a literal pattern: the pattern is compiled once per class
    /// (a static <c>KustoPattern</c>, non-backtracking with a match timeout), not looked up per row.
    /// </summary>
    private string? ConstantPattern(BinaryExpression binary, string left)
    {
        if (binary.Right is not LiteralExpression { Value: string pattern }) return null;
        var text = CSharpLiteralAlias.String(pattern);
        string Match(string factory) => $"{_constants.Field($"{PatternType}.{factory}", PatternType)}.Match({left})";
        return binary.Operator switch
        {
            BinaryOperatorKind.MatchesRegex => Match($"Regex({text})"),
            BinaryOperatorKind.Like => Match($"Like({text}, false)"),
            BinaryOperatorKind.NotLike => $"{Comparison}.Not({Match($"Like({text}, false)")})",
            BinaryOperatorKind.LikeCs => Match($"Like({text}, true)"),
            BinaryOperatorKind.NotLikeCs => $"{Comparison}.Not({Match($"Like({text}, true)")})",
            _ => null,
        };
    }

    /// <summary>
    /// in / !in / in~ / !in~ / has_any / has_all. The set is built once per operator execution (in the
    /// binder's prelude) when its values do not depend on the row, else per row.
    /// </summary>
    private string In(InExpression @in, RowScope? row)
    {
        var caseSensitive = @in.Operator is InOperatorKind.In or InOperatorKind.NotIn;
        var values = new List<string>();
        var tables = new List<string>();
        var rowDependent = false;
        foreach (var value in @in.Values)
        {
            if (IsTabular(value))
            {
                tables.Add(Tabular(value));
                continue;
            }
            rowDependent |= DependsOnRow(value);
            values.Add(Scalar(value, row));
        }
        var set = $"new {InSet}({(caseSensitive ? "true" : "false")}, {KustoLiterals.Array(values)})";
        foreach (var table in tables) set += $".AddColumn({table})";
        if (tables.Count == 0 && @in.Values.All(v => IsConstant(v is DynamicExpression d ? d.Value : v)))
        {
            set = _constants.Field(set, InSet); // a set of literals is built once per class
        }
        else if (!rowDependent)
        {
            var local = NewName("set");
            if (row is not null) row.AddPrelude($"var {local} = {set};");
            else Statement($"var {local} = {set};");
            set = local;
        }
        var left = Scalar(@in.Left, row);
        return @in.Operator switch
        {
            InOperatorKind.In or InOperatorKind.InCaseInsensitive => $"{set}.In({left})",
            InOperatorKind.NotIn or InOperatorKind.NotInCaseInsensitive => $"{set}.NotIn({left})",
            InOperatorKind.HasAny => $"{Strings}.HasAny({left}, {set})",
            _ => $"{Strings}.HasAll({left}, {set})",
        };
    }

    /// <summary>Whether an expression reads a column (any name that no let or parameter binds).</summary>
    private bool DependsOnRow(Expression expression) => expression switch
    {
        NameReference n => _model.ReferenceOf(_instance, n) is null,
        LiteralExpression or StarExpression => false,
        DynamicExpression d => DependsOnRow(d.Value),
        DynamicArray a => a.Elements.Any(e => DependsOnRow(e)),
        DynamicObject o => o.Properties.Any(p => DependsOnRow(p.Value)),
        ParenthesizedExpression p => DependsOnRow(p.Expression),
        UnaryExpression u => DependsOnRow(u.Operand),
        BinaryExpression b => DependsOnRow(b.Left) || DependsOnRow(b.Right),
        FunctionCallExpression f => f.Arguments.Any(a => DependsOnRow(a)) || _model.ReferenceOf(_instance, f) is LocalFunction,
        PathExpression p => DependsOnRow(p.Target),
        ElementExpression e => DependsOnRow(e.Target) || DependsOnRow(e.Index),
        _ => true,
    };

    private string Call(FunctionCallExpression call, RowScope? row)
    {
        var name = call.Name.Name;
        if (_model.ReferenceOf(_instance, call) is LocalFunction user)
            return InlineScalarFunction(user, call, call, row);

        var arguments = call.Arguments.Items;
        switch (name)
        {
            case "now" when arguments.Length == 0:
                return "__now";
            case "now" when arguments.Length == 1:
                return $"{Arithmetic}.Add(__now, {Scalar(arguments[0], row)})";
            case "ago" when arguments.Length == 1:
                return $"{DateTimeFunctions}.ago(__now, {Scalar(arguments[0], row)})";
            case "toscalar" when arguments.Length == 1 && !IsTabular(FunctionArguments.Value(arguments[0])):
                return Scalar(FunctionArguments.Value(arguments[0]), row); // toscalar of a scalar expression is its value
            case "toscalar" when arguments.Length == 1:
            {
                var table = Tabular(arguments[0]);
                var local = NewName("v");
                Statement($"var {local} = {table}.RowCount > 0 && {table}.Columns.Count > 0 ? {table}.Rows[0][0] : {Value}.Null;");
                return local;
            }
            case "column_ifexists" or "columnifexists" when arguments.Length == 2 && arguments[0] is LiteralExpression { Value: string column } && row is not null:
            {
                var slot = row.Slot(column, this);
                return $"({slot} >= 0 ? {Namespace}.KustoRow.Col(r, {slot}) : {Scalar(arguments[1], row)})";
            }
            case "typeof":
                return UnsupportedScalar(call, DiagnosticDescriptors.KustoUnsupportedConstruct, "typeof() outside mv-expand");
            case "pack_all" when row is not null && arguments.Length <= 1 && _model.FunctionOf(_instance, call) is not null:
            {
                // a bag of the whole input row: the binder's schema local of this operator names its columns
                var schema = NewName("s");
                row.AddPrelude($"var {schema} = s;");
                var ignore = arguments.Length == 1 ? Scalar(FunctionArguments.Value(arguments[0]), row) : $"{Value}.False";
                return $"{Namespace}.Functions.KustoRowFunctions.PackAll({schema}, r, {ignore})";
            }
            case "parse_json" or "todynamic" when arguments.Length == 1 && arguments[0] is FunctionCallExpression { Name.Name: "tostring", Arguments.Count: 1 } text && text.Arguments[0] is not NamedExpression
                                                  && _model.FunctionOf(_instance, call) is not null && _model.FunctionOf(_instance, text) is not null:
                // parse_json(tostring(InitiatedBy.user)): a dynamic value that would print and parse back as itself is not printed
                return $"{JsonRoundTrip}.ParseJsonOfText({Scalar(text.Arguments[0], row)})";
        }
        var signature = _model.FunctionOf(_instance, call);
        if (WindowFunction(call) is not null)
            return UnsupportedScalar(call, DiagnosticDescriptors.KustoUnsupportedConstruct, $"The window function '{name}' outside extend, project, where and serialize");
        if (signature is { IsAggregate: true })
            return UnsupportedScalar(call, DiagnosticDescriptors.KustoUnsupportedConstruct, $"The aggregation function '{name}' outside summarize");
        if (signature is null || KustoFunctionTable.RuntimeMethod(signature) is not { } method)
            return UnsupportedScalar(call, DiagnosticDescriptors.KustoUnsupportedFunction, name);
        if (arguments.Length < signature.MinArguments || arguments.Length > signature.MaxArguments)
            return UnsupportedScalar(call, DiagnosticDescriptors.KustoUnsupportedConstruct, $"{name}() with {arguments.Length} arguments");
        var emitted = arguments.Select(a => a is NamedExpression named ? named.Value : a).Select(a => Scalar(a, row));
        return $"{method}({string.Join(", ", emitted)})";
    }
}
