using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.RegularExpressions;
using AzureRules.Generators.Diagnostics;
using AzureRules.Generators.Formats.Json;
using AzureRules.Generators.Model;

namespace AzureRules.Generators.Formats.Sentinel;

/// <summary>
/// Reads Sentinel rules from an ARM deployment template: <c>Microsoft.SecurityInsights/alertRules</c>
/// resources (Scheduled, NRT; also the older <c>workspaces/providers/alertRules</c> spelling) and
/// hunting queries as <c>workspaces/savedSearches</c> in the "Hunting Queries" category. The template's
/// <c>metadata.azureRules.rules[id]</c> (written by <c>azrules export sentinel</c>) adds what the API has
/// no property for. Other resources of the deployment are not rules and are passed over.
/// </summary>
internal sealed class ArmTemplateReader
{
    private readonly string _path;
    private readonly List<RuleDiagnostic> _diagnostics = new();

    private ArmTemplateReader(string path) => _path = path;

    /// <summary>A JSON file is an ARM template when its <c>$schema</c> is a deployment template schema.</summary>
    public static bool LooksLike(string text)
    {
        var head = text.Length > 400 ? text.Substring(0, 400) : text;
        return head.IndexOf("\"$schema\"", StringComparison.Ordinal) >= 0
            && head.IndexOf("deploymentTemplate.json", StringComparison.OrdinalIgnoreCase) >= 0;
    }

    public static RuleFile Read(string path, string text)
    {
        var parsed = JsonParser.Parse(text, out _);
        if (parsed.Error is { } error)
            return RuleFile.Failed(path, RuleDiagnostic.Create(DiagnosticDescriptors.MalformedFile, SourceSpan.At(path, error.Position), "JSON", error.Message));
        if (parsed.Value is not JsonObject template || template["resources"] is not JsonArray resources)
            return RuleFile.Failed(path, RuleDiagnostic.Create(DiagnosticDescriptors.MissingField, SourceSpan.At(path, SourcePosition.Start), "resources"));

        var extra = (template["metadata"] as JsonObject)?["azureRules"] is JsonObject azureRules ? azureRules["rules"] as JsonObject : null;
        var rules = ImmutableArray.CreateBuilder<RuleDefinition>();
        foreach (var item in resources.Items)
        {
            if (item is not JsonObject resource || resource["type"] is not JsonString type) continue;
            var reader = new ArmTemplateReader(path);
            var rule = IsAlertRule(type.Value) ? reader.ReadAlertRule(resource, extra)
                : IsHuntingQuery(type.Value, resource) ? reader.ReadHuntingQuery(resource, extra)
                : null;
            if (rule is not null) rules.Add(rule);
        }
        return new RuleFile(path, rules.ToImmutable(), EquatableArray<RuleDiagnostic>.Empty);
    }

    private static bool IsAlertRule(string type) => type.EndsWith("/alertRules", StringComparison.OrdinalIgnoreCase);

    private static bool IsHuntingQuery(string type, JsonObject resource)
        => type.EndsWith("/savedSearches", StringComparison.OrdinalIgnoreCase)
            && (resource["properties"] as JsonObject)?["category"] is JsonString { Value: "Hunting Queries" };

    // ---- alert rules -------------------------------------------------------------------------------

    private RuleDefinition ReadAlertRule(JsonObject resource, JsonObject? extra)
    {
        var id = ReadId(resource);
        var properties = resource["properties"] as JsonObject ?? new JsonObject(resource.Start, resource.End);
        var kind = Text(resource, "kind")?.Value ?? "Scheduled";
        if (kind is not ("Scheduled" or "NRT"))
            Report(DiagnosticDescriptors.InvalidValue, Span(resource["kind"]!), "kind", kind, "expected Scheduled or NRT (other alert rule kinds have no query)");
        var rule = Base(resource, id, kind, properties, Text(properties, "displayName"), Text(properties, "description")?.Value, Query(properties));
        rule = ReadAlertProperties(rule, properties);
        return WithMetadata(rule, id, extra);
    }

