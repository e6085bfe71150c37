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
    /// The tables the query reads, with the columns and types the compiler bound them to (so JSON
    /// strings become datetimes, guids, … as Log Analytics types them). Empty when the compiler could
    /// not tell: the runtime then keeps every table and types columns by their JSON values.
    /// </summary>
    public virtual IReadOnlyDictionary<string, IReadOnlyList<KustoColumn>> Tables { get; } = new Dictionary<string, IReadOnlyList<KustoColumn>>();
}
