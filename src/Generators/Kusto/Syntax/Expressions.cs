using AzureRules.Generators.Model;

namespace AzureRules.Generators.Kusto.Syntax;

internal abstract record Expression(TextRange Span) : SyntaxNode(Span);

/// <summary>Stands where an expression was required but missing; the parser has reported AR0301 for it.</summary>
internal sealed record MissingExpression(TextRange Span) : Expression(Span);

/// <summary>
/// A scalar literal. <see cref="Value"/> holds the decoded value as the CLR type of <see cref="Kind"/>
/// (string, long, int, double, decimal, bool, DateTime in UTC, TimeSpan, Guid), or null for a typed
/// null such as <c>long(null)</c> and for <see cref="LiteralKind.Null"/>.
/// </summary>
internal sealed record LiteralExpression(TextRange Span, LiteralKind Kind, object? Value) : Expression(Span);

internal enum LiteralKind
{
    String,
    Long,
    Int,
    Real,
    Decimal,
    Bool,
    DateTime,
    TimeSpan,
    Guid,
    /// <summary>The JSON null inside dynamic(...), and dynamic(null).</summary>
    Null,
}

/// <summary><c>dynamic(value)</c>: Value is a <see cref="DynamicArray"/>, <see cref="DynamicObject"/> or literal.</summary>
internal sealed record DynamicExpression(TextRange Span, Expression Value) : Expression(Span);

internal sealed record DynamicArray(TextRange Span, EquatableArray<Expression> Elements) : Expression(Span);

internal sealed record DynamicObject(TextRange Span, EquatableArray<DynamicProperty> Properties) : Expression(Span);

internal sealed record DynamicProperty(TextRange Span, string Name, Expression Value) : SyntaxNode(Span);

/// <summary>A name used: column, table, variable, function-less identifier, <c>$left</c>/<c>$right</c>,
/// or a bracketed name <c>['a b']</c> (Name holds the name without brackets and quotes).</summary>
internal sealed record NameReference(TextRange Span, string Name) : Expression(Span);

/// <summary>A name with <c>*</c> wildcards: <c>union Security*</c>, <c>project-away Col_*</c>.</summary>
internal sealed record WildcardName(TextRange Span, string Pattern) : Expression(Span);

/// <summary><c>*</c> as an argument: <c>count(*)</c>, <c>arg_max(TimeGenerated, *)</c>, <c>distinct *</c>.</summary>
internal sealed record StarExpression(TextRange Span) : Expression(Span);

internal sealed record ParenthesizedExpression(TextRange Span, Expression Expression) : Expression(Span);

internal sealed record UnaryExpression(TextRange Span, UnaryOperatorKind Operator, Expression Operand) : Expression(Span);

internal enum UnaryOperatorKind { Negate, Plus }

/// <summary>A binary operator; <see cref="OperatorSpan"/> is where the operator token stands.</summary>
internal sealed record BinaryExpression(TextRange Span, BinaryOperatorKind Operator, TextRange OperatorSpan, Expression Left, Expression Right) : Expression(Span);

/// <summary><c>Left in (Values)</c> and its kin; a value may be a tabular subquery or a dynamic array.</summary>
internal sealed record InExpression(TextRange Span, InOperatorKind Operator, Expression Left, EquatableArray<Expression> Values) : Expression(Span);

internal enum InOperatorKind { In, NotIn, InCaseInsensitive, NotInCaseInsensitive, HasAny, HasAll }

/// <summary><c>Left between (Low .. High)</c>, or <c>!between</c> when Negated.</summary>
internal sealed record BetweenExpression(TextRange Span, bool Negated, Expression Left, Expression Low, Expression High) : Expression(Span);

/// <summary><c>Name(Arguments)</c>. Arguments may be <see cref="NamedExpression"/>s or <see cref="StarExpression"/>s.</summary>
internal sealed record FunctionCallExpression(TextRange Span, NameReference Name, EquatableArray<Expression> Arguments) : Expression(Span);

/// <summary><c>Target.Member</c> (also <c>Target.['Member']</c> and <c>$left. Member</c>).</summary>
internal sealed record PathExpression(TextRange Span, Expression Target, NameReference Member) : Expression(Span);

/// <summary><c>Target[Index]</c> (also <c>Target.[0]</c>); Index is usually a long or string literal.</summary>
internal sealed record ElementExpression(TextRange Span, Expression Target, Expression Index) : Expression(Span);

/// <summary><c>Name = Value</c> in project, extend, summarize, print, named arguments, ...</summary>
internal sealed record NamedExpression(TextRange Span, NameDeclaration Name, Expression Value) : Expression(Span);

/// <summary><c>(A, B) = Value</c>, naming the columns a multi-column aggregate returns.</summary>
internal sealed record TupleNamedExpression(TextRange Span, EquatableArray<NameDeclaration> Names, Expression Value) : Expression(Span);

/// <summary><c>Source | Operators...</c>. Source is null in a contextual subquery that starts with an
/// operator (<c>mv-apply ... on (take 1)</c>, <c>fork (where x)</c>); otherwise it is a table name, a
/// function call, a parenthesized query or a source operator such as <c>union</c>, <c>print</c> or <c>range</c>.</summary>
internal sealed record PipeExpression(TextRange Span, Expression? Source, EquatableArray<QueryOperator> Operators) : Expression(Span);