    /// <summary>The alertRules properties beyond name, description and query; also a hunting query's extra shaping.</summary>
    private RuleDefinition ReadAlertProperties(RuleDefinition rule, JsonObject p)
    {
        // the exact lists, when a hunting query's tags could not hold them (see ReadHuntingQuery)
        var tactics = Texts(p, "tactics");
        var techniques = Texts(p, "techniques").Concat(Texts(p, "subTechniques")).ToList();
        var incident = p["incidentConfiguration"] as JsonObject;
        var suppressionEnabled = p["suppressionEnabled"] is JsonBoolean { Value: true };
        return rule with
        {
            Severity = Text(p, "severity") ?? rule.Severity,
            Interval = Duration(p, "queryFrequency", out var intervalSpan) ?? rule.Interval,
            IntervalSpan = intervalSpan ?? rule.IntervalSpan,
            LookBack = Duration(p, "queryPeriod", out var lookBackSpan) ?? rule.LookBack,
            LookBackSpan = lookBackSpan ?? rule.LookBackSpan,
            TriggerOperator = TriggerOperator(p) ?? rule.TriggerOperator,
            TriggerThreshold = p["triggerThreshold"] is JsonNumber n && n.TryGetInt64(out var t) ? (int)t : rule.TriggerThreshold,
            TriggerThresholdSpan = p["triggerThreshold"] is { } thresholdNode ? Span(thresholdNode) : rule.TriggerThresholdSpan,
            SuppressionEnabled = suppressionEnabled || rule.SuppressionEnabled,
            SuppressionDuration = Duration(p, "suppressionDuration", out _) ?? rule.SuppressionDuration,
            Threat = tactics.Count + techniques.Count == 0 ? rule.Threat
                : ImmutableArray.Create(new ThreatMapping(tactics.ToEquatableArray(), techniques.ToEquatableArray())),
            EntityMappings = p["entityMappings"] is JsonArray mappings ? EntityMappings(mappings) : rule.EntityMappings,
            CustomDetails = p["customDetails"] is JsonObject details ? CustomDetails(details) : rule.CustomDetails,
            AlertDetailsOverride = p["alertDetailsOverride"] is JsonObject overrides ? AlertDetailsOverride(overrides) : rule.AlertDetailsOverride,
            EventGrouping = (p["eventGroupingSettings"] as JsonObject) is { } grouping ? Text(grouping, "aggregationKind")?.Value : rule.EventGrouping,
            CreateIncident = incident?["createIncident"] is JsonBoolean create ? create.Value : rule.CreateIncident,
            IncidentGrouping = incident?["groupingConfiguration"] is JsonObject groupingConfiguration ? IncidentGrouping(groupingConfiguration) : rule.IncidentGrouping,
            Diagnostics = _diagnostics.ToEquatableArray(),
        };
    }

    // ---- hunting queries ---------------------------------------------------------------------------

    private RuleDefinition ReadHuntingQuery(JsonObject resource, JsonObject? extra)
    {
        var id = ReadId(resource);
        var properties = (JsonObject)resource["properties"]!;
        var tags = new Dictionary<string, Located<string>>(StringComparer.OrdinalIgnoreCase);
        if (properties["tags"] is JsonArray tagList)
        {
            foreach (var tag in tagList.Items.OfType<JsonObject>())
                if (Text(tag, "name") is { } name && Text(tag, "value") is { } value) tags[name.Value] = value;
        }
        var rule = Base(resource, id, SentinelFields.Hunting, properties, Text(properties, "displayName"),
            tags.TryGetValue("description", out var description) ? description.Value : null, Query(properties));
        var tactics = tags.TryGetValue("tactics", out var t) ? Split(t) : new List<Located<string>>();
        var techniques = tags.TryGetValue("techniques", out var q) ? Split(q) : new List<Located<string>>();
        if (tactics.Count + techniques.Count > 0)
            rule = rule with { Threat = ImmutableArray.Create(new ThreatMapping(tactics.ToEquatableArray(), techniques.ToEquatableArray())) };
        if (id is not null && extra?[id.Value.Value] is JsonObject metadata && metadata["alertRuleProperties"] is JsonObject shaping)
            rule = ReadAlertProperties(rule, shaping);
        return WithMetadata(rule, id, extra);
    }

