using AzureRules.Sdk.Detections;

namespace AzureRules.Sdk.Kusto;

/// <summary>
/// A Sentinel rule whose Kusto query the generator compiled to C#: <see cref="Execute"/> runs the
/// whole query over the context's tables and returns its result; each result row is a potential alert.
/// </summary>
public abstract class KustoDetection(RuleMetadata metadata) : Detection(metadata)
{
    public abstract KustoTable Execute(KustoContext context);
}
