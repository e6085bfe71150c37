using System;
using System.Collections.Generic;
using System.Linq;
using AzureRules.Generators.Kuery.Binding;
using AzureRules.Generators.Model;
using AzureRules.Generators.Project;

namespace AzureRules.Generators.Elastic;

/// <summary>
/// The fields a rule's query may name: the catalog's (ECS and detection-rules' non-ECS fields) plus the
/// project's custom field schemas for the indices the rule reads. A schema applies when its index
/// pattern and one of the rule's index patterns can name the same index (either matches the other, or
/// they are equal); a rule without indices gets every custom field. A custom field's type wins over the
/// catalog's: it is the team's own mapping.
/// </summary>
internal sealed class RuleFieldTypes : IKueryFieldTypes
{
    private readonly Dictionary<string, ElasticFieldType> _custom;

    private RuleFieldTypes(Dictionary<string, ElasticFieldType> custom) => _custom = custom;

    public static IKueryFieldTypes For(RuleDefinition rule, CustomSchemas schemas)
    {
        if (schemas.Fields.IsEmpty) return CatalogFieldTypes.Instance;
        var custom = new Dictionary<string, ElasticFieldType>(StringComparer.Ordinal);
        foreach (var index in schemas.Fields.Where(f => rule.Indices.IsEmpty || rule.Indices.Any(i => SameIndices(i, f.IndexPattern))))
            foreach (var field in index.Fields)
                custom[field.Name] = ElasticFieldCatalog.Classify(field.Type);
        return custom.Count == 0 ? CatalogFieldTypes.Instance : new RuleFieldTypes(custom);
    }

    private static bool SameIndices(string rulePattern, string schemaPattern)
        => rulePattern == schemaPattern || WildcardName.Matches(rulePattern, schemaPattern) || WildcardName.Matches(schemaPattern, rulePattern);

    public ElasticFieldType? TypeOf(string field)
        => _custom.TryGetValue(field, out var type) ? type : ElasticFieldCatalog.TryGetField(field, out var known) ? known : null;

    public IEnumerable<string> Names => ElasticFieldCatalog.Names.Concat(_custom.Keys.Where(k => !ElasticFieldCatalog.TryGetField(k, out _)));
}
