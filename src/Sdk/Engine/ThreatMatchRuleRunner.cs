using System.Text.Json.Nodes;
using AzureRules.Sdk.Alerts;
using AzureRules.Sdk.Detections;
using AzureRules.Sdk.Events;
using AzureRules.Sdk.Kuery;

namespace AzureRules.Sdk.Engine;

/// <summary>
/// Runs an Elastic indicator match rule as Kibana's indicator match executor does (security_solution
/// <c>server/lib/detection_engine/rule_types/indicator_match/</c>): indicator documents are the events
/// of <c>threat_index</c> that match the threat query and threat filters; an event of the rule's
/// indices that matches its query alerts when, for some <c>threat_mapping</c> item, every entry holds
/// for one indicator (entries AND, items OR; an entry holds when the event's field and the indicator's
/// field share a value, or share none when negated). The alert is the event enriched as Kibana's
/// <c>threat_mapping/enrich_signal_threat_matches.ts</c> does: <c>threat.enrichments</c>, one per
/// matched indicator and entry, with the indicator object at <c>threat_indicator_path</c> and
/// <c>matched.{atomic, field, id, index, type}</c>. An event alerts once. The indicators an execution
/// sees are those read so far (not after the execution) within the threat query's own time bound
/// (<c>@timestamp &gt;= now-30d/d</c>), or the last 30 days — the bound Kibana's default threat query
/// sets — when it has none; older indicators are forgotten.
/// </summary>
internal sealed class ThreatMatchRuleRunner : ScheduledRuleRunner, IElasticRuleRunner
{
    private static readonly TimeSpan DefaultIndicatorWindow = TimeSpan.FromDays(30);
    private const string EnrichmentType = "indicator_match_rule";

    private readonly ThreatMatchDetection _rule;
    private readonly ThreatMatchSettings _settings;
    private readonly IndexPatterns _indices;
    private readonly IndexPatterns _threatIndices;
    private readonly KueryDate? _indicatorSince;
    // every field either side of the mapping reads, by slot: events keep their mapped fields' values
    private readonly string[] _eventFields;
    private readonly int[] _eventSlots;
    private readonly string[] _indicatorFields;
    private readonly int[] _indicatorSlots;
    private readonly TimeWindowBuffer<Observed> _events = new();
    // indicators read, in time order; those before _known are in the index
    private readonly TimeWindowBuffer<Observed> _indicators = new();
    private readonly IndicatorIndex _known;
    private int _nextIndicator;
    private readonly HashSet<string> _alerted = new(StringComparer.Ordinal);

    /// <summary>An event or indicator with the values of its mapped fields (by position in the field list).</summary>
    private sealed record Observed(DateTimeOffset Time, string Index, EventRecord Record, string[][] Values);

    public ThreatMatchRuleRunner(ThreatMatchDetection rule)
    {
        _rule = rule;
        _settings = rule.Metadata.ThreatMatch ?? throw new ArgumentException("not an indicator match rule", nameof(rule));
        _indices = new IndexPatterns(rule.Metadata.Indices.Count > 0 ? rule.Metadata.Indices : ["*"]);
        _threatIndices = new IndexPatterns(_settings.Indices);
        _indicatorSince = rule.IndicatorSince is { } since ? new KueryDate(since) : null;
        var entries = _settings.Mapping.SelectMany(g => g.Entries).ToList();
        _eventFields = [.. entries.Select(e => e.Field).Distinct(StringComparer.Ordinal)];
        _indicatorFields = [.. entries.Select(e => e.IndicatorField).Distinct(StringComparer.Ordinal)];
        _eventSlots = [.. _eventFields.Select(FieldTable.Slot)];
        _indicatorSlots = [.. _indicatorFields.Select(FieldTable.Slot)];
        _known = new IndicatorIndex(_settings, _eventFields, _indicatorFields);
        Statistics = new RuleRunStatistics(rule);
    }

    public override RuleRunStatistics Statistics { get; }

