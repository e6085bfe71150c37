// A host application using generated rules: the classes in AzureRules.Rules were generated at build
// time from the rule files in src/Rules/Rules, and are referenced here like any other library.
using AzureRules.Rules;
using AzureRules.Sdk.Engine;
using AzureRules.Sdk.Events;

var eventsFolder = args.Length > 0 ? args[0] : Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "events");

Console.WriteLine($"{GeneratedRules.All.Count} rules compiled into this app:");
foreach (var rule in GeneratedRules.All)
    Console.WriteLine($"  {rule.Metadata.Name} ({rule.Metadata.Family} {rule.Metadata.Kind}, {rule.Metadata.Severity})");

var engine = new DetectionEngine(GeneratedRules.All);
await foreach (var alert in engine.RunAsync(EventSource.JsonLines(eventsFolder)))
{
    var techniques = string.Join(", ", alert.Metadata.Techniques.Select(t => $"{t.Id} {t.Name}"));
    Console.WriteLine($"{alert.Timestamp:u}  {alert.Metadata.Name}  [{techniques}]  {alert.Rows.Count} row(s)");
}
