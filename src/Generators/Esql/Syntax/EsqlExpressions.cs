using System.Collections.Generic;

namespace AzureRules.Generators.Esql.Syntax;

/// <summary>Every syntax node knows its place in the query text (offsets, end exclusive).</summary>
internal abstract class EsqlNode
{
    protected EsqlNode(int start, int end)
    {
        Start = start;
        End = end;
    }

    public int Start { get; }
    public int End { get; }
    public int Length => End - Start;
}

/// <summary>A column or field name as written: <c>process.parent.name</c>, <c>`1.field`</c>, or in
/// KEEP/DROP/RENAME a pattern such as <c>Esql.*</c>. <see cref="Name"/> has the backquotes removed.</summary>
internal sealed class EsqlName : EsqlNode
{
    public EsqlName(string name, int start, int end) : base(start, end) => Name = name;

    public string Name { get; }
    public bool IsPattern => Name.IndexOf('*') >= 0;
    public override string ToString() => Name;
}

internal abstract class EsqlExpression : EsqlNode
{
    protected EsqlExpression(int start, int end) : base(start, end) { }
}

internal enum EsqlLiteralKind { Null, Boolean, Integer, Decimal, String, TimeSpan }

/// <summary>A constant: <c>null</c>, <c>true</c>, <c>42</c>, <c>1.5</c>, <c>"text"</c>, or a time span such as
/// <c>1 hour</c> (an integer qualified by a unit).</summary>
internal sealed class EsqlLiteral : EsqlExpression
{
    public EsqlLiteral(EsqlLiteralKind kind, string value, int start, int end) : base(start, end)
    {
        Kind = kind;
        Value = value;
    }

    public EsqlLiteralKind Kind { get; }
    /// <summary>The decoded value: a string's content, a number's digits, a time span's "1 hour".</summary>
    public string Value { get; }
}

/// <summary>An array constant <c>[1, 2, 3]</c> or <c>["a", "b"]</c>.</summary>
internal sealed class EsqlArrayLiteral : EsqlExpression
{
    public EsqlArrayLiteral(IReadOnlyList<EsqlExpression> items, int start, int end) : base(start, end) => Items = items;
    public IReadOnlyList<EsqlExpression> Items { get; }
}

/// <summary>A query parameter: <c>?</c>, <c>?name</c> or <c>?1</c>.</summary>
internal sealed class EsqlParameter : EsqlExpression
{
    public EsqlParameter(string text, int start, int end) : base(start, end) => Text = text;
    public string Text { get; }
}

internal sealed class EsqlColumnReference : EsqlExpression
{
    public EsqlColumnReference(EsqlName name) : base(name.Start, name.End) => Name = name;
    public EsqlName Name { get; }
}

/// <summary>A function call. <see cref="Options"/> is the trailing <c>{ "name": value }</c> map some
/// functions take (MATCH, KQL options); <see cref="IsStar"/> is <c>COUNT(*)</c>.</summary>
internal sealed class EsqlFunctionCall : EsqlExpression
{
    public EsqlFunctionCall(EsqlName name, IReadOnlyList<EsqlExpression> arguments, bool isStar, EsqlMap? options, int end)
        : base(name.Start, end)
    {
        Name = name;
        Arguments = arguments;
        IsStar = isStar;
        Options = options;
    }

    public EsqlName Name { get; }
    public IReadOnlyList<EsqlExpression> Arguments { get; }
    public bool IsStar { get; }
    public EsqlMap? Options { get; }
    /// <summary>Arguments as ES|QL counts them: <c>COUNT(*)</c> has one, the options map counts too.</summary>
    public int ArgumentCount => Arguments.Count + (IsStar ? 1 : 0) + (Options is null ? 0 : 1);
}

/// <summary>A map <c>{ "key": constant, … }</c>: function options, COMPLETION's WITH clause.</summary>
internal sealed class EsqlMap : EsqlExpression
{
    public EsqlMap(IReadOnlyList<KeyValuePair<string, EsqlExpression>> entries, int start, int end) : base(start, end) => Entries = entries;
    public IReadOnlyList<KeyValuePair<string, EsqlExpression>> Entries { get; }
}

