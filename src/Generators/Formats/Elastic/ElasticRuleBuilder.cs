using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using AzureRules.Generators.Diagnostics;
using AzureRules.Generators.Formats.Common;
using AzureRules.Generators.Model;

namespace AzureRules.Generators.Formats.Elastic;

/// <summary>
/// Maps the fields of one Elastic rule (Kibana's names, from TOML, JSON or a doc page) onto
/// <see cref="RuleDefinition"/> and checks them, reporting each problem at the value that has it.
/// Fields that are absent get Kibana's defaults (interval 5m, from now-6m, max_signals 100).
/// </summary>
internal sealed partial class ElasticRuleBuilder
{
    private readonly string _path;
    private readonly RuleFormat _format;
    private readonly FieldObject _rule;
    private readonly ImmutableArray<RuleDiagnostic>.Builder _diagnostics = ImmutableArray.CreateBuilder<RuleDiagnostic>();

    private ElasticRuleBuilder(string path, RuleFormat format, FieldObject rule)
    {
        _path = path;
        _format = format;
        _rule = rule;
    }

    /// <param name="deriveMissingId">A doc page has no rule_id: derive one from the name (AR0111) instead of reporting it missing.</param>
    /// <param name="extraDiagnostics">Diagnostics the reader found outside the rule's fields (e.g. in TOML [metadata]).</param>
    public static RuleDefinition Build(string path, RuleFormat format, FieldObject rule, bool deriveMissingId, IEnumerable<RuleDiagnostic>? extraDiagnostics = null)
    {
        var builder = new ElasticRuleBuilder(path, format, rule);
        if (extraDiagnostics is not null) builder._diagnostics.AddRange(extraDiagnostics);
        return builder.Build(deriveMissingId);
    }

    private RuleDefinition Build(bool deriveMissingId)
    {
        var name = RequiredString("name") ?? new Located<string>(System.IO.Path.GetFileNameWithoutExtension(_path), _rule.Anchor.In(_path));
        var kind = ReadType();
        var id = OptionalString("rule_id");
        var idIsDerived = false;
        if (id is null)
        {
            if (deriveMissingId)
            {
                id = new Located<string>(NameBasedRuleId.Create(name.Value.Trim()), name.Span);
                idIsDerived = true;
                Report(DiagnosticDescriptors.DerivedRuleId, name.Span, id.Value.Value);
            }
            else if (!_rule.Contains("rule_id"))
            {
                ReportMissing("rule_id"); // a rule_id of the wrong type was reported where it is
            }
        }
        var description = RequiredString("description");
        var severity = ReadSeverity();
        var riskScore = ReadRiskScore();
        var version = ReadVersion();
        var language = ReadLanguage(kind);
        var query = ReadQuery(kind);
        var threshold = ReadThreshold(kind);
        var threatMatch = ReadThreatMatch(kind);

        return new RuleDefinition
        {
            FilePath = _path,
            Format = _format,
            Kind = kind ?? "",
            Id = id,
            IdIsDerived = idIsDerived,
            Name = name,
            Description = description?.Value,
            Severity = severity,
            RiskScore = riskScore,
            Version = version?.Value,
            VersionText = version,
            Interval = ReadInterval(),
            LookBack = ReadLookBack(),
            MaxAlerts = ReadMaxSignals(),
            Indices = Strings("index"),
            Tags = Strings("tags"),
            References = Strings("references"),
            Authors = Strings("author"),
            License = OptionalString("license")?.Value,
            FalsePositives = Strings("false_positives"),
            Threat = ReadThreat(),
            Language = language,
            Query = query,
            ThresholdFields = threshold.Fields,
            ThresholdValue = threshold.Value,
            ThresholdCardinality = threshold.Cardinality,
            NewTermsHistoryWindow = ReadHistoryWindow(),
            BuildingBlockType = OptionalString("building_block_type")?.Value,
            NewTermsFields = ReadNewTermsFields(kind),
            TimestampOverride = OptionalString("timestamp_override")?.Value,
            // kept among the other fields too (not in ModelledFields), so exports and the content hash are unchanged
            TimestampOverrideFallbackDisabled = OptionalBool("timestamp_override_fallback_disabled") == true,
            EventCategoryOverride = OptionalString("event_category_override")?.Value,
            TiebreakerField = OptionalString("tiebreaker_field")?.Value,
            MachineLearningJob = ReadMachineLearning(kind),
            AnomalyThreshold = ReadAnomalyThreshold(kind),
            OtherFields = ReadOtherFields(),
            Filters = ReadFilters("filters"),
            ThreatIndices = threatMatch.Indices,
            ThreatQuery = threatMatch.Query,
            ThreatLanguage = threatMatch.Language,
            ThreatFilters = threatMatch.Filters,
            ThreatMapping = threatMatch.Mapping,
            ThreatIndicatorPath = threatMatch.IndicatorPath,
            Diagnostics = _diagnostics.ToImmutable(),
        };
    }

