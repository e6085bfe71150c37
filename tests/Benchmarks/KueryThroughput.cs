using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using AzureRules.Cli.Compilation;
using AzureRules.Sdk.Detections;
using AzureRules.Sdk.Events;

namespace AzureRules.Benchmarks;

/// <summary>
/// Throughput of every Kibana KQL rule of the detection-rules corpus over a generated JSON-lines file,
/// against a plain Utf8JsonReader pass over the same bytes. Usage:
/// <c>dotnet run -c Release --project tests/Benchmarks -- kuery [events=200000]</c>
/// </summary>
internal static class KueryThroughput
{
    private static readonly Regex QueryBlock = new(@"^query = '''\r?\n?(.*?)'''", RegexOptions.Singleline | RegexOptions.Multiline);

    public static int Run(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0]) : 200_000;
        var root = AzureRules.Tests.SharedMaterial.Path("corpus", "elastic", "rules")
            ?? throw new InvalidOperationException("needs ../shared/corpus/elastic/rules");
        var rules = Directory.EnumerateFiles(root, "*.toml", SearchOption.AllDirectories)
            .Select(p => (Path: System.IO.Path.GetRelativePath(root, p), Text: File.ReadAllText(p)))
            .Where(f => f.Text.Contains("language = \"kuery\"", StringComparison.Ordinal))
            .Select(f => AdHocRules.Create(AzureRules.Generators.Model.QueryLanguage.Kuery, QueryBlock.Match(f.Text).Groups[1].Value, f.Path, f.Path))
            .ToList();
        var compile = Stopwatch.StartNew();
        var detections = RuleLibrary.FromDefinitions(rules).Detections.OfType<ElasticEventDetection>().ToArray();
        Console.WriteLine($"compiled {detections.Length} kuery rules in {compile.Elapsed.TotalSeconds:0.0} s");

        var lines = Generate(count);
        var bytes = lines.Sum(l => (long)l.Length);
        Console.WriteLine($"{count} events, {bytes / 1024.0 / 1024.0:0.0} MiB");

        // warm up both paths (JIT, tiered compilation) on a tenth of the events
        var view = new EventView();
        foreach (var line in lines.Take(count / 10))
        {
            var warm = new Utf8JsonReader(line);
            while (warm.Read()) { }
            view.Load(line);
            foreach (var detection in detections) detection.Matches(view);
        }

        // baseline: tokenise every event once
        var baseline = Stopwatch.StartNew();
        long tokens = 0;
        foreach (var line in lines)
        {
            var reader = new Utf8JsonReader(line);
            while (reader.Read()) tokens++;
        }
        baseline.Stop();

        long matches = 0;
        var run = Stopwatch.StartNew();
        foreach (var line in lines)
        {
            view.Load(line);
            foreach (var detection in detections)
                if (detection.Matches(view)) matches++;
        }
        run.Stop();

        Console.WriteLine($"Utf8JsonReader pass:      {Rate(count, baseline.Elapsed)} ({tokens} tokens)");
        Console.WriteLine($"load + {detections.Length} rules:       {Rate(count, run.Elapsed)} ({matches} matches; {run.Elapsed.TotalNanoseconds / count / detections.Length:0.0} ns per rule per event)");
        Console.WriteLine($"ratio: {run.Elapsed / baseline.Elapsed:0.0}× the plain reader pass");

        // the costliest rules, each timed alone over the first 20,000 events
        var sample = lines.Take(20_000).ToList();
        var costs = new List<(double Nanoseconds, string Rule)>();
        foreach (var detection in detections)
        {
            var watch = new Stopwatch();
            foreach (var line in sample)
            {
                view.Load(line);
                watch.Start();
                detection.Matches(view);
                watch.Stop();
            }
            costs.Add((watch.Elapsed.TotalNanoseconds / sample.Count, detection.Metadata.Name));
        }
        foreach (var (ns, rule) in costs.OrderByDescending(c => c.Nanoseconds).Take(10))
            Console.WriteLine($"  {ns,10:N0} ns/event  {rule}");
        return 0;
    }

    private static string Rate(int count, TimeSpan elapsed)
        => $"{count / elapsed.TotalSeconds,12:N0} events/s, {elapsed.TotalNanoseconds / count,8:N0} ns/event";

    /// <summary>ECS-shaped process, network, authentication and cloud events with a realistic mix of values.</summary>
    private static List<byte[]> Generate(int count)
    {
        var random = new Random(42);
        string Pick(params string[] values) => values[random.Next(values.Length)];
        var result = new List<byte[]>(count);
        for (var i = 0; i < count; i++)
        {
            var os = Pick("windows", "linux", "macos");
            var name = Pick("cmd.exe", "powershell.exe", "bash", "curl", "svchost.exe", "python3", "rundll32.exe", "sshd");
            var json = (random.Next(4)) switch
            {
                0 => $$"""{"@timestamp":"2024-05-01T12:{{i % 60:00}}:00Z","event":{"category":["process"],"type":["start"],"action":"exec","dataset":"endpoint.events.process"},"host":{"os":{"type":"{{os}}"},"name":"host-{{i % 50}}"},"process":{"name":"{{name}}","executable":"C:\\Windows\\System32\\{{name}}","args":["{{name}}","-c","echo {{i}}"],"command_line":"{{name}} -c echo {{i}}","pid":{{1000 + i % 5000}},"parent":{"name":"{{Pick("explorer.exe", "bash", "services.exe", "winword.exe")}}"} },"user":{"name":"user{{i % 20}}"} }""",
                1 => $$"""{"@timestamp":"2024-05-01T12:00:00Z","event":{"category":["network"],"dataset":"network_traffic.flow"},"source":{"ip":"10.{{i % 256}}.{{i / 256 % 256}}.7","port":{{40000 + i % 20000}}},"destination":{"ip":"{{Pick("8.8.8.8", "192.168.1.10", "172.16.3.4", "2001:db8::1")}}","port":{{Pick("22", "443", "3389", "445", "53")}}},"network":{"transport":"tcp","bytes":{{i % 100000}}},"host":{"os":{"type":"{{os}}"} } }""",
                2 => $$"""{"@timestamp":"2024-05-01T12:00:00Z","event":{"category":["authentication"],"outcome":"{{Pick("success", "failure")}}","dataset":"azure.signinlogs"},"data_stream":{"dataset":"azure.signinlogs"},"azure":{"signinlogs":{"properties":{"app_display_name":"{{Pick("Microsoft Azure PowerShell", "Office 365", "Azure Portal")}}","risk_level_during_signin":"{{Pick("none", "low", "high")}}","user_principal_name":"user{{i % 20}}@contoso.com"} } },"source":{"ip":"81.2.69.{{i % 255}}"},"user_agent":{"original":"Mozilla/5.0"} }""",
                _ => $$"""{"@timestamp":"2024-05-01T12:00:00Z","event":{"dataset":"azure.activitylogs","outcome":"{{Pick("success", "Success", "failure")}}","action":"{{Pick("MICROSOFT.STORAGE/STORAGEACCOUNTS/DELETE", "MICROSOFT.COMPUTE/VIRTUALMACHINES/WRITE", "MICROSOFT.KEYVAULT/VAULTS/SECRETS/READ")}}"},"data_stream":{"dataset":"azure.activitylogs"},"azure":{"activitylogs":{"operation_name":"MICROSOFT.STORAGE/STORAGEACCOUNTS/DELETE","identity":{"claims_initiated_by_user":{"name":"user{{i % 20}}"} } } },"message":"operation {{i}} completed for user{{i % 20}}"}""",
            };
            result.Add(Encoding.UTF8.GetBytes(json));
        }
        return result;
    }
}
