using System.Collections.Generic;
using System.Linq;
using AzureRules.Generators.Diagnostics;
using AzureRules.Generators.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace AzureRules.Generators.Formats.Sentinel;

/// <summary>
/// Reads YAML nodes as the shapes rule fields have (a value, a list of values, a list of mappings, a
/// mapping of values), reporting AR0103 at a node of the wrong shape and going on without it.
/// </summary>
internal sealed class YamlValues
{
    private readonly YamlSource _source;
    private readonly List<RuleDiagnostic> _diagnostics;

    public YamlValues(YamlSource source, List<RuleDiagnostic> diagnostics)
    {
        _source = source;
        _diagnostics = diagnostics;
    }

    /// <summary>An empty value, <c>~</c> or <c>null</c>: the field is written but says nothing.</summary>
    public static bool IsNull(YamlNode node)
        => node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any } scalar
           && scalar.Value is null or "" or "~" or "null" or "Null" or "NULL";

    public Located<string>? Text(string field, YamlNode node)
    {
        if (node is YamlScalarNode scalar) return IsNull(scalar) ? null : new Located<string>(scalar.Value ?? "", _source.SpanOf(scalar));
        Invalid(field, node, "expected a single value");
        return null;
    }

    public bool? Boolean(string field, YamlNode node)
    {
        if (Text(field, node) is not { } text) return null;
        switch (text.Value.ToLowerInvariant())
        {
            case "true": return true;
            case "false": return false;
        }
        Invalid(field, node, "expected true or false");
        return null;
    }

    public List<Located<string>> TextList(string field, YamlNode node)
    {
        var values = new List<Located<string>>();
        foreach (var item in Items(field, node))
            if (Text(field, item) is { } value) values.Add(value);
        return values;
    }

    public List<YamlMappingNode> Mappings(string field, YamlNode node)
    {
        var mappings = new List<YamlMappingNode>();
        foreach (var item in Items(field, node))
        {
            if (item is YamlMappingNode mapping) mappings.Add(mapping);
            else if (!IsNull(item)) Invalid(field, item, "expected a mapping of fields");
        }
        return mappings;
    }

    public YamlMappingNode? Mapping(string field, YamlNode node)
    {
        if (node is YamlMappingNode mapping) return mapping;
        if (!IsNull(node)) Invalid(field, node, "expected a mapping of fields");
        return null;
    }

    /// <summary>
    /// The entries of a mapping whose keys are names; other keys are reported. A key that is one of
    /// <paramref name="known"/> in another case is returned as the known name, with a warning.
    /// </summary>
    public IEnumerable<(string Key, YamlNode Value)> Fields(YamlMappingNode mapping, string field, params string[] known)
    {
        foreach (var entry in mapping.Children)
        {
            if (entry.Key is YamlScalarNode key) yield return (KnownName(key, known), entry.Value);
            else Invalid(field, entry.Key, "a field name must be a plain name");
        }
    }

    /// <summary>The field name as Sentinel knows it: the CI binds YAML to its model ignoring case.</summary>
    public string KnownName(YamlScalarNode key, IReadOnlyCollection<string> known)
    {
        var name = key.Value ?? "";
        if (known.Contains(name)) return name;
        var match = known.FirstOrDefault(k => string.Equals(k, name, System.StringComparison.OrdinalIgnoreCase));
        if (match is null) return name;
        _diagnostics.Add(RuleDiagnostic.Create(DiagnosticDescriptors.SentinelFieldNameCase, _source.SpanOf(key), match, name));
        return match;
    }

    /// <summary>A mapping of name to value, e.g. customDetails.</summary>
    public List<(Located<string> Key, Located<string> Value)> Pairs(string field, YamlNode node)
    {
        var pairs = new List<(Located<string>, Located<string>)>();
        if (Mapping(field, node) is not { } mapping) return pairs;
        foreach (var entry in mapping.Children)
        {
            if (Text(field, entry.Key) is { } key && Text(key.Value, entry.Value) is { } value) pairs.Add((key, value));
        }
        return pairs;
    }

    /// <summary>tags: plain strings, or objects such as <c>{Schema: ASimDns, SchemaVersion: 0.1.0}</c> written as "Schema: ASimDns, SchemaVersion: 0.1.0".</summary>
    public List<string> Tags(string field, YamlNode node)
    {
        var tags = new List<string>();
        foreach (var item in Items(field, node))
        {
            if (item is YamlMappingNode mapping)
                tags.Add(string.Join(", ", mapping.Children.Select(e => $"{Describe(e.Key)}: {Describe(e.Value)}")));
            else if (Text(field, item) is { } tag)
                tags.Add(tag.Value);
        }
        return tags;
    }

    public void Unknown(YamlMappingNode mapping, string key, string where)
    {
        var keyNode = mapping.Children.Keys.FirstOrDefault(k => k is YamlScalarNode s && s.Value == key);
        var span = keyNode is null ? _source.SpanOf(mapping) : _source.SpanOf(keyNode);
        _diagnostics.Add(RuleDiagnostic.Create(DiagnosticDescriptors.UnknownField, span, key, where));
    }

    public void Invalid(string field, YamlNode node, string expected)
        => _diagnostics.Add(RuleDiagnostic.Create(DiagnosticDescriptors.InvalidValue, _source.SpanOf(node), field, Describe(node), expected));

    private IEnumerable<YamlNode> Items(string field, YamlNode node)
    {
        if (node is YamlSequenceNode sequence) return sequence.Children;
        if (!IsNull(node)) Invalid(field, node, "expected a list");
        return Enumerable.Empty<YamlNode>();
    }

    private static string Describe(YamlNode node) => node switch
    {
        YamlScalarNode scalar => scalar.Value ?? "",
        YamlSequenceNode => "[…]",
        _ => "{…}",
    };
}
