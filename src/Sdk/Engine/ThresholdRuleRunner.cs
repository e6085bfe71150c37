using System.Text.Json.Nodes;
using AzureRules.Sdk.Alerts;
using AzureRules.Sdk.Detections;
using AzureRules.Sdk.Events;

namespace AzureRules.Sdk.Engine;

/// <summary>
/// Runs an Elastic threshold rule as Kibana's threshold executor does (security_solution
/// <c>server/lib/detection_engine/rule_types/threshold/threshold.ts</c>): each execution groups the
/// query's events in its look-back by the threshold fields (a composite aggregation: arrays make one
/// bucket per value combination, a missing field none; no fields make one bucket of all events) and
/// raises one alert per bucket with at least <c>value</c> events and enough distinct values for the
/// cardinality condition, at most <c>max_signals</c> per execution, in bucket key order.
/// Across overlapping executions a bucket is not counted twice: as Kibana's threshold signal history
/// (<c>build_signal_history.ts</c>, <c>get_threshold_bucket_filters.ts</c>), an alert remembers its
/// bucket's latest event time, later executions leave out that bucket's events up to that time, and
/// the memory is dropped once it falls out of the look-back (<c>utils.ts</c> getSignalHistory).
/// </summary>
internal sealed class ThresholdRuleRunner : ScheduledRuleRunner, IElasticRuleRunner
{
    private readonly ElasticEventDetection _rule;
    private readonly ThresholdSettings _settings;
    private readonly IndexPatterns _indices;
    private readonly int[] _groupSlots;
    private readonly int[] _cardinalitySlots;
    private readonly TimeWindowBuffer<Match> _matches = new();
    // bucket key → the time of the latest event an alert on that bucket counted
    private readonly Dictionary<string, DateTimeOffset> _signalHistory = new(StringComparer.Ordinal);

    private static readonly string[][] NoCardinality = [];

    private readonly record struct Match(string[] Buckets, string[][] Distinct, EventRecord Event);

    public ThresholdRuleRunner(ElasticEventDetection rule)
    {
        _rule = rule;
        _settings = rule.Metadata.Threshold ?? throw new ArgumentException("not a threshold rule", nameof(rule));
        _indices = new IndexPatterns(rule.Metadata.Indices.Count > 0 ? rule.Metadata.Indices : ["*"]);
        _groupSlots = [.. _settings.Fields.Select(FieldTable.Slot)];
        _cardinalitySlots = [.. _settings.Cardinality.Select(c => FieldTable.Slot(c.Field))];
        Statistics = new RuleRunStatistics(rule);
    }

    public override RuleRunStatistics Statistics { get; }

    public bool AppliesTo(string index) => _indices.Matches(index);

    // every event it does anything with matches the query
    public IReadOnlyList<EventPrefilter> Prefilters => _rule.Prefilters;

    public bool? Prematch(EventView view) => _rule.Matches(view);

    public void Offer(EventView view, EventRecord record, DateTimeOffset time)
    {
        if (_rule.Matches(view)) OfferMatched(view, record, time);
    }

    public void OfferMatched(EventView view, EventRecord record, DateTimeOffset time)
    {
        Statistics.Matches++;
        if (Finished) return; // no execution is left to count it
        var buckets = TermCombinations.Keys(view, _groupSlots);
        if (buckets.Length == 0) return; // a group-by field is missing: the event is in no bucket
        var distinct = _cardinalitySlots.Length == 0 ? NoCardinality : new string[_cardinalitySlots.Length][];
        for (var i = 0; i < _cardinalitySlots.Length; i++) distinct[i] = [.. TermCombinations.Distinct(view.Values(_cardinalitySlots[i]))];
        _matches.Add(time, new Match(buckets, distinct, record));
    }

    private sealed class Bucket(int cardinalityConditions)
    {
        public int Count;
        public DateTimeOffset Min = DateTimeOffset.MaxValue, Max = DateTimeOffset.MinValue;
        public readonly HashSet<string>[] Distinct = [.. Enumerable.Range(0, cardinalityConditions).Select(_ => new HashSet<string>(StringComparer.Ordinal))];
        public readonly List<EventRecord> Events = [];
    }

    protected override ScheduleCursor CreateCursor(ReplayBounds bounds) => ElasticRuleSchedule.Of(_rule.Metadata).Cursor(bounds);

    protected override void Forget(DateTimeOffset neededFrom, StreamClock clock) => _matches.RemoveBefore(neededFrom);

    protected override void Execute(Execution execution, List<Alert> alerts)
    {
        var maxSignals = ElasticRuleSchedule.Of(_rule.Metadata).MaxSignals;
        Statistics.Executions++;
        foreach (var stale in _signalHistory.Where(h => h.Value < execution.WindowStart).Select(h => h.Key).ToList())
            _signalHistory.Remove(stale);

        var buckets = new SortedDictionary<string, Bucket>(StringComparer.Ordinal); // composite aggregations return buckets in key order
        for (var i = _matches.FirstAtOrAfter(execution.WindowStart); i < _matches.Count && _matches[i].Time <= execution.Time; i++)
        {
            var (time, match) = _matches[i];
            foreach (var key in match.Buckets)
            {
                if (_signalHistory.TryGetValue(key, out var counted) && time <= counted) continue;
                if (!buckets.TryGetValue(key, out var bucket)) buckets[key] = bucket = new Bucket(_cardinalitySlots.Length);
                bucket.Count++;
                if (time < bucket.Min) bucket.Min = time;
                if (time > bucket.Max) bucket.Max = time;
                for (var c = 0; c < match.Distinct.Length; c++) bucket.Distinct[c].UnionWith(match.Distinct[c]);
                bucket.Events.Add(match.Event);
            }
        }

        var raised = 0;
        foreach (var (key, bucket) in buckets)
        {
            if (raised == maxSignals) break;
            if (!Meets(bucket)) continue;
            raised++;
            Statistics.Alerts++;
            _signalHistory[key] = bucket.Max;
            alerts.Add(execution.Alert(_rule, [Document(key, bucket, execution)], bucket.Events));
        }
    }

    private bool Meets(Bucket bucket)
    {
        if (bucket.Count < _settings.Value) return false;
        for (var c = 0; c < _settings.Cardinality.Count; c++)
            if (bucket.Distinct[c].Count < _settings.Cardinality[c].Value) return false;
        return true;
    }

    /// <summary>
    /// The alert's document as Kibana builds it from a bucket (<c>bulk_create_threshold_signals.ts</c>):
    /// the bucket's latest event time, the group-by values, and <c>kibana.alert.threshold_result</c>.
    /// </summary>
    private JsonObject Document(string key, Bucket bucket, Execution execution)
    {
        var values = TermCombinations.Split(key, _settings.Fields.Count);
        var document = new JsonObject { ["@timestamp"] = AlertDocuments.Time(bucket.Max) };
        var terms = new JsonArray();
        for (var f = 0; f < values.Length; f++)
        {
            document[_settings.Fields[f]] = values[f];
            terms.Add(new JsonObject { ["field"] = _settings.Fields[f], ["value"] = values[f] });
        }
        var result = new JsonObject
        {
            ["terms"] = terms,
            ["count"] = bucket.Count,
            ["from"] = AlertDocuments.Time(bucket.Min),
        };
        if (_settings.Cardinality.Count > 0)
        {
            result["cardinality"] = new JsonArray([.. _settings.Cardinality.Select((c, i) =>
                (JsonNode)new JsonObject { ["field"] = c.Field, ["value"] = bucket.Distinct[i].Count })]);
        }
        document["kibana.alert.threshold_result"] = result;
        return document;
    }
}