    // ---- identity and classification ---------------------------------------------------------

    private string? ReadType()
    {
        var type = RequiredString("type");
        if (type is null) return null;
        if (!ElasticVocabulary.IsRuleType(type.Value.Value))
        {
            Report(DiagnosticDescriptors.InvalidValue, type.Value.Span, "type", type.Value.Value,
                "expected " + ElasticVocabulary.OneOf(ElasticVocabulary.RuleTypes));
        }
        return type.Value.Value;
    }

    private QueryLanguage ReadLanguage(string? kind)
    {
        var language = OptionalString("language");
        if (language is null) return kind is null ? QueryLanguage.None : ElasticVocabulary.DefaultLanguage(kind);
        var parsed = ElasticVocabulary.ParseLanguage(language.Value.Value);
        if (parsed is null)
        {
            Report(DiagnosticDescriptors.InvalidValue, language.Value.Span, "language", language.Value.Value,
                "expected " + ElasticVocabulary.OneOf(ElasticVocabulary.Languages));
            return kind is null ? QueryLanguage.None : ElasticVocabulary.DefaultLanguage(kind);
        }
        return parsed.Value;
    }

    private QueryText? ReadQuery(string? kind)
    {
        var value = _rule["query"];
        if (value is null)
        {
            if (kind is not null && ElasticVocabulary.RequiresQuery(kind)) ReportMissing("query");
            return null;
        }
        if (!ExpectKind(value, "query", FieldKind.String)) return null;
        return new QueryText(value.Text, _path, value.Map);
    }

    private Located<string>? ReadSeverity()
    {
        var severity = RequiredString("severity");
        if (severity is null) return null;
        if (Array.IndexOf(ElasticVocabulary.Severities, severity.Value.Value) < 0)
        {
            Report(DiagnosticDescriptors.InvalidSeverity, severity.Value.Span, severity.Value.Value, ElasticVocabulary.OneOf(ElasticVocabulary.Severities));
        }
        return severity;
    }

    private Located<int>? ReadRiskScore()
    {
        var value = _rule["risk_score"];
        if (value is null)
        {
            ReportMissing("risk_score");
            return null;
        }
        if (value.Kind != FieldKind.Integer || value.Integer is < 0 or > 100)
        {
            Report(DiagnosticDescriptors.InvalidRiskScore, value.SpanIn(_path), value.Text);
            return null;
        }
        return new Located<int>((int)value.Integer, value.SpanIn(_path));
    }

    /// <summary>Kibana's rule version is an integer; detection-rules keeps it in a lock file, so TOML rarely has it.</summary>
    private Located<string>? ReadVersion()
    {
        var value = _rule["version"];
        if (value is null) return null;
        if (value.Kind is not (FieldKind.Integer or FieldKind.String))
        {
            ExpectKind(value, "version", FieldKind.Integer);
            return null;
        }
        return new Located<string>(value.Text, value.SpanIn(_path));
    }

    // ---- schedule ------------------------------------------------------------------------------

    private TimeSpan? ReadInterval()
    {
        var value = _rule["interval"];
        if (value is null) return Durations.TryParse(ElasticVocabulary.DefaultInterval, out var fallback) ? fallback : null;
        if (!ExpectKind(value, "interval", FieldKind.String)) return null;
        if (!Durations.TryParse(value.Text, out var interval) || interval <= TimeSpan.Zero)
        {
            Report(DiagnosticDescriptors.InvalidDuration, value.SpanIn(_path), "interval", value.Text);
            return null;
        }
        return interval;
    }

