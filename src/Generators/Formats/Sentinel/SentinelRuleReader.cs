using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using AzureRules.Generators.Diagnostics;
using AzureRules.Generators.Formats.Common;
using AzureRules.Generators.Model;
using YamlDotNet.RepresentationModel;
using F = AzureRules.Generators.Formats.Sentinel.SentinelFields;

namespace AzureRules.Generators.Formats.Sentinel;

/// <summary>
/// Builds the rule model from the root mapping of a Sentinel rule, field by field, checking the format
/// of each value where it is written (a GUID id, a known severity, durations, the trigger operator).
/// Limits and cross-field rules of Sentinel's CI are not checked here but in
/// <see cref="AzureRules.Generators.Sentinel.SentinelRuleChecks"/>.
/// </summary>
internal sealed class SentinelRuleReader
{
    private readonly YamlSource _source;
    private readonly YamlValues _values;
    private readonly List<RuleDiagnostic> _diagnostics = new();

    private SentinelRuleReader(YamlSource source)
    {
        _source = source;
        _values = new YamlValues(source, _diagnostics);
    }

    public static RuleDefinition Read(YamlSource source, YamlMappingNode root, RuleFormat format)
        => new SentinelRuleReader(source).ReadRule(root, format);

    private RuleDefinition ReadRule(YamlMappingNode root, RuleFormat format)
    {
        var present = new HashSet<string>(StringComparer.Ordinal);
        Located<string>? id = null, name = null, severity = null, version = null, kind = null;
        string? description = null, triggerOperator = null, eventGrouping = null;
        TimeSpan? interval = null, lookBack = null, suppressionDuration = null;
        SourceSpan? intervalSpan = null, lookBackSpan = null, thresholdSpan = null;
        int? threshold = null;
        bool suppressionEnabled = false;
        bool? createIncident = null;
        IncidentGrouping? incidentGrouping = null;
        QueryText? query = null;
        var tactics = new List<Located<string>>();
        var techniques = new List<Located<string>>();
        var tables = new List<string>();
        var connectors = new List<Located<string>>();
        var entityMappings = new List<EntityMapping>();
        var customDetails = new List<CustomDetail>();
        var overrides = new List<AlertDetailOverride>();
        var tags = new List<string>();
        var authors = new List<string>();

        foreach (var entry in root.Children)
        {
            if (entry.Key is not YamlScalarNode keyNode)
            {
                _values.Invalid("(key)", entry.Key, "a field name must be a plain name");
                continue;
            }
            var key = _values.KnownName(keyNode, F.TopLevel);
            var node = entry.Value;
            if (!YamlValues.IsNull(node)) present.Add(key);
            switch (key)
            {
                case F.Id:
                    id = _values.Text(key, node);
                    if (id is { } idValue && !Guid.TryParseExact(idValue.Value, "D", out _))
                        _values.Invalid(key, node, "expected a GUID such as f19f913f-292a-41ed-9ac0-f3ea5e703d36");
                    break;
                case F.Name: name = _values.Text(key, node); break;
                case F.Description: description = _values.Text(key, node)?.Value; break;
                case F.Severity:
                    severity = _values.Text(key, node);
                    if (severity is { } s && Array.IndexOf(F.Severities, s.Value) < 0)
                        Report(DiagnosticDescriptors.InvalidSeverity, s.Span, s.Value, "Informational, Low, Medium or High");
                    break;
                case F.RequiredDataConnectors: ReadDataConnectors(node, connectors, tables); break;
                case F.QueryFrequency: interval = ReadDuration(key, node, out intervalSpan); break;
                case F.QueryPeriod: lookBack = ReadDuration(key, node, out lookBackSpan); break;
                case F.SuppressionDuration: suppressionDuration = ReadDuration(key, node, out _); break;
                case F.TriggerOperator: triggerOperator = ReadTriggerOperator(node); break;
                case F.TriggerThreshold:
                    if (_values.Text(key, node) is { } t)
                    {
                        thresholdSpan = t.Span;
                        if (int.TryParse(t.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)) threshold = n;
                        else _values.Invalid(key, node, "expected a whole number");
                    }
                    break;
                case F.Tactics: tactics.AddRange(_values.TextList(key, node)); break;
                case F.RelevantTechniques: techniques.AddRange(_values.TextList(key, node)); break;
                case F.Query:
                    if (node is YamlScalarNode q && !YamlValues.IsNull(q))
                        query = YamlScalarText.Map(_source, q, (int)keyNode.Start.Column - 1);
                    else if (node is not YamlScalarNode)
                        _values.Invalid(key, node, "expected the query text");
                    break;
                case F.EntityMappings: ReadEntityMappings(node, entityMappings); break;
                case F.CustomDetails:
                    foreach (var (detailKey, column) in _values.Pairs(key, node))
                        customDetails.Add(new CustomDetail(detailKey, column));
                    break;
                case F.AlertDetailsOverride: ReadAlertDetailsOverride(node, overrides); break;
                case F.EventGroupingSettings: eventGrouping = ReadEventGrouping(node); break;
                case F.IncidentConfiguration: createIncident = ReadIncidentConfiguration(node, out incidentGrouping); break;
                case F.SuppressionEnabled: suppressionEnabled = _values.Boolean(key, node) ?? false; break;
                case F.Version: version = _values.Text(key, node); break;
                case F.Kind: kind = _values.Text(key, node); break;
                case F.Tags: tags.AddRange(_values.Tags(key, node)); break;
                case F.Metadata: ReadMetadata(node, authors); break;
                default:
                    if (!F.Accepted.Contains(key))
                        Report(DiagnosticDescriptors.UnknownField, _source.SpanOf(keyNode), key, "a Sentinel rule");
                    break;
            }
        }

        var ruleKind = DecideKind(kind, present);
        RequireFields(present, query, ruleKind);

        return new RuleDefinition
        {
            FilePath = _source.Path,
            Format = format,
            Kind = ruleKind,
            Id = id,
            Name = name ?? new Located<string>("", _source.StartSpan),
            Description = description,
            Severity = severity,
            Version = version?.Value,
            VersionText = version,
            Interval = interval,
            IntervalSpan = intervalSpan,
            LookBack = lookBack,
            LookBackSpan = lookBackSpan,
            TriggerOperator = triggerOperator,
            TriggerThreshold = threshold,
            TriggerThresholdSpan = thresholdSpan,
            RequiredTables = tables.ToEquatableArray(),
            DataConnectors = connectors.Select(c => c.Value).ToEquatableArray(),
            DataConnectorIds = connectors.ToEquatableArray(),
            Tags = tags.ToEquatableArray(),
            Authors = authors.ToEquatableArray(),
            Threat = tactics.Count + techniques.Count == 0
                ? EquatableArray<ThreatMapping>.Empty
                : ImmutableArray.Create(new ThreatMapping(tactics.ToEquatableArray(), techniques.ToEquatableArray())),
            Language = query is null ? QueryLanguage.None : QueryLanguage.Kusto,
            Query = query,
            EntityMappings = entityMappings.ToEquatableArray(),
            CustomDetails = customDetails.ToEquatableArray(),
            AlertDetailsOverride = overrides.ToEquatableArray(),
            EventGrouping = eventGrouping,
            SuppressionEnabled = suppressionEnabled,
            SuppressionDuration = suppressionDuration,
            CreateIncident = createIncident,
            IncidentGrouping = incidentGrouping,
            Diagnostics = _diagnostics.ToEquatableArray(),
        };
    }

