using AzureRules.Sdk.Detections;
using AzureRules.Sdk.Engine;
using AzureRules.Sdk.Events;

namespace AzureRules.Sdk.Tests.Engine;

/// <summary>Writes events to a temporary JSON-lines file and replays them through one rule.</summary>
public abstract class StatefulRuleTestBase : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("azr-stateful").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private protected EngineResult Run(Detection rule, IEnumerable<string> lines, ReplayBounds? bounds = null)
    {
        var path = Path.Combine(_folder, "events.jsonl");
        File.WriteAllLines(path, lines);
        return new DetectionEngine([rule]).Run(EventSource.JsonLines(path), bounds ?? ReplayBounds.All);
    }

    /// <summary>An event of index logs-test at HH:mm:ss on 2026-11-20 with the given fields (a JSON object body without braces).</summary>
    private protected static string Event(string time, string id, string fields, string index = "logs-test")
        => $"{{\"@timestamp\":\"2026-11-20T{time}Z\",\"_index\":\"{index}\",\"_id\":\"{id}\",{fields}}}";

    private protected static DateTimeOffset At(string time) => DateTimeOffset.Parse($"2026-11-20T{time}Z");
}
