using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using AzureRules.Generators.Kuery.Parsing;
using AzureRules.Generators.Model;

namespace AzureRules.Generators.Kuery.Binding;

/// <summary>
/// Binds a rule's Kibana filters to one condition ANDed with its query, as Kibana's <c>getFilter</c>
/// builds the search (<c>bool.filter</c> for each filter, <c>bool.must_not</c> for a negated one).
/// A phrase filter is the KQL <c>field:"value"</c> (Elasticsearch <c>match_phrase</c> compares a keyword
/// field exactly and a text field as a phrase, as the quoted KQL value does), so those go through the
/// KQL binder and get the same type-aware comparison; wildcard clauses keep Elasticsearch's <c>?</c>.
/// </summary>
internal static class KueryFilterBinder
{
    /// <returns>The condition (null when there are no filters), or the reason the filters cannot run.</returns>
    public static (BoundKuery? Condition, string? Unsupported) Bind(EquatableArray<KibanaFilter> filters, IKueryFieldTypes types)
    {
        if (filters.IsEmpty) return (null, null);
        var operands = new List<BoundKuery>();
        foreach (var filter in filters)
        {
            var (bound, reason) = BindOne(filter, types);
            if (bound is null) return (null, reason);
            operands.Add(filter.Negate ? new BoundNot(bound) : bound);
        }
        return (new BoundAnd(operands.ToImmutableArray()), null);
    }

    private static (BoundKuery? Bound, string? Unsupported) BindOne(KibanaFilter filter, IKueryFieldTypes types)
    {
        switch (filter.Kind)
        {
            case KibanaFilterKind.Wildcard:
                var pattern = Unescape(filter.Values[0]);
                return pattern is null
                    ? (null, $"the wildcard filter on {filter.Field} escapes '*' or '?', which the runtime cannot express yet")
                    : (new BoundWildcardQuery(filter.Field, pattern, filter.CaseInsensitive), null);
            case KibanaFilterKind.Exists:
                return BindKql(Field(filter.Field) + ":*", types);
            case KibanaFilterKind.Phrase:
            case KibanaFilterKind.Phrases:
                var values = string.Join(" or ", filter.Values.Select(Quote));
                return BindKql($"{Field(filter.Field)}:({values})", types);
            default:
                return (null, filter.Unsupported ?? "a Kibana filter is not supported");
        }
    }

    private static (BoundKuery?, string?) BindKql(string kql, IKueryFieldTypes types)
    {
        var parsed = KueryParser.Parse(kql);
        if (parsed.Root is null) return (null, $"the Kibana filter '{kql}' cannot be read: {parsed.Error!.Message}");
        var (bound, _) = KueryBinder.Bind(parsed.Root, types);
        return (bound, null);
    }

    /// <summary>A field name for KQL: its special characters escaped.</summary>
    private static string Field(string name)
    {
        var text = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (c is '\\' or '(' or ')' or ':' or '<' or '>' or '"' or '{' or '}' || char.IsWhiteSpace(c)) text.Append('\\');
            text.Append(c);
        }
        return text.ToString();
    }

    private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    /// <summary>Elasticsearch wildcard escapes: <c>\x</c> is a literal x. Null when a literal <c>*</c> or <c>?</c> is escaped.</summary>
    private static string? Unescape(string pattern)
    {
        var text = new StringBuilder(pattern.Length);
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                var next = pattern[++i];
                if (next is '*' or '?') return null;
                text.Append(next);
            }
            else text.Append(c);
        }
        return text.ToString();
    }
}
