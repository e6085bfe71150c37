namespace AzureRules.Sdk.Esql;

/// <summary>
/// The documents of the enrich policies' source indices, read from the events like any other index.
/// Elasticsearch copies a policy's source indices into an enrich index when the policy is executed;
/// here a query executed at time T sees every source document read so far whose time is not after T
/// (a document without a time — reference data — always): enrich data is not cut by the rule's
/// look-back. A document read again under the same id replaces the earlier one. Memory grows with the
/// source indices, which are reference data (hosts, users, networks), not with the event stream.
/// </summary>
public sealed class EsqlEnrichIndices
{
    private readonly Engine.IndexPatterns _sourceIndices;
    private readonly Dictionary<string, Dictionary<string, (DateTimeOffset? Time, EsqlDocument Document)>> _documents = new(StringComparer.Ordinal);

    public EsqlEnrichIndices(EsqlEnrichPolicies policies)
    {
        Policies = policies;
        _sourceIndices = new Engine.IndexPatterns([.. policies.Policies.SelectMany(p => p.Indices)]);
    }

    public EsqlEnrichPolicies Policies { get; }

    /// <summary>True when a policy reads this index (its documents are then kept by <see cref="Offer"/>).</summary>
    public bool IsSourceIndex(string index) => Policies.Policies.Count > 0 && _sourceIndices.Matches(index);

    public void Offer(string index, string id, ReadOnlyMemory<byte> json, DateTimeOffset? time)
    {
        if (!IsSourceIndex(index)) return;
        if (!_documents.TryGetValue(index, out var documents)) _documents[index] = documents = new(StringComparer.Ordinal);
        if (documents.TryGetValue(id, out var earlier) && earlier.Time > time) return;
        documents[id] = (time, new EsqlDocument(id, json));
    }

    /// <summary>Forgets every document (a new replay).</summary>
    public void Clear() => _documents.Clear();

    /// <summary>A source whose FROM reads <paramref name="events"/> and whose ENRICH reads the policies and their documents as of <paramref name="now"/>.</summary>
    public EsqlSource Over(EsqlSource events, DateTimeOffset now) => new Enriched(events, this, now);

    private sealed class Enriched(EsqlSource events, EsqlEnrichIndices enrich, DateTimeOffset now) : EsqlSource
    {
        public override IEnumerable<EsqlIndex> Indices(IReadOnlyList<string> patterns) => events.Indices(patterns);

        public override EsqlEnrichPolicy? EnrichPolicy(string name) => enrich.Policies.Find(name);

        public override IEnumerable<EsqlIndex> EnrichIndices(EsqlEnrichPolicy policy)
        {
            var patterns = new Engine.IndexPatterns(policy.Indices);
            foreach (var (name, documents) in enrich._documents.OrderBy(d => d.Key, StringComparer.Ordinal))
            {
                if (!patterns.Matches(name)) continue;
                yield return new EsqlIndex(name, [.. documents.Values.Where(d => d.Time is null || d.Time <= now).Select(d => d.Document)]);
            }
        }
    }
}