internal enum EsqlUnaryOperator { Not, Negate, Plus }

internal sealed class EsqlUnary : EsqlExpression
{
    public EsqlUnary(EsqlUnaryOperator op, EsqlExpression operand, int start) : base(start, operand.End)
    {
        Operator = op;
        Operand = operand;
    }

    public EsqlUnaryOperator Operator { get; }
    public EsqlExpression Operand { get; }
}

internal enum EsqlBinaryOperator
{
    Or, And,
    Equal, CaseInsensitiveEqual, NotEqual, Less, LessOrEqual, Greater, GreaterOrEqual,
    Add, Subtract, Multiply, Divide, Modulo,
}

internal sealed class EsqlBinary : EsqlExpression
{
    public EsqlBinary(EsqlBinaryOperator op, EsqlExpression left, EsqlExpression right) : base(left.Start, right.End)
    {
        Operator = op;
        Left = left;
        Right = right;
    }

    public EsqlBinaryOperator Operator { get; }
    public EsqlExpression Left { get; }
    public EsqlExpression Right { get; }

    public bool IsComparison => Operator is >= EsqlBinaryOperator.Equal and <= EsqlBinaryOperator.GreaterOrEqual;
    public bool IsArithmetic => Operator >= EsqlBinaryOperator.Add;
}

/// <summary><c>value [NOT] IN (a, b, …)</c>.</summary>
internal sealed class EsqlIn : EsqlExpression
{
    public EsqlIn(EsqlExpression value, IReadOnlyList<EsqlExpression> list, bool negated, int end) : base(value.Start, end)
    {
        Value = value;
        List = list;
        Negated = negated;
    }

    public EsqlExpression Value { get; }
    public IReadOnlyList<EsqlExpression> List { get; }
    public bool Negated { get; }
}

/// <summary><c>value [NOT] LIKE "pattern"</c>, <c>value [NOT] RLIKE "regex"</c>, and their list forms
/// <c>LIKE ("a*", "b*")</c>.</summary>
internal sealed class EsqlPatternMatch : EsqlExpression
{
    public EsqlPatternMatch(EsqlExpression value, IReadOnlyList<EsqlLiteral> patterns, bool isRegex, bool negated, int end)
        : base(value.Start, end)
    {
        Value = value;
        Patterns = patterns;
        IsRegex = isRegex;
        Negated = negated;
    }

    public EsqlExpression Value { get; }
    public IReadOnlyList<EsqlLiteral> Patterns { get; }
    public bool IsRegex { get; }
    public bool Negated { get; }
}

/// <summary><c>value IS [NOT] NULL</c>.</summary>
internal sealed class EsqlIsNull : EsqlExpression
{
    public EsqlIsNull(EsqlExpression value, bool negated, int end) : base(value.Start, end)
    {
        Value = value;
        Negated = negated;
    }

    public EsqlExpression Value { get; }
    public bool Negated { get; }
}

/// <summary>An inline cast <c>value::type</c>.</summary>
internal sealed class EsqlCast : EsqlExpression
{
    public EsqlCast(EsqlExpression value, EsqlName type) : base(value.Start, type.End)
    {
        Value = value;
        Type = type;
    }

    public EsqlExpression Value { get; }
    public EsqlName Type { get; }
}

/// <summary>The full-text match operator <c>field : "query"</c>.</summary>
internal sealed class EsqlMatchOperator : EsqlExpression
{
    public EsqlMatchOperator(EsqlExpression field, EsqlExpression query) : base(field.Start, query.End)
    {
        Field = field;
        Query = query;
    }

    public EsqlExpression Field { get; }
    public EsqlExpression Query { get; }
}

/// <summary>Stands where an expression was expected but the text had none; a syntax error was reported.</summary>
internal sealed class EsqlMissingExpression : EsqlExpression
{
    public EsqlMissingExpression(int position) : base(position, position) { }
}
