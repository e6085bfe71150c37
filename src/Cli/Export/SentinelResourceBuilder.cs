using System.Text.Json.Nodes;
using System.Xml;
using AzureRules.Generators.Model;

namespace AzureRules.Cli.Export;

/// <summary>
/// A Sentinel rule as ARM resources, in the shape both the ARM and the Bicep writer serialise:
/// Scheduled and NRT rules become <c>Microsoft.SecurityInsights/alertRules</c> on the workspace,
/// hunting queries become <c>Microsoft.OperationalInsights/workspaces/savedSearches</c> in the
/// "Hunting Queries" category with the description, tactics and techniques tags the Sentinel
/// hunting blade reads. What the API has no property for (the rule's version, data connectors,
/// tags, author; a hunting query's entity mappings) goes into the template's metadata, keyed by
/// rule id, where <see cref="Generators.Formats.Sentinel.ArmTemplateReader"/> finds it again.
/// </summary>
internal static class SentinelResourceBuilder
{
    public const string AlertRuleType = "Microsoft.SecurityInsights/alertRules";
    public const string AlertRuleApiVersion = "2023-12-01-preview";
    public const string SavedSearchType = "Microsoft.OperationalInsights/workspaces/savedSearches";
    public const string SavedSearchApiVersion = "2020-08-01";
    public const string HuntingCategory = "Hunting Queries";

    /// <summary>Sentinel's default suppression duration, which the API requires even while suppression is off.</summary>
    private static readonly TimeSpan DefaultSuppression = TimeSpan.FromHours(5);

    /// <summary>One rule: its resource (ARM shape, workspace left to the writer) and its metadata entry.</summary>
    public sealed record SentinelResource(string RuleId, string Type, string ApiVersion, string? Kind, JsonObject Properties, JsonObject Metadata, RuleDefinition Rule)
    {
        public bool IsHunting => Type == SavedSearchType;
    }

    public static SentinelResource Build(RuleDefinition rule)
    {
        if (rule.Family != RuleFamily.Sentinel)
            throw new ExportException(rule, "is an Elastic rule; Sentinel deploys Sentinel rules only");
        if (rule.Id is not { } id || !Guid.TryParse(id.Value, out _))
            throw new ExportException(rule, "has no GUID id; the resource name of a Sentinel rule is its id");

        var metadata = new JsonObject();
        if (rule.Version is not null) metadata["version"] = rule.Version;
        if (!rule.DataConnectors.IsEmpty) metadata["dataConnectors"] = Strings(rule.DataConnectors);
        if (!rule.RequiredTables.IsEmpty) metadata["dataTypes"] = Strings(rule.RequiredTables);
        if (!rule.Tags.IsEmpty) metadata["tags"] = Strings(rule.Tags);
        if (!rule.Authors.IsEmpty) metadata["authors"] = Strings(rule.Authors);

        if (rule.Kind == "Hunting")
        {
            var properties = new JsonObject
            {
                ["category"] = HuntingCategory,
                ["displayName"] = rule.Name.Value,
                ["query"] = rule.Query?.Text ?? "",
                ["version"] = 2,
                ["tags"] = HuntingTags(rule),
            };
            // a hunting query may carry alert shaping (entity mappings …) that a saved search cannot hold
            var shaping = AlertProperties(rule, hunting: true);
            // the hunting blade's tags are comma-separated; a value with a comma in it is kept exactly here
            var tactics = rule.Threat.SelectMany(t => t.Tactics).Select(t => t.Value).ToList();
            var techniques = rule.Threat.SelectMany(t => t.Techniques).Select(t => t.Value).ToList();
            if (tactics.Concat(techniques).Any(v => v.Contains(',')))
            {
                shaping["tactics"] = Strings(tactics);
                shaping["techniques"] = Strings(techniques);
            }
            if (shaping.Count > 0) metadata["alertRuleProperties"] = shaping;
            return new SentinelResource(id.Value, SavedSearchType, SavedSearchApiVersion, null, properties, metadata, rule);
        }
        return new SentinelResource(id.Value, AlertRuleType, AlertRuleApiVersion, rule.Kind, AlertProperties(rule, hunting: false), metadata, rule);
    }

