using System.CommandLine;
using AzureRules.Cli.Compilation;
using QueryLanguage = AzureRules.Generators.Model.QueryLanguage;
using AzureRules.Sdk.Detections;
using AzureRules.Sdk.Events;
using AzureRules.Sdk.Kusto;

namespace AzureRules.Cli.Commands;

/// <summary>
/// <c>azrules query --lang kuery|eql|esql|kusto --events PATH… 'QUERY'</c>: runs one query over
/// events through the same compile path as rule files and prints the matching events (Elastic
/// languages) or the result rows (Kusto) as JSON lines.
/// </summary>
internal static class QueryCommand
{
    public static Command Create()
    {
        var language = new Option<string>("--lang") { Description = "kuery, eql, esql or kusto", Required = true };
        language.AcceptOnlyFromAmong("kuery", "eql", "esql", "kusto");
        var events = new Option<string[]>("--events") { Description = "JSON-lines event files or folders ('-' for stdin)", Required = true, AllowMultipleArgumentsPerToken = true };
        // `--events a.jsonl b.jsonl 'QUERY'`: --events takes several paths, so it also swallows the
        // query written last; the query is then the last of its tokens
        var query = new Argument<string?>("query") { Description = "The query text", Arity = ArgumentArity.ZeroOrOne };
        var externalData = new Option<string?>("--external-data") { Description = "Folder of local files that Kusto externaldata URLs resolve to (by file name, or through DIR/urls.tsv)" };
        var enrichPolicies = EnrichPolicyOption.Create();
        var watchlists = WatchlistOption.Create();
        var command = new Command("query", "Run one query over events") { language, events, query, externalData, watchlists, enrichPolicies };
        var cacheOption = new CacheOption();
        cacheOption.AddTo(command);
        command.SetAction(parse =>
        {
            if (parse.GetValue(externalData) is { } dataFolder) KustoExternalData.Default = KustoExternalData.FromFolder(dataFolder);
            if (!WatchlistOption.TryApply(parse.GetValue(watchlists))) return CommandLineHost.UsageError;
            if (!EnrichPolicyOption.TryRead(parse.GetValue(enrichPolicies), out var policies)) return CommandLineHost.UsageError;
            var lang = parse.GetValue(language) switch
            {
                "eql" => QueryLanguage.Eql,
                "esql" => QueryLanguage.Esql,
                "kusto" => QueryLanguage.Kusto,
                _ => QueryLanguage.Kuery,
            };
            var eventPaths = parse.GetValue(events)!;
            var text = parse.GetValue(query);
            if (text is null)
            {
                if (eventPaths.Length < 2)
                {
                    Console.Error.WriteLine("usage: azrules query --lang LANG --events PATH… 'QUERY'");
                    return 2;
                }
                text = eventPaths[^1];
                eventPaths = eventPaths[..^1];
            }
            var library = RuleLibrary.FromDefinitions([AdHocRules.Create(lang, text)], cacheOption.Read(parse));
            DiagnosticPrinter.Print(library.Diagnostics, Console.Error);
            if (library.HasErrors) return 1;
            var detection = library.Detections.Single();
            if (!detection.IsExecutable)
            {
                Console.Error.WriteLine($"the query cannot be run yet: {AzureRules.Sdk.Text.ConsoleText.Escape(detection.NotExecutableReason)}");
                return 2;
            }
            var errors = new List<EventError>();
            var source = EventSource.JsonLines(eventPaths);
            var status = QueryRunner.Run(detection, source, errors, Console.Out, policies);
            foreach (var error in errors) Console.Error.WriteLine(error);
            return status;
        });
        return command;
    }
}

