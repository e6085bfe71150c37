using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using AzureRules.Generators.Diagnostics;
using AzureRules.Generators.Elastic;
using AzureRules.Generators.Kuery.Syntax;

namespace AzureRules.Generators.Kuery.Binding;

/// <summary>Where the binder learns field types: the Elastic field catalog, or a test's own mapping.</summary>
internal interface IKueryFieldTypes
{
    /// <summary>The field's type, or null when the field is not known.</summary>
    ElasticFieldType? TypeOf(string field);

    IEnumerable<string> Names { get; }
}

/// <summary>ECS and detection-rules' non-ECS fields (<see cref="ElasticFieldCatalog"/>).</summary>
internal sealed class CatalogFieldTypes : IKueryFieldTypes
{
    public static readonly CatalogFieldTypes Instance = new();

    public ElasticFieldType? TypeOf(string field) => ElasticFieldCatalog.TryGetField(field, out var type) ? type : null;

    public IEnumerable<string> Names => ElasticFieldCatalog.Names;
}

/// <summary>
/// Resolves a parsed query's fields against the known field types, expands wildcard field names,
/// chooses each comparison by the field's type (as Kibana's <c>is</c>/<c>range</c> functions and
/// Elasticsearch's field mappers do) and reports values that do not fit their field (AR0402-AR0406).
/// </summary>
internal sealed class KueryBinder
{
    private readonly IKueryFieldTypes _types;
    private readonly List<QueryDiagnostic> _diagnostics = [];
    private readonly HashSet<string> _reportedUnknown = new(StringComparer.Ordinal);

    private KueryBinder(IKueryFieldTypes types) => _types = types;

    public static (BoundKuery Query, ImmutableArray<QueryDiagnostic> Diagnostics) Bind(KueryNode root, IKueryFieldTypes types)
    {
        var binder = new KueryBinder(types);
        var bound = binder.Bind(root, scope: "");
        return (bound, binder._diagnostics.ToImmutableArray());
    }

    private BoundKuery Bind(KueryNode node, string scope) => node switch
    {
        KueryMatchAll => new BoundConstant(true),
        KueryOr or => new BoundOr(or.Operands.Select(o => Bind(o, scope)).ToImmutableArray()),
        KueryAnd and => new BoundAnd(and.Operands.Select(o => Bind(o, scope)).ToImmutableArray()),
        KueryNot not => new BoundNot(Bind(not.Operand, scope)),
        KueryIs @is => BindIs(@is, scope),
        KueryRange range => BindRange(range, scope),
        KueryNested nested => BindNested(nested, scope),
        _ => throw new InvalidOperationException("unknown Kibana KQL node " + node.GetType().Name),
    };

    // ---- field:value ---------------------------------------------------------------------------

    private BoundKuery BindIs(KueryIs node, string scope)
    {
        var field = node.Field;
        var allFields = field is null || (field.HasWildcard && field.Name == "*");
        if (allFields)
        {
            // Kibana: "*" on every field matches all documents; any other value is free text
            return node.Value.IsLoneWildcard ? new BoundConstant(true) : new BoundFreeText(node.Value);
        }
        return ForEachField(field!, scope, (path, type, caseless) => node.IsExists ? new BoundExists(path)
                : caseless ? new BoundMatch(path, node.Value.HasWildcard ? MatchKind.KeywordWildcardIgnoreCase : MatchKind.KeywordIgnoreCase, node.Value)
                : BindMatch(field!, path, type, node.Value),
            unmatched => new BoundFieldPatternMatch(unmatched, node.Value));
    }

