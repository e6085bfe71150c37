using System.Collections.Immutable;
using System.Linq;
using AzureRules.Generators.Model;

namespace AzureRules.Generators.Formats.Elastic;

/// <summary>
/// Reduces one Kibana filter's Elasticsearch clause to a <see cref="KibanaFilter"/>: the clause shapes
/// Kibana's filter bar writes (phrase, phrases, exists) and the <c>wildcard</c> clauses detection-rules
/// adds by hand. Any other clause is kept as unsupported, so the rule says it cannot run instead of
/// ignoring a condition.
/// </summary>
internal static class KibanaFilters
{
    private static readonly string[] Known = ["match_phrase", "match", "term", "exists", "wildcard", "bool"];

    public static KibanaFilter Read(FieldObject clause, bool negate)
    {
        var kind = clause.Names.FirstOrDefault(n => System.Array.IndexOf(Known, n) >= 0);
        var body = kind is null ? null : clause[kind]?.Object;
        if (kind is null || body is null)
        {
            var found = clause.Names.FirstOrDefault(n => n is not ("meta" or "$state")) ?? "(empty)";
            return Unsupported(found, negate);
        }
        switch (kind)
        {
            case "exists":
                return body["field"] is { Kind: FieldKind.String } field
                    ? new KibanaFilter(KibanaFilterKind.Exists, field.Text, EquatableArray<string>.Empty, negate, false)
                    : Unsupported("exists without a field", negate);
            case "bool":
                return ReadPhrases(body, negate);
            default:
                var (name, value) = SingleField(body);
                if (name is null || value is null) return Unsupported(kind + " with other than one field", negate);
                var text = Scalar(value) ?? Scalar(value.Object?[kind == "wildcard" ? "value" : kind == "term" ? "value" : "query"]);
                if (text is null) return Unsupported(kind + " without a value", negate);
                if (kind == "match" && value.Object?["type"] is { } type && type.Text != "phrase")
                    return Unsupported("match of type " + type.Text, negate);
                if (kind == "wildcard")
                {
                    var ignoreCase = value.Object?["case_insensitive"] is { Kind: FieldKind.Boolean, Text: "true" };
                    return new KibanaFilter(KibanaFilterKind.Wildcard, name, ImmutableArray.Create(text), negate, ignoreCase);
                }
                return new KibanaFilter(KibanaFilterKind.Phrase, name, ImmutableArray.Create(text), negate, false);
        }
    }

    /// <summary>Kibana's "is one of": <c>bool.should</c> of <c>match_phrase</c> clauses on one field, <c>minimum_should_match: 1</c>.</summary>
    private static KibanaFilter ReadPhrases(FieldObject body, bool negate)
    {
        if (body.Names.Any(n => n is not ("should" or "minimum_should_match")) || body["should"] is not { Kind: FieldKind.Array } should)
            return Unsupported("bool", negate);
        string? field = null;
        var values = ImmutableArray.CreateBuilder<string>();
        foreach (var item in should.Items)
        {
            var phrase = item.Object?["match_phrase"]?.Object;
            if (phrase is null) return Unsupported("bool", negate);
            var (name, value) = SingleField(phrase);
            var text = value is null ? null : Scalar(value) ?? Scalar(value.Object?["query"]);
            if (name is null || text is null || (field is not null && field != name)) return Unsupported("bool", negate);
            field = name;
            values.Add(text);
        }
        return field is null ? Unsupported("bool", negate) : new KibanaFilter(KibanaFilterKind.Phrases, field, values.ToImmutable(), negate, false);
    }

    private static (string? Name, FieldValue? Value) SingleField(FieldObject body)
    {
        var names = body.Names.ToList();
        return names.Count == 1 ? (names[0], body[names[0]]) : (null, null);
    }

    private static string? Scalar(FieldValue? value)
        => value is null ? null : value.Kind is FieldKind.String or FieldKind.Integer or FieldKind.Float or FieldKind.Boolean ? value.Text : null;

    private static KibanaFilter Unsupported(string what, bool negate)
        => new(KibanaFilterKind.Unsupported, "", EquatableArray<string>.Empty, negate, false, $"the Kibana filter clause '{what}' is not supported yet");
}