    /// <summary>
    /// The kind as written; a file without one is an analytic rule when it has a schedule (old templates
    /// omit <c>kind: Scheduled</c>), otherwise a hunting query. "Scheduled" without any schedule field
    /// is a hunting query too.
    /// </summary>
    private string DecideKind(Located<string>? kind, HashSet<string> present)
    {
        var hasSchedule = present.Contains(F.QueryFrequency) || present.Contains(F.QueryPeriod)
            || present.Contains(F.TriggerOperator) || present.Contains(F.TriggerThreshold);
        if (kind is { } written)
        {
            // hunting queries copied from analytic rules keep "kind: Scheduled" without a schedule
            if (written.Value is F.Scheduled && !hasSchedule) return F.Hunting;
            if (written.Value is F.Scheduled or F.Nrt) return written.Value;
            Report(DiagnosticDescriptors.InvalidValue, written.Span, F.Kind, written.Value, "expected Scheduled or NRT");
            return written.Value;
        }
        return hasSchedule ? F.Scheduled : F.Hunting;
    }

    private void RequireFields(HashSet<string> present, QueryText? query, string kind)
    {
        var required = new List<string> { F.Id, F.Name };
        if (kind is F.Scheduled or F.Nrt) required.Add(F.Severity);
        if (kind is F.Scheduled) required.AddRange(new[] { F.QueryFrequency, F.QueryPeriod, F.TriggerOperator, F.TriggerThreshold });
        foreach (var field in required)
            if (!present.Contains(field))
                Report(DiagnosticDescriptors.MissingField, _source.StartSpan, field);
        // an empty query counts as missing too
        if (query is null || query.Text.Trim().Length == 0)
            Report(DiagnosticDescriptors.MissingField, _source.StartSpan, F.Query);
    }

    // ---- values with a format ----------------------------------------------------------------------

