namespace AzureRules.Sdk.Detections;

/// <summary>Alert severity. Sentinel's Informational and Elastic's levels map onto one scale.</summary>
public enum Severity
{
    Informational,
    Low,
    Medium,
    High,
    Critical,
}
