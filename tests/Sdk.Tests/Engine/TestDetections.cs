using AzureRules.Sdk.Detections;
using AzureRules.Sdk.Events;

namespace AzureRules.Sdk.Tests.Engine;

/// <summary>An Elastic event rule for engine tests: matches events whose field equals a value.</summary>
internal sealed class FieldEqualsDetection(RuleMetadata metadata, string field, string value) : ElasticEventDetection(metadata)
{
    private readonly int _slot = FieldTable.Slot(field);

    public override bool Matches(EventView e)
    {
        foreach (var v in e.Values(_slot))
            if (v.AsString() == value) return true;
        return false;
    }

    public static FieldEqualsDetection Create(string field, string value, TimeSpan interval, TimeSpan lookBack, int maxAlerts = 100, params string[] indices)
        => new(new RuleMetadata
        {
            Id = Guid.NewGuid(), Name = $"{field} is {value}", Family = RuleFamily.Elastic, Kind = "query",
            Interval = interval, LookBack = lookBack, MaxAlerts = maxAlerts, Indices = indices,
        }, field, value);
}