    private static List<Located<string>> Split(Located<string> list)
        => list.Value.Split(',').Select(s => s.Trim()).Where(s => s.Length > 0).Select(s => new Located<string>(s, list.Span)).ToList();

    // ---- shared ------------------------------------------------------------------------------------

    private RuleDefinition Base(JsonObject resource, Located<string>? id, string kind, JsonObject properties, Located<string>? name, string? description, QueryText? query)
    {
        if (name is null) Report(DiagnosticDescriptors.MissingField, Span(properties), "displayName");
        if (query is null || query.Text.Trim().Length == 0) Report(DiagnosticDescriptors.MissingField, Span(properties), "query");
        return new RuleDefinition
        {
            FilePath = _path,
            Format = RuleFormat.SentinelArm,
            Kind = kind,
            Id = id,
            Name = name ?? new Located<string>("", Span(resource)),
            Description = description,
            Language = query is null ? QueryLanguage.None : QueryLanguage.Kusto,
            Query = query,
            Diagnostics = _diagnostics.ToEquatableArray(),
        };
    }

    /// <summary>The version, data connectors, tags and authors the export kept in the template's metadata.</summary>
    private RuleDefinition WithMetadata(RuleDefinition rule, Located<string>? id, JsonObject? extra)
    {
        if (id is null || extra?[id.Value.Value] is not JsonObject metadata) return rule with { Diagnostics = _diagnostics.ToEquatableArray() };
        var version = Text(metadata, "version");
        return rule with
        {
            Version = version?.Value,
            VersionText = version,
            DataConnectors = Texts(metadata, "dataConnectors").Select(c => c.Value).ToEquatableArray(),
            DataConnectorIds = Texts(metadata, "dataConnectors").ToEquatableArray(),
            RequiredTables = Texts(metadata, "dataTypes").Select(c => c.Value).ToEquatableArray(),
            Tags = Texts(metadata, "tags").Select(c => c.Value).ToEquatableArray(),
            Authors = Texts(metadata, "authors").Select(c => c.Value).ToEquatableArray(),
            Diagnostics = _diagnostics.ToEquatableArray(),
        };
    }

