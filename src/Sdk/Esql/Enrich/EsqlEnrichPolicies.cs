using System.Text.Json;

namespace AzureRules.Sdk.Esql;

/// <summary>
/// The enrich policies ENRICH can name, read from a local file in the shape Elasticsearch prints for
/// <c>GET _enrich/policy</c>: <c>{"policies": [{"config": {"match": {"name", "indices", "match_field",
/// "enrich_fields"}}}]}</c> (a bare array of the <c>config</c> objects is read too). A policy's source
/// indices are read from the events like any index (<see cref="EsqlEnrichIndices"/>). What a policy
/// holds that cannot be honoured here (a <c>query</c> restricting its source documents) is an error,
/// never silently ignored.
/// </summary>
public sealed class EsqlEnrichPolicies
{
    private static readonly string[] Types = ["match", "range", "geo_match"];
    private readonly Dictionary<string, EsqlEnrichPolicy> _byName;

    public EsqlEnrichPolicies(IEnumerable<EsqlEnrichPolicy> policies)
    {
        _byName = new Dictionary<string, EsqlEnrichPolicy>(StringComparer.Ordinal);
        foreach (var policy in policies)
        {
            if (!_byName.TryAdd(policy.Name, policy)) throw new FormatException($"the enrich policy [{policy.Name}] is defined twice");
        }
    }

    /// <summary>No policy: every ENRICH fails with Elasticsearch's "cannot find enrich policy".</summary>
    public static EsqlEnrichPolicies None { get; } = new([]);

    public IReadOnlyCollection<EsqlEnrichPolicy> Policies => _byName.Values;

    public EsqlEnrichPolicy? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>Reads a policy file; a malformed file is a <see cref="FormatException"/> naming the file and the policy.</summary>
    public static EsqlEnrichPolicies Load(string path)
    {
        try
        {
            return Parse(File.ReadAllText(path));
        }
        catch (FormatException e)
        {
            throw new FormatException($"{path}: {e.Message}", e);
        }
    }

    public static EsqlEnrichPolicies Parse(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException e)
        {
            throw new FormatException("not JSON: " + e.Message, e);
        }
        using (document)
        {
            var root = document.RootElement;
            var list = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("policies", out var policies) ? policies : root;
            if (list.ValueKind != JsonValueKind.Array)
                throw new FormatException("expected {\"policies\": [...]} as GET _enrich/policy prints it, or an array of policy configs");
            return new EsqlEnrichPolicies([.. list.EnumerateArray().Select((p, i) => ReadPolicy(p, i))]);
        }
    }

    private static EsqlEnrichPolicy ReadPolicy(JsonElement element, int position)
    {
        var config = element.ValueKind == JsonValueKind.Object && element.TryGetProperty("config", out var inner) ? inner : element;
        var where = $"policy {position + 1}";
        if (config.ValueKind != JsonValueKind.Object) throw new FormatException($"{where}: expected an object");
        var types = config.EnumerateObject().ToList();
        if (types.Count != 1 || !Types.Contains(types[0].Name))
            throw new FormatException($"{where}: expected one of {string.Join(", ", Types)} as the policy's only key, not {string.Join(", ", types.Select(t => t.Name))}");
        var type = types[0].Name;
        var body = types[0].Value;
        if (body.ValueKind != JsonValueKind.Object) throw new FormatException($"{where}: the {type} policy is not an object");
        var name = Text(body, "name", where);
        where = $"policy [{name}]";
        foreach (var property in body.EnumerateObject())
        {
            if (property.Name is not ("name" or "indices" or "match_field" or "enrich_fields" or "elasticsearch_version"))
                throw new FormatException(property.Name == "query"
                    ? $"{where}: a policy query (restricting the source documents) is not supported"
                    : $"{where}: unknown key '{property.Name}'");
        }
        var indices = TextList(body, "indices", where);
        var matchField = Text(body, "match_field", where);
        var enrichFields = TextList(body, "enrich_fields", where);
        return new EsqlEnrichPolicy(name, type, indices, matchField, enrichFields);
    }

    private static string Text(JsonElement body, string key, string where)
        => body.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : throw new FormatException($"{where}: '{key}' must be a non-empty string");

    // Elasticsearch takes a single string or an array for indices and enrich_fields
    private static IReadOnlyList<string> TextList(JsonElement body, string key, string where)
    {
        if (!body.TryGetProperty(key, out var value)) throw new FormatException($"{where}: '{key}' is missing");
        if (value.ValueKind == JsonValueKind.String) return [Text(body, key, where)];
        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() == 0
            || value.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.String || string.IsNullOrEmpty(v.GetString())))
            throw new FormatException($"{where}: '{key}' must be a string or a non-empty array of strings");
        return [.. value.EnumerateArray().Select(v => v.GetString()!)];
    }
}
