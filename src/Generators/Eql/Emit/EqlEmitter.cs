using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using AzureRules.Generators.Elastic;
using AzureRules.Generators.Emit;
using AzureRules.Generators.Eql.Binding;
using AzureRules.Generators.Eql.Syntax;

namespace AzureRules.Generators.Eql.Emit;

/// <summary>
/// Writes the members of an EQL event query's detection class: static readonly field slots and
/// precompiled patterns (resolved once, when the class is initialised), and a <c>Matches</c> override
/// that reads the event by slot.
/// <para>
/// Conditions are written in two forms. In a boolean context (the condition itself, and/or/not), a
/// field compared with constants becomes one <c>EqlOps.Any…</c> call over all its values: true if any
/// value matches, false when absent, and <c>not</c> is the complement, as with the term, range and
/// wildcard queries Elasticsearch runs. Everything else (functions, arithmetic, comparisons of
/// computed values) is an <c>EqlValue</c> expression with null propagation, true only when it is true.
/// </para>
/// Assumes the query passed <see cref="EqlChecker"/> without errors.
/// </summary>
internal sealed class EqlEmitter
{
    private const string Ops = "global::AzureRules.Sdk.Eql.EqlOps";
    private const string Functions = "global::AzureRules.Sdk.Eql.EqlFunctions";
    private const string Value = "global::AzureRules.Sdk.Eql.EqlValue";
    private const string Compare = "global::AzureRules.Sdk.Eql.EqlCompare";
    private const string Eql = "global::AzureRules.Sdk.Eql";

    public const string BaseClass = "global::AzureRules.Sdk.Eql.EqlEventDetection";
    public const string DefaultCategoryField = "event.category";

    /// <summary>The field an event category tests: <c>event.category</c>, or the rule's event_category_override.</summary>
    private readonly string _categoryField;

    private readonly Dictionary<string, string> _slots = new(System.StringComparer.Ordinal);
    private readonly List<string> _declarations = new();
    private int _constants;

    internal EqlEmitter(string? categoryField = null) => _categoryField = categoryField ?? DefaultCategoryField;

    public static string EmitMembers(EqlEventQuery query, string? categoryField = null)
    {
        var emitter = new EqlEmitter(categoryField);
        var condition = emitter.FilterCondition(query.Filter);
        var members = new StringBuilder();
        emitter.WriteDeclarations(members);
        if (query.Pipes.Count > 0)
        {
            members.Append($"private static readonly {Eql}.EqlPipe[] PipeList = {PipeArray(query.Pipes)};\n");
            members.Append($"public override global::System.Collections.Generic.IReadOnlyList<{Eql}.EqlPipe> Pipes => PipeList;\n");
        }
        members.Append('\n');
        members.Append("public override bool Matches(global::AzureRules.Sdk.Events.EventView e)\n");
        members.Append("    => ").Append(condition).Append(";\n");
        members.Append(Prefilter.PrefilterTerm.EmitOverride(EqlPrefilter.Terms(query.Filter, categoryField)));
        return members.ToString();
    }

    /// <summary>
    /// The condition of one event filter over an <c>EventView e</c>: the top-level conjuncts one per
    /// line, the event category first (the cheapest test, and how the query reads).
    /// </summary>
    internal string FilterCondition(EqlEventFilter filter)
    {
        var conjuncts = new List<string>();
        if (filter.Category is { } category)
            conjuncts.Add($"{Ops}.HasCategory(e.Values({Slot(_categoryField)}), {CSharpLiteral.String(category)})");
        conjuncts.AddRange(Conjuncts(filter.Condition).Select(Condition));
        return Join(conjuncts, "&&", "\n        && ");
    }

    /// <summary>A join key reader: a field by slot (all its values), or any other expression as one value.</summary>
    internal string JoinKey(EqlExpression key)
        => key is EqlField field
            ? $"{Eql}.Join.EqlJoinKey.Field({Slot(field.Name)}, {CSharpLiteral.Bool(field.IsOptional)})"
            : $"{Eql}.Join.EqlJoinKey.Computed(static e => {ValueOf(key)})";

    /// <summary>The static fields (slots, matchers, constants) the emitted code so far refers to.</summary>
    internal void WriteDeclarations(StringBuilder members)
    {
        foreach (var declaration in _declarations) members.Append(declaration).Append('\n');
    }

    internal static string PipeArray(IReadOnlyList<EqlPipe> pipes)
        => "[" + string.Join(", ", pipes.Select(p => $"new({Eql}.EqlPipeKind.{(p.Name == "head" ? "Head" : "Tail")}, {PipeCount(p)})")) + "]";

    private static IEnumerable<EqlExpression> Conjuncts(EqlExpression expression) => Chain(expression, EqlBinaryOperator.And);

