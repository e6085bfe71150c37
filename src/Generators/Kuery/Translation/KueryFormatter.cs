using System.Linq;
using System.Text;
using AzureRules.Generators.Kuery.Syntax;

namespace AzureRules.Generators.Kuery.Translation;

/// <summary>
/// detection-rules' lint form of a KQL query: the optimized tree (<see cref="KqlOptimizer"/>) printed with
/// <c>field:value</c> (no spaces), lower-case keywords, parentheses only where precedence needs them, and
/// values quoted only where KQL needs quotes.
/// </summary>
internal static class KueryFormatter
{
    /// <summary>The normalized text of a parsed query.</summary>
    public static string Normalize(KueryNode query) => Print(KqlOptimizer.Optimize(KqlGrouping.Group(query)));

    public static string Print(KqlExpression expression)
    {
        var builder = new StringBuilder();
        Write(builder, expression);
        return builder.ToString();
    }

    // precedence: or < and < not < comparison
    private static int Precedence(KqlExpression expression) => expression switch
    {
        KqlBoolean { IsAnd: false } => 1,
        KqlBoolean => 2,
        KqlNot => 3,
        _ => 4,
    };

    private static int Precedence(KqlValue value) => value switch
    {
        KqlValueBoolean { IsAnd: false } => 1,
        KqlValueBoolean => 2,
        KqlValueNot => 3,
        _ => 4,
    };

    private static void Write(StringBuilder builder, KqlExpression expression)
    {
        switch (expression)
        {
            case KqlBoolean boolean:
                for (var i = 0; i < boolean.Operands.Length; i++)
                {
                    if (i > 0) builder.Append(boolean.IsAnd ? " and " : " or ");
                    WriteOperand(builder, boolean.Operands[i], Precedence(boolean));
                }
                break;
            case KqlNot not:
                builder.Append("not ");
                WriteOperand(builder, not.Operand, 3);
                break;
            case KqlField field:
                builder.Append(FieldName(field.Field)).Append(':');
                if (field.Value is KqlValueLiteral literal) builder.Append(Literal(literal.Literal));
                else WriteValue(builder.Append('('), field.Value).Append(')');
                break;
            case KqlRange range:
                builder.Append(FieldName(range.Field)).Append(' ').Append(Operator(range.Operator)).Append(' ').Append(Literal(range.Value));
                break;
            case KqlNested nested:
                builder.Append(FieldName(nested.Field)).Append(":{");
                Write(builder, nested.Query);
                builder.Append('}');
                break;
            case KqlFreeText free:
                builder.Append(Literal(free.Value));
                break;
        }
    }

    private static void WriteOperand(StringBuilder builder, KqlExpression operand, int parent)
    {
        if (Precedence(operand) < parent) { builder.Append('('); Write(builder, operand); builder.Append(')'); }
        else Write(builder, operand);
    }

    private static StringBuilder WriteValue(StringBuilder builder, KqlValue value)
    {
        switch (value)
        {
            case KqlValueBoolean boolean:
                for (var i = 0; i < boolean.Operands.Length; i++)
                {
                    if (i > 0) builder.Append(boolean.IsAnd ? " and " : " or ");
                    WriteValueOperand(builder, boolean.Operands[i], Precedence(boolean));
                }
                break;
            case KqlValueNot not:
                builder.Append("not ");
                WriteValueOperand(builder, not.Operand, 3);
                break;
            case KqlValueLiteral literal:
                builder.Append(Literal(literal.Literal));
                break;
        }
        return builder;
    }

    private static void WriteValueOperand(StringBuilder builder, KqlValue operand, int parent)
    {
        if (Precedence(operand) < parent) WriteValue(builder.Append('('), operand).Append(')');
        else WriteValue(builder, operand);
    }

    public static string Operator(KueryRangeOperator op) => op switch
    {
        KueryRangeOperator.LessThan => "<",
        KueryRangeOperator.LessThanOrEqual => "<=",
        KueryRangeOperator.GreaterThan => ">",
        _ => ">=",
    };

    /// <summary>
    /// A field name with KQL's special characters escaped (<c>*</c> stays a field wildcard), or quoted
    /// when it holds whitespace, which an unquoted name would trim.
    /// </summary>
    private static string FieldName(string name)
    {
        if (name.Any(char.IsWhiteSpace)) return "\"" + name.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
        var builder = new StringBuilder();
        foreach (var c in name)
        {
            if ("\\():<>\"{}".IndexOf(c) >= 0) builder.Append('\\');
            builder.Append(c);
        }
        return builder.ToString();
    }

    private const string Special = "\\():<>\"*{}";

    /// <summary>
    /// A value as KQL text: a wildcard pattern unquoted with its other special characters escaped; a plain
    /// value bare when it can be, quoted when it holds spaces, KQL punctuation or is a keyword, and with
    /// only <c>*</c> or <c>\</c> special, bare with those escaped.
    /// </summary>
    public static string Literal(KueryLiteral literal)
    {
        if (literal.HasWildcard)
        {
            var pattern = new StringBuilder();
            foreach (var c in literal.Pattern)
            {
                if ("():<>\"{}".IndexOf(c) >= 0) pattern.Append('\\');
                pattern.Append(c);
            }
            return pattern.ToString();
        }
        var text = literal.Text;
        var keyword = text is "and" or "or" or "not" || text.Length == 0;
        if (keyword || text.Any(c => char.IsWhiteSpace(c) || "():<>\"{}".IndexOf(c) >= 0))
            return "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
        var bare = new StringBuilder();
        foreach (var c in text)
        {
            if (Special.IndexOf(c) >= 0) bare.Append('\\');
            bare.Append(c);
        }
        return bare.ToString();
    }
}
