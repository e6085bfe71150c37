using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AzureRules.Generators.Formats.Common;
using AzureRules.Generators.Formats.Elastic;
using AzureRules.Generators.Mitre;
using AzureRules.Generators.Model;

namespace AzureRules.Cli.Export;

/// <summary>
/// An Elastic rule as Kibana's rule import API (<c>POST /api/detection_engine/rules/_import</c>) reads
/// it: one JSON object per NDJSON line, with Kibana's field names, as detection-rules' <c>export-rules</c>
/// writes it from the TOML. detection-rules' TOML-only shapes become the API's: <c>[rule.new_terms]</c>
/// becomes <c>new_terms_fields</c> and <c>history_window_start</c>; threat techniques get their ATT&amp;CK
/// names and references. Fields the model keeps as data (note, setup, threat_mapping, …) are written as read.
/// </summary>
internal static class KibanaRuleExporter
{
    private const string AttackReference = "https://attack.mitre.org/";

    public static JsonObject Export(RuleDefinition rule, string? versionOverride = null)
    {
        if (rule.Family != RuleFamily.Elastic)
            throw new ExportException(rule, "is a Sentinel rule; Kibana imports Elastic rules only");

        var json = new JsonObject();
        if (rule.Id is { } id) json["rule_id"] = id.Value;
        json["name"] = rule.Name.Value;
        if (rule.Description is not null) json["description"] = rule.Description;
        json["type"] = rule.Kind;
        if (rule.Language != QueryLanguage.None) json["language"] = ElasticVocabulary.LanguageName(rule.Language);
        if (rule.Query is { } query) json["query"] = query.Text;
        if (!rule.Indices.IsEmpty) json["index"] = Strings(rule.Indices);
        if (rule.LookBack is { } lookBack) json["from"] = "now-" + Durations.Format(lookBack);
        if (rule.Interval is { } interval) json["interval"] = Durations.Format(interval);
        if (rule.MaxAlerts is { } max) json["max_signals"] = max;
        if (rule.RiskScore is { } risk) json["risk_score"] = risk.Value;
        if (rule.Severity is { } severity) json["severity"] = severity.Value;
        if (!rule.Threat.IsEmpty) json["threat"] = Threat(rule);
        if ((versionOverride ?? rule.Version) is { } version)
            json["version"] = int.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : version;
        if (!rule.Authors.IsEmpty) json["author"] = Strings(rule.Authors);
        if (rule.License is not null) json["license"] = rule.License;
        if (!rule.References.IsEmpty) json["references"] = Strings(rule.References);
        if (!rule.Tags.IsEmpty) json["tags"] = Strings(rule.Tags);
        if (!rule.FalsePositives.IsEmpty) json["false_positives"] = Strings(rule.FalsePositives);
        if (rule.BuildingBlockType is not null) json["building_block_type"] = rule.BuildingBlockType;
        if (rule.TimestampOverride is not null) json["timestamp_override"] = rule.TimestampOverride;
        WriteTypeSpecific(rule, json);
        foreach (var field in rule.OtherFields)
            json[field.Name] = JsonNode.Parse(field.Json);
        return json;
    }

    /// <summary>The fields of threshold, new_terms and machine_learning rules (threat_match and esql/eql need only the common fields and their own, kept as data).</summary>
    private static void WriteTypeSpecific(RuleDefinition rule, JsonObject json)
    {
        if (rule.ThresholdValue is not null || !rule.ThresholdFields.IsEmpty || !rule.ThresholdCardinality.IsEmpty)
        {
            var threshold = new JsonObject { ["field"] = Strings(rule.ThresholdFields) };
            if (rule.ThresholdValue is { } value) threshold["value"] = value;
            if (!rule.ThresholdCardinality.IsEmpty)
                threshold["cardinality"] = new JsonArray([.. rule.ThresholdCardinality.Select(c => (JsonNode)new JsonObject { ["field"] = c.Field, ["value"] = c.Value })]);
            json["threshold"] = threshold;
        }
        if (!rule.NewTermsFields.IsEmpty) json["new_terms_fields"] = Strings(rule.NewTermsFields);
        if (rule.NewTermsHistoryWindow is { } window) json["history_window_start"] = "now-" + Durations.Format(window);
        if (rule.MachineLearningJob is { } jobs)
        {
            var ids = jobs.Split(',');
            json["machine_learning_job_id"] = ids.Length == 1 ? ids[0] : new JsonArray([.. ids.Select(id => (JsonNode)id)]);
        }
        if (rule.AnomalyThreshold is { } anomaly) json["anomaly_threshold"] = anomaly;
    }

