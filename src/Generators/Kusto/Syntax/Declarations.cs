using AzureRules.Generators.Model;

namespace AzureRules.Generators.Kusto.Syntax;

/// <summary>A name being declared (let, column in a schema, result column of project/extend).</summary>
internal sealed record NameDeclaration(TextRange Span, string Name) : SyntaxNode(Span);

/// <summary>A scalar type name as written: string, long, int, real, datetime, timespan, dynamic, ...</summary>
internal sealed record TypeExpression(TextRange Span, string Name) : Expression(Span);

/// <summary>A tabular type <c>(a:string, b:long)</c>, or <c>(*)</c> for any schema.</summary>
internal sealed record SchemaExpression(TextRange Span, EquatableArray<ColumnDeclaration> Columns, bool IsOpen) : Expression(Span);

/// <summary><c>Name[:type]</c> in a schema, a parse pattern or parse-kv.</summary>
internal sealed record ColumnDeclaration(TextRange Span, NameDeclaration Name, TypeExpression? Type) : Expression(Span);

/// <summary>A parameter of a user function, view or query_parameters: <c>name:type [= default]</c>;
/// Type is a <see cref="TypeExpression"/> or a <see cref="SchemaExpression"/> for tabular parameters.</summary>
internal sealed record FunctionParameter(TextRange Span, NameDeclaration Name, Expression? Type, Expression? Default) : SyntaxNode(Span);

/// <summary><c>[view] (parameters) { body }</c>, the value of a function-defining let.</summary>
internal sealed record FunctionDefinition(TextRange Span, bool IsView, EquatableArray<FunctionParameter> Parameters, QueryBlock Body) : Expression(Span);
