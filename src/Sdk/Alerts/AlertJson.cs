using System.Text.Json;
using System.Text.Json.Nodes;

namespace AzureRules.Sdk.Alerts;

/// <summary>Alerts as JSON lines: one object per alert with the rule's identity, ATT&amp;CK ids and the rows.</summary>
public static class AlertJson
{
    // alerts are data for people and tools, not HTML: keep '+', quotes and non-ASCII readable
    private static readonly JsonSerializerOptions Compact = new()
    {
        WriteIndented = false,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture);

    public static JsonObject ToJson(Alert alert)
    {
        var meta = alert.Metadata;
        var json = new JsonObject
        {
            ["ruleId"] = meta.Id.ToString(),
            ["ruleName"] = meta.Name,
            ["severity"] = meta.Severity.ToString(),
            ["riskScore"] = meta.RiskScore,
            ["tactics"] = new JsonArray([.. meta.Tactics.Select(t => (JsonNode)JsonValue.Create(t.Id))]),
            ["techniques"] = new JsonArray([.. meta.Techniques.Select(t => (JsonNode)JsonValue.Create(t.Id))]),
            ["timestamp"] = Time(alert.Timestamp),
            ["windowStart"] = Time(alert.WindowStart),
            ["windowEnd"] = Time(alert.WindowEnd),
            ["rows"] = new JsonArray([.. alert.Rows.Select(r => r.DeepClone())]),
        };
        if (alert.Events.Count > 0)
            json["sources"] = new JsonArray([.. alert.Events.Select(e => (JsonNode)JsonValue.Create($"{e.SourceFile}:{e.LineNumber}"))]);
        if (alert.GroupId is { } group)
        {
            json["kibana.alert.group.id"] = group;
            json["buildingBlocks"] = new JsonArray([.. alert.BuildingBlocks.Select(b => b.DeepClone())]);
        }
        return json;
    }

    public static string ToJsonLine(Alert alert) => Text.JsonText.Write(ToJson(alert), Compact);
}
