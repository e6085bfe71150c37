using AzureRules.Sdk.Detections;

namespace AzureRules.Sdk.Esql;

/// <summary>
/// An Elastic rule whose ES|QL query the generator compiled to C#: <see cref="Run"/> runs the
/// whole pipeline over a source and returns the result table. Kibana alerts once per result row of
/// an aggregating query, and once per source document (de-duplicated by <c>_id</c>) otherwise.
/// </summary>
public abstract class EsqlDetection(RuleMetadata metadata) : Detection(metadata)
{
    /// <summary>Runs the query; warnings raised while it runs go to <paramref name="warnings"/> when given.</summary>
    public EsqlTable Run(EsqlSource source, DateTime now, List<string>? warnings = null)
        => Finish(source, ReadDocuments(source, warnings), now, warnings);

    /// <summary>
    /// The table of the query's leading commands that depend on the documents alone (not on the clock
    /// or other indices): the same documents give the same table at any time, so a scheduler may keep
    /// it for the next execution over the same documents and call <see cref="Finish"/> with it.
    /// </summary>
    public EsqlTable ReadDocuments(EsqlSource source, List<string>? warnings = null)
    {
        using var sink = EsqlWarnings.Collect(warnings ?? []);
        return RunDocumentCommands(source);
    }

    /// <summary>
    /// Runs the rest of the query at <paramref name="now"/> over a table from <see cref="ReadDocuments"/>;
    /// ENRICH and LOOKUP JOIN read their indices from <paramref name="source"/>.
    /// </summary>
    public EsqlTable Finish(EsqlSource source, EsqlTable documentTable, DateTime now, List<string>? warnings = null)
    {
        using var clock = EsqlClock.At(now);
        using var sink = EsqlWarnings.Collect(warnings ?? []);
        return RunRemainingCommands(source, documentTable);
    }

    /// <summary>The leading commands that read only the documents (generated; see <see cref="ReadDocuments"/>).</summary>
    protected abstract EsqlTable RunDocumentCommands(EsqlSource source);

    /// <summary>The other commands, over the table of <see cref="RunDocumentCommands"/> (generated).</summary>
    protected abstract EsqlTable RunRemainingCommands(EsqlSource source, EsqlTable documentTable);

    /// <summary>The query text, as written in the rule.</summary>
    public abstract string QueryText { get; }

    /// <summary>True when a STATS turns rows into groups: then each result row is one alert.</summary>
    public abstract bool IsAggregating { get; }

    /// <summary>The FROM index patterns (the rule's indices come from here, not from an index list).</summary>
    public abstract IReadOnlyList<string> SourceIndices { get; }
}
