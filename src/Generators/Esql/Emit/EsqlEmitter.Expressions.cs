using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using AzureRules.Generators.Elastic;
using AzureRules.Generators.Emit;
using AzureRules.Generators.Esql.Binding;
using AzureRules.Generators.Esql.Syntax;
using AzureRules.Generators.Kuery;
using AzureRules.Generators.Kuery.Binding;

namespace AzureRules.Generators.Esql.Emit;

/// <summary>Expressions: each becomes a lambda <c>t =&gt; { column positions; return r =&gt; value; }</c>.</summary>
internal sealed partial class EsqlEmitter
{
    private const string Functions = Sdk + "EsqlFunctions.";
    private const string Compare = Sdk + "EsqlCompare.";
    private const string Arithmetic = Sdk + "EsqlArithmetic.";

    /// <summary>The columns one lambda reads, each resolved to a position once per table.</summary>
    private sealed class LambdaScope
    {
        public readonly List<string> Columns = new();

        /// <summary>Statements run once per table after the column positions (MATCH's fuzzy expansions).</summary>
        public readonly List<string> Setup = new();

        /// <summary>Called for an aggregate call inside a STATS output: registers it and returns the intermediate column holding its result.</summary>
        public Func<EsqlFunctionCall, EsqlFunction, string>? Aggregate;

        public string Column(string name)
        {
            var index = Columns.IndexOf(name);
            if (index < 0)
            {
                Columns.Add(name);
                index = Columns.Count - 1;
            }
            return "r[c" + index.ToString(CultureInfo.InvariantCulture) + "]";
        }
    }

    private string Lambda(EsqlExpression expression) => Lambda(expression, new LambdaScope());

    private string Lambda(EsqlExpression expression, LambdaScope scope)
    {
        var body = Expression(expression, scope);
        if (scope.Columns.Count == 0 && scope.Setup.Count == 0) return $"static t => r => {body}";
        var positions = string.Join(" ", scope.Columns.Select((c, i) => $"var c{i.ToString(CultureInfo.InvariantCulture)} = t[{CSharpLiteral.String(c)}];").Concat(scope.Setup));
        return $"static t => {{ {positions} return r => {body}; }}";
    }

    private string Expression(EsqlExpression expression, LambdaScope scope)
    {
        switch (expression)
        {
            case EsqlLiteral literal:
                return Literal(literal);
            case EsqlColumnReference reference:
                return scope.Column(reference.Name.Name);
            case EsqlFunctionCall call:
                return Call(call, scope);
            case EsqlUnary unary:
                if (unary.Operator == EsqlUnaryOperator.Plus) return Expression(unary.Operand, scope);
                if (unary.Operator == EsqlUnaryOperator.Not) return $"{Compare}Not({Expression(unary.Operand, scope)})";
                if (unary.Operand is EsqlLiteral { Kind: EsqlLiteralKind.Integer or EsqlLiteralKind.Decimal } number)
                    return NumberLiteral("-" + number.Value, number.Kind);
                return $"{Arithmetic}Negate({Expression(unary.Operand, scope)})";
            case EsqlBinary { Operator: EsqlBinaryOperator.And or EsqlBinaryOperator.Or } logical when LongChain(logical) is { } operands:
            {
                // ES|QL's three-valued AND/OR are associative: a long chain becomes a balanced tree of
                // calls, log(n) deep for the C# compiler and written in linear time; operands keep their order
                var method = BinaryMethod(logical.Operator);
                return Pipeline.ExpressionChains.Grouped([.. operands.Select(o => Expression(o, scope))], 2, pair => $"{method}({pair[0]}, {pair[1]})");
            }
            case EsqlBinary binary:
                return $"{BinaryMethod(binary.Operator)}({Expression(binary.Left, scope)}, {Expression(binary.Right, scope)})";
            case EsqlIn @in:
                var list = string.Join(", ", @in.List.Select(i => Expression(i, scope)));
                return $"{Functions}{(@in.Negated ? "NotIn" : "In")}({Expression(@in.Value, scope)}, {list})";
            case EsqlPatternMatch match:
                var patterns = match.Patterns.Select(p => Static("EsqlLikePattern",
                    $"{Sdk}EsqlLikePattern.{(match.IsRegex ? "Regular" : "Wildcard")}({CSharpLiteral.String(p.Value)})"));
                var test = $"{Functions}LikeAny({Expression(match.Value, scope)}, {string.Join(", ", patterns)})";
                return match.Negated ? $"{Compare}Not({test})" : test;
            case EsqlIsNull isNull:
                return $"{Functions}{(isNull.Negated ? "IsNotNull" : "IsNull")}({Expression(isNull.Value, scope)})";
            case EsqlCast cast:
                if (EsqlTypes.FromCastName(cast.Type.Name) == EsqlType.Unknown)
                    throw new EsqlNotExecutableException($"the runtime cannot convert to {cast.Type.Name} yet");
                return $"{Sdk}EsqlConvert.Cast({Expression(cast.Value, scope)}, {CSharpLiteral.String(cast.Type.Name)})";
            case EsqlArrayLiteral array:
                return $"{Functions}Array({string.Join(", ", array.Items.Select(i => Expression(i, scope)))})";
            case EsqlMatchOperator match:
                return FullTextMatch(match.Field, match.Query, scope);
            case EsqlParameter parameter:
                throw new EsqlNotExecutableException($"the query parameter {parameter.Text} has no value");
            default:
                throw new EsqlNotExecutableException("the runtime cannot evaluate this expression yet");
        }
    }

