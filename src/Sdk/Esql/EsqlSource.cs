namespace AzureRules.Sdk.Esql;

/// <summary>
/// One stored document of an index: its id and its JSON source. A scheduled rule reads the same
/// document in every execution whose window holds it (a 7-day look-back every 5 minutes is 2,016
/// executions), so the document keeps its fields once flattened, and each field the value it last
/// converted to, instead of parsing its JSON again each time.
/// </summary>
public sealed class EsqlDocument(string id, ReadOnlyMemory<byte> json)
{
    private EsqlDocumentFields? _fields;

    public string Id { get; } = id;

    public ReadOnlyMemory<byte> Json { get; } = json;

    /// <summary>The leaf fields; a geo_point field of the query keeps its object as one value, so that flattening is not kept.</summary>
    internal EsqlDocumentFields Fields(IReadOnlySet<string> geoFields)
    {
        if (geoFields.Count > 0) return EsqlDocumentFields.Flatten(Json, geoFields);
        // a race between two threads flattens twice and keeps either: both are equal
        return _fields ??= EsqlDocumentFields.Flatten(Json, geoFields);
    }
}

/// <summary>
/// An index a query can read: its documents and, when known, its mapping (field → Elasticsearch type,
/// sub-fields dotted). Without a mapping, field types come from the compiler (the ECS catalog) or from
/// the JSON values, as Elasticsearch's dynamic mapping would choose them.
/// </summary>
public sealed record EsqlIndex(string Name, IReadOnlyList<EsqlDocument> Documents, IReadOnlyDictionary<string, string>? Mapping = null);

/// <summary>
/// An enrich policy (ES <c>_enrich/policy</c>): the source indices (patterns), its match field and the
/// enrich fields. <c>match</c> policies compare the match field for equality, <c>range</c> policies test
/// a value inside a range field, <c>geo_match</c> is not supported.
/// </summary>
public sealed record EsqlEnrichPolicy(string Name, string Type, IReadOnlyList<string> Indices, string MatchField, IReadOnlyList<string> EnrichFields);

/// <summary>Where a query's FROM, ENRICH and LOOKUP JOIN find their data: the events of one execution window, or a test fixture.</summary>
public abstract class EsqlSource
{
    /// <summary>The indices matching one FROM pattern list (wildcards, <c>-</c> exclusions; a <c>cluster:</c> prefix is ignored).</summary>
    public abstract IEnumerable<EsqlIndex> Indices(IReadOnlyList<string> patterns);

    public virtual EsqlEnrichPolicy? EnrichPolicy(string name) => null;

    /// <summary>The documents ENRICH matches against: the policy's source indices (by default, read like FROM reads them).</summary>
    public virtual IEnumerable<EsqlIndex> EnrichIndices(EsqlEnrichPolicy policy) => Indices(policy.Indices);
}

/// <summary>A source over indices held in memory.</summary>
public sealed class EsqlMemorySource(IEnumerable<EsqlIndex> indices, IEnumerable<EsqlEnrichPolicy>? policies = null) : EsqlSource
{
    private readonly List<EsqlIndex> _indices = [.. indices];
    private readonly Dictionary<string, EsqlEnrichPolicy> _policies = (policies ?? []).ToDictionary(p => p.Name, StringComparer.Ordinal);

    public override IEnumerable<EsqlIndex> Indices(IReadOnlyList<string> patterns)
    {
        var cleaned = patterns.Select(p => p.Contains(':') ? p[(p.LastIndexOf(':') + 1)..] : p).ToList();
        var matcher = new Engine.IndexPatterns(cleaned);
        return _indices.Where(i => matcher.Matches(i.Name));
    }

    public override EsqlEnrichPolicy? EnrichPolicy(string name) => _policies.GetValueOrDefault(name);
}
