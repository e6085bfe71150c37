using System.Text.Json;
using System.Text.Json.Nodes;

namespace AzureRules.Sdk.Alerts;

/// <summary>Alerts as JSON lines: one object per alert with the rule's identity, ATT&amp;CK ids and the rows.</summary>
public static class AlertJson
{
    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false };

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
            ["timestamp"] = alert.Timestamp.ToString("O"),
            ["windowStart"] = alert.WindowStart.ToString("O"),
            ["windowEnd"] = alert.WindowEnd.ToString("O"),
            ["rows"] = new JsonArray([.. alert.Rows.Select(r => r.DeepClone())]),
        };
        if (alert.Events.Count > 0)
            json["sources"] = new JsonArray([.. alert.Events.Select(e => (JsonNode)JsonValue.Create($"{e.SourceFile}:{e.LineNumber}"))]);
        return json;
    }

    public static string ToJsonLine(Alert alert) => ToJson(alert).ToJsonString(Compact);
}