    public bool AppliesTo(string index) => _indices.Matches(index) || _threatIndices.Matches(index);

    // indicator documents are offered too, whatever the event query needs
    public IReadOnlyList<EventPrefilter> Prefilters => [];

    // the event feeds state whether or not one query matches it: no stateless stage
    public bool? Prematch(EventView view) => null;

    public void OfferMatched(EventView view, EventRecord record, DateTimeOffset time) => Offer(view, record, time);

    public void Offer(EventView view, EventRecord record, DateTimeOffset time)
    {
        var index = record.Envelope.ElasticIndex(record.SourceFile);
        if (_indices.Matches(index) && _rule.Matches(view))
        {
            Statistics.Matches++;
            if (!Finished) _events.Add(time, new Observed(time, index, record, Read(view, _eventSlots)));
        }
        if (!Finished && _threatIndices.Matches(index) && _rule.MatchesIndicator(view))
            {
            var indicator = new Observed(time, index, record, Read(view, _indicatorSlots));
            // a late indicator lands before ones already in the index: it joins the index at once
            var at = _indicators.EndAtOrBefore(time);
            _indicators.Add(time, indicator);
            if (at < _nextIndicator) { _known.Add(indicator); _nextIndicator++; }
        }
    }

    private static string[][] Read(EventView view, int[] slots)
    {
        var values = new string[slots.Length][];
        for (var i = 0; i < slots.Length; i++) values[i] = [.. TermCombinations.Distinct(view.Values(slots[i]))];
        return values;
    }

    protected override ScheduleCursor CreateCursor(ReplayBounds bounds) => ElasticRuleSchedule.Of(_rule.Metadata).Cursor(bounds);

    protected override void Forget(DateTimeOffset neededFrom, StreamClock clock) => _events.RemoveBefore(neededFrom);

    protected override void Execute(Execution execution, List<Alert> alerts)
    {
        var maxSignals = ElasticRuleSchedule.Of(_rule.Metadata).MaxSignals;
        Statistics.Executions++;
        for (; _nextIndicator < _indicators.Count && _indicators[_nextIndicator].Time <= execution.Time; _nextIndicator++)
            _known.Add(_indicators[_nextIndicator].Item);
        // indicators older than the threat query's time bound leave the index and are forgotten
        var since = IndicatorsSince(execution.Time);
        var before = _indicators.Count;
        _indicators.RemoveBefore(since, (time, indicator) =>
        {
            if (time <= execution.Time) _known.Remove(indicator);
        });
        _nextIndicator = Math.Max(0, _nextIndicator - (before - _indicators.Count));

        var raised = 0;
        for (var i = _events.FirstAtOrAfter(execution.WindowStart); i < _events.Count && _events[i].Time <= execution.Time && raised < maxSignals; i++)
        {
            var candidate = _events[i].Item;
            if (_alerted.Contains(candidate.Record.EventId)) continue;
            var matches = _known.Matches(candidate);
            if (matches.Count == 0) continue;
            _alerted.Add(candidate.Record.EventId);
            raised++;
            Statistics.Alerts++;
            alerts.Add(execution.Alert(_rule, [Document(candidate, matches)], [candidate.Record, .. matches.Select(m => m.Indicator.Record).Distinct()]));
        }
    }

    private DateTimeOffset IndicatorsSince(DateTimeOffset now)
        => _indicatorSince is null ? now - DefaultIndicatorWindow : DateTimeOffset.FromUnixTimeMilliseconds(_indicatorSince.Resolve(now));