    /// <summary>The alertRules properties (Scheduled and NRT); for a hunting query only those it actually has.</summary>
    private static JsonObject AlertProperties(RuleDefinition rule, bool hunting)
    {
        var p = new JsonObject();
        if (!hunting)
        {
            p["displayName"] = rule.Name.Value;
            if (rule.Description is not null) p["description"] = rule.Description;
            p["enabled"] = true;
            p["query"] = rule.Query?.Text ?? "";
        }
        if (rule.Severity is { } severity) p["severity"] = severity.Value;
        if (rule.Interval is { } interval) p["queryFrequency"] = Iso(interval);
        if (rule.LookBack is { } lookBack) p["queryPeriod"] = Iso(lookBack);
        if (rule.TriggerOperator is not null) p["triggerOperator"] = rule.TriggerOperator;
        if (rule.TriggerThreshold is { } threshold) p["triggerThreshold"] = threshold;
        if (!hunting)
        {
            p["suppressionEnabled"] = rule.SuppressionEnabled;
            p["suppressionDuration"] = Iso(rule.SuppressionDuration ?? DefaultSuppression);
            WriteThreat(rule, p);
        }
        else if (rule.SuppressionEnabled || rule.SuppressionDuration is not null)
        {
            p["suppressionEnabled"] = rule.SuppressionEnabled;
            if (rule.SuppressionDuration is { } suppression) p["suppressionDuration"] = Iso(suppression);
        }
        if (!rule.EntityMappings.IsEmpty)
        {
            p["entityMappings"] = new JsonArray([.. rule.EntityMappings.Select(m => (JsonNode)new JsonObject
            {
                ["entityType"] = m.EntityType.Value,
                ["fieldMappings"] = new JsonArray([.. m.Fields.Select(f => (JsonNode)new JsonObject
                {
                    ["identifier"] = f.Identifier.Value,
                    ["columnName"] = f.ColumnName.Value,
                })]),
            })]);
        }
        if (!rule.CustomDetails.IsEmpty)
        {
            var details = new JsonObject();
            foreach (var detail in rule.CustomDetails) details[detail.Key.Value] = detail.ColumnName.Value;
            p["customDetails"] = details;
        }
        if (!rule.AlertDetailsOverride.IsEmpty) p["alertDetailsOverride"] = AlertDetailsOverride(rule);
        if (rule.EventGrouping is not null) p["eventGroupingSettings"] = new JsonObject { ["aggregationKind"] = rule.EventGrouping };
        if (rule.CreateIncident is not null || rule.IncidentGrouping is not null) p["incidentConfiguration"] = IncidentConfiguration(rule);
        return p;
    }

    /// <summary>
    /// tactics, techniques and subTechniques: the API lists sub-techniques apart and wants each one's
    /// parent among the techniques.
    /// </summary>
    private static void WriteThreat(RuleDefinition rule, JsonObject p)
    {
        var tactics = rule.Threat.SelectMany(t => t.Tactics).Select(t => t.Value).Distinct(StringComparer.Ordinal).ToList();
        var techniques = new List<string>();
        var subTechniques = new List<string>();
        foreach (var written in rule.Threat.SelectMany(t => t.Techniques).Select(t => t.Value.Trim()))
        {
            var dot = written.IndexOf('.');
            var parent = dot > 0 ? written[..dot] : written;
            if (!techniques.Contains(parent, StringComparer.OrdinalIgnoreCase)) techniques.Add(parent);
            if (dot > 0 && !subTechniques.Contains(written, StringComparer.OrdinalIgnoreCase)) subTechniques.Add(written);
        }
        p["tactics"] = Strings(tactics);
        p["techniques"] = Strings(techniques);
        if (subTechniques.Count > 0) p["subTechniques"] = Strings(subTechniques);
    }

    private static readonly string[] FixedOverrides = ["alertDisplayNameFormat", "alertDescriptionFormat", "alertTacticsColumnName", "alertSeverityColumnName"];

    private static JsonObject AlertDetailsOverride(RuleDefinition rule)
    {
        var result = new JsonObject();
        var dynamic = new JsonArray();
        foreach (var item in rule.AlertDetailsOverride)
        {
            if (FixedOverrides.Contains(item.Property)) result[item.Property] = item.Template.Value;
            else dynamic.Add(new JsonObject { ["alertProperty"] = item.Property, ["value"] = item.Template.Value });
        }
        if (dynamic.Count > 0) result["alertDynamicProperties"] = dynamic;
        return result;
    }

    private static JsonObject IncidentConfiguration(RuleDefinition rule)
    {
        var configuration = new JsonObject();
        if (rule.CreateIncident is { } create) configuration["createIncident"] = create;
        if (rule.IncidentGrouping is { } g)
        {
            var grouping = new JsonObject { ["enabled"] = g.Enabled, ["reopenClosedIncident"] = g.ReopenClosedIncident };
            if (g.LookbackDuration is { } lookback) grouping["lookbackDuration"] = Iso(lookback);
            if (g.MatchingMethod is not null) grouping["matchingMethod"] = g.MatchingMethod;
            grouping["groupByEntities"] = Strings(g.GroupByEntities);
            grouping["groupByAlertDetails"] = Strings(g.GroupByAlertDetails);
            grouping["groupByCustomDetails"] = Strings(g.GroupByCustomDetails);
            configuration["groupingConfiguration"] = grouping;
        }
        return configuration;
    }

    /// <summary>The tags Sentinel's hunting blade reads from a saved search: description, tactics, techniques (comma-separated).</summary>
    private static JsonArray HuntingTags(RuleDefinition rule)
    {
        var tags = new JsonArray();
        if (rule.Description is not null) tags.Add(Tag("description", rule.Description));
        var tactics = rule.Threat.SelectMany(t => t.Tactics).Select(t => t.Value).ToList();
        var techniques = rule.Threat.SelectMany(t => t.Techniques).Select(t => t.Value).ToList();
        if (tactics.Count > 0) tags.Add(Tag("tactics", string.Join(",", tactics)));
        if (techniques.Count > 0) tags.Add(Tag("techniques", string.Join(",", techniques)));
        return tags;
    }

    private static JsonObject Tag(string name, string value) => new() { ["name"] = name, ["value"] = value };

    /// <summary>ISO 8601, as the API writes durations (PT5M, PT1H, P1D).</summary>
    public static string Iso(TimeSpan value) => XmlConvert.ToString(value);

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)v)]);
}