/// <summary>Executes a compiled ad-hoc query over events, whatever its kind.</summary>
internal static partial class QueryRunner
{
    public static int Run(Detection detection, EventSource source, List<EventError> errors, TextWriter output, Sdk.Esql.EsqlEnrichPolicies? enrichPolicies = null)
    {
        switch (detection)
        {
            case ElasticEventDetection elastic:
                var view = new EventView();
                var matches = 0;
                foreach (var record in source.Read(errors))
                {
                    view.Load(record.Json);
                    if (!elastic.Matches(view)) continue;
                    matches++;
                    output.WriteLine(record.Text);
                }
                Console.Error.WriteLine($"{matches} matching events");
                return 0;
            default:
                return RunOther(detection, source, errors, output, enrichPolicies ?? Sdk.Esql.EsqlEnrichPolicies.None);
        }
    }

    private static int RunOther(Detection detection, EventSource source, List<EventError> errors, TextWriter output, Sdk.Esql.EsqlEnrichPolicies enrichPolicies)
    {
        if (detection is Sdk.Esql.EsqlDetection esql) return RunEsql(esql, source, errors, output, enrichPolicies);
        if (detection is not KustoDetection kusto)
        {
            Console.Error.WriteLine($"queries of type {detection.GetType().BaseType?.Name} cannot be run ad hoc yet");
            return 2;
        }
        // a Kusto query sees every event, in the table named by its Type field or file name;
        // now() is the latest event time, so ago() windows are relative to the data
        var records = source.Read(errors).ToList();
        var now = records.Select(r => r.Envelope.SentinelTime).Max() ?? DateTimeOffset.UtcNow;
        var tables = KustoTables.FromEvents(kusto, records.Select(r => (r.Envelope.SentinelTable(r.SourceFile), r)), errors.Add);
        KustoTable result;
        try
        {
            result = kusto.Execute(new KustoContext(now.UtcDateTime, tables));
        }
        catch (Exception e) when (e is KustoExternalDataException or KustoWatchlistException)
        {
            Console.Error.WriteLine(e.Message);
            return 1;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException or InvalidCastException or OverflowException or NotSupportedException)
        {
            Console.Error.WriteLine($"azrules: the query failed at run time: {ex.Message}");
            return 1;
        }
        foreach (var row in KustoTableJson.Rows(result)) output.WriteLine(AzureRules.Sdk.Text.JsonText.Write(row, System.Text.Json.JsonSerializerOptions.Default));
        Console.Error.WriteLine($"{result.RowCount} rows");
        return 0;
    }

    /// <summary>An ES|QL query reads every event, each in its Elastic index; NOW() is the latest event time.</summary>
    private static int RunEsql(Sdk.Esql.EsqlDetection esql, EventSource source, List<EventError> errors, TextWriter output, Sdk.Esql.EsqlEnrichPolicies enrichPolicies)
    {
        var records = source.Read(errors).ToList();
        var now = records.Select(r => r.Envelope.ElasticTime).Max() ?? DateTimeOffset.UtcNow;
        var warnings = new List<string>();
        var enrich = new Sdk.Esql.EsqlEnrichIndices(enrichPolicies);
        foreach (var record in records) enrich.Offer(record.Envelope.ElasticIndex(record.SourceFile), record.EventId, record.Json, record.Envelope.ElasticTime);
        var events = Sdk.Esql.EsqlTableJson.Source(records.Select(r => (r.Envelope.ElasticIndex(r.SourceFile), r)));
        Sdk.Esql.EsqlTable result;
        try
        {
            result = esql.Run(enrich.Over(events, now), now.UtcDateTime, warnings);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException or InvalidCastException or OverflowException or NotSupportedException)
        {
            Console.Error.WriteLine($"azrules: the query failed at run time: {Sdk.Text.ConsoleText.Escape(ex.Message)}");
            return 1;
        }
        foreach (var row in Sdk.Esql.EsqlTableJson.Rows(result)) output.WriteLine(row.ToJsonString());
        foreach (var warning in warnings) Console.Error.WriteLine("warning: " + warning);
        Console.Error.WriteLine($"{result.Rows.Count} rows");
        return 0;
    }
}
