using System;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using AzureRules.Generators.Eql.Syntax;
using AzureRules.Generators.Kuery.Syntax;

namespace AzureRules.Generators.Kuery.Translation;

/// <summary>
/// An EQL condition to KQL, as detection-rules' eql2kql does it, then linted (<see cref="KueryFormatter"/>):
/// <c>field == v</c> is <c>field:v</c>, <c>!=</c> its negation, <c>== null</c> / <c>!= null</c> are
/// <c>not field:*</c> / <c>field:*</c>, comparisons are ranges, <c>in</c> is a value list, <c>:</c> and
/// <c>like</c> with wildcards are wildcard values, <c>cidrMatch(field, …)</c> is <c>field:cidr</c>.
/// Anything else (functions, arithmetic, field-to-field comparisons, regex) has no KQL equivalent and
/// gives an error result naming it.
/// </summary>
internal static class EqlToKuery
{
    public static TranslationResult Translate(EqlExpression condition)
    {
        try
        {
            return TranslationResult.Success(KueryFormatter.Print(KqlOptimizer.Optimize(Convert(condition))));
        }
        catch (UntranslatableException e)
        {
            return TranslationResult.Failure(e.Message);
        }
    }

    /// <summary>Parses an EQL condition (the text after <c>where</c>) and translates it.</summary>
    public static TranslationResult Translate(string condition)
    {
        const string prefix = "any where ";
        var (query, error) = EqlParser.Parse(prefix + condition);
        if (query is not EqlEventQuery { Pipes.Count: 0 } eventQuery)
            return TranslationResult.Failure(error is null ? "only a plain condition translates to KQL" : "EQL syntax error: " + error.Message);
        return Translate(eventQuery.Filter.Condition);
    }

    private sealed class UntranslatableException(string message) : Exception(message);

    private static KqlExpression Convert(EqlExpression expression)
    {
        switch (expression)
        {
            case EqlBinary { Operator: EqlBinaryOperator.And or EqlBinaryOperator.Or } boolean:
                return new KqlBoolean(boolean.Operator == EqlBinaryOperator.And, [Convert(boolean.Left), Convert(boolean.Right)]);
            case EqlUnary { Operator: EqlUnaryOperator.Not } not:
                return new KqlNot(Convert(not.Operand));
            case EqlBinary { IsComparison: true } comparison:
                return Comparison(comparison);
            case EqlPredicate predicate:
                return Predicate(predicate);
            case EqlCall { Arguments: { Count: > 1 } arguments } call when call.Name.Equals("cidrMatch", StringComparison.OrdinalIgnoreCase) && arguments[0] is EqlField field:
                return new KqlField(field.Name, List(false, arguments.Skip(1).Select(c => Plain(Literal(c))).ToImmutableArray()));
            default:
                throw new UntranslatableException($"no KQL equivalent for '{Describe(expression)}'");
        }
    }

    private static KqlExpression Comparison(EqlBinary comparison)
    {
        var (field, literal, op) = comparison switch
        {
            { Left: EqlField f, Right: EqlLiteral l } => (f, l, comparison.Operator),
            { Left: EqlLiteral l, Right: EqlField f } => (f, l, Mirror(comparison.Operator)),
            _ => throw new UntranslatableException("KQL compares a field with a value only"),
        };
        if (literal.Kind == EqlLiteralKind.Null)
        {
            var exists = new KqlField(field.Name, new KqlValueLiteral(new KueryLiteral("*", false, true, "*", 0, 0)));
            return op switch
            {
                EqlBinaryOperator.NotEqual => exists,
                EqlBinaryOperator.Equal => new KqlNot(exists),
                _ => throw new UntranslatableException("null has no order"),
            };
        }
        var value = Plain(literal);
        return op switch
        {
            EqlBinaryOperator.Equal => new KqlField(field.Name, new KqlValueLiteral(value)),
            EqlBinaryOperator.NotEqual => new KqlNot(new KqlField(field.Name, new KqlValueLiteral(value))),
            EqlBinaryOperator.Less => new KqlRange(field.Name, KueryRangeOperator.LessThan, value),
            EqlBinaryOperator.LessOrEqual => new KqlRange(field.Name, KueryRangeOperator.LessThanOrEqual, value),
            EqlBinaryOperator.Greater => new KqlRange(field.Name, KueryRangeOperator.GreaterThan, value),
            _ => new KqlRange(field.Name, KueryRangeOperator.GreaterThanOrEqual, value),
        };
    }

    private static EqlBinaryOperator Mirror(EqlBinaryOperator op) => op switch
    {
        EqlBinaryOperator.Less => EqlBinaryOperator.Greater,
        EqlBinaryOperator.LessOrEqual => EqlBinaryOperator.GreaterOrEqual,
        EqlBinaryOperator.Greater => EqlBinaryOperator.Less,
        EqlBinaryOperator.GreaterOrEqual => EqlBinaryOperator.LessOrEqual,
        _ => op,
    };

    private static KqlExpression Predicate(EqlPredicate predicate)
    {
        if (predicate.Value is not EqlField field) throw new UntranslatableException("KQL compares a field with a value only");
        if (predicate.Kind == EqlPredicateKind.Regex) throw new UntranslatableException("KQL has no regular expressions");
        var values = predicate.Patterns.Select(p => predicate.Kind == EqlPredicateKind.In ? Plain(Literal(p)) : Wildcard(Literal(p))).ToImmutableArray();
        KqlExpression result = new KqlField(field.Name, List(false, values));
        return predicate.Negated ? new KqlNot(result) : result;
    }

    private static KqlValue List(bool isAnd, ImmutableArray<KueryLiteral> values)
        => values.Length == 1 ? new KqlValueLiteral(values[0]) : new KqlValueBoolean(isAnd, values.Select(v => (KqlValue)new KqlValueLiteral(v)).ToImmutableArray());

    private static EqlLiteral Literal(EqlExpression expression)
        => expression as EqlLiteral is { Kind: not EqlLiteralKind.Null } literal ? literal : throw new UntranslatableException("KQL values are literals");

    /// <summary>A value compared exactly: a star in it is a literal star.</summary>
    private static KueryLiteral Plain(EqlLiteral literal)
        => new(literal.Text, literal.Kind == EqlLiteralKind.String && literal.Text.Length == 0, false,
            literal.Text.Replace("\\", "\\\\").Replace("*", "\\*"), 0, 0);

    /// <summary>An EQL wildcard pattern (<c>*</c> any characters) as a KQL wildcard value.</summary>
    private static KueryLiteral Wildcard(EqlLiteral literal)
    {
        var text = literal.Text;
        if (literal.Kind != EqlLiteralKind.String || text.IndexOf('*') < 0) return Plain(literal);
        return new KueryLiteral(text, false, true, text.Replace("\\", "\\\\"), 0, 0);
    }

    private static string Describe(EqlExpression expression) => expression switch
    {
        EqlCall call => call.Name + "()",
        EqlBinary binary => binary.Operator.ToString(),
        EqlField field => field.Name,
        _ => expression.GetType().Name.Replace("Eql", "").ToLowerInvariant(),
    };
}
