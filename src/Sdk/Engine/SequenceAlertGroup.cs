using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using AzureRules.Sdk.Events;

namespace AzureRules.Sdk.Engine;

/// <summary>
/// The alert group Kibana writes for an EQL sequence (security_solution
/// <c>rule_types/eql/build_alert_group_from_sequence.ts</c>): one building-block alert per event of
/// the sequence, in order, each marked <c>kibana.alert.building_block_type: "default"</c> with the
/// group's id and its index in the group, and one shell alert for the sequence that carries the
/// group id. Building blocks are hidden from Kibana's alert list and count, so here they travel
/// inside the one alert the sequence raises.
/// </summary>
internal static class SequenceAlertGroup
{
    public const string BuildingBlockTypeField = "kibana.alert.building_block_type";
    public const string GroupIdField = "kibana.alert.group.id";
    public const string GroupIndexField = "kibana.alert.group.index";

    /// <summary>
    /// A deterministic group id: the same rule and the same events always make the same id (Kibana
    /// hashes the shell document; its alert ids are stable across re-runs the same way).
    /// </summary>
    public static string GroupId(Guid ruleId, IEnumerable<EventRecord> events)
    {
        var identity = new StringBuilder(ruleId.ToString());
        foreach (var record in events) identity.Append('\n').Append(record.EventId);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity.ToString())));
    }

    /// <summary>Each event's document marked as the group's building block number <c>i</c>.</summary>
    public static IReadOnlyList<JsonObject> BuildingBlocks(string groupId, IReadOnlyList<JsonObject> documents)
    {
        var blocks = new List<JsonObject>(documents.Count);
        for (var i = 0; i < documents.Count; i++)
        {
            var block = (JsonObject)documents[i].DeepClone();
            block[BuildingBlockTypeField] = "default";
            block[GroupIdField] = groupId;
            block[GroupIndexField] = i;
            blocks.Add(block);
        }
        return blocks;
    }
}
