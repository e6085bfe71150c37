using System.CommandLine;
using AzureRules.Cli.Compilation;
using AzureRules.Cli.Reports;
using AzureRules.Sdk.Alerts;
using AzureRules.Sdk.Engine;
using AzureRules.Sdk.Events;
using AzureRules.Sdk.Kusto;

namespace AzureRules.Cli.Commands;

/// <summary>
/// <c>azrules run --rules PATH… --events PATH…</c>: compiles the rules, replays the events with each
/// SIEM's scheduling, prints alerts as JSON lines on stdout and a summary on stderr.
/// </summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var rules = new Option<string[]>("--rules") { Description = "Rule files or folders", Required = true, AllowMultipleArgumentsPerToken = true };
        var events = new Option<string[]>("--events") { Description = "JSON-lines event files or folders ('-' for stdin)", Required = true, AllowMultipleArgumentsPerToken = true };
        var at = new Option<string?>("--at") { Description = "Run every rule exactly once, at this time (ISO 8601; its look-back ends there)" };
        var from = new Option<string?>("--from") { Description = "Run only the scheduled executions at or after this time (ISO 8601)" };
        var to = new Option<string?>("--to") { Description = "Run only the scheduled executions at or before this time (ISO 8601)" };
        var externalData = new Option<string?>("--external-data") { Description = "Folder of local files that Kusto externaldata URLs resolve to (by file name, or through DIR/urls.tsv)" };
        var enrichPolicies = EnrichPolicyOption.Create();
        var allowErrors = new Option<bool>("--allow-errors") { Description = "Run even when a rule has errors (its alerts may be wrong)" };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress line and no closing summary on stderr (diagnostics and errors are still printed)" };
        var threads = new Option<int?>("--threads") { Description = "How many threads read and match events, and how many rules' executions run at once (default: every core; 1: all on one thread, the same alerts)" };
        var lateness = new Option<string?>("--lateness") { Description = $"How far behind the latest event time an event may arrive within a file (a timespan, default {DetectionEngine.DefaultLateness:c})" };
        var command = new Command("run", "Run rules over events and print alerts as JSON lines, as they come") { rules, events, at, from, to, externalData, enrichPolicies, allowErrors, threads, lateness, quiet };
        var filterOptions = new DiagnosticOptions();
        filterOptions.AddTo(command);
        var cacheOption = new CacheOption();
        cacheOption.AddTo(command);
        var projectFiles = new ProjectFileOptions();
        projectFiles.AddTo(command);
        var watchlists = WatchlistOption.Create();
        command.Options.Add(watchlists);
        command.SetAction(parse =>
        {
            if (!TryReadBounds(parse.GetValue(at), parse.GetValue(from), parse.GetValue(to), out var bounds, out var error))
            {
                Console.Error.WriteLine("azrules: " + error);
                return CommandLineHost.UsageError;
            }
            if (parse.GetValue(threads) is { } threadCount && threadCount < 1)
            {
                Console.Error.WriteLine("azrules: --threads must be at least 1");
                return CommandLineHost.UsageError;
            }
            if (!TryReadLateness(parse.GetValue(lateness), out var allowedLateness)) return CommandLineHost.UsageError;
            if (parse.GetValue(externalData) is { } dataFolder) KustoExternalData.Default = KustoExternalData.FromFolder(dataFolder);
            if (!WatchlistOption.TryApply(parse.GetValue(watchlists))) return CommandLineHost.UsageError;
            if (!EnrichPolicyOption.TryRead(parse.GetValue(enrichPolicies), out var policies)) return CommandLineHost.UsageError;
            if (RuleLoading.Load(parse, parse.GetValue(rules)!, filterOptions, cacheOption, parse.GetValue(allowErrors), projectFiles) is not { } library)
                return CommandLineHost.Findings;
            var engine = new DetectionEngine(library.Detections, policies)
            {
                MaxDegreeOfParallelism = parse.GetValue(threads) ?? Environment.ProcessorCount,
                Lateness = allowedLateness,
            };
            var source = EventSource.JsonLines(parse.GetValue(events)!);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            long alerts = 0;
            EngineResult result;
            using (var progress = ProgressLine.Start(source.Progress, () => Interlocked.Read(ref alerts), parse.GetValue(quiet)))
            {
                // each alert is printed as soon as the engine releases it (in order), not after the whole replay
                result = engine.Run(source, bounds, alert =>
                {
                    Interlocked.Increment(ref alerts);
                    var line = AlertJson.ToJsonLine(alert);
                    if (progress is null) Console.Out.WriteLine(line);
                    else progress.WriteAbove(() => Console.Out.WriteLine(line));
                });
            }
            if (!parse.GetValue(quiet)) result.WriteSummary(Console.Error, clock.Elapsed, source.Progress.Files);
            // 0: every executable rule ran over every event; 3: some rule failed or a regex timed
            // out, so alerts may be missing (malformed lines are reported but change nothing here)
            return result.Rules.Any(r => r.Incomplete) ? 3 : 0;
        });
        return command;
    }

    /// <summary>--lateness: a non-negative timespan, the engine's default when absent; a bad one is one line on stderr, and false.</summary>
    internal static bool TryReadLateness(string? text, out TimeSpan lateness)
    {
        lateness = DetectionEngine.DefaultLateness;
        if (text is null) return true;
        if (TimeSpan.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out lateness) && lateness >= TimeSpan.Zero) return true;
        Console.Error.WriteLine($"azrules: --lateness '{text}' is not a non-negative timespan (e.g. 00:05:00)");
        return false;
    }

    /// <summary>--at alone, or --from and/or --to; times are ISO 8601, UTC unless they carry an offset.</summary>
    internal static bool TryReadBounds(string? at, string? from, string? to, out ReplayBounds bounds, out string error)
    {
        bounds = ReplayBounds.All;
        error = "";
        if (at is not null && (from is not null || to is not null))
        {
            error = "--at runs every rule once; it cannot be combined with --from/--to";
            return false;
        }
        DateTimeOffset? Parse(string? text, string name, ref string error)
        {
            if (text is null) return null;
            if (DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture,
                    System.Globalization.DateTimeStyles.AssumeUniversal | System.Globalization.DateTimeStyles.AdjustToUniversal, out var time))
                return time;
            error = $"{name} '{text}' is not a date and time (ISO 8601, e.g. 2024-05-01T10:00:00Z)";
            return null;
        }
        var atTime = Parse(at, "--at", ref error);
        var fromTime = Parse(from, "--from", ref error);
        var toTime = Parse(to, "--to", ref error);
        if (error.Length > 0) return false;
        if (atTime is { } once)
        {
            bounds = ReplayBounds.Once(once);
            return true;
        }
        if (fromTime is { } f && toTime is { } t && t < f)
        {
            error = "--to is before --from";
            return false;
        }
        bounds = ReplayBounds.Between(fromTime, toTime);
        return true;
    }
}