    private static List<EsqlExpression>? LongChain(EsqlBinary binary)
    {
        var op = binary.Operator;
        var operands = Pipeline.ExpressionChains.Operands<EsqlExpression>(binary, e => e is EsqlBinary b && b.Operator == op ? (b.Left, b.Right) : null);
        return operands.Count > Pipeline.ExpressionChains.FlatLimit ? operands : null;
    }

    private static string BinaryMethod(EsqlBinaryOperator op) => op switch
    {
        EsqlBinaryOperator.And => Compare + "And",
        EsqlBinaryOperator.Or => Compare + "Or",
        EsqlBinaryOperator.Equal => Compare + "Equal",
        EsqlBinaryOperator.CaseInsensitiveEqual => Compare + "EqualIgnoreCase",
        EsqlBinaryOperator.NotEqual => Compare + "NotEqual",
        EsqlBinaryOperator.Less => Compare + "Less",
        EsqlBinaryOperator.LessOrEqual => Compare + "LessOrEqual",
        EsqlBinaryOperator.Greater => Compare + "Greater",
        EsqlBinaryOperator.GreaterOrEqual => Compare + "GreaterOrEqual",
        EsqlBinaryOperator.Add => Arithmetic + "Add",
        EsqlBinaryOperator.Subtract => Arithmetic + "Subtract",
        EsqlBinaryOperator.Multiply => Arithmetic + "Multiply",
        EsqlBinaryOperator.Divide => Arithmetic + "Divide",
        _ => Arithmetic + "Modulo",
    };

    private string Literal(EsqlLiteral literal) => literal.Kind switch
    {
        EsqlLiteralKind.Null => "null",
        EsqlLiteralKind.Boolean => string.Equals(literal.Value, "true", StringComparison.OrdinalIgnoreCase) ? "true" : "false",
        EsqlLiteralKind.Integer or EsqlLiteralKind.Decimal => NumberLiteral(literal.Value, literal.Kind),
        EsqlLiteralKind.String => CSharpLiteral.String(literal.Value),
        _ => Static("object", $"{Sdk}EsqlSpan.Parse({CSharpLiteral.String(literal.Value)})"),
    };

