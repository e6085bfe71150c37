using System.Globalization;
using AzureRules.Sdk.Text;

namespace AzureRules.Sdk.Engine;

/// <summary>
/// The closing summary of a run, for people: one line with the totals, a table per rule type (rules
/// run, rules that could not run, executions, alerts), the reasons rules could not run (grouped, with
/// counts), and one line per rule that alerted, failed or had a regex time out. Rule and event text is
/// escaped for the terminal.
/// </summary>
public static class RunSummary
{
    public static void Write(EngineResult result, TextWriter writer, TimeSpan? elapsed = null, int? files = null)
    {
        var timeouts = result.Rules.Sum(r => r.RegexTimeouts);
        var totals = new List<string>();
        if (files is { } fileCount) totals.Add(Count(fileCount, "file"));
        var read = Count(result.EventsRead, "event") + " read";
        if (elapsed is { } time)
        {
            read += $" in {Seconds(time)}";
            if (time.TotalSeconds > 0 && result.EventsRead > 0) read += $" ({Number(result.EventsRead / time.TotalSeconds)} events/s)";
        }
        totals.Add(read);
        totals.Add(Count(result.Errors.Count, "malformed line") + " skipped");
        totals.Add(Count(result.AlertCount, "alert"));
        if (timeouts > 0) totals.Add(Count(timeouts, "regex timeout"));
        if (result.LateEvents > 0) totals.Add(Count(result.LateEvents, "late event"));
        writer.WriteLine(string.Join(", ", totals));
        if (result.LateEvents > 0)
            writer.WriteLine($"  {Count(result.LateEvents, "event")} came later than the lateness bound (first: {ConsoleText.Escape(result.FirstLateEvent ?? "")}): executions that had already run did not see them");
        foreach (var error in result.Errors.Take(20)) writer.WriteLine($"  {error}");
        if (result.Errors.Count > 20) writer.WriteLine($"  … and {Count(result.Errors.Count - 20, "more malformed line")}");

        WriteTable(result, writer);
        WriteNotRun(result, writer);
        WriteRules(result, writer);
    }

    private static void WriteTable(EngineResult result, TextWriter writer)
    {
        var rows = result.Rules
            .GroupBy(r => $"{r.Rule.Metadata.Family} {r.Rule.Metadata.Kind}")
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new[]
            {
                g.Key,
                Number(g.Count(r => r.Skipped is null)),
                Number(g.Count(r => r.Skipped is not null)),
                Number(g.Sum(r => (long)r.Executions)),
                Number(g.Sum(r => (long)r.Alerts)),
            })
            .ToList();
        if (rows.Count == 0) return;
        if (rows.Count > 1)
            rows.Add(["total", Number(result.Rules.Count(r => r.Skipped is null)), Number(result.Rules.Count(r => r.Skipped is not null)),
                Number(result.Rules.Sum(r => (long)r.Executions)), Number(result.Rules.Sum(r => (long)r.Alerts))]);
        string[] header = ["rule type", "rules run", "not run", "executions", "alerts"];
        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Max(r => ConsoleText.Escape(r[i]).Length))).ToArray();
        string Line(string[] cells) => "  " + string.Join("  ", cells.Select((c, i) => i == 0 ? ConsoleText.Escape(c).PadRight(widths[i]) : c.PadLeft(widths[i]))).TrimEnd();
        writer.WriteLine(Line(header));
        foreach (var row in rows) writer.WriteLine(Line(row));
    }

    private static void WriteNotRun(EngineResult result, TextWriter writer)
    {
        var reasons = result.Rules.Where(r => r.Skipped is not null)
            .GroupBy(r => r.Skipped!, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
        if (reasons.Count == 0) return;
        writer.WriteLine("not run:");
        foreach (var reason in reasons)
        {
            var who = reason.Count() == 1 ? reason.Single().Rule.Metadata.Name : Count(reason.Count(), "rule");
            writer.WriteLine($"  {ConsoleText.Escape(who)}: {ConsoleText.Escape(reason.Key)}");
        }
    }

    /// <summary>The rules worth a line of their own: those that alerted, failed, timed out, or matched without alerting.</summary>
    private static void WriteRules(EngineResult result, TextWriter writer)
    {
        foreach (var rule in result.Rules.Where(r => r.Skipped is null && (r.Alerts > 0 || r.Failure is not null || r.RegexTimeouts > 0 || r.MatchesNotAlerted > 0)))
        {
            var status = rule.Failure is not null ? $"failed: {rule.Failure}"
                : $"{Count(rule.Alerts, "alert")} in {Count(rule.Executions, "execution")}"
                  + (rule.Matches > 0 ? $", {Count(rule.Matches, "matching event")}" : "")
                  + (rule.MatchesNotAlerted > 0 ? $", {Count(rule.MatchesNotAlerted, "match", "matches")} outside every window or beyond max_signals" : "");
            if (rule.RegexTimeouts > 0)
                status += $"; {Count(rule.RegexTimeouts, "regex timeout")} (first at {rule.FirstRegexTimeout}): not matched there, alerts may be missing";
            writer.WriteLine($"  {ConsoleText.Escape(rule.Rule.Metadata.Name)}: {ConsoleText.Escape(status)}");
        }
    }

    /// <summary>"1 alert", "2 alerts", "1,204 events".</summary>
    public static string Count(long count, string singular, string? plural = null)
        => $"{Number(count)} {(count == 1 ? singular : plural ?? singular + "s")}";

    private static string Number(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Seconds(TimeSpan time)
        => time.TotalSeconds < 10 ? time.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) + " s"
            : time.TotalMinutes < 2 ? time.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s"
            : $"{(int)time.TotalMinutes} min {time.Seconds} s";
}
