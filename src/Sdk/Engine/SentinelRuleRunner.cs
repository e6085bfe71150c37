using AzureRules.Sdk.Alerts;
using AzureRules.Sdk.Detections;
using AzureRules.Sdk.Events;

namespace AzureRules.Sdk.Engine;

/// <summary>Runs a Sentinel (Kusto) rule on its schedule. Wired to the Kusto runtime when it lands.</summary>
internal sealed class SentinelRuleRunner
{
    private SentinelRuleRunner(Detection rule) => Statistics = new RuleRunStatistics(rule);

    public RuleRunStatistics Statistics { get; }

    public static SentinelRuleRunner? TryCreate(Detection rule) => null;

    public void Offer(EventRecord record) { }

    public IEnumerable<Alert> Replay(DateTimeOffset first, DateTimeOffset last) => [];
}
