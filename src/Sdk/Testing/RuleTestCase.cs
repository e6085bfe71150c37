using AzureRules.Sdk.Detections;

namespace AzureRules.Sdk.Testing;

/// <summary>How a test case's events are written: JSON lines, or a Log Analytics CSV export.</summary>
public enum RuleTestEventFormat { JsonLines, LogAnalyticsCsv }

/// <summary>
/// A group of events of a test case: an event file (its path as the test file writes it, its text
/// embedded by the generator) or the case's inline events as JSON lines (source "inline", or the
/// case's <c>table</c>). The source name is also the file name the engine sees: the Sentinel table
/// when an event has no <c>Type</c>, and the event id (<c>source:line</c>) when it has no <c>_id</c>.
/// </summary>
public sealed record RuleTestEvents(string Source, RuleTestEventFormat Format, string Text);

/// <summary>What one alert of a case must be; every part is optional.</summary>
public sealed record RuleTestAlertExpectation
{
    /// <summary>The time of the execution that raised it.</summary>
    public DateTimeOffset? At { get; init; }
    /// <summary>The ids of the events it holds (Elastic event rules), in any order.</summary>
    public IReadOnlyList<string>? Events { get; init; }
    /// <summary>Its rows, in order, each a JSON object whose fields must equal the row's (other fields are not compared).</summary>
    public IReadOnlyList<string>? Rows { get; init; }
    /// <summary>A JSON object whose fields must equal the alert's (as <c>azrules run</c> prints it).</summary>
    public string? Fields { get; init; }
}

/// <summary>
/// What a case expects of the rule's alerts. Each part given is checked: the number of alerts or each
/// alert in order (<see cref="AlertList"/>), the ids of every alerted event, the rows of every alert
/// in order, fields every alert must have.
/// </summary>
public sealed record RuleTestExpectation
{
    public int? Alerts { get; init; }
    public IReadOnlyList<RuleTestAlertExpectation>? AlertList { get; init; }
    public IReadOnlyList<string>? Events { get; init; }
    public IReadOnlyList<string>? Rows { get; init; }
    public string? Fields { get; init; }
}

/// <summary>
/// One case of a rule's test file (<c>MyRule.tests.yaml</c>), as the source generator compiled it:
/// the rule, the events, when to execute, and what to expect.
/// </summary>
public sealed record RuleTestCase
{
    public required string Name { get; init; }
    public required Detection Rule { get; init; }
    /// <summary>The test file, relative to the project, and the case's 1-based line in it.</summary>
    public required string TestFile { get; init; }
    public int Line { get; init; }
    public IReadOnlyList<RuleTestEvents> Events { get; init; } = [];
    /// <summary>Execute the rule once, at this time.</summary>
    public DateTimeOffset? At { get; init; }
    /// <summary>Replay the rule's schedule over this range (either end optional).</summary>
    public DateTimeOffset? From { get; init; }
    public DateTimeOffset? To { get; init; }
    public required RuleTestExpectation Expect { get; init; }

    /// <summary>"Rule name: case name", how runners and test explorers show the case.</summary>
    public string DisplayName => $"{Rule.Metadata.Name}: {Name}";

    public override string ToString() => DisplayName;
}
