using AzureRules.Sdk.Alerts;
using AzureRules.Sdk.Detections;
using AzureRules.Sdk.Events;
using AzureRules.Sdk.Text;

namespace AzureRules.Sdk.Engine;

/// <summary>What one rule did during a run.</summary>
public sealed class RuleRunStatistics(Detection rule)
{
    public Detection Rule { get; } = rule;
    public int Executions { get; internal set; }
    public int Alerts { get; internal set; }
    /// <summary>Events the query matched (Elastic event rules).</summary>
    public int Matches { get; internal set; }
    /// <summary>Matches no execution reported: outside every look-back window (a schedule gap) or beyond max_signals every time.</summary>
    public int MatchesNotAlerted { get; internal set; }
    /// <summary>Why the rule did not run at all, when it did not.</summary>
    public string? Skipped { get; internal set; }
    /// <summary>A run-time failure of the rule's query, when one happened.</summary>
    public string? Failure { get; internal set; }
    /// <summary>Events (Elastic) or executions (Sentinel) a regex of the rule gave up on after <see cref="Text.RuleRegex.MatchTimeout"/>: not matched, so alerts may be missing.</summary>
    public int RegexTimeouts { get; private set; }
    /// <summary>Where the first regex timeout happened (file(line) or the execution time).</summary>
    public string? FirstRegexTimeout { get; private set; }

    internal void RegexTimedOut(string where)
    {
        RegexTimeouts++;
        FirstRegexTimeout ??= where;
    }

    /// <summary>The rule ran but its alerts may be incomplete: it failed or a regex timed out.</summary>
    public bool Incomplete => Failure is not null || RegexTimeouts > 0;
}

/// <summary>The outcome of a replay: alerts in time order, unreadable lines, and per-rule statistics.</summary>
public sealed class EngineResult
{
    /// <summary>The alerts in order (empty when the replay handed them to a callback as they came).</summary>
    public List<Alert> Alerts { get; } = [];
    /// <summary>How many alerts the replay raised.</summary>
    public int AlertCount { get; internal set; }
    /// <summary>Events that came later than the engine's lateness allows: executions that had already run did not see them.</summary>
    public int LateEvents { get; internal set; }
    /// <summary>The first late event's place and time.</summary>
    public string? FirstLateEvent { get; internal set; }
    /// <summary>The most rows the Kusto event store held at once: what the Sentinel rules' windows needed, not the input size.</summary>
    public int PeakKustoRows { get; internal set; }
    public List<EventError> Errors { get; } = [];
    public List<RuleRunStatistics> Rules { get; } = [];
    public int EventsRead { get; internal set; }
    public DateTimeOffset? FirstEventTime { get; internal set; }
    public DateTimeOffset? LastEventTime { get; internal set; }

    public void WriteSummary(TextWriter writer)
    {
        var timeouts = Rules.Sum(r => r.RegexTimeouts);
        writer.WriteLine($"events read: {EventsRead}, malformed lines skipped: {Errors.Count}, alerts: {AlertCount}"
            + (timeouts > 0 ? $", regex timeouts: {timeouts}" : "")
            + (LateEvents > 0 ? $", late events: {LateEvents}" : ""));
        if (LateEvents > 0)
            writer.WriteLine($"  {LateEvents} events came later than the lateness bound (first: {ConsoleText.Escape(FirstLateEvent ?? "")}): executions that had already run did not see them");
        foreach (var error in Errors.Take(20)) writer.WriteLine($"  {error}");
        if (Errors.Count > 20) writer.WriteLine($"  … and {Errors.Count - 20} more malformed lines");
        foreach (var rule in Rules)
        {
            var status = rule.Skipped is not null ? $"not run: {rule.Skipped}"
                : rule.Failure is not null ? $"failed: {rule.Failure}"
                : $"{rule.Executions} executions, {rule.Alerts} alerts" + (rule.Matches > 0 ? $", {rule.Matches} matching events" : "")
                  + (rule.MatchesNotAlerted > 0 ? $", {rule.MatchesNotAlerted} matches outside every window or beyond max_signals" : "");
            if (rule.RegexTimeouts > 0)
                status += $"; {rule.RegexTimeouts} regex timeouts (first at {rule.FirstRegexTimeout}): not matched there, alerts may be missing";
            writer.WriteLine($"  {ConsoleText.Escape(rule.Rule.Metadata.Name)}: {ConsoleText.Escape(status)}");
        }
    }
}