    private TimeSpan? ReadLookBack()
    {
        var value = _rule["from"];
        if (value is null) return Durations.TryParseDateMathLookBack(ElasticVocabulary.DefaultFrom, out var fallback) ? fallback : null;
        if (!ExpectKind(value, "from", FieldKind.String)) return null;
        if (!Durations.TryParseDateMathLookBack(value.Text, out var lookBack))
        {
            Report(DiagnosticDescriptors.InvalidDateMath, value.SpanIn(_path), "from", value.Text);
            return null;
        }
        return lookBack;
    }

    private int? ReadMaxSignals()
    {
        var value = _rule["max_signals"];
        if (value is null) return ElasticVocabulary.DefaultMaxSignals;
        if (value.Kind != FieldKind.Integer || value.Integer < 1 || value.Integer > int.MaxValue)
        {
            Report(DiagnosticDescriptors.InvalidValue, value.SpanIn(_path), "max_signals", value.Text, "expected a positive integer");
            return null;
        }
        return (int)value.Integer;
    }

    // ---- rule types ----------------------------------------------------------------------------

    /// <summary><c>threshold = { field = "x" or ["x", "y"] (optional: all events), value = n, cardinality = […] }</c>.</summary>
    private readonly record struct Threshold(EquatableArray<string> Fields, int? Value, EquatableArray<ThresholdCardinality> Cardinality);

    private Threshold ReadThreshold(string? kind)
    {
        var none = new Threshold(EquatableArray<string>.Empty, null, EquatableArray<ThresholdCardinality>.Empty);
        var threshold = _rule["threshold"];
        if (threshold is null)
        {
            if (kind == "threshold") ReportMissing("threshold");
            return none;
        }
        if (!ExpectKind(threshold, "threshold", FieldKind.Object)) return none;
        var obj = threshold.Object!;
        var field = obj["field"];
        var fields = field is null ? EquatableArray<string>.Empty : StringOrStrings(field, "threshold.field");
        var value = PositiveInteger(obj, "value", "threshold.value");
        var cardinality = ImmutableArray.CreateBuilder<ThresholdCardinality>();
        var conditions = obj["cardinality"];
        if (conditions is not null && ExpectKind(conditions, "threshold.cardinality", FieldKind.Array))
        {
            foreach (var condition in conditions.Items)
            {
                if (!ExpectKind(condition, "threshold.cardinality", FieldKind.Object)) continue;
                var conditionField = condition.Object!["field"];
                var conditionValue = PositiveInteger(condition.Object!, "value", "threshold.cardinality.value");
                if (conditionField is null) Report(DiagnosticDescriptors.MissingField, condition.Object!.Anchor.In(_path), "threshold.cardinality.field");
                else if (ExpectKind(conditionField, "threshold.cardinality.field", FieldKind.String) && conditionValue is not null)
                    cardinality.Add(new ThresholdCardinality(conditionField.Text, conditionValue.Value));
            }
        }
        return new Threshold(fields, value, cardinality.ToImmutable());
    }

    private int? PositiveInteger(FieldObject obj, string key, string name)
    {
        var value = obj[key];
        if (value is null)
        {
            Report(DiagnosticDescriptors.MissingField, obj.Anchor.In(_path), name);
            return null;
        }
        if (value.Kind != FieldKind.Integer || value.Integer < 1 || value.Integer > int.MaxValue)
        {
            Report(DiagnosticDescriptors.InvalidValue, value.SpanIn(_path), name, value.Text, "expected a positive integer");
            return null;
        }
        return (int)value.Integer;
    }

    /// <summary>
    /// Kibana: <c>new_terms_fields = [...]</c>; detection-rules TOML:
    /// <c>[rule.new_terms] field = "new_terms_fields", value = [...]</c>.
    /// </summary>
    private EquatableArray<string> ReadNewTermsFields(string? kind)
    {
        var fields = _rule["new_terms_fields"];
        if (fields is not null) return StringOrStrings(fields, "new_terms_fields");
        var newTerms = _rule["new_terms"];
        if (newTerms is not null && ExpectKind(newTerms, "new_terms", FieldKind.Object))
        {
            var value = newTerms.Object!["value"];
            if (value is not null) return StringOrStrings(value, "new_terms.value");
            Report(DiagnosticDescriptors.MissingField, newTerms.Object!.Anchor.In(_path), "new_terms.value");
            return EquatableArray<string>.Empty;
        }
        if (kind == "new_terms") ReportMissing(_format == RuleFormat.ElasticToml ? "new_terms" : "new_terms_fields");
        return EquatableArray<string>.Empty;
    }