    /// <summary>Integer literals are integers when they fit, then longs, then unsigned longs, then doubles (as ES|QL types them).</summary>
    private static string NumberLiteral(string text, EsqlLiteralKind kind)
    {
        if (kind == EsqlLiteralKind.Integer)
        {
            if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i)) return "(object)" + i.ToString(CultureInfo.InvariantCulture);
            if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)) return "(object)" + l.ToString(CultureInfo.InvariantCulture) + "L";
            if (ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var u)) return "(object)" + u.ToString(CultureInfo.InvariantCulture) + "UL";
        }
        var d = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        return "(object)" + d.ToString("R", CultureInfo.InvariantCulture) + "d";
    }

    private string Call(EsqlFunctionCall call, LambdaScope scope)
    {
        var function = EsqlFunctionCatalog.Find(call.Name.Name)
            ?? throw new EsqlNotExecutableException($"unknown function {call.Name.Name}");
        if (function.Name == "KQL") return Kql(call);
        if (function.Name == "MATCH" && call.Options is null && call.Arguments.Count == 2) return FullTextMatch(call.Arguments[0], call.Arguments[1], scope);
        if (function.Name == "MATCH" && call.Options is not null && call.Arguments.Count == 2) return FuzzyMatch(call, call.Options, scope);
        if (call.Options is not null) throw new EsqlNotExecutableException($"{function.Name} with an options map is not supported yet");
        if (function.Kind == EsqlFunctionKind.Aggregate)
        {
            if (scope.Aggregate is null) throw new EsqlNotExecutableException($"the aggregate {function.Name} is only allowed in STATS");
            return scope.Column(scope.Aggregate(call, function));
        }
        if (function.RuntimeMethod is null) throw new EsqlNotExecutableException($"the runtime does not implement the function {function.Name} yet");
        return $"{Sdk}{function.RuntimeMethod}({string.Join(", ", call.Arguments.Select(a => Expression(a, scope)))})";
    }

    /// <summary>MATCH and ':': a term match on keyword fields, an analysed match on text fields (the field's type decides, as in Elasticsearch).</summary>
    private string FullTextMatch(EsqlExpression field, EsqlExpression query, LambdaScope scope)
    {
        var method = StaticType(field) == EsqlType.Text ? "MatchText" : "Match";
        return $"{Functions}{method}({Expression(field, scope)}, {Expression(query, scope)})";
    }

    /// <summary>
    /// MATCH(field, "query", { options }): the match query's term expansion (fuzziness, prefix_length,
    /// max_expansions, fuzzy_transpositions, operator) needs the field's terms, so the matcher is prepared
    /// once per table (<c>EsqlFuzzyMatch</c>). boost and lenient change no match; other options cannot run here yet.
    /// </summary>
    private string FuzzyMatch(EsqlFunctionCall call, EsqlMap options, LambdaScope scope)
    {
        if (call.Arguments[0] is not EsqlColumnReference field) throw new EsqlNotExecutableException("MATCH with options takes a field as its first argument");
        if (call.Arguments[1] is not EsqlLiteral query) throw new EsqlNotExecutableException("MATCH with options takes a constant query");
        string? fuzziness = null;
        var prefixLength = 0;
        var maxExpansions = 50;
        var transpositions = true;
        var op = "OR";
        foreach (var entry in options.Entries)
        {
            if (entry.Value is not EsqlLiteral value) throw new EsqlNotExecutableException($"the MATCH option {entry.Key} is not a constant");
            switch (entry.Key)
            {
                case "fuzziness": fuzziness = value.Value; break;
                case "prefix_length": prefixLength = OptionInteger(entry.Key, value); break;
                case "max_expansions": maxExpansions = OptionInteger(entry.Key, value); break;
                case "fuzzy_transpositions": transpositions = !string.Equals(value.Value, "false", StringComparison.OrdinalIgnoreCase); break;
                case "operator": op = value.Value.ToUpperInvariant() is "AND" or "OR" ? value.Value.ToUpperInvariant() : throw new EsqlNotExecutableException($"the MATCH operator {value.Value} is neither AND nor OR"); break;
                case "boost" or "lenient": break;
                default: throw new EsqlNotExecutableException($"the MATCH option {entry.Key} is not supported yet");
            }
        }
        if (fuzziness is not null)
        {
            try { CheckFuzziness(fuzziness); }
            catch (ArgumentException e) { throw new EsqlNotExecutableException(e.Message); }
        }
        var column = scope.Column(field.Name.Name);
        var position = column.Substring("r[".Length, column.Length - "r[]".Length);
        var name = "m" + scope.Setup.Count.ToString(CultureInfo.InvariantCulture);
        scope.Setup.Add($"var {name} = {Sdk}EsqlFuzzyMatch.Prepare(t, {position}, {Literal(query)}, {CSharpLiteral.String(fuzziness)}, "
            + $"{CSharpLiteral.Int(prefixLength)}, {CSharpLiteral.Int(maxExpansions)}, {CSharpLiteral.Bool(transpositions)}, {CSharpLiteral.String(op)});");
        return $"{name}.Matches({column})";
    }

    private static int OptionInteger(string key, EsqlLiteral value)
        => value.Kind == EsqlLiteralKind.Integer && int.TryParse(value.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new EsqlNotExecutableException($"the MATCH option {key} takes a non-negative integer, not {value.Value}");

    /// <summary>The fuzziness forms Elasticsearch accepts: 0, 1, 2, AUTO, AUTO:low,high.</summary>
    private static void CheckFuzziness(string fuzziness)
    {
        var upper = fuzziness.ToUpperInvariant();
        if (upper is "0" or "1" or "2" or "AUTO") return;
        if (upper.StartsWith("AUTO:", StringComparison.Ordinal) && upper.Substring(5).Split(',') is { Length: 2 } bounds
            && bounds.All(b => int.TryParse(b, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
            return;
        throw new ArgumentException($"fuzziness must be 0, 1, 2 or AUTO, not [{fuzziness}]");
    }

    /// <summary>
    /// KQL("…") in a WHERE: the Kibana KQL compiler turns the query into a matcher class nested here,
    /// and the row's fields are read as a document by it.
    /// </summary>
    private string Kql(EsqlFunctionCall call)
    {
        if (call.Arguments.Count != 1 || call.Arguments[0] is not EsqlLiteral { Kind: EsqlLiteralKind.String } text)
            throw new EsqlNotExecutableException("KQL takes one string constant");
        var compiled = KueryCompiler.Compile(text.Value, CatalogFieldTypes.Instance);
        if (!compiled.IsExecutable) throw new EsqlNotExecutableException("the KQL query cannot run: " + compiled.NotExecutableReason);
        var name = "KqlFilter" + _nestedClasses.Count.ToString(CultureInfo.InvariantCulture);
        var body = string.Join("\n", compiled.Members!.Split('\n').Select(l => l.Length == 0 ? l : "    " + l));
        _nestedClasses.Add($"private sealed class {name} : {Sdk}EsqlKqlFilter\n{{\n{body}\n}}");
        _statics.Add($"private static readonly {name} {name}Instance = new();");
        return $"{Sdk}EsqlKql.Matches({name}Instance, t, r)";
    }

    /// <summary>
    /// STATS: every aggregate call in the output expressions becomes an accumulator; the outputs are
    /// then computed over the aggregate results (<c>$agg0</c>, …) and the groups.
    /// </summary>
    private string Stats(EsqlStats stats)
    {
        var aggregates = new List<string>();
        var outputs = new List<string>();
        foreach (var field in stats.Aggregates)
        {
            var filter = field.Filter;
            var scope = new LambdaScope();
            scope.Aggregate = (call, function) =>
            {
                if (function.RuntimeMethod is null) throw new EsqlNotExecutableException($"the runtime does not implement the aggregate {function.Name} yet");
                var create = function.Name == "COUNT" && (call.IsStar || call.Arguments.Count == 0) ? "EsqlAggregates.CountStar" : function.RuntimeMethod;
                var arguments = string.Join(", ", call.Arguments.Select(a => Lambda(a)));
                var filterLambda = filter is null ? "" : ", " + Lambda(filter);
                aggregates.Add($"new({Sdk}{create}, [{arguments}]{filterLambda})");
                return "$agg" + (aggregates.Count - 1).ToString(CultureInfo.InvariantCulture);
            };
            var copy = field.Expression is EsqlColumnReference reference ? ", CopyOf: " + CSharpLiteral.String(reference.Name.Name) : "";
            var type = RuntimeType(StaticType(field.Expression)) is { } t ? ", Type: " + t : "";
            outputs.Add($"new({CSharpLiteral.String(field.ColumnName)}, {Lambda(field.Expression, scope)}{type}{copy})");
        }
        var groupTypes = stats.Groups.Select(g => (g.ColumnName, StaticType(g.Expression))).ToList();
        var outputTypes = stats.Aggregates.Select(a => (a.ColumnName, StaticType(a.Expression))).ToList();
        if (!stats.IsInline) _columnTypes.Clear();
        foreach (var (name, type) in outputTypes.Concat(groupTypes)) _columnTypes[name] = type;
        var groups = stats.Groups.Select(g => Field(g.ColumnName, g.Expression));
        var method = stats.IsInline ? "InlineStats" : "Stats";
        return $"t = {Ops}{method}(t,\n        [{string.Join(",\n         ", aggregates)}],\n        [{string.Join(", ", groups)}],\n        [{string.Join(",\n         ", outputs)}]);";
    }

    /// <summary>
    /// The type an expression has whatever its values: the runtime uses it when every value is null
    /// (<c>x + 10</c> with a null x is still an integer column). Column types are those the earlier
    /// commands gave (<see cref="_columnTypes"/>), else the ECS catalog's.
    /// </summary>
    private EsqlType StaticType(EsqlExpression expression)
    {
        switch (expression)
        {
            case EsqlColumnReference reference:
                if (_columnTypes.TryGetValue(reference.Name.Name, out var known)) return known;
                return ElasticFieldCatalog.TryGetField(reference.Name.Name, out var fieldType) ? EsqlTypes.FromElastic(fieldType) : EsqlType.Unknown;
            case EsqlLiteral literal:
                return literal.Kind switch
                {
                    EsqlLiteralKind.Null => EsqlType.Null,
                    EsqlLiteralKind.Boolean => EsqlType.Boolean,
                    EsqlLiteralKind.Integer => int.TryParse(literal.Value, NumberStyles.None, CultureInfo.InvariantCulture, out _) ? EsqlType.Integer : EsqlType.Long,
                    EsqlLiteralKind.Decimal => EsqlType.Double,
                    EsqlLiteralKind.String => EsqlType.Keyword,
                    _ => EsqlType.Unknown,
                };
            case EsqlCast cast:
                return EsqlTypes.FromCastName(cast.Type.Name);
            case EsqlFunctionCall call when EsqlFunctionCatalog.Find(call.Name.Name) is { } function:
                if (!function.ReturnsArgumentType) return function.ReturnType;
                var index = function.Name == "CASE" ? 1 : 0;
                var argument = index < call.Arguments.Count ? StaticType(call.Arguments[index]) : EsqlType.Unknown;
                // SUM of integers is a long
                if (function.Name == "SUM" && argument == EsqlType.Integer) return EsqlType.Long;
                // CASE and COALESCE return keyword for text values (Elasticsearch's DataType.noText())
                if (function.Name is "CASE" or "COALESCE" && argument == EsqlType.Text) return EsqlType.Keyword;
                return argument;
            case EsqlBinary binary:
                if (!binary.IsArithmetic) return EsqlType.Boolean;
                var left = StaticType(binary.Left);
                var right = StaticType(binary.Right);
                // null with a number is a null of the number's type
                if (left == EsqlType.Null) return right;
                if (right == EsqlType.Null) return left;
                if (left == right) return left;
                if (left == EsqlType.Double || right == EsqlType.Double) return EsqlType.Double;
                if (left == EsqlType.Long || right == EsqlType.Long) return EsqlType.Long;
                return EsqlType.Unknown;
            case EsqlIn or EsqlPatternMatch or EsqlIsNull:
                return EsqlType.Boolean;
            case EsqlUnary unary:
                return unary.Operator == EsqlUnaryOperator.Not ? EsqlType.Boolean : StaticType(unary.Operand);
            default:
                return EsqlType.Unknown;
        }
    }
}