    /// <summary>Kibana's threat: one entry per tactic, techniques with their sub-techniques nested under them.</summary>
    private static JsonArray Threat(RuleDefinition rule)
    {
        var threat = new JsonArray();
        foreach (var mapping in rule.Threat)
        {
            var techniques = NestTechniques(mapping.Techniques.Select(t => t.Value));
            // a Sentinel-style mapping may list several tactics; Kibana wants one per entry
            var tactics = mapping.Tactics.IsEmpty ? [null] : mapping.Tactics.Select(t => (string?)t.Value).ToArray();
            foreach (var tactic in tactics)
            {
                var entry = new JsonObject { ["framework"] = "MITRE ATT&CK" };
                if (tactic is not null) entry["tactic"] = Tactic(tactic);
                // detection-rules always writes the technique list, empty when the tactic alone is mapped
                entry["technique"] = techniques.DeepClone();
                threat.Add(entry);
            }
        }
        return threat;
    }

    private static JsonObject Tactic(string written)
    {
        var tactic = AttackCatalog.FindTactic(written);
        return tactic is null
            ? new JsonObject { ["id"] = written, ["name"] = written, ["reference"] = "" }
            : new JsonObject { ["id"] = tactic.Id, ["name"] = tactic.Name, ["reference"] = $"{AttackReference}tactics/{tactic.Id}/" };
    }

    private static JsonArray NestTechniques(IEnumerable<string> ids)
    {
        var parents = new List<(string Id, List<string> Subs)>();
        foreach (var raw in ids)
        {
            var id = raw.Trim();
            var dot = id.IndexOf('.');
            var parentId = dot > 0 ? id[..dot] : id;
            var parent = parents.FindIndex(p => string.Equals(p.Id, parentId, StringComparison.OrdinalIgnoreCase));
            if (parent < 0)
            {
                parents.Add((parentId, []));
                parent = parents.Count - 1;
            }
            if (dot > 0 && !parents[parent].Subs.Contains(id, StringComparer.OrdinalIgnoreCase)) parents[parent].Subs.Add(id);
        }
        var array = new JsonArray();
        foreach (var (id, subs) in parents)
        {
            var technique = Technique(id);
            if (subs.Count > 0) technique["subtechnique"] = new JsonArray([.. subs.Select(s => (JsonNode)Technique(s))]);
            array.Add(technique);
        }
        return array;
    }

    private static JsonObject Technique(string id)
    {
        var known = AttackCatalog.FindTechnique(id);
        return new JsonObject
        {
            ["id"] = id,
            ["name"] = known?.Name ?? id,
            ["reference"] = AttackReference + "techniques/" + id.Replace('.', '/') + "/",
        };
    }

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)v)]);

    /// <summary>One NDJSON line: compact JSON, non-ASCII kept as is.</summary>
    public static string ToLine(JsonObject rule) => rule.ToJsonString(LineOptions);

    private static readonly JsonSerializerOptions LineOptions = new()
    {
        WriteIndented = false,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}

/// <summary>A rule that cannot be written in the asked format, with the reason.</summary>
internal sealed class ExportException(RuleDefinition rule, string reason)
    : Exception($"{rule.FilePath}: '{rule.Name.Value}' {reason}");