    private JsonObject Document(Observed candidate, List<IndicatorMatch> matches)
    {
        var document = AlertDocuments.Source(candidate.Record);
        var enrichments = new JsonArray();
        foreach (var match in matches)
        {
            var indicatorDocument = AlertDocuments.Source(match.Indicator.Record);
            var enrichment = new JsonObject
            {
                ["indicator"] = AlertDocuments.At(indicatorDocument, _settings.IndicatorPath)?.DeepClone(),
                ["matched"] = new JsonObject
                {
                    ["atomic"] = match.Atomic,
                    ["field"] = match.Field,
                    ["id"] = match.Indicator.Record.EventId,
                    ["index"] = match.Indicator.Index,
                    ["type"] = EnrichmentType,
                },
            };
            if (AlertDocuments.At(indicatorDocument, "threat.feed") is JsonObject feed) enrichment["feed"] = feed.DeepClone();
            enrichments.Add(enrichment);
        }
        if (document["threat"] is not JsonObject threat) document["threat"] = threat = [];
        threat["enrichments"] = enrichments;
        return document;
    }

    private sealed record IndicatorMatch(Observed Indicator, string Field, string Atomic);

    /// <summary>
    /// The indicators an execution sees, indexed per mapping item by the values of the item's first
    /// non-negated entry, so that an event finds its candidates by lookup instead of a scan.
    /// </summary>
    private sealed class IndicatorIndex
    {
        private readonly (ThreatMappingEntry Entry, int EventField, int IndicatorField)[][] _groups;
        private readonly Dictionary<string, List<Observed>>[] _byValue;

        public IndicatorIndex(ThreatMatchSettings settings, string[] eventFields, string[] indicatorFields)
        {
            // a negated entry only narrows: the lookup key is a non-negated one (Kibana requires one per item)
            _groups = [.. settings.Mapping
                .Where(g => g.Entries.Any(e => !e.Negate))
                .Select(g => g.Entries.OrderBy(e => e.Negate)
                    .Select(e => (e, Array.IndexOf(eventFields, e.Field), Array.IndexOf(indicatorFields, e.IndicatorField))).ToArray())];
            _byValue = [.. _groups.Select(_ => new Dictionary<string, List<Observed>>(StringComparer.Ordinal))];
        }

        public void Add(Observed indicator)
        {
            for (var g = 0; g < _groups.Length; g++)
            {
                foreach (var value in indicator.Values[_groups[g][0].IndicatorField])
                {
                    if (!_byValue[g].TryGetValue(value, out var list)) _byValue[g][value] = list = [];
                    list.Add(indicator);
                }
            }
        }

        public void Remove(Observed indicator)
        {
            for (var g = 0; g < _groups.Length; g++)
            {
                foreach (var value in indicator.Values[_groups[g][0].IndicatorField])
                {
                    if (!_byValue[g].TryGetValue(value, out var list)) continue;
                    list.Remove(indicator);
                    if (list.Count == 0) _byValue[g].Remove(value);
                }
            }
        }

        public List<IndicatorMatch> Matches(Observed candidate)
        {
            var result = new List<IndicatorMatch>();
            var seen = new HashSet<(Observed, string, string)>();
            for (var g = 0; g < _groups.Length; g++)
            {
                var group = _groups[g];
                foreach (var value in candidate.Values[group[0].EventField])
                {
                    if (!_byValue[g].TryGetValue(value, out var indicators)) continue;
                    foreach (var indicator in indicators)
                    {
                        if (!AllHold(group, candidate, indicator)) continue;
                        foreach (var (entry, eventField, indicatorField) in group)
                        {
                            if (entry.Negate) continue;
                            foreach (var atomic in candidate.Values[eventField].Intersect(indicator.Values[indicatorField], StringComparer.Ordinal))
                                if (seen.Add((indicator, entry.Field, atomic))) result.Add(new IndicatorMatch(indicator, entry.Field, atomic));
                        }
                    }
                }
            }
            return result;
        }

        private static bool AllHold((ThreatMappingEntry Entry, int EventField, int IndicatorField)[] group, Observed candidate, Observed indicator)
        {
            foreach (var (entry, eventField, indicatorField) in group)
            {
                var shared = candidate.Values[eventField].Intersect(indicator.Values[indicatorField], StringComparer.Ordinal).Any();
                if (shared == entry.Negate) return false;
            }
            return true;
        }
    }
}
