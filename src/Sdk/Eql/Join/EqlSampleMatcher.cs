namespace AzureRules.Sdk.Eql.Join;

/// <summary>
/// EQL samples (<c>sample by k [f1] [f2] …</c>): for each join key, up to
/// <c>max_samples_per_key</c> groups of distinct events, one per filter, in any order of time.
/// As Elasticsearch's <c>SampleIterator</c> (x-pack/plugin/eql/.../execution/sample/SampleIterator.java)
/// does, keys come out in composite-aggregation order (null first), and each key's samples are the
/// combinations of its candidate events taken in the order the filters found them. A key keeps at
/// most <c>max_samples_per_key × filters</c> candidates per filter, so memory is bounded by the number of keys.
/// </summary>
public sealed class EqlSampleMatcher<T>
{
    private readonly int _filters;
    private readonly int _maxPerKey;
    private readonly int _keepPerFilter;
    private readonly Dictionary<EqlKey, List<EqlJoinEvent<T>>[]> _candidates = [];

    public EqlSampleMatcher(EqlJoinDefinition definition, int maxSamplesPerKey = 1)
    {
        if (definition.Kind != EqlJoinKind.Sample) throw new ArgumentException("not a sample", nameof(definition));
        if (maxSamplesPerKey < 1) throw new ArgumentOutOfRangeException(nameof(maxSamplesPerKey));
        _filters = definition.Steps.Length;
        _maxPerKey = maxSamplesPerKey;
        // an event can match several filters, and a sample needs distinct events: keep enough for that
        _keepPerFilter = maxSamplesPerKey * _filters;
    }

    public void Add(EqlJoinEvent<T> e)
    {
        foreach (var match in e.Matches)
        {
            if (match.Filter >= _filters) continue;
            foreach (var key in match.Keys)
            {
                if (!_candidates.TryGetValue(key, out var perFilter))
                {
                    perFilter = new List<EqlJoinEvent<T>>[_filters];
                    for (var i = 0; i < _filters; i++) perFilter[i] = [];
                    _candidates[key] = perFilter;
                }
                var list = perFilter[match.Filter];
                if (list.Count < _keepPerFilter && !list.Contains(e)) list.Add(e);
            }
        }
    }

    /// <summary>The samples, key by key in key order.</summary>
    public List<EqlJoinResult<T>> Results()
    {
        var results = new List<EqlJoinResult<T>>();
        foreach (var (key, perFilter) in _candidates.OrderBy(c => c.Key))
        {
            if (perFilter.Any(l => l.Count == 0)) continue;
            var chosen = new EqlJoinEvent<T>?[_filters];
            var found = 0;
            Combine(0);

            void Combine(int filter)
            {
                if (found >= _maxPerKey) return;
                if (filter == _filters)
                {
                    results.Add(new EqlJoinResult<T>(key, (EqlJoinEvent<T>?[])chosen.Clone()));
                    found++;
                    return;
                }
                foreach (var candidate in perFilter[filter])
                {
                    if (Array.IndexOf(chosen, candidate, 0, filter) >= 0) continue;
                    chosen[filter] = candidate;
                    Combine(filter + 1);
                    if (found >= _maxPerKey) return;
                }
            }
        }
        return results;
    }
}
