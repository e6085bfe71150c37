using System.Collections.Generic;
using System.Linq;
using AzureRules.Generators.Elastic;
using AzureRules.Generators.Eql.Emit;
using AzureRules.Generators.Eql.Syntax;
using AzureRules.Generators.Prefilter;

namespace AzureRules.Generators.Eql.Binding;

/// <summary>
/// The prefilter terms of an EQL event filter, from the comparisons <see cref="EqlEmitter"/> compiles
/// to exact string matches: the event category, <c>field == "text"</c> (not on a date field, which
/// compares as a date), <c>in</c>/<c>in~</c> lists of strings, <c>:</c>/<c>like</c> patterns without
/// wildcards — any conjunct's, or a field all disjuncts share. Anything else gives none.
/// </summary>
internal static class EqlPrefilter
{
    public static List<PrefilterTerm> Terms(EqlEventFilter filter, string? categoryField)
    {
        var terms = new List<PrefilterTerm>();
        // HasCategory accepts strings only; the term's keyword test (strings, numbers, booleans) is wider, so still necessary
        if (filter.Category is { } category) terms.Add(new PrefilterTerm(categoryField ?? EqlEmitter.DefaultCategoryField, false, [category]));
        terms.AddRange(Terms(filter.Condition));
        return terms;
    }

    private static List<PrefilterTerm> Terms(EqlExpression expression)
    {
        switch (expression)
        {
            case EqlBinary { Operator: EqlBinaryOperator.And } and:
                return Chain(and, EqlBinaryOperator.And).SelectMany(Terms).ToList();
            case EqlBinary { Operator: EqlBinaryOperator.Or } or:
                return PrefilterTerm.AnyOf(Chain(or, EqlBinaryOperator.Or).Select(Terms).ToList());
            case EqlBinary { Operator: EqlBinaryOperator.Equal } equal:
                if (equal.Left is EqlField left && equal.Right is EqlLiteral right) return Equality(left, right);
                if (equal.Right is EqlField mirrored && equal.Left is EqlLiteral constant) return Equality(mirrored, constant);
                return [];
            case EqlPredicate { Negated: false, Value: EqlField field } predicate when predicate.Patterns.All(p => p is EqlLiteral):
                return Predicate(predicate, field);
            default:
                return [];
        }
    }

    private static List<EqlExpression> Chain(EqlExpression expression, EqlBinaryOperator op)
        => Pipeline.ExpressionChains.Operands(expression, e => e is EqlBinary b && b.Operator == op ? (b.Left, b.Right) : ((EqlExpression, EqlExpression)?)null);

    private static List<PrefilterTerm> Equality(EqlField field, EqlLiteral constant)
        => constant.Kind == EqlLiteralKind.String && ElasticFieldCatalog.TypeOf(field.Name) != ElasticFieldType.Date
            ? [new PrefilterTerm(field.Name, false, [constant.Text])]
            : [];

    private static List<PrefilterTerm> Predicate(EqlPredicate predicate, EqlField field)
    {
        var literals = predicate.Patterns.Cast<EqlLiteral>().Where(l => l.Kind != EqlLiteralKind.Null).ToList();
        // null members never match a value; an empty list matches nothing, which no term says
        if (literals.Count == 0 || literals.Any(l => l.Kind != EqlLiteralKind.String)) return [];
        var exact = predicate.Kind switch
        {
            EqlPredicateKind.In => true,
            EqlPredicateKind.Colon or EqlPredicateKind.Like => literals.All(l => l.Text.IndexOfAny(['*', '?']) < 0),
            _ => false,
        };
        return exact ? [new PrefilterTerm(field.Name, predicate.CaseInsensitive, [.. literals.Select(l => l.Text)])] : [];
    }
}
