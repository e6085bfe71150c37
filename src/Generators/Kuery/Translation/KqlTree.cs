using System.Collections.Immutable;
using AzureRules.Generators.Kuery.Syntax;

namespace AzureRules.Generators.Kuery.Translation;

/// <summary>
/// KQL in detection-rules' shape, the one its linter and translators work on: unlike Kibana's tree
/// (<see cref="KueryNode"/>), a field keeps its value list (<c>a:(b or not c)</c> is one comparison
/// whose value is a boolean expression over values), so lists can be merged, negations pulled out and
/// the query printed back with the lists it had.
/// </summary>
internal abstract record KqlExpression;

internal sealed record KqlBoolean(bool IsAnd, ImmutableArray<KqlExpression> Operands) : KqlExpression;

internal sealed record KqlNot(KqlExpression Operand) : KqlExpression;

/// <summary><c>field:value-expression</c>.</summary>
internal sealed record KqlField(string Field, KqlValue Value) : KqlExpression;

internal sealed record KqlRange(string Field, KueryRangeOperator Operator, KueryLiteral Value) : KqlExpression;

internal sealed record KqlNested(string Field, KqlExpression Query) : KqlExpression;

/// <summary>A value without a field (free text search).</summary>
internal sealed record KqlFreeText(KueryLiteral Value) : KqlExpression;

/// <summary>A boolean expression over the values of one field.</summary>
internal abstract record KqlValue;

internal sealed record KqlValueBoolean(bool IsAnd, ImmutableArray<KqlValue> Operands) : KqlValue;

internal sealed record KqlValueNot(KqlValue Operand) : KqlValue;

internal sealed record KqlValueLiteral(KueryLiteral Literal) : KqlValue;
