using AzureRules.Sdk.Eql;
using AzureRules.Sdk.Eql.Join;
using AzureRules.Sdk.Events;

namespace AzureRules.Conformance.Eql;

/// <summary>
/// Runs a compiled sequence or sample over a conformance data set the way the EQL search API
/// answers: sequences ordered by their last event (Elasticsearch's Sequence.compareTo), then key, samples by key, cut by the pipes and
/// the request's <c>size</c>; the result is the flat list of event ids (−1 for a missing-event stage).
/// </summary>
internal static class EqlJoinRunner
{
    public static List<long> Run(EqlJoinDefinition definition, List<EqlTestEvent> events, EventView view, int? size, int maxSamplesPerKey)
    {
        var hits = new List<EqlJoinEvent<EqlTestEvent>>();
        foreach (var e in events)
        {
            view.Load(e.Json);
            if (EqlJoinEvent<EqlTestEvent>.Match(definition, view) is { } matches)
                hits.Add(new EqlJoinEvent<EqlTestEvent>(new EqlOrdinal(e.TimestampNanos, (double)e.Tiebreaker, e.Position), e, matches));
        }
        List<EqlJoinResult<EqlTestEvent>> results;
        if (definition.Kind == EqlJoinKind.Sequence)
        {
            hits.Sort((a, b) => a.Ordinal.CompareTo(b.Ordinal));
            var matcher = new EqlSequenceMatcher<EqlTestEvent>(definition);
            foreach (var hit in hits) matcher.Add(hit);
            matcher.Finish();
            results = [.. matcher.TakeCompleted().OrderBy(s => s.End).ThenBy(s => s.Key)];
        }
        else
        {
            var matcher = new EqlSampleMatcher<EqlTestEvent>(definition, maxSamplesPerKey);
            foreach (var hit in hits) matcher.Add(hit);
            results = matcher.Results();
        }
        IReadOnlyList<EqlJoinResult<EqlTestEvent>> shaped = EqlPipe.Apply(results, definition.Pipes);
        if (size is { } n) shaped = [.. shaped.Take(n)];
        return [.. shaped.SelectMany(r => r.Events.Select(e => e?.Payload.Id ?? -1))];
    }
}
