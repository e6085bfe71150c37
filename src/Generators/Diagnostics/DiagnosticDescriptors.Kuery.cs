using Microsoft.CodeAnalysis;

namespace AzureRules.Generators.Diagnostics;

// ---- AR04xx: Kibana KQL (kuery) ------------------------------------------------------------------
internal static partial class DiagnosticDescriptors
{
    private const string KueryCategory = "AzureRules.Kuery";

    /// <summary>Kibana's parser rejects the query; reported where Kibana's caret points.</summary>
    public static readonly DiagnosticDescriptor KuerySyntaxError = Error("AR0401",
        "Kibana KQL syntax error",
        "Kibana KQL syntax error: {0}", KueryCategory);

    public static readonly DiagnosticDescriptor KueryUnknownField = Warning("AR0402",
        "Field is neither ECS nor a known non-ECS field",
        "Field '{0}' is neither an ECS field nor a known non-ECS field; its values are compared by their JSON kind", KueryCategory);

    /// <summary>Elasticsearch would fail the search (e.g. a wildcard on a number, a word on an ip field).</summary>
    public static readonly DiagnosticDescriptor KueryTypeMismatch = Error("AR0403",
        "Value does not fit the field's type",
        "{0}", KueryCategory);

    /// <summary>Elasticsearch runs the query, but it rarely means what was intended (a range on a keyword).</summary>
    public static readonly DiagnosticDescriptor KueryQuestionableTypeUse = Warning("AR0404",
        "Questionable use of the field's type",
        "{0}", KueryCategory);

    public static readonly DiagnosticDescriptor KueryWildcardFieldUnmatched = Warning("AR0405",
        "Wildcard field name matches no known field",
        "No ECS or known non-ECS field matches '{0}'; the fields are matched against the event's own field names at run time", KueryCategory);

    public static readonly DiagnosticDescriptor KueryNotNestedField = Error("AR0406",
        "Nested query on a field that holds no objects",
        "'{0}' is a {1} field, not an object: a nested query on it fails in Elasticsearch", KueryCategory);
}
