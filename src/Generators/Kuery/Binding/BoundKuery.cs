using System.Collections.Immutable;
using AzureRules.Generators.Elastic;
using AzureRules.Generators.Kuery.Syntax;

namespace AzureRules.Generators.Kuery.Binding;

/// <summary>
/// A query after its fields are resolved: each comparison knows the field's path (relative to the
/// enclosing nested query, if any) and the Elasticsearch type that decides how values compare.
/// </summary>
internal abstract record BoundKuery;

internal sealed record BoundConstant(bool Value) : BoundKuery;

internal sealed record BoundOr(ImmutableArray<BoundKuery> Operands) : BoundKuery;

internal sealed record BoundAnd(ImmutableArray<BoundKuery> Operands) : BoundKuery;

internal sealed record BoundNot(BoundKuery Operand) : BoundKuery;

/// <summary><c>field:*</c>: the field has at least one value (an object counts).</summary>
internal sealed record BoundExists(string Path) : BoundKuery;

/// <summary>How a field's values are compared with a query value.</summary>
internal enum MatchKind
{
    /// <summary>keyword: exact, case-sensitive.</summary>
    Keyword,
    /// <summary>keyword with <c>*</c>: the whole value against the pattern, case-sensitive.</summary>
    KeywordWildcard,
    /// <summary>keyword with a lower-case normaliser (Elastic Endpoint's <c>.caseless</c> multi-fields).</summary>
    KeywordIgnoreCase,
    KeywordWildcardIgnoreCase,
    /// <summary>text, unquoted: Elasticsearch <c>match</c>, any analysed term of the value.</summary>
    TextTerms,
    /// <summary>text, quoted: Elasticsearch <c>match_phrase</c>, the analysed terms in order.</summary>
    TextPhrase,
    /// <summary>text with <c>*</c>: the lower-cased pattern against each analysed term.</summary>
    TextWildcard,
    Number,
    Boolean,
    /// <summary>ip: an address or a CIDR block.</summary>
    Ip,
    Date,
    /// <summary>A field of unknown type: compared as its JSON value's kind suggests.</summary>
    Dynamic,
}

/// <summary><c>field:value</c> with the comparison chosen by the field's type.</summary>
internal sealed record BoundMatch(string Path, MatchKind Kind, KueryLiteral Value) : BoundKuery;

/// <summary><c>field &lt; value</c> and friends, with the comparison chosen by the field's type.</summary>
internal sealed record BoundRange(string Path, ElasticFieldType Type, KueryRangeOperator Operator, KueryLiteral Value) : BoundKuery;

/// <summary><c>field:{ query }</c>: the inner query runs on each object of the field on its own.</summary>
internal sealed record BoundNested(string Path, BoundKuery Query) : BoundKuery;

/// <summary>A value without a field: any field of the event may hold it.</summary>
internal sealed record BoundFreeText(KueryLiteral Value) : BoundKuery;

/// <summary>A wildcard field name no known field matches: the event's own field names are tried at run time.</summary>
internal sealed record BoundFieldPatternMatch(string FieldPattern, KueryLiteral Value) : BoundKuery;

/// <summary>
/// An Elasticsearch <c>wildcard</c> clause from a Kibana filter: <c>*</c> and <c>?</c> over the whole
/// keyword value (escapes already removed), optionally case-insensitive.
/// </summary>
internal sealed record BoundWildcardQuery(string Path, string Pattern, bool IgnoreCase) : BoundKuery;
