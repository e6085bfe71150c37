using System;
using System.Collections.Generic;
using System.IO;

namespace AzureRules.Generators.Elastic;

/// <summary>The Elasticsearch mapping type of a field, as far as query semantics care.</summary>
internal enum ElasticFieldType
{
    Unknown,
    Keyword,   // keyword, constant_keyword, wildcard, flattened: exact, case-sensitive terms
    Text,      // text, match_only_text: analysed
    Long,      // long, integer, short, byte, unsigned_long
    Double,    // double, float, half_float, scaled_float
    Date,
    Boolean,
    Ip,
    Object,    // object, nested, flattened containers
    GeoPoint,
}

/// <summary>
/// ECS and detection-rules' non-ECS fields with their types (Data/elastic-fields.tsv, extracted by
/// tools/extract-elastic-fields.py). Kibana KQL, EQL and ES|QL validation and typed matching read it.
/// </summary>
internal static class ElasticFieldCatalog
{
    private static readonly Lazy<Dictionary<string, (ElasticFieldType Type, string MappingType, bool IsEcs)>> Fields = new(Load);

    public static bool TryGetField(string name, out ElasticFieldType type)
    {
        if (Fields.Value.TryGetValue(name, out var field))
        {
            type = field.Type;
            return true;
        }
        type = ElasticFieldType.Unknown;
        return false;
    }

    public static ElasticFieldType TypeOf(string name) => TryGetField(name, out var type) ? type : ElasticFieldType.Unknown;

    public static bool IsEcs(string name) => Fields.Value.TryGetValue(name, out var f) && f.IsEcs;

    /// <summary>Every known field name, e.g. to expand wildcard field names such as <c>process.*</c>.</summary>
    public static IEnumerable<string> Names => Fields.Value.Keys;

    public static ElasticFieldType Classify(string mappingType) => mappingType switch
    {
        "keyword" or "constant_keyword" or "wildcard" => ElasticFieldType.Keyword,
        "text" or "match_only_text" => ElasticFieldType.Text,
        "long" or "integer" or "short" or "byte" or "unsigned_long" => ElasticFieldType.Long,
        "double" or "float" or "half_float" or "scaled_float" => ElasticFieldType.Double,
        "date" or "date_nanos" => ElasticFieldType.Date,
        "boolean" => ElasticFieldType.Boolean,
        "ip" => ElasticFieldType.Ip,
        "object" or "nested" or "flattened" => ElasticFieldType.Object,
        "geo_point" => ElasticFieldType.GeoPoint,
        _ => ElasticFieldType.Unknown,
    };

    private static Dictionary<string, (ElasticFieldType, string, bool)> Load()
    {
        var result = new Dictionary<string, (ElasticFieldType, string, bool)>(StringComparer.Ordinal);
        using var stream = typeof(ElasticFieldCatalog).Assembly.GetManifestResourceStream("AzureRules.Data.elastic-fields.tsv")
            ?? throw new InvalidOperationException("the embedded Elastic field catalog is missing");
        using var reader = new StreamReader(stream);
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var parts = line.Split('\t');
            result[parts[0]] = (Classify(parts[1]), parts[1], parts[2] == "ecs");
        }
        return result;
    }
}