    private BoundKuery BindMatch(KueryFieldName field, string path, ElasticFieldType? type, KueryLiteral value)
    {
        switch (type)
        {
            case null:
            case ElasticFieldType.Unknown:
                return new BoundMatch(path, MatchKind.Dynamic, value);
            case ElasticFieldType.Keyword:
                return new BoundMatch(path, value.HasWildcard ? MatchKind.KeywordWildcard : MatchKind.Keyword, value);
            case ElasticFieldType.Text:
                return new BoundMatch(path, value.HasWildcard ? MatchKind.TextWildcard : value.Quoted ? MatchKind.TextPhrase : MatchKind.TextTerms, value);
            case ElasticFieldType.Long:
            case ElasticFieldType.Double:
                if (RejectWildcard(field, "number", value)) return Never;
                if (!KueryValues.IsNumber(value.Text))
                    return Mismatch(value, $"'{value.Text}' is not a number, but '{field.Name}' is a number field: Elasticsearch fails the search");
                return new BoundMatch(path, MatchKind.Number, value);
            case ElasticFieldType.Boolean:
                if (RejectWildcard(field, "boolean", value)) return Never;
                if (value.Text is not ("true" or "false"))
                    return Mismatch(value, $"'{value.Text}' is not true or false, but '{field.Name}' is a boolean field: Elasticsearch fails the search");
                return new BoundMatch(path, MatchKind.Boolean, value);
            case ElasticFieldType.Ip:
                if (RejectWildcard(field, "ip", value)) return Never;
                if (!KueryValues.IsIpOrCidr(value.Text))
                    return Mismatch(value, $"'{value.Text}' is not an IP address or CIDR block, but '{field.Name}' is an ip field: Elasticsearch fails the search");
                return new BoundMatch(path, MatchKind.Ip, value);
            case ElasticFieldType.Date:
                if (RejectWildcard(field, "date", value)) return Never;
                if (!KueryValues.IsDate(value.Text))
                    return Mismatch(value, $"'{value.Text}' is not a date, epoch milliseconds or date math, but '{field.Name}' is a date field: Elasticsearch fails the search");
                return new BoundMatch(path, MatchKind.Date, value);
            default:
                Questionable(value, $"'{field.Name}' is a {Describe(type.Value)} field: a value query on it matches no document");
                return Never;
        }
    }

    private bool RejectWildcard(KueryFieldName field, string typeName, KueryLiteral value)
    {
        if (!value.HasWildcard) return false;
        Mismatch(value, $"Wildcards apply to keyword and text fields only, but '{field.Name}' is a {typeName} field: Elasticsearch fails the search");
        return true;
    }

    // ---- ranges --------------------------------------------------------------------------------

    private BoundKuery BindRange(KueryRange node, string scope)
        => ForEachField(node.Field, scope, (path, type, _) => BindRangeOn(node, path, type),
            unmatched => new BoundConstant(false));

    private BoundKuery BindRangeOn(KueryRange node, string path, ElasticFieldType? type)
    {
        var value = node.Value;
        var name = node.Field.Name;
        switch (type)
        {
            case ElasticFieldType.Long:
            case ElasticFieldType.Double:
                if (!KueryValues.IsNumber(value.Text))
                    return Mismatch(value, $"'{value.Text}' is not a number, but '{name}' is a number field: Elasticsearch fails the search");
                break;
            case ElasticFieldType.Date:
                if (!KueryValues.IsDate(value.Text))
                    return Mismatch(value, $"'{value.Text}' is not a date, epoch milliseconds or date math, but '{name}' is a date field: Elasticsearch fails the search");
                break;
            case ElasticFieldType.Ip:
                if (!KueryValues.IsIp(value.Text))
                    return Mismatch(value, $"'{value.Text}' is not an IP address, but '{name}' is an ip field: Elasticsearch fails the search");
                break;
            case ElasticFieldType.Keyword:
            case ElasticFieldType.Text:
                Questionable(value, $"A range on the {Describe(type.Value)} field '{name}' compares strings character by character, not as numbers or dates");
                break;
            case ElasticFieldType.Boolean:
                Questionable(value, $"A range on the boolean field '{name}' orders false before true; a value query is clearer");
                return new BoundRange(path, ElasticFieldType.Unknown, node.Operator, value);
            case ElasticFieldType.Object:
            case ElasticFieldType.GeoPoint:
                Questionable(value, $"'{name}' is a {Describe(type.Value)} field: a range on it matches no document");
                return Never;
        }
        return new BoundRange(path, type ?? ElasticFieldType.Unknown, node.Operator, value);
    }

    // ---- nested --------------------------------------------------------------------------------

    private BoundKuery BindNested(KueryNested node, string scope)
    {
        var full = Qualify(scope, node.Field.Name);
        var type = _types.TypeOf(full);
        if (type is null) ReportUnknown(full, node.Field.Start, node.Field.Length);
        else if (type is not (ElasticFieldType.Object or ElasticFieldType.Unknown))
        {
            _diagnostics.Add(QueryDiagnostic.Create(DiagnosticDescriptors.KueryNotNestedField, node.Field.Start, node.Field.Length, full, Describe(type.Value)));
            return Never;
        }
        return new BoundNested(node.Field.Name, Bind(node.Query, full));
    }

