using AzureRules.Generators.Model;

namespace AzureRules.Generators.Kusto.Syntax;

/// <summary>The statements of a query or of a function body, in order.</summary>
internal sealed record QueryBlock(TextRange Span, EquatableArray<Statement> Statements) : SyntaxNode(Span);

internal abstract record Statement(TextRange Span) : SyntaxNode(Span);

/// <summary><c>let Name = Value</c>; Value is an expression or a <see cref="FunctionDefinition"/>.</summary>
internal sealed record LetStatement(TextRange Span, NameDeclaration Name, Expression Value) : Statement(Span);

/// <summary><c>set name [= value]</c>: a request property.</summary>
internal sealed record SetStatement(TextRange Span, NameDeclaration Name, Expression? Value) : Statement(Span);

/// <summary><c>declare query_parameters (name:type [= default], ...)</c>.</summary>
internal sealed record DeclareQueryParametersStatement(TextRange Span, EquatableArray<FunctionParameter> Parameters) : Statement(Span);

/// <summary>A query (tabular) or scalar expression standing as a statement.</summary>
internal sealed record ExpressionStatement(TextRange Span, Expression Expression) : Statement(Span);