    private TimeSpan? ReadDuration(string field, YamlNode node, out SourceSpan? span)
    {
        span = null;
        if (_values.Text(field, node) is not { } text) return null;
        span = text.Span;
        if (SentinelDurations.TryParse(text.Value, out var value)) return value;
        Report(DiagnosticDescriptors.InvalidDuration, text.Span, field, text.Value);
        return null;
    }

    /// <summary>The CI accepts the short ARM spellings and the API's enum names; the model keeps the enum name.</summary>
    private string? ReadTriggerOperator(YamlNode node)
    {
        if (_values.Text(F.TriggerOperator, node) is not { } text) return null;
        switch (text.Value.ToLowerInvariant())
        {
            case "gt": case "greaterthan": return "GreaterThan";
            case "lt": case "lessthan": return "LessThan";
            case "eq": case "equal": return "Equal";
            case "ne": case "notequal": return "NotEqual";
        }
        _values.Invalid(F.TriggerOperator, node, "expected gt, lt, eq or ne");
        return null;
    }

    // ---- structured fields ---------------------------------------------------------------------------

    private void ReadDataConnectors(YamlNode node, List<Located<string>> connectors, List<string> tables)
    {
        foreach (var item in _values.Mappings(F.RequiredDataConnectors, node))
        {
            foreach (var (key, value) in _values.Fields(item, F.RequiredDataConnectors, "connectorId", "dataTypes"))
            {
                switch (key)
                {
                    case "connectorId":
                        if (_values.Text(key, value) is { } connector && !connectors.Any(c => c.Value == connector.Value))
                            connectors.Add(connector);
                        break;
                    case "dataTypes":
                        foreach (var table in _values.TextList(key, value))
                            if (!tables.Contains(table.Value)) tables.Add(table.Value);
                        break;
                    default:
                        _values.Unknown(item, key, F.RequiredDataConnectors);
                        break;
                }
            }
        }
    }

    private void ReadEntityMappings(YamlNode node, List<EntityMapping> mappings)
    {
        var items = _values.Mappings(F.EntityMappings, node);
        if (items.Count == 0 && node is YamlSequenceNode)
            Report(DiagnosticDescriptors.SentinelEntityMappingCount, _source.SpanOf(node), "0");
        foreach (var item in items)
        {
            Located<string>? entityType = null;
            var fields = new List<FieldMapping>();
            foreach (var (key, value) in _values.Fields(item, F.EntityMappings, "entityType", "fieldMappings"))
            {
                switch (key)
                {
                    case "entityType": entityType = _values.Text(key, value); break;
                    case "fieldMappings":
                        foreach (var field in _values.Mappings(key, value))
                        {
                            Located<string>? identifier = null, column = null;
                            foreach (var (fieldKey, fieldValue) in _values.Fields(field, "fieldMappings", "identifier", "columnName"))
                            {
                                if (fieldKey == "identifier") identifier = _values.Text(fieldKey, fieldValue);
                                else if (fieldKey == "columnName") column = _values.Text(fieldKey, fieldValue);
                                else _values.Unknown(field, fieldKey, "fieldMappings");
                            }
                            if (identifier is null) Report(DiagnosticDescriptors.MissingField, _source.SpanOf(field), "identifier");
                            else if (column is null) Report(DiagnosticDescriptors.MissingField, _source.SpanOf(field), "columnName");
                            else fields.Add(new FieldMapping(identifier.Value, column.Value));
                        }
                        break;
                    default: _values.Unknown(item, key, F.EntityMappings); break;
                }
            }
            if (entityType is null) Report(DiagnosticDescriptors.MissingField, _source.SpanOf(item), "entityType");
            else mappings.Add(new EntityMapping(entityType.Value, fields.ToEquatableArray()));
        }
    }

    private static readonly string[] AlertDetailsOverrideFields =
    {
        "alertDisplayNameFormat", "alertDescriptionFormat", "alertTacticsColumnName", "alertSeverityColumnName", "alertDynamicProperties",
    };

    private void ReadAlertDetailsOverride(YamlNode node, List<AlertDetailOverride> overrides)
    {
        if (_values.Mapping(F.AlertDetailsOverride, node) is not { } mapping) return;
        foreach (var (key, value) in _values.Fields(mapping, F.AlertDetailsOverride, AlertDetailsOverrideFields))
        {
            switch (key)
            {
                case "alertDisplayNameFormat":
                case "alertDescriptionFormat":
                case "alertTacticsColumnName":
                case "alertSeverityColumnName":
                    if (_values.Text(key, value) is { } format) overrides.Add(new AlertDetailOverride(key, format));
                    break;
                case "alertDynamicProperties":
                    foreach (var property in _values.Mappings(key, value))
                    {
                        Located<string>? name = null, template = null;
                        foreach (var (propertyKey, propertyValue) in _values.Fields(property, key, "alertProperty", "value"))
                        {
                            if (propertyKey == "alertProperty") name = _values.Text(propertyKey, propertyValue);
                            else if (propertyKey == "value") template = _values.Text(propertyKey, propertyValue);
                            else _values.Unknown(property, propertyKey, key);
                        }
                        if (name is { } n && template is { } t) overrides.Add(new AlertDetailOverride(n.Value, t));
                        else Report(DiagnosticDescriptors.MissingField, _source.SpanOf(property), name is null ? "alertProperty" : "value");
                    }
                    break;
                default: _values.Unknown(mapping, key, F.AlertDetailsOverride); break;
            }
        }
    }

