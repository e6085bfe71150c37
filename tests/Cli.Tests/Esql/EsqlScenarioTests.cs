using AzureRules.Cli.Commands;
using AzureRules.Cli.Compilation;
using AzureRules.Sdk.Engine;
using AzureRules.Sdk.Esql;
using AzureRules.Sdk.Events;
using AzureRules.Tests;
using Xunit;

namespace AzureRules.Cli.Tests.Esql;

/// <summary>
/// Three ES|QL rules of the detection-rules corpus, compiled from their TOML files by the real generator,
/// fire in the engine on real-shaped Azure integration events (samples/scenarios/esql).
/// </summary>
public sealed class EsqlScenarioTests
{
    private static readonly string Scenario = Path.Combine(SharedMaterial.RepositoryRoot, "samples", "scenarios", "esql");

    private static readonly Lazy<EngineResult> Result = new(() =>
    {
        var library = RuleLibrary.FromFiles(RuleFiles.Read([Path.Combine(Scenario, "rules")]));
        Assert.False(library.HasErrors);
        Assert.All(library.Detections, d => Assert.IsAssignableFrom<EsqlDetection>(d));
        return new DetectionEngine(library.Detections).Run(EventSource.JsonLines(Path.Combine(Scenario, "events")));
    });

    [Fact]
    public void Three_corpus_rules_fire_and_none_fails()
    {
        var result = Result.Value;
        Assert.Empty(result.Errors);
        Assert.All(result.Rules, r => Assert.Null(r.Failure));
        var fired = result.Alerts.Select(a => a.Metadata.Name).Distinct().Order().ToList();
        Assert.Equal(
            ["Entra ID Concurrent Sign-in with Suspicious Properties", "Entra ID Multiple Device Registrations by a Single User",
             "Entra ID OAuth Device Code Flow with Concurrent Sign-ins"],
            fired);
    }

    [Fact]
    public void The_device_registration_alert_is_one_aggregated_row_per_execution()
    {
        var alerts = Result.Value.Alerts.Where(a => a.Metadata.Name == "Entra ID Multiple Device Registrations by a Single User").ToList();
        // the third registration is at 10:04; the rule runs every 5 minutes over the last 30: the
        // executions at 10:05 … 10:30 see all three in one 15-minute bucket
        Assert.Equal(6, alerts.Count);
        var row = alerts[0].Rows.Single();
        Assert.Equal(3, (long)row["Esql.count_distinct_devices"]!);
        Assert.Equal("mallory@contoso.com", (string)row["azure.auditlogs.properties.initiated_by.user.userPrincipalName"]!);
        Assert.Equal(["DESKTOP-7F3K2", "DESKTOP-9Q1LM", "LAPTOP-X2Z8"], row["Esql.device_name_values"]!.AsArray().Select(v => (string)v!));
        Assert.Equal(DateTimeOffset.Parse("2026-11-20T10:05:00Z"), alerts[0].Timestamp);
    }

    [Fact]
    public void The_device_code_alert_names_both_addresses()
    {
        var alert = Result.Value.Alerts.First(a => a.Metadata.Name == "Entra ID OAuth Device Code Flow with Concurrent Sign-ins");
        var row = alert.Rows.Single();
        Assert.Equal(2, (long)row["Esql.count_logon"]!);
        Assert.Equal(2, (long)row["Esql.source_ip_count_distinct"]!);
        Assert.Equal(["192.0.2.77", "203.0.113.45"], row["Esql.source_ip_values"]!.AsArray().Select(v => (string)v!));
    }
}
