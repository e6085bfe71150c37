using AzureRules.Sdk.Alerts;
using AzureRules.Sdk.Detections;
using AzureRules.Sdk.Engine;
using AzureRules.Sdk.Events;
using AzureRules.Tests;
using Xunit;
using Xunit.Abstractions;

namespace AzureRules.Corpus.Tests;

/// <summary>
/// The prefilters the compiler derives (<see cref="ElasticEventDetection.Prefilters"/>) over the whole
/// Elastic corpus: every term of every rule holds on every generated event the rule matches, and the
/// engine's alerts and per-rule match counts are the same with the rules grouped by prefilter and without.
/// </summary>
public sealed class PrefilterCorpusTests(ITestOutputHelper output)
{
    [SharedFact("corpus", "elastic", "rules")]
    public void Every_prefilter_term_holds_on_every_event_its_rule_matches()
    {
        var rules = ElasticCorpusLibrary.Get().Detections.OfType<ElasticEventDetection>().Where(r => r.IsExecutable).ToList();
        var withTerms = rules.Where(r => r.Prefilters.Count > 0).ToList();
        output.WriteLine($"{withTerms.Count} of {rules.Count} executable Elastic event rules have prefilter terms ({withTerms.Sum(r => r.Prefilters.Count)} terms)");
        // most corpus rules name an event category, dataset or action: a derivation that found none would be broken
        Assert.True(withTerms.Count > rules.Count / 2, $"only {withTerms.Count} of {rules.Count} rules have prefilter terms");

        var generated = Directory.CreateTempSubdirectory("azrules-prefilter-").FullName;
        try
        {
            var files = GeneratedEvents(generated);
            // the terms' fields are slots before the first event is read, as the engine's plan makes them
            foreach (var term in withTerms.SelectMany(r => r.Prefilters)) FieldTable.Slot(term.Field);
            var view = new EventView();
            long matches = 0;
            var rulesMatched = new HashSet<ElasticEventDetection>();
            var violations = new List<string>();
            foreach (var file in files)
            {
                foreach (var line in File.ReadLines(file))
                {
                    view.Load(System.Text.Encoding.UTF8.GetBytes(line));
                    foreach (var rule in withTerms)
                    {
                        bool matched;
                        try { matched = rule.Matches(view); }
                        catch (System.Text.RegularExpressions.RegexMatchTimeoutException) { continue; }
                        if (!matched) continue;
                        matches++;
                        rulesMatched.Add(rule);
                        foreach (var term in rule.Prefilters.Where(t => !Holds(t, view)))
                            violations.Add($"{rule.Metadata.Name}: [{term}] does not hold on a matching event: {line}");
                    }
                }
            }
            output.WriteLine($"{matches} matches of {rulesMatched.Count} rules with terms checked");
            Assert.True(rulesMatched.Count >= 10, $"the generated events match only {rulesMatched.Count} rules with terms: the check would prove little");
            Assert.True(violations.Count == 0, $"{violations.Count} violations:\n" + string.Join("\n", violations.Take(10)));
        }
        finally
        {
            Directory.Delete(generated, recursive: true);
        }
    }

    [SharedFact("corpus", "elastic", "rules")]
    public void Grouping_by_prefilter_leaves_alerts_and_matches_unchanged()
    {
        var library = ElasticCorpusLibrary.Get();
        var generated = Directory.CreateTempSubdirectory("azrules-prefilter-").FullName;
        try
        {
            var files = GeneratedEvents(generated);
            var grouped = new DetectionEngine(library.Detections) { GroupByPrefilter = true }.Run(EventSource.JsonLines(files));
            var ungrouped = new DetectionEngine(library.Detections) { GroupByPrefilter = false }.Run(EventSource.JsonLines(files));
            output.WriteLine($"{grouped.Alerts.Count} alerts, {grouped.Rules.Sum(r => (long)r.Matches)} matching events");
            Assert.True(grouped.Alerts.Count > 0, "the generated events raise no alert: the comparison would prove little");
            Assert.Equal(ungrouped.Alerts.Select(AlertJson.ToJsonLine), grouped.Alerts.Select(AlertJson.ToJsonLine));
            Assert.Equal(ungrouped.Rules.Select(r => (r.Rule.Metadata.Name, r.Matches, r.Executions, r.Alerts)),
                grouped.Rules.Select(r => (r.Rule.Metadata.Name, r.Matches, r.Executions, r.Alerts)));
        }
        finally
        {
            Directory.Delete(generated, recursive: true);
        }
    }

    private static string[] GeneratedEvents(string folder)
    {
        var ecs = Path.Combine(folder, "ecs.jsonl");
        var endpoint = Path.Combine(folder, "endpoint.jsonl");
        EcsEventGenerator.Run(["500", ecs]);
        EndpointEventGenerator.Run(["1000", endpoint]);
        return [ecs, endpoint];
    }

    // the comparison every term means, written out independently of the engine's dispatch
    private static bool Holds(EventPrefilter term, EventView view)
    {
        var comparison = term.IgnoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        foreach (var value in view.Values(FieldTable.Slot(term.Field)))
            if (value.AsString() is { } text && term.Values.Any(v => string.Equals(v, text, comparison))) return true;
        return false;
    }
}