    private string? ReadEventGrouping(YamlNode node)
    {
        if (_values.Mapping(F.EventGroupingSettings, node) is not { } mapping) return null;
        string? grouping = null;
        foreach (var (key, value) in _values.Fields(mapping, F.EventGroupingSettings, "aggregationKind"))
        {
            if (key != "aggregationKind")
            {
                _values.Unknown(mapping, key, F.EventGroupingSettings);
                continue;
            }
            if (_values.Text(key, value) is not { } kind) continue;
            if (kind.Value is "SingleAlert" or "AlertPerResult") grouping = kind.Value;
            else _values.Invalid(key, value, "expected SingleAlert or AlertPerResult");
        }
        return grouping;
    }

    private bool? ReadIncidentConfiguration(YamlNode node, out IncidentGrouping? grouping)
    {
        grouping = null;
        if (_values.Mapping(F.IncidentConfiguration, node) is not { } mapping) return null;
        bool? create = null;
        foreach (var (key, value) in _values.Fields(mapping, F.IncidentConfiguration, "createIncident", "groupingConfiguration"))
        {
            if (key == "createIncident") create = _values.Boolean(key, value);
            else if (key == "groupingConfiguration") grouping = ReadIncidentGrouping(value);
            else _values.Unknown(mapping, key, F.IncidentConfiguration);
        }
        return create;
    }

    private static readonly string[] GroupingFields =
    {
        "enabled", "reopenClosedIncident", "lookbackDuration", "matchingMethod", "groupByEntities", "groupByAlertDetails", "groupByCustomDetails",
    };

    /// <summary>groupingConfiguration: the fields of the API's GroupingConfiguration, durations in Sentinel's spelling.</summary>
    private IncidentGrouping? ReadIncidentGrouping(YamlNode node)
    {
        if (_values.Mapping("groupingConfiguration", node) is not { } mapping) return null;
        bool enabled = false, reopen = false;
        TimeSpan? lookback = null;
        string? matchingMethod = null;
        var entities = new List<string>();
        var alertDetails = new List<string>();
        var customDetails = new List<string>();
        foreach (var (key, value) in _values.Fields(mapping, "groupingConfiguration", GroupingFields))
        {
            switch (key)
            {
                case "enabled": enabled = _values.Boolean(key, value) ?? false; break;
                case "reopenClosedIncident": reopen = _values.Boolean(key, value) ?? false; break;
                case "lookbackDuration": lookback = ReadDuration(key, value, out _); break;
                case "matchingMethod":
                    matchingMethod = _values.Text(key, value)?.Value;
                    if (matchingMethod is not null and not ("AllEntities" or "AnyAlert" or "Selected"))
                        _values.Invalid(key, value, "expected AllEntities, AnyAlert or Selected");
                    break;
                case "groupByEntities": entities.AddRange(_values.TextList(key, value).Select(v => v.Value)); break;
                case "groupByAlertDetails": alertDetails.AddRange(_values.TextList(key, value).Select(v => v.Value)); break;
                case "groupByCustomDetails": customDetails.AddRange(_values.TextList(key, value).Select(v => v.Value)); break;
                default: _values.Unknown(mapping, key, "groupingConfiguration"); break;
            }
        }
        return new IncidentGrouping(enabled, reopen, lookback, matchingMethod,
            entities.ToEquatableArray(), alertDetails.ToEquatableArray(), customDetails.ToEquatableArray());
    }

    /// <summary>metadata: source, author, support, categories (Content Hub); the model keeps the author.</summary>
    private void ReadMetadata(YamlNode node, List<string> authors)
    {
        if (_values.Mapping(F.Metadata, node) is not { } mapping) return;
        foreach (var (key, value) in _values.Fields(mapping, F.Metadata))
        {
            if (key != "author" || _values.Mapping(key, value) is not { } author) continue;
            foreach (var (authorKey, authorValue) in _values.Fields(author, key))
                if (authorKey == "name" && _values.Text(authorKey, authorValue) is { } name && name.Value.Length > 0)
                    authors.Add(name.Value);
        }
    }

    private void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, SourceSpan span, params string[] arguments)
        => _diagnostics.Add(RuleDiagnostic.Create(descriptor, span, arguments));
}
