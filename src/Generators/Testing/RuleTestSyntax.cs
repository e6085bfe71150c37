using AzureRules.Generators.Diagnostics;
using AzureRules.Generators.Model;

namespace AzureRules.Generators.Testing;

/// <summary>
/// A rule test file (<c>MyRule.tests.yaml</c>) as read, before it is bound to rules and event files.
/// Plain equatable data, so an unchanged test file is cached by the incremental pipeline.
/// </summary>
internal sealed record RuleTestFileSyntax(
    string Path,
    Located<string>? Rule,
    EquatableArray<RuleTestCaseSyntax> Cases,
    EquatableArray<RuleDiagnostic> Diagnostics);

/// <summary>One case: name, events, when to execute, expectation. Times are UTC ticks.</summary>
internal sealed record RuleTestCaseSyntax(
    Located<string> Name,
    EquatableArray<RuleTestEventsSyntax> Events,
    long? At,
    long? From,
    long? To,
    RuleTestExpectationSyntax Expect);

/// <summary>An event file (its path as written) or the case's inline events as JSON lines.</summary>
internal sealed record RuleTestEventsSyntax(Located<string>? File, string? Source, string? InlineJsonLines);

/// <summary>
/// The expectation; null parts are not checked. JSON values (rows, fields) are kept as JSON text.
/// <see cref="AlertList"/> is the list form of <c>alerts</c>.
/// </summary>
internal sealed record RuleTestExpectationSyntax(
    int? Alerts,
    EquatableArray<RuleTestAlertSyntax>? AlertList,
    EquatableArray<string>? Events,
    EquatableArray<string>? Rows,
    string? Fields)
{
    public bool IsEmpty => Alerts is null && AlertList is null && Events is null && Rows is null && Fields is null;
}

internal sealed record RuleTestAlertSyntax(long? At, EquatableArray<string>? Events, EquatableArray<string>? Rows, string? Fields);
