using System.Collections.Immutable;
using AzureRules.Generators.Diagnostics;
using AzureRules.Generators.Model;

namespace AzureRules.Generators.Formats.Elastic;

// threat_match: threat_index, threat_query, threat_language, threat_filters,
// threat_mapping [{ entries [{ field, type = "mapping", value, negate? }] }], threat_indicator_path
internal sealed partial class ElasticRuleBuilder
{
    private readonly record struct ThreatMatch(
        EquatableArray<string> Indices,
        QueryText? Query,
        QueryLanguage Language,
        EquatableArray<KibanaFilter> Filters,
        EquatableArray<ThreatMappingGroup> Mapping,
        string? IndicatorPath);

    private ThreatMatch ReadThreatMatch(string? kind)
    {
        var isThreatMatch = kind == "threat_match";
        var indices = Strings("threat_index");
        if (isThreatMatch && !_rule.Contains("threat_index")) ReportMissing("threat_index");
        QueryText? query = null;
        if (_rule["threat_query"] is { } queryValue && ExpectKind(queryValue, "threat_query", FieldKind.String))
            query = new QueryText(queryValue.Text, _path, queryValue.Map);
        else if (isThreatMatch && !_rule.Contains("threat_query")) ReportMissing("threat_query");
        var language = QueryLanguage.Kuery;
        if (OptionalString("threat_language") is { } languageText)
        {
            var parsed = ElasticVocabulary.ParseLanguage(languageText.Value);
            if (parsed is null)
                Report(DiagnosticDescriptors.InvalidValue, languageText.Span, "threat_language", languageText.Value, "expected " + ElasticVocabulary.OneOf(ElasticVocabulary.Languages));
            else language = parsed.Value;
        }
        if (isThreatMatch && !_rule.Contains("threat_mapping")) ReportMissing("threat_mapping");
        return new ThreatMatch(indices, query, language, ReadFilters("threat_filters"), ReadThreatMapping(), OptionalString("threat_indicator_path")?.Value);
    }

    private EquatableArray<ThreatMappingGroup> ReadThreatMapping()
    {
        var mapping = _rule["threat_mapping"];
        if (mapping is null || !ExpectKind(mapping, "threat_mapping", FieldKind.Array)) return EquatableArray<ThreatMappingGroup>.Empty;
        var groups = ImmutableArray.CreateBuilder<ThreatMappingGroup>();
        foreach (var item in mapping.Items)
        {
            if (!ExpectKind(item, "threat_mapping", FieldKind.Object)) continue;
            var entries = item.Object!["entries"];
            if (entries is null)
            {
                Report(DiagnosticDescriptors.MissingField, item.Object!.Anchor.In(_path), "threat_mapping.entries");
                continue;
            }
            if (!ExpectKind(entries, "threat_mapping.entries", FieldKind.Array)) continue;
            var group = ImmutableArray.CreateBuilder<ThreatMappingEntry>();
            foreach (var entry in entries.Items)
            {
                if (!ExpectKind(entry, "threat_mapping.entries", FieldKind.Object)) continue;
                var obj = entry.Object!;
                var field = obj["field"];
                var value = obj["value"];
                if (field is null) Report(DiagnosticDescriptors.MissingField, obj.Anchor.In(_path), "threat_mapping.entries.field");
                if (value is null) Report(DiagnosticDescriptors.MissingField, obj.Anchor.In(_path), "threat_mapping.entries.value");
                if (field is null || value is null
                    || !ExpectKind(field, "threat_mapping.entries.field", FieldKind.String)
                    || !ExpectKind(value, "threat_mapping.entries.value", FieldKind.String)) continue;
                group.Add(new ThreatMappingEntry(field.Text, value.Text, obj["negate"] is { Kind: FieldKind.Boolean, Text: "true" }));
            }
            if (group.Count > 0) groups.Add(new ThreatMappingGroup(group.ToImmutable()));
        }
        return groups.ToImmutable();
    }

    // ---- Kibana filters ----------------------------------------------------------------------

    /// <summary>
    /// Kibana's filter objects: <c>{ meta { negate, disabled, … }, query { match_phrase | exists | wildcard | … } }</c>
    /// (older exports put the query clause beside <c>meta</c>). Disabled filters do nothing in Kibana and are dropped.
    /// </summary>
    private EquatableArray<KibanaFilter> ReadFilters(string name)
    {
        var filters = _rule[name];
        if (filters is null || !ExpectKind(filters, name, FieldKind.Array)) return EquatableArray<KibanaFilter>.Empty;
        var result = ImmutableArray.CreateBuilder<KibanaFilter>();
        foreach (var item in filters.Items)
        {
            if (!ExpectKind(item, name, FieldKind.Object)) continue;
            var filter = item.Object!;
            var meta = filter["meta"]?.Object;
            if (meta?["disabled"] is { Kind: FieldKind.Boolean, Text: "true" }) continue;
            var negate = meta?["negate"] is { Kind: FieldKind.Boolean, Text: "true" };
            var clause = filter["query"]?.Object ?? filter;
            result.Add(KibanaFilters.Read(clause, negate));
        }
        return result.ToImmutable();
    }
}
