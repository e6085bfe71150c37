using AzureRules.Tests;

namespace AzureRules.Cli.Tests.Fleet;

/// <summary>
/// What the fleet tests replay: the repository's sample and scenario events with their rules (the seed
/// rules, the Contoso sample rules, the ES|QL scenario rules, one with ENRICH; with ../shared, also the
/// corpus rules of the threshold, new_terms, threat_match and EQL sequence scenarios), and a generated
/// mix of Elastic (ECS activity logs) and Sentinel (SigninLogs, AzureActivity, AuditLogs) events that
/// fire the seeds all along the stream. Generated once per test class; the single-process
/// <c>azrules run</c> over the same input is the reference.
/// </summary>
public sealed class FleetMix : IDisposable
{
    /// <summary>ECS events (250 ms apart) and Sentinel rows per table (over a day) of the generated mix.</summary>
    public const int EcsEvents = 30_000;
    public const int SentinelRowsPerTable = 4_000;

    private readonly Lazy<string[]> _reference;

    public FleetMix()
    {
        Folder = Path.Combine(Path.GetTempPath(), "azr-fleet-mix-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        var root = SharedMaterial.RepositoryRoot;
        var generated = Path.Combine(Folder, "generated");
        Directory.CreateDirectory(generated);
        EcsEventGenerator.Run([EcsEvents.ToString(), Path.Combine(generated, "ecs-activitylogs.jsonl")]);
        AzureRules.Benchmarks.SentinelEventGenerator.Run([SentinelRowsPerTable.ToString(), Path.Combine(generated, "sentinel"), "1"]);
        // a malformed line: reported by ingest as by run, and no event
        File.WriteAllText(Path.Combine(generated, "broken.jsonl"), "{\"@timestamp\":\"2026-11-01T00:00:01Z\",\"_index\":\"x\"}\n{not json\n");

        var scenarios = Path.Combine(root, "samples", "scenarios");
        Events =
        [
            Path.Combine(root, "samples", "events"),
            Path.Combine(scenarios, "eql-sequence"), Path.Combine(scenarios, "new_terms"), Path.Combine(scenarios, "threat_match"), Path.Combine(scenarios, "threshold"),
            Path.Combine(scenarios, "esql", "events"), Path.Combine(scenarios, "esql-enrich", "events"),
            generated,
        ];
        var rules = new List<string>
        {
            Path.Combine(root, "src", "Rules", "Rules"), Path.Combine(root, "samples", "Contoso.Detections", "Rules"),
            Path.Combine(scenarios, "esql", "rules"), Path.Combine(scenarios, "esql-enrich", "rules"),
        };
        if (SharedMaterial.Path("corpus", "elastic", "rules", "rules") is { } corpus)
        {
            rules.Add(Path.Combine(corpus, "integrations", "azure", "impact_azure_compute_vm_snapshot_deletions.toml"));
            rules.Add(Path.Combine(corpus, "integrations", "azure", "impact_azure_compute_vm_snapshot_deletion.toml"));
            rules.Add(Path.Combine(corpus, "threat_intel", "threat_intel_indicator_match_address.toml"));
        }
        if (SharedMaterial.Path("corpus", "elastic", "rules", "rules_building_block", "defense_evasion_dotnet_clickonce_dfsvc_netcon.toml") is { } sequence)
            rules.Add(sequence);
        Rules = [.. rules];
        EnrichPolicies = Path.Combine(scenarios, "esql-enrich", "policies.json");
        _reference = new(() =>
        {
            var run = FleetProcesses.Run(["run", "--rules", .. Rules, "--events", .. Events, "--enrich-policies", EnrichPolicies, "--quiet"]);
            if (run.ExitCode != 0) throw new InvalidOperationException($"azrules run failed ({run.ExitCode}): {run.Error}");
            return run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        });
    }

    public string Folder { get; }
    public string[] Events { get; }
    public string[] Rules { get; }
    public string EnrichPolicies { get; }

    /// <summary>The alerts of one <c>azrules run</c> process over the same rules and events, as JSON lines.</summary>
    public string[] Reference => _reference.Value;

    public void Dispose()
    {
        try { Directory.Delete(Folder, recursive: true); }
        catch (IOException) { }
    }
}
