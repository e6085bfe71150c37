using System.Collections.Generic;
using System.Linq;
using AzureRules.Generators.Prefilter;

namespace AzureRules.Generators.Kuery.Binding;

/// <summary>
/// The prefilter terms of a bound Kibana KQL query: exact keyword matches (<c>KueryMatch.Keyword</c>,
/// <c>KeywordIgnoreCase</c>) that every match needs — any conjunct's, or a field all disjuncts share.
/// Negations, ranges, wildcards, text and fields of unknown type give none; nested queries are not
/// entered (their paths are relative to each object).
/// </summary>
internal static class KueryPrefilter
{
    public static List<PrefilterTerm> Terms(BoundKuery query) => query switch
    {
        BoundMatch { Kind: MatchKind.Keyword } match when match.Path.Length > 0 => [new PrefilterTerm(match.Path, false, [match.Value.Text])],
        BoundMatch { Kind: MatchKind.KeywordIgnoreCase } match when match.Path.Length > 0 => [new PrefilterTerm(match.Path, true, [match.Value.Text])],
        BoundAnd and => and.Operands.SelectMany(Terms).ToList(),
        BoundOr or => PrefilterTerm.AnyOf(or.Operands.Select(Terms).ToList()),
        _ => [],
    };
}
