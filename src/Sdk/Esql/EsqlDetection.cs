using AzureRules.Sdk.Detections;

namespace AzureRules.Sdk.Esql;

/// <summary>
/// An Elastic rule whose ES|QL query the generator compiled to C#: <see cref="Execute"/> runs the
/// whole pipeline over a source and returns the result table. Kibana alerts once per result row of
/// an aggregating query, and once per source document (de-duplicated by <c>_id</c>) otherwise.
/// </summary>
public abstract class EsqlDetection(RuleMetadata metadata) : Detection(metadata)
{
    /// <summary>Runs the query; warnings raised while it runs go to <paramref name="warnings"/> when given.</summary>
    public EsqlTable Run(EsqlSource source, DateTime now, List<string>? warnings = null)
    {
        using var clock = EsqlClock.At(now);
        using var sink = EsqlWarnings.Collect(warnings ?? []);
        return Execute(source);
    }

    /// <summary>The compiled pipeline (generated).</summary>
    protected abstract EsqlTable Execute(EsqlSource source);

    /// <summary>The query text, as written in the rule.</summary>
    public abstract string QueryText { get; }

    /// <summary>True when a STATS turns rows into groups: then each result row is one alert.</summary>
    public abstract bool IsAggregating { get; }

    /// <summary>The FROM index patterns (the rule's indices come from here, not from an index list).</summary>
    public abstract IReadOnlyList<string> SourceIndices { get; }
}
