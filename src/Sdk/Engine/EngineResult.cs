using AzureRules.Sdk.Alerts;
using AzureRules.Sdk.Detections;
using AzureRules.Sdk.Events;

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

    /// <summary>The closing summary (see <see cref="RunSummary"/>); with the run's duration, also events per second.</summary>
    public void WriteSummary(TextWriter writer, TimeSpan? elapsed = null, int? files = null) => RunSummary.Write(this, writer, elapsed, files);
}