    // ---- fields --------------------------------------------------------------------------------

    /// <summary>
    /// Binds a comparison on one field, or on every known field a wildcard name matches (Kibana ORs
    /// them). A wildcard name no known field matches is left to the event's own field names.
    /// </summary>
    private BoundKuery ForEachField(KueryFieldName field, string scope, Func<string, ElasticFieldType?, bool, BoundKuery> bind, Func<string, BoundKuery> unmatched)
    {
        var full = Qualify(scope, field.Name);
        if (!field.HasWildcard)
        {
            if (MultiField(full, field.Name) is { } multi) return bind(multi.Path, multi.Type, multi.Caseless);
            var type = _types.TypeOf(full);
            if (type is null) ReportUnknown(full, field.Start, field.Length);
            return bind(field.Name, type, false);
        }
        var matches = _types.Names
            .Where(name => name.StartsWith(scope, StringComparison.Ordinal) && WildcardName.Matches(full, name))
            .OrderBy(name => name, StringComparer.Ordinal)
            .ToList();
        if (matches.Count == 0)
        {
            _diagnostics.Add(QueryDiagnostic.Create(DiagnosticDescriptors.KueryWildcardFieldUnmatched, field.Start, field.Length, full));
            return unmatched(field.Name);
        }
        var operands = matches
            .Where(name => _types.TypeOf(name) is not ElasticFieldType.Object)
            .Select(name => MultiField(name, scope.Length == 0 ? name : name.Substring(scope.Length + 1)) is { } multi
                ? bind(multi.Path, multi.Type, multi.Caseless)
                : bind(scope.Length == 0 ? name : name.Substring(scope.Length + 1), _types.TypeOf(name), false))
            .ToImmutableArray();
        return operands.Length == 1 ? operands[0] : new BoundOr(operands);
    }

    /// <summary>
    /// A multi-field (ECS <c>x.text</c>, Elastic Endpoint's <c>x.caseless</c>) indexes its parent's value
    /// another way; the event only holds the parent, so the comparison reads the parent's value.
    /// <c>.text</c> is analysed text; <c>.caseless</c> is a keyword with a lower-case normaliser.
    /// </summary>
    private (string Path, ElasticFieldType? Type, bool Caseless)? MultiField(string full, string relative)
    {
        foreach (var (suffix, caseless) in new[] { (".text", false), (".caseless", true) })
        {
            if (!full.EndsWith(suffix, StringComparison.Ordinal) || relative.Length <= suffix.Length) continue;
            var parent = full.Substring(0, full.Length - suffix.Length);
            if (_types.TypeOf(parent) is not (ElasticFieldType.Keyword or ElasticFieldType.Text)) continue;
            if (!caseless && _types.TypeOf(full) is { } own && own != ElasticFieldType.Text) continue;
            return (relative.Substring(0, relative.Length - suffix.Length), caseless ? ElasticFieldType.Keyword : ElasticFieldType.Text, caseless);
        }
        return null;
    }

    private static string Qualify(string scope, string name) => scope.Length == 0 ? name : scope + "." + name;

    private void ReportUnknown(string field, int start, int length)
    {
        if (_reportedUnknown.Add(field))
            _diagnostics.Add(QueryDiagnostic.Create(DiagnosticDescriptors.KueryUnknownField, start, length, field));
    }

    private static readonly BoundConstant Never = new(false);

    private BoundKuery Mismatch(KueryLiteral value, string message)
    {
        _diagnostics.Add(QueryDiagnostic.Create(DiagnosticDescriptors.KueryTypeMismatch, value.Start, value.Length, message));
        return Never;
    }

    private void Questionable(KueryLiteral value, string message)
        => _diagnostics.Add(QueryDiagnostic.Create(DiagnosticDescriptors.KueryQuestionableTypeUse, value.Start, value.Length, message));

    private static string Describe(ElasticFieldType type) => type switch
    {
        ElasticFieldType.GeoPoint => "geo_point",
        _ => type.ToString().ToLowerInvariant(),
    };
}
