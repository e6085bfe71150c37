using AzureRules.Cli.Compilation;
using AzureRules.Generators.Formats.Elastic;
using AzureRules.Generators.Pipeline;
using AzureRules.Sdk.Detections;
using AzureRules.Sdk.Engine;
using AzureRules.Sdk.Events;
using AzureRules.Tests;
using Xunit;
using Xunit.Abstractions;

namespace AzureRules.Corpus.Tests;

/// <summary>
/// Every threshold, new_terms and threat_match rule of Elastic's detection-rules repository compiles to
/// a class the engine runs (through the real source generator and C# compiler), and every machine
/// learning rule says why it cannot run.
/// </summary>
public sealed class ElasticStatefulCorpusTests(ITestOutputHelper output)
{
    private static readonly string[] StatefulKinds = ["threshold", "new_terms", "threat_match"];

    private static List<(string Path, string Text, string Kind)> RulesOf(params string[] kinds)
    {
        var root = SharedMaterial.Path("corpus", "elastic", "rules")!;
        var rules = new List<(string, string, string)>();
        foreach (var file in Directory.EnumerateFiles(root, "*.toml", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal))
        {
            var text = File.ReadAllText(file);
            foreach (var rule in ElasticTomlReader.Read(file, text).Rules)
                if (kinds.Contains(rule.Kind)) rules.Add((file, text, rule.Kind));
        }
        return rules;
    }

    [SharedFact("corpus", "elastic", "rules")]
    public void Every_threshold_new_terms_and_threat_match_rule_runs_and_machine_learning_rules_say_why_not()
    {
        var stateful = RulesOf(StatefulKinds);
        output.WriteLine(string.Join(", ", stateful.GroupBy(r => r.Kind).Select(g => $"{g.Count()} {g.Key}")));
        Assert.Equal(31, stateful.Count(r => r.Kind == "threshold"));
        Assert.Equal(245, stateful.Count(r => r.Kind == "new_terms"));
        Assert.Equal(9, stateful.Count(r => r.Kind == "threat_match"));

        // the generator and the C# compiler, as `azrules run` loads them
        var library = RuleLibrary.FromFiles(stateful.Select(r => (r.Path, r.Text)));
        var notRunnable = library.Detections.Where(d => !d.IsExecutable).Select(d => $"{d.Metadata.SourceFile}: {d.NotExecutableReason}").ToList();
        foreach (var line in notRunnable.Take(20)) output.WriteLine("  not runnable: " + line);
        Assert.Empty(notRunnable);
        Assert.Equal(stateful.Count, library.Detections.Count);
        Assert.All(library.Detections, d => Assert.True(d.Metadata.Kind switch
        {
            "threshold" => d.Metadata.Threshold is not null,
            "new_terms" => d.Metadata.NewTerms is { Fields.Count: >= 1 and <= 3 },
            _ => d is ThreatMatchDetection && d.Metadata.ThreatMatch is { Mapping.Count: > 0 },
        }, d.Metadata.SourceFile));

        // and the engine takes every one of them (none reported as not run) over real-shaped events
        var events = Path.Combine(SharedMaterial.RepositoryRoot, "samples", "scenarios");
        var result = new DetectionEngine(library.Detections).Run(EventSource.JsonLines(events));
        Assert.All(result.Rules, r => Assert.Null(r.Skipped));
        Assert.All(result.Rules, r => Assert.Null(r.Failure));
        Assert.Contains(result.Alerts, a => a.Metadata.Kind == "threshold");
        Assert.Contains(result.Alerts, a => a.Metadata.Kind == "new_terms");
        Assert.Contains(result.Alerts, a => a.Metadata.Kind == "threat_match");
    }

    [SharedFact("corpus", "elastic", "rules")]
    public void Machine_learning_rules_say_they_need_an_anomaly_detection_job()
    {
        var rules = RulesOf("machine_learning");
        output.WriteLine($"{rules.Count} machine learning rules");
        Assert.NotEmpty(rules);
        foreach (var (path, text, _) in rules)
        {
            var compiled = RuleCompilation.Compile(Assert.Single(ElasticTomlReader.Read(path, text).Rules), path);
            Assert.False(compiled.Query.IsExecutable, path);
            Assert.Contains("anomaly detection jobs", compiled.Query.NotExecutableReason);
        }
    }
}
