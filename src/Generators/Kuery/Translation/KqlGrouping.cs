using System.Collections.Immutable;
using System.Linq;
using AzureRules.Generators.Kuery.Syntax;

namespace AzureRules.Generators.Kuery.Translation;

/// <summary>
/// Turns Kibana's tree back into detection-rules' shape. Kibana's parser spreads <c>a:(b or c)</c> into
/// <c>a:b or a:c</c>, but every comparison spread from one list shares the list's field name node, and
/// the list's boolean nodes start after that field name: that is how a list is told from the same field
/// written twice (<c>a:b or a:c</c>), which detection-rules keeps apart.
/// </summary>
internal static class KqlGrouping
{
    public static KqlExpression Group(KueryNode node)
    {
        if (node is KueryOr or KueryAnd or KueryNot && ListField(node) is { } field && node.Start > field.Start)
            return new KqlField(field.Name, Value(node));
        return node switch
        {
            KueryOr or => new KqlBoolean(false, or.Operands.Select(Group).ToImmutableArray()),
            KueryAnd and => new KqlBoolean(true, and.Operands.Select(Group).ToImmutableArray()),
            KueryNot not => new KqlNot(Group(not.Operand)),
            KueryIs { Field: null } free => new KqlFreeText(free.Value),
            KueryIs @is => new KqlField(@is.Field!.Name, new KqlValueLiteral(@is.Value)),
            KueryRange range => new KqlRange(range.Field.Name, range.Operator, range.Value),
            KueryNested nested => new KqlNested(nested.Field.Name, Group(nested.Query)),
            _ => new KqlFreeText(new KueryLiteral("*", false, true, "*", node.Start, 0)),
        };
    }

    /// <summary>The field node every comparison under <paramref name="node"/> shares, if they share one.</summary>
    private static KueryFieldName? ListField(KueryNode node)
    {
        KueryFieldName? shared = null;
        return Visit(node) ? shared : null;

        bool Visit(KueryNode n)
        {
            switch (n)
            {
                case KueryOr or: return or.Operands.All(Visit);
                case KueryAnd and: return and.Operands.All(Visit);
                case KueryNot not: return Visit(not.Operand);
                case KueryIs { Field: { } f }:
                    if (shared is null) shared = f;
                    return ReferenceEquals(shared, f);
                default: return false;
            }
        }
    }

    private static KqlValue Value(KueryNode node) => node switch
    {
        KueryOr or => new KqlValueBoolean(false, or.Operands.Select(Value).ToImmutableArray()),
        KueryAnd and => new KqlValueBoolean(true, and.Operands.Select(Value).ToImmutableArray()),
        KueryNot not => new KqlValueNot(Value(not.Operand)),
        _ => new KqlValueLiteral(((KueryIs)node).Value),
    };
}
