using System.Text;
using System.Text.Json;
using AzureRules.Sdk.Alerts;
using AzureRules.Sdk.Engine;
using AzureRules.Sdk.Events;

namespace AzureRules.Sdk.Testing;

/// <summary>The outcome of one case: pass, or the differences between expected and actual alerts.</summary>
public sealed record RuleTestResult(RuleTestCase Case, IReadOnlyList<string> Failures, IReadOnlyList<Alert> Alerts, TimeSpan Duration)
{
    public bool Passed => Failures.Count == 0;

    /// <summary>The failures and the actual alerts, for a person reading a failed run.</summary>
    public string Report()
    {
        var text = new StringBuilder();
        foreach (var failure in Failures) text.Append("  ").AppendLine(failure);
        if (Passed) return text.ToString();
        text.AppendLine(Alerts.Count == 0 ? "  actual: no alerts" : $"  actual: {Alerts.Count} alert(s)");
        foreach (var alert in Alerts.Take(10)) text.Append("    ").AppendLine(RuleTestExpectations.Describe(alert));
        if (Alerts.Count > 10) text.AppendLine($"    … and {Alerts.Count - 10} more");
        return text.ToString();
    }
}

/// <summary>
/// Runs a test case through the real engine: the case's events become event records, the
/// <see cref="DetectionEngine"/> replays them through the rule with its SIEM's scheduling (once at
/// <c>at</c>, or over <c>from</c>–<c>to</c>, or the whole replay), and the alerts are compared with
/// the expectation. Anything that would make the result meaningless — a rule that cannot run, a
/// run-time failure, an unreadable event — fails the case.
/// </summary>
public static class RuleTestRunner
{
    public static RuleTestResult Run(RuleTestCase testCase)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var failures = new List<string>();
        if (!testCase.Rule.IsExecutable)
        {
            failures.Add($"the rule cannot run: {testCase.Rule.NotExecutableReason}");
            return new RuleTestResult(testCase, failures, [], clock.Elapsed);
        }
        var records = ReadEvents(testCase, failures);
        var bounds = new ReplayBounds { At = testCase.At, From = testCase.From, To = testCase.To };
        var result = new DetectionEngine([testCase.Rule]).Run(EventSource.FromRecords(records), bounds);
        failures.AddRange(result.Errors.Select(e => e.ToString()));
        foreach (var rule in result.Rules)
        {
            if (rule.Failure is not null) failures.Add($"the rule failed at run time: {rule.Failure}");
            if (rule.Skipped is not null) failures.Add($"the rule did not run: {rule.Skipped}");
        }
        if (records.Count == 0 && testCase.At is null)
            failures.Add("the case has no events and no 'at' time: the rule never executes");
        failures.AddRange(RuleTestExpectations.Compare(testCase.Expect, result.Alerts));
        return new RuleTestResult(testCase, failures, result.Alerts, clock.Elapsed);
    }

    /// <summary>The case's events as the engine reads them; unreadable ones are said in <paramref name="failures"/>.</summary>
    public static List<EventRecord> ReadEvents(RuleTestCase testCase, List<string> failures)
    {
        var records = new List<EventRecord>();
        foreach (var group in testCase.Events)
        {
            try
            {
                records.AddRange(Records(group, failures));
            }
            catch (FormatException ex)
            {
                failures.Add($"{group.Source}: {ex.Message}");
            }
        }
        return records;
    }

    private static IEnumerable<EventRecord> Records(RuleTestEvents group, List<string> failures)
    {
        if (group.Format == RuleTestEventFormat.LogAnalyticsCsv)
        {
            foreach (var (line, json) in LogAnalyticsCsv.Read(group.Text))
            {
                var bytes = JsonSerializer.SerializeToUtf8Bytes(json);
                yield return new EventRecord(group.Source, line, bytes, EventEnvelope.Read(bytes));
            }
            yield break;
        }
        // the same line checks as every event file (invalid UTF-8, duplicate keys, huge numbers, …)
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(group.Text));
        var errors = new List<EventError>();
        foreach (var record in EventSource.Read(stream, group.Source, errors)) yield return record;
        foreach (var error in errors) failures.Add(error.ToString());
    }
}