    /// <summary>The operands of a flat and/or chain, in order, without recursion (a chain may have thousands).</summary>
    private static List<EqlExpression> Chain(EqlExpression expression, EqlBinaryOperator op)
        => Pipeline.ExpressionChains.Operands(expression, e => e is EqlBinary b && b.Operator == op ? (b.Left, b.Right) : ((EqlExpression, EqlExpression)?)null);

    /// <summary>Conditions joined by && or ||: flat for short chains, in groups (log(n) deep) for long ones.</summary>
    private static string Join(IReadOnlyList<string> conditions, string op, string separator)
        => conditions.Count <= Pipeline.ExpressionChains.FlatLimit
            ? string.Join(separator, conditions)
            : Pipeline.ExpressionChains.Grouped(conditions, Pipeline.ExpressionChains.FlatLimit, group => $"({string.Join($" {op} ", group)})");

    private static string PipeCount(EqlPipe pipe)
        => pipe.Arguments.Count == 1 && pipe.Arguments[0] is EqlLiteral literal
           && int.TryParse(literal.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n.ToString(CultureInfo.InvariantCulture) : "10";

    // ---- declarations ----------------------------------------------------------------------------

    private string Slot(string field)
    {
        if (_slots.TryGetValue(field, out var name)) return name;
        name = "F" + _slots.Count.ToString(CultureInfo.InvariantCulture);
        _slots[field] = name;
        _declarations.Add($"private static readonly int {name} = global::AzureRules.Sdk.Events.FieldTable.Slot({CSharpLiteral.String(field)});");
        return name;
    }

    private string Values(EqlField field) => $"e.Values({Slot(field.Name)})";

    private string Constant(string type, string prefix, string initializer)
    {
        var name = prefix + (_constants++).ToString(CultureInfo.InvariantCulture);
        _declarations.Add($"private static readonly {type} {name} = {initializer};");
        return name;
    }

    private string Matcher(string mode, bool ignoreCase, IEnumerable<string> patterns)
        => Constant($"{Eql}.EqlMatcher", "M",
            $"new({Eql}.EqlMatchMode.{mode}, {CSharpLiteral.Bool(ignoreCase)}{string.Concat(patterns.Select(p => ", " + CSharpLiteral.String(p)))})");

    private string ConstantList(IEnumerable<EqlLiteral> literals)
        => Constant($"{Value}[]", "K", $"[{string.Join(", ", literals.Select(LiteralValue))}]");

    private string CidrBlocks(IEnumerable<EqlExpression> blocks)
        => Constant($"{Eql}.EqlCidr[]", "C",
            $"[{string.Join(", ", blocks.Select(b => $"{Eql}.EqlCidr.Parse({CSharpLiteral.String(((EqlLiteral)b).Text)})"))}]");

    // ---- boolean context ---------------------------------------------------------------------------

    private string Condition(EqlExpression expression)
    {
        switch (expression)
        {
            case EqlBinary { Operator: EqlBinaryOperator.And } and:
                return $"({Join([.. Conjuncts(and).Select(Condition)], "&&", " && ")})";
            case EqlBinary { Operator: EqlBinaryOperator.Or } or:
            {
                var disjuncts = Chain(or, EqlBinaryOperator.Or);
                return disjuncts.Count > Pipeline.ExpressionChains.FlatLimit
                    ? $"({Join([.. disjuncts.Select(Condition)], "||", " || ")})"
                    : $"({Condition(or.Left)} || {Condition(or.Right)})";
            }
            case EqlUnary { Operator: EqlUnaryOperator.Not } not:
                return $"!{Condition(not.Operand)}";
            case EqlLiteral { Kind: EqlLiteralKind.Boolean } literal:
                return literal.Text == "true" ? "true" : "false";
            case EqlLiteral { Kind: EqlLiteralKind.Null }:
                return "false";
            case EqlBinary { IsComparison: true } comparison:
                return ComparisonCondition(comparison);
            case EqlPredicate predicate when predicate.Value is EqlField field && predicate.Patterns.All(p => p is EqlLiteral):
                return PredicateCondition(predicate, field);
            case EqlCall call when IsFunction(call, "cidrMatch") && call.Arguments[0] is EqlField ip:
                return $"{Functions}.AnyCidrMatch({Values(ip)}, {CidrBlocks(call.Arguments.Skip(1))})";
            case EqlField field:
                return $"{Ops}.AnyCompare({Values(field)}, {Compare}.Equal, {Value}.True)";
            default:
                return $"{ValueOf(expression)}.IsTrue";
        }
    }

    private string ComparisonCondition(EqlBinary comparison)
    {
        var op = comparison.Operator;
        if (comparison.Left is EqlField field && comparison.Right is EqlLiteral constant)
            return FieldComparison(field, op, constant);
        if (comparison.Right is EqlField rightField && comparison.Left is EqlLiteral leftConstant)
            return FieldComparison(rightField, Mirror(op), leftConstant);
        return $"{ValueOf(comparison)}.IsTrue";
    }

    private string FieldComparison(EqlField field, EqlBinaryOperator op, EqlLiteral constant)
    {
        if (constant.Kind == EqlLiteralKind.Null)
        {
            // x == null holds when x is absent; ordering with null is null, which is not true
            return op switch
            {
                EqlBinaryOperator.Equal => $"{Ops}.IsMissing({Values(field)})",
                EqlBinaryOperator.NotEqual => $"!{Ops}.IsMissing({Values(field)})",
                _ => "false",
            };
        }
        if (ElasticFieldCatalog.TypeOf(field.Name) == ElasticFieldType.Date
            && (constant.IsNumber || constant.Kind == EqlLiteralKind.String)
            && EqlLiterals.TryParseDate(constant.Text, out var millis))
            return $"{Ops}.AnyCompareDate({Values(field)}, {CompareName(op)}, {CSharpLiteral.Long(millis)})";
        if (constant.Kind == EqlLiteralKind.String && op is EqlBinaryOperator.Equal or EqlBinaryOperator.NotEqual)
        {
            var match = $"{Ops}.AnyMatch({Values(field)}, {Matcher("Exact", false, new[] { constant.Text })})";
            return op == EqlBinaryOperator.Equal ? match : "!" + match;
        }
        return $"{Ops}.AnyCompare({Values(field)}, {CompareName(op)}, {LiteralValue(constant)})";
    }

    private string PredicateCondition(EqlPredicate predicate, EqlField field)
    {
        var literals = predicate.Patterns.Cast<EqlLiteral>().Where(l => l.Kind != EqlLiteralKind.Null).ToList();
        string test;
        if (literals.Count == 0) test = "false";
        else if (predicate.Kind != EqlPredicateKind.In || literals.All(l => l.Kind == EqlLiteralKind.String))
            test = $"{Ops}.AnyMatch({Values(field)}, {PredicateMatcher(predicate, literals)})";
        else
            test = $"{Ops}.AnyIn({Values(field)}, {ConstantList(literals)})";
        return predicate.Negated ? "!" + test : test;
    }

    private string PredicateMatcher(EqlPredicate predicate, IReadOnlyList<EqlLiteral> literals)
    {
        var mode = predicate.Kind switch
        {
            EqlPredicateKind.Colon or EqlPredicateKind.Like => "Wildcard",
            EqlPredicateKind.Regex => "Regex",
            _ => "Exact",
        };
        var patterns = literals.Select(l => predicate.Kind == EqlPredicateKind.Regex ? EqlLiterals.ToDotNetRegex(l.Text) : l.Text);
        return Matcher(mode, predicate.CaseInsensitive, patterns);
    }

    private static EqlBinaryOperator Mirror(EqlBinaryOperator op) => op switch
    {
        EqlBinaryOperator.Less => EqlBinaryOperator.Greater,
        EqlBinaryOperator.LessOrEqual => EqlBinaryOperator.GreaterOrEqual,
        EqlBinaryOperator.Greater => EqlBinaryOperator.Less,
        EqlBinaryOperator.GreaterOrEqual => EqlBinaryOperator.LessOrEqual,
        _ => op,
    };

    private static string CompareName(EqlBinaryOperator op) => Compare + "." + op switch
    {
        EqlBinaryOperator.Equal => "Equal",
        EqlBinaryOperator.NotEqual => "NotEqual",
        EqlBinaryOperator.Less => "Less",
        EqlBinaryOperator.LessOrEqual => "LessOrEqual",
        EqlBinaryOperator.Greater => "Greater",
        _ => "GreaterOrEqual",
    };

    // ---- value context -----------------------------------------------------------------------------

    private string ValueOf(EqlExpression expression)
    {
        switch (expression)
        {
            case EqlLiteral literal:
                return LiteralValue(literal);
            case EqlField field:
                return $"{Ops}.Field({Values(field)})";
            case EqlUnary unary:
                return unary.Operator == EqlUnaryOperator.Not ? $"{Ops}.Not({ValueOf(unary.Operand)})" : $"{Ops}.Negate({ValueOf(unary.Operand)})";
            case EqlBinary binary:
                var left = ValueOf(binary.Left);
                var right = ValueOf(binary.Right);
                return binary.Operator switch
                {
                    EqlBinaryOperator.And => $"{Ops}.And({left}, {right})",
                    EqlBinaryOperator.Or => $"{Ops}.Or({left}, {right})",
                    EqlBinaryOperator.Add => $"{Ops}.Add({left}, {right})",
                    EqlBinaryOperator.Subtract => $"{Ops}.Subtract({left}, {right})",
                    EqlBinaryOperator.Multiply => $"{Ops}.Multiply({left}, {right})",
                    EqlBinaryOperator.Divide => $"{Ops}.Divide({left}, {right})",
                    EqlBinaryOperator.Modulo => $"{Ops}.Modulo({left}, {right})",
                    _ => $"{Ops}.Compare({left}, {CompareName(binary.Operator)}, {right})",
                };
            case EqlPredicate predicate:
                return PredicateValue(predicate);
            case EqlCall call:
                return CallValue(call);
            default:
                return $"{Value}.Null";
        }
    }

    private string PredicateValue(EqlPredicate predicate)
    {
        var value = ValueOf(predicate.Value);
        string result;
        if (predicate.Patterns.All(p => p is EqlLiteral))
        {
            var literals = predicate.Patterns.Cast<EqlLiteral>().Where(l => l.Kind != EqlLiteralKind.Null).ToList();
            result = predicate.Kind != EqlPredicateKind.In || literals.All(l => l.Kind == EqlLiteralKind.String)
                ? $"{Ops}.Match({value}, {PredicateMatcher(predicate, literals)})"
                : $"{Ops}.In({value}, {ConstantList(literals)})";
        }
        else
        {
            // in (…) with computed members: equal to any of them
            result = predicate.Patterns
                .Select(p => $"{Ops}.Compare({value}, {Compare}.Equal, {ValueOf(p)})")
                .Aggregate((a, b) => $"{Ops}.Or({a}, {b})");
        }
        return predicate.Negated ? $"{Ops}.Not({result})" : result;
    }

    private static bool IsFunction(EqlCall call, string name) => string.Equals(call.Name, name, System.StringComparison.OrdinalIgnoreCase);

    private string CallValue(EqlCall call)
    {
        var function = EqlFunction.Find(call.Name)!;
        var args = call.Arguments;
        string Arg(int i) => i < args.Count ? ValueOf(args[i]) : $"{Value}.Null";
        var ci = CSharpLiteral.Bool(call.CaseInsensitive);
        switch (function.Name)
        {
            case "add": return $"{Ops}.Add({Arg(0)}, {Arg(1)})";
            case "subtract": return $"{Ops}.Subtract({Arg(0)}, {Arg(1)})";
            case "multiply": return $"{Ops}.Multiply({Arg(0)}, {Arg(1)})";
            case "divide": return $"{Ops}.Divide({Arg(0)}, {Arg(1)})";
            case "modulo": return $"{Ops}.Modulo({Arg(0)}, {Arg(1)})";
            case "between": return $"{Functions}.Between({Arg(0)}, {Arg(1)}, {Arg(2)}, {(args.Count > 3 ? Arg(3) : Value + ".False")}, {ci})";
            case "cidrMatch": return $"{Functions}.CidrMatch({Arg(0)}, {CidrBlocks(args.Skip(1))})";
            case "concat":
                var result = $"{Functions}.Concat({Arg(0)})";
                for (var i = 1; i < args.Count; i++) result = $"{Functions}.Concat({result}, {Arg(i)})";
                return result;
            case "endsWith": return $"{Functions}.EndsWith({Arg(0)}, {Arg(1)}, {ci})";
            case "startsWith": return $"{Functions}.StartsWith({Arg(0)}, {Arg(1)}, {ci})";
            case "stringContains": return $"{Functions}.StringContains({Arg(0)}, {Arg(1)}, {ci})";
            case "indexOf": return $"{Functions}.IndexOf({Arg(0)}, {Arg(1)}, {Arg(2)}, {ci})";
            case "length": return $"{Functions}.Length({Arg(0)})";
            case "number": return $"{Functions}.Number({Arg(0)}, {Arg(1)})";
            case "string": return $"{Functions}.String({Arg(0)})";
            case "substring": return $"{Functions}.Substring({Arg(0)}, {Arg(1)}, {Arg(2)})";
            default: return $"{Value}.Null";
        }
    }

    private static string LiteralValue(EqlLiteral literal)
    {
        switch (literal.Kind)
        {
            case EqlLiteralKind.Null: return $"{Value}.Null";
            case EqlLiteralKind.Boolean: return literal.Text == "true" ? $"{Value}.True" : $"{Value}.False";
            case EqlLiteralKind.String: return $"{Value}.FromString({CSharpLiteral.String(literal.Text)})";
            case EqlLiteralKind.Integer when long.TryParse(literal.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer):
                return $"{Value}.FromLong({CSharpLiteral.Long(integer)})";
            default:
                var number = double.Parse(literal.Text, NumberStyles.Float, CultureInfo.InvariantCulture);
                return $"{Value}.FromDouble({CSharpLiteral.Double(number)})";
        }
    }
}
