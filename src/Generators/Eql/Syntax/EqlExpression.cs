using System.Collections.Generic;

namespace AzureRules.Generators.Eql.Syntax;

/// <summary>An EQL expression with its span in the query text (start offset, end offset).</summary>
internal abstract class EqlExpression(int start, int end)
{
    public int Start { get; } = start;
    public int End { get; } = end;
    public int Length => End - Start;
}

internal enum EqlLiteralKind { Null, Boolean, Integer, Decimal, String }

internal sealed class EqlLiteral(int start, int end, EqlLiteralKind kind, string text) : EqlExpression(start, end)
{
    public EqlLiteralKind Kind { get; } = kind;
    /// <summary>The decoded string, or the literal's text for numbers and keywords.</summary>
    public string Text { get; } = text;
    public bool IsNumber => Kind is EqlLiteralKind.Integer or EqlLiteralKind.Decimal;
}

/// <summary>A field reference; <c>?field</c> is optional: no unknown-field check, and absent is null.</summary>
internal sealed class EqlField(int start, int end, string name, bool optional) : EqlExpression(start, end)
{
    public string Name { get; } = name;
    public bool IsOptional { get; } = optional;
}

internal enum EqlUnaryOperator { Not, Negate }

internal sealed class EqlUnary(int start, int end, EqlUnaryOperator op, EqlExpression operand) : EqlExpression(start, end)
{
    public EqlUnaryOperator Operator { get; } = op;
    public EqlExpression Operand { get; } = operand;
}

internal enum EqlBinaryOperator
{
    And, Or,
    Equal, NotEqual, Less, LessOrEqual, Greater, GreaterOrEqual,
    Add, Subtract, Multiply, Divide, Modulo,
}

internal sealed class EqlBinary(int start, int end, EqlBinaryOperator op, int operatorStart, EqlExpression left, EqlExpression right) : EqlExpression(start, end)
{
    public EqlBinaryOperator Operator { get; } = op;
    public int OperatorStart { get; } = operatorStart;
    public EqlExpression Left { get; } = left;
    public EqlExpression Right { get; } = right;

    public bool IsComparison => Operator is >= EqlBinaryOperator.Equal and <= EqlBinaryOperator.GreaterOrEqual;
    public bool IsArithmetic => Operator >= EqlBinaryOperator.Add;
}

/// <summary>The string predicates: <c>:</c>, <c>like</c>, <c>regex</c>, <c>in</c> (each with <c>~</c>), <c>not in</c>.</summary>
internal enum EqlPredicateKind { Colon, Like, Regex, In }

internal sealed class EqlPredicate(int start, int end, EqlPredicateKind kind, bool caseInsensitive, bool negated,
    EqlExpression value, IReadOnlyList<EqlExpression> patterns) : EqlExpression(start, end)
{
    public EqlPredicateKind Kind { get; } = kind;
    public bool CaseInsensitive { get; } = caseInsensitive;
    /// <summary>True for <c>not in</c>.</summary>
    public bool Negated { get; } = negated;
    public EqlExpression Value { get; } = value;
    public IReadOnlyList<EqlExpression> Patterns { get; } = patterns;
}

internal sealed class EqlCall(int start, int end, string name, int nameEnd, bool caseInsensitive, IReadOnlyList<EqlExpression> arguments) : EqlExpression(start, end)
{
    public string Name { get; } = name;
    public int NameEnd { get; } = nameEnd;
    /// <summary>The <c>fn~(…)</c> form.</summary>
    public bool CaseInsensitive { get; } = caseInsensitive;
    public IReadOnlyList<EqlExpression> Arguments { get; } = arguments;
}