    private static readonly Regex GuidPattern = new("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}",
        RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>The rule id: the resource name, or the last GUID in a name expression (<c>[concat(parameters('workspace'), '/…/&lt;id&gt;')]</c>).</summary>
    private Located<string>? ReadId(JsonObject resource)
    {
        if (Text(resource, "name") is not { } name)
        {
            Report(DiagnosticDescriptors.MissingField, Span(resource), "name");
            return null;
        }
        var matches = GuidPattern.Matches(name.Value);
        if (matches.Count == 0)
        {
            Report(DiagnosticDescriptors.InvalidValue, name.Span, "name", name.Value, "expected the rule's GUID as the resource name");
            return null;
        }
        return new Located<string>(matches[matches.Count - 1].Value, name.Span);
    }

    private QueryText? Query(JsonObject properties)
        => properties["query"] is JsonString query ? new QueryText(query.Value, _path, query.Map) : null;

    private TimeSpan? Duration(JsonObject obj, string field, out SourceSpan? span)
    {
        span = null;
        if (Text(obj, field) is not { } text) return null;
        span = text.Span;
        if (SentinelDurations.TryParse(text.Value, out var value)) return value;
        Report(DiagnosticDescriptors.InvalidDuration, text.Span, field, text.Value);
        return null;
    }

    private string? TriggerOperator(JsonObject p)
    {
        if (Text(p, "triggerOperator") is not { } text) return null;
        switch (text.Value.ToLowerInvariant())
        {
            case "gt": case "greaterthan": return "GreaterThan";
            case "lt": case "lessthan": return "LessThan";
            case "eq": case "equal": return "Equal";
            case "ne": case "notequal": return "NotEqual";
        }
        Report(DiagnosticDescriptors.InvalidValue, text.Span, "triggerOperator", text.Value, "expected GreaterThan, LessThan, Equal or NotEqual");
        return null;
    }

    private EquatableArray<EntityMapping> EntityMappings(JsonArray mappings)
    {
        var result = ImmutableArray.CreateBuilder<EntityMapping>();
        foreach (var mapping in mappings.Items.OfType<JsonObject>())
        {
            if (Text(mapping, "entityType") is not { } type)
            {
                Report(DiagnosticDescriptors.MissingField, Span(mapping), "entityType");
                continue;
            }
            var fields = ImmutableArray.CreateBuilder<FieldMapping>();
            if (mapping["fieldMappings"] is JsonArray fieldMappings)
            {
                foreach (var field in fieldMappings.Items.OfType<JsonObject>())
                {
                    if (Text(field, "identifier") is { } identifier && Text(field, "columnName") is { } column)
                        fields.Add(new FieldMapping(identifier, column));
                    else Report(DiagnosticDescriptors.MissingField, Span(field), Text(field, "identifier") is null ? "identifier" : "columnName");
                }
            }
            result.Add(new EntityMapping(type, fields.ToImmutable()));
        }
        return result.ToImmutable();
    }

    private EquatableArray<CustomDetail> CustomDetails(JsonObject details)
    {
        var result = ImmutableArray.CreateBuilder<CustomDetail>();
        foreach (var property in details.Properties)
        {
            if (property.Value is JsonString column)
                result.Add(new CustomDetail(new Located<string>(property.Name, new SourceSpan(_path, property.NamePosition, property.NamePosition)),
                    new Located<string>(column.Value, Span(column))));
        }
        return result.ToImmutable();
    }

    private EquatableArray<AlertDetailOverride> AlertDetailsOverride(JsonObject overrides)
    {
        var result = ImmutableArray.CreateBuilder<AlertDetailOverride>();
        foreach (var property in overrides.Properties)
        {
            if (property.Name == "alertDynamicProperties" && property.Value is JsonArray dynamic)
            {
                foreach (var item in dynamic.Items.OfType<JsonObject>())
                    if (Text(item, "alertProperty") is { } name && Text(item, "value") is { } value)
                        result.Add(new AlertDetailOverride(name.Value, value));
            }
            else if (property.Value is JsonString template)
            {
                result.Add(new AlertDetailOverride(property.Name, new Located<string>(template.Value, Span(template))));
            }
        }
        return result.ToImmutable();
    }

    private IncidentGrouping IncidentGrouping(JsonObject g)
        => new(
            g["enabled"] is JsonBoolean { Value: true },
            g["reopenClosedIncident"] is JsonBoolean { Value: true },
            Duration(g, "lookbackDuration", out _),
            Text(g, "matchingMethod")?.Value,
            Texts(g, "groupByEntities").Select(v => v.Value).ToEquatableArray(),
            Texts(g, "groupByAlertDetails").Select(v => v.Value).ToEquatableArray(),
            Texts(g, "groupByCustomDetails").Select(v => v.Value).ToEquatableArray());

    private Located<string>? Text(JsonObject obj, string field)
    {
        var value = obj[field];
        if (value is null or JsonNull) return null;
        if (value is JsonString s) return new Located<string>(s.Value, Span(s));
        Report(DiagnosticDescriptors.InvalidValue, Span(value), field, value.ToString() ?? "", $"expected a string, found {value.TypeName}");
        return null;
    }

    private List<Located<string>> Texts(JsonObject obj, string field)
    {
        var list = new List<Located<string>>();
        if (obj[field] is not JsonArray array) return list;
        foreach (var item in array.Items)
        {
            if (item is JsonString s) list.Add(new Located<string>(s.Value, Span(s)));
            else Report(DiagnosticDescriptors.InvalidValue, Span(item), field, item.ToString() ?? "", "expected a string");
        }
        return list;
    }

    private SourceSpan Span(JsonNode node) => new(_path, node.Start, node.End);

    private void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, SourceSpan span, params string[] arguments)
        => _diagnostics.Add(RuleDiagnostic.Create(descriptor, span, arguments));
}
