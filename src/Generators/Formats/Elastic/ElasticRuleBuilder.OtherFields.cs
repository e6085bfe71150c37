using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using AzureRules.Generators.Model;
using AzureRules.Generators.Versioning;

namespace AzureRules.Generators.Formats.Elastic;

// The fields the model does not interpret are kept as data, so an export writes them back and the
// content hash changes when they do (detection-rules hashes every API field of a rule).
internal sealed partial class ElasticRuleBuilder
{
    /// <summary>The fields <see cref="Build"/> maps onto the model; every other field is kept as an <see cref="OtherField"/>.</summary>
    internal static readonly HashSet<string> ModelledFields = new(System.StringComparer.Ordinal)
    {
        "name", "type", "rule_id", "description", "severity", "risk_score", "version", "language", "query",
        "interval", "from", "max_signals", "index", "tags", "references", "author", "license", "false_positives",
        "threat", "threshold", "new_terms", "new_terms_fields", "history_window_start", "building_block_type",
        "timestamp_override", "machine_learning_job_id", "anomaly_threshold",
    };

    private EquatableArray<OtherField> ReadOtherFields()
    {
        var fields = ImmutableArray.CreateBuilder<OtherField>();
        foreach (var name in _rule.Names.Where(n => !ModelledFields.Contains(n)).OrderBy(n => n, System.StringComparer.Ordinal))
            fields.Add(new OtherField(name, ToJson(_rule[name]!).ToString()));
        return fields.ToImmutable();
    }

    /// <summary>A field value as canonical JSON; a TOML date (no JSON counterpart) becomes its text.</summary>
    internal static CanonicalJson ToJson(FieldValue value)
    {
        switch (value.Kind)
        {
            case FieldKind.String: return CanonicalJson.From(value.Text);
            case FieldKind.Integer: return CanonicalJson.From(value.Integer);
            case FieldKind.Float: return CanonicalJson.Number(value.Text);
            case FieldKind.Boolean: return CanonicalJson.From(value.Text == "true");
            case FieldKind.Array: return CanonicalJson.Array(value.Items.Select(ToJson));
            case FieldKind.Object:
                var obj = new CanonicalJson.Object();
                foreach (var name in value.Object!.Names) obj.Set(name, ToJson(value.Object[name]!));
                return obj;
            default: return CanonicalJson.From(value.Text);
        }
    }
}
