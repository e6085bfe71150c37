using AzureRules.Sdk.Detections;

namespace AzureRules.Sdk.Kusto;

/// <summary>
/// A Sentinel rule whose Kusto query the generator compiled to C#: <see cref="Execute"/> runs the
/// whole query over the context's tables and returns its result; each result row is a potential alert.
/// </summary>
public abstract class KustoDetection(RuleMetadata metadata) : Detection(metadata)
{
    public abstract KustoTable Execute(KustoContext context);

    /// <summary>
    /// The workspace tables the query reads, with the columns and types the compiler bound them to, so
    /// JSON events get Log Analytics' types (TimeGenerated a datetime, TenantId a guid). Written by the
    /// generator as code; tables not listed here are typed by their JSON values.
    /// </summary>
    public virtual IReadOnlyDictionary<string, IReadOnlyList<KustoColumn>> TableSchemas => NoTables;

    /// <summary>
    /// The columns of the query's result as the compiler bound them (a type it cannot know statically is
    /// dynamic), or null when they are known only at run time (evaluate bag_unpack, pivot, an unpublished table).
    /// </summary>
    public virtual IReadOnlyList<KustoColumn>? OutputSchema => null;

    /// <summary>
    /// The workspace tables the query can read, when the compiler knows them all; null when it may
    /// read others too (a <c>table()</c> call with a computed name, a wildcard union), and then the
    /// engine keeps every table for it.
    /// </summary>
    public virtual IReadOnlySet<string>? ReadTables => null;

    /// <summary>
    /// The columns the query reads of each table, when the compiler knows them all (a query whose
    /// result carries a table's columns, as <c>project *</c> or no projection, reads them all); null, or
    /// a table missing here, when not known. The engine stores only these columns of a table's events.
    /// </summary>
    public virtual IReadOnlyDictionary<string, IReadOnlySet<string>>? ReadColumns => null;

    private static readonly IReadOnlyDictionary<string, IReadOnlyList<KustoColumn>> NoTables = new Dictionary<string, IReadOnlyList<KustoColumn>>();
}
