using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace AzureRules.Generators.Kuery.Translation;

/// <summary>
/// detection-rules' KQL optimizer, as its linter applies it: double negations cancel, nested
/// <c>and</c>/<c>or</c> flatten, comparisons of one field under one <c>and</c>/<c>or</c> merge into one
/// value list (at the place of the first), several negated values in a list become one negation
/// (De Morgan: <c>not b and not c</c> is <c>not (b or c)</c>), a negation over a whole list moves out of
/// the field (<c>a:(not b)</c> is <c>not a:b</c>), and inside a list plain values come before compound ones.
/// Rules are applied until nothing changes.
/// </summary>
internal static class KqlOptimizer
{
    public static KqlExpression Optimize(KqlExpression expression)
    {
        for (var i = 0; i < 64; i++)
        {
            var next = Rewrite(expression);
            if (next.Equals(expression)) break;
            expression = next;
        }
        return expression;
    }

    private static KqlExpression Rewrite(KqlExpression expression) => expression switch
    {
        KqlNot { Operand: var operand } => Rewrite(operand) is KqlNot inner ? inner.Operand : new KqlNot(Rewrite(operand)),
        KqlField field => PullOutNot(field.Field, RewriteValue(field.Value)),
        KqlNested nested => nested with { Query = Rewrite(nested.Query) },
        KqlBoolean boolean => RewriteBoolean(boolean),
        _ => expression,
    };

    private static KqlExpression PullOutNot(string field, KqlValue value)
        => value is KqlValueNot not ? new KqlNot(new KqlField(field, not.Operand)) : new KqlField(field, value);

    private static KqlExpression RewriteBoolean(KqlBoolean boolean)
    {
        var operands = new List<KqlExpression>();
        foreach (var operand in boolean.Operands.Select(Rewrite))
        {
            if (operand is KqlBoolean inner && inner.IsAnd == boolean.IsAnd) operands.AddRange(inner.Operands);
            else operands.Add(operand);
        }

        // merge the comparisons of each field (negated or not) into one list, where the first stood
        var merged = new List<KqlExpression>();
        var byField = new Dictionary<string, List<KqlValue>>(System.StringComparer.Ordinal);
        var slots = new Dictionary<string, int>(System.StringComparer.Ordinal);
        foreach (var operand in operands)
        {
            if (FieldValue(operand) is not var (field, value))
            {
                merged.Add(operand);
                continue;
            }
            if (!byField.TryGetValue(field, out var values))
            {
                byField[field] = values = [];
                slots[field] = merged.Count;
                merged.Add(operand);
            }
            values.Add(value);
        }
        foreach (var pair in byField.Where(p => p.Value.Count > 1))
            merged[slots[pair.Key]] = new KqlField(pair.Key, new KqlValueBoolean(boolean.IsAnd, pair.Value.ToImmutableArray()));

        return merged.Count == 1 ? merged[0] : new KqlBoolean(boolean.IsAnd, merged.ToImmutableArray());
    }

    /// <summary><c>a:v</c> as (a, v), <c>not a:v</c> as (a, not v); ranges, nested and free text do not merge.</summary>
    private static (string Field, KqlValue Value)? FieldValue(KqlExpression expression) => expression switch
    {
        KqlField field => (field.Field, field.Value),
        KqlNot { Operand: KqlField field } => (field.Field, new KqlValueNot(field.Value)),
        _ => null,
    };

    private static KqlValue RewriteValue(KqlValue value)
    {
        switch (value)
        {
            case KqlValueNot not:
                var operand = RewriteValue(not.Operand);
                return operand is KqlValueNot inner ? inner.Operand : new KqlValueNot(operand);
            case KqlValueBoolean boolean:
                var operands = new List<KqlValue>();
                foreach (var item in boolean.Operands.Select(RewriteValue))
                {
                    if (item is KqlValueBoolean nested && nested.IsAnd == boolean.IsAnd) operands.AddRange(nested.Operands);
                    else operands.Add(item);
                }
                var negated = operands.OfType<KqlValueNot>().ToList();
                if (negated.Count > 1)
                {
                    operands.RemoveAll(o => o is KqlValueNot);
                    operands.Add(new KqlValueNot(new KqlValueBoolean(!boolean.IsAnd, negated.Select(n => n.Operand).ToImmutableArray())));
                }
                // plain values first, then compound ones, then negations (a stable order)
                var ordered = operands.OrderBy(Rank).ToImmutableArray();
                return ordered.Length == 1 ? ordered[0] : new KqlValueBoolean(boolean.IsAnd, ordered);
            default:
                return value;
        }
    }

    private static int Rank(KqlValue value) => value switch
    {
        KqlValueLiteral => 0,
        KqlValueBoolean => 1,
        _ => 2,
    };
}