    /// <summary>One job id or several (Kibana accepts both); several are kept comma-separated.</summary>
    private string? ReadMachineLearning(string? kind)
    {
        var job = _rule["machine_learning_job_id"];
        if (job is null)
        {
            if (kind == "machine_learning") ReportMissing("machine_learning_job_id");
            return null;
        }
        var jobs = StringOrStrings(job, "machine_learning_job_id");
        return jobs.IsEmpty ? null : string.Join(",", jobs);
    }

    private int? ReadAnomalyThreshold(string? kind)
    {
        var threshold = _rule["anomaly_threshold"];
        if (threshold is null)
        {
            if (kind == "machine_learning") ReportMissing("anomaly_threshold");
            return null;
        }
        if (threshold.Kind != FieldKind.Integer || threshold.Integer is < 0 or > 100)
        {
            Report(DiagnosticDescriptors.InvalidValue, threshold.SpanIn(_path), "anomaly_threshold", threshold.Text, "expected an integer from 0 to 100");
            return null;
        }
        return (int)threshold.Integer;
    }

    /// <summary>
    /// Kibana: <c>history_window_start = "now-7d"</c>; detection-rules TOML:
    /// <c>[[rule.new_terms.history_window_start]] field = "history_window_start", value = "now-7d"</c>.
    /// </summary>
    private TimeSpan? ReadHistoryWindow()
    {
        var value = _rule["history_window_start"];
        var newTerms = _rule["new_terms"];
        if (value is null && newTerms?.Object?["history_window_start"] is { Kind: FieldKind.Array } entries)
        {
            foreach (var entry in entries.Items)
            {
                if (entry.Object?["value"] is { } entryValue) value = entryValue;
            }
        }
        if (value is null || !ExpectKind(value, "history_window_start", FieldKind.String)) return null;
        if (!Durations.TryParseDateMathLookBack(value.Text, out var window))
        {
            Report(DiagnosticDescriptors.InvalidDateMath, value.SpanIn(_path), "history_window_start", value.Text);
            return null;
        }
        return window;
    }

    // ---- field access --------------------------------------------------------------------------

    private Located<string>? RequiredString(string name)
    {
        if (!_rule.Contains(name))
        {
            ReportMissing(name);
            return null;
        }
        return OptionalString(name);
    }

    private Located<string>? OptionalString(string name)
    {
        var value = _rule[name];
        if (value is null || !ExpectKind(value, name, FieldKind.String)) return null;
        return new Located<string>(value.Text, value.SpanIn(_path));
    }

    private bool? OptionalBool(string name)
    {
        var value = _rule[name];
        if (value is null || !ExpectKind(value, name, FieldKind.Boolean)) return null;
        return value.Text == "true";
    }

    private EquatableArray<string> Strings(string name)
    {
        var value = _rule[name];
        return value is null ? EquatableArray<string>.Empty : StringOrStrings(value, name, allowSingle: false);
    }

    private EquatableArray<string> StringOrStrings(FieldValue value, string name, bool allowSingle = true)
    {
        if (allowSingle && value.Kind == FieldKind.String) return ImmutableArray.Create(value.Text);
        if (!ExpectKind(value, name, FieldKind.Array)) return EquatableArray<string>.Empty;
        var items = ImmutableArray.CreateBuilder<string>(value.Items.Count);
        foreach (var item in value.Items)
        {
            if (ExpectKind(item, name, FieldKind.String)) items.Add(item.Text);
        }
        return items.ToImmutable();
    }

    private bool ExpectKind(FieldValue value, string name, FieldKind kind)
    {
        if (value.Kind == kind) return true;
        var expected = kind switch
        {
            FieldKind.String => "a string",
            FieldKind.Integer => "an integer",
            FieldKind.Array => "an array",
            FieldKind.Object => "a table (object)",
            _ => kind.ToString(),
        };
        Report(DiagnosticDescriptors.InvalidValue, value.SpanIn(_path), name, value.Text, $"expected {expected}, found {value.TypeName}");
        return false;
    }

    private void ReportMissing(string name) => Report(DiagnosticDescriptors.MissingField, _rule.Anchor.In(_path), name);

    private void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, SourceSpan span, params string[] arguments)
        => _diagnostics.Add(RuleDiagnostic.Create(descriptor, span, arguments));
}
