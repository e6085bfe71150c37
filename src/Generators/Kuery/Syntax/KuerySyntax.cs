using System.Collections.Immutable;

namespace AzureRules.Generators.Kuery.Syntax;

/// <summary>
/// A Kibana KQL query as Kibana's own parser shapes it (<c>fromKueryExpression</c>): value lists are
/// already spread over their field (<c>a:(b or c)</c> is <c>a:b or a:c</c>), a value without a field is
/// free text, and every node knows where it stands in the query text.
/// </summary>
internal abstract record KueryNode(int Start, int Length)
{
    public int End => Start + Length;
}

/// <summary>An empty (or all-blank) query: it matches every event.</summary>
internal sealed record KueryMatchAll(int Start, int Length) : KueryNode(Start, Length);

internal sealed record KueryOr(ImmutableArray<KueryNode> Operands, int Start, int Length) : KueryNode(Start, Length);

internal sealed record KueryAnd(ImmutableArray<KueryNode> Operands, int Start, int Length) : KueryNode(Start, Length);

internal sealed record KueryNot(KueryNode Operand, int Start, int Length) : KueryNode(Start, Length);

/// <summary>
/// Kibana's <c>is</c> function: <c>field:value</c>, or free text when <see cref="Field"/> is null.
/// <c>field:*</c> (an unquoted lone star) is the exists query.
/// </summary>
internal sealed record KueryIs(KueryFieldName? Field, KueryLiteral Value, int Start, int Length) : KueryNode(Start, Length)
{
    public bool IsExists => Field is not null && Value.IsLoneWildcard;
}

internal enum KueryRangeOperator { GreaterThan, GreaterThanOrEqual, LessThan, LessThanOrEqual }

/// <summary><c>field &gt; value</c> and friends.</summary>
internal sealed record KueryRange(KueryFieldName Field, KueryRangeOperator Operator, KueryLiteral Value, int Start, int Length) : KueryNode(Start, Length);

/// <summary><c>field:{ query }</c>: the inner query must hold within one object of the field.</summary>
internal sealed record KueryNested(KueryFieldName Field, KueryNode Query, int Start, int Length) : KueryNode(Start, Length);

/// <summary>A field name as written (escapes decoded); it may hold <c>*</c> wildcards.</summary>
internal sealed record KueryFieldName(string Name, bool HasWildcard, int Start, int Length);

/// <summary>
/// A literal value. <see cref="Text"/> is the value with escapes decoded (a wildcard shows as <c>*</c>);
/// <see cref="Pattern"/> is the same value in wildcard syntax, where an unescaped <c>*</c> is the wildcard
/// and a literal <c>*</c> or <c>\</c> is escaped with a backslash. Quoted values never hold wildcards.
/// </summary>
internal sealed record KueryLiteral(string Text, bool Quoted, bool HasWildcard, string Pattern, int Start, int Length)
{
    /// <summary>The unquoted <c>*</c>: exists with a field, match-all without.</summary>
    public bool IsLoneWildcard => !Quoted && Pattern == "*";

    /// <summary>Kibana turns the unquoted literals <c>true</c> and <c>false</c> into booleans.</summary>
    public bool? AsBoolean => Quoted ? null : Text == "true" ? true : Text == "false" ? false : null;
}
