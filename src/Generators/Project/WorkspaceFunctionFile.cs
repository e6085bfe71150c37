using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using AzureRules.Generators.Diagnostics;
using AzureRules.Generators.Formats.Sentinel;
using AzureRules.Generators.Model;
using YamlDotNet.RepresentationModel;

namespace AzureRules.Generators.Project;

/// <summary>A parameter of a workspace function: name, Kusto type and default value (Kusto text), if any.</summary>
internal sealed record WorkspaceFunctionParameter(string Name, string Type, string? Default);

/// <summary>
/// A function saved in a Sentinel workspace (an ASIM parser, a solution parser, a team's own function):
/// its name and other names, parameters and Kusto body, read from the file that defines it.
/// </summary>
internal sealed record WorkspaceFunction(string Name, EquatableArray<string> Aliases, EquatableArray<WorkspaceFunctionParameter> Parameters, string Query, string Path)
{
    /// <summary>The function as a Kusto let-bound function value: <c>(p:type=default, …) { body }</c>.</summary>
    public string DefinitionText()
    {
        var text = new StringBuilder("(");
        for (var i = 0; i < Parameters.Count; i++)
        {
            var p = Parameters[i];
            if (i > 0) text.Append(", ");
            text.Append(p.Name).Append(':').Append(p.Type);
            if (p.Default is { } value) text.Append(" = ").Append(value);
        }
        // the body on its own lines: a trailing // comment must not swallow the closing brace
        return text.Append(") {\n").Append(Query).Append("\n}").ToString();
    }
}

/// <summary>
/// Reads workspace function files: Sentinel's parser YAML (ASIM: <c>ParserName</c>, <c>ParserParams</c>,
/// <c>ParserQuery</c>, <c>EquivalentBuiltInParser</c>; other functions: <c>FunctionName</c>,
/// <c>FunctionParams</c>, <c>FunctionQuery</c>, <c>FunctionAlias</c>, <c>EquivalentBuiltInFunction</c>), or a
/// Kusto file (<c>.kql</c>, <c>.csl</c>, <c>.txt</c>) whose whole text is the body of a function without
/// parameters named as the file (as Log Analytics saves a solution parser under its alias).
/// </summary>
internal static class WorkspaceFunctionFile
{
    public static EquatableArray<WorkspaceFunction> Read(string path, string text, List<RuleDiagnostic> diagnostics)
    {
        var extension = System.IO.Path.GetExtension(path).ToLowerInvariant();
        var function = extension is ".yaml" or ".yml" ? ReadYaml(path, text, diagnostics) : ReadKusto(path, text);
        if (function is null) return EquatableArray<WorkspaceFunction>.Empty;
        var tree = Kusto.Parsing.KustoParser.Parse("let f = " + function.DefinitionText() + ";");
        if (tree.HasErrors)
        {
            var first = tree.Diagnostics.First();
            diagnostics.Add(RuleDiagnostic.Create(DiagnosticDescriptors.InvalidProjectFile, SourceSpan.At(path, SourcePosition.Start),
                $"workspace function {function.Name}", "its Kusto query has a syntax error: " + first.ToRuleDiagnostic(new QueryText("", path, EquatableArray<SourceMapSegment>.Empty)).FormatMessage()));
            return EquatableArray<WorkspaceFunction>.Empty;
        }
        return ImmutableArray.Create(function);
    }

    private static WorkspaceFunction ReadKusto(string path, string text)
    {
        var name = System.IO.Path.GetFileNameWithoutExtension(path);
        return new WorkspaceFunction(name, EquatableArray<string>.Empty, EquatableArray<WorkspaceFunctionParameter>.Empty, text.TrimStart('\uFEFF'), path);
    }

    private static WorkspaceFunction? ReadYaml(string path, string text, List<RuleDiagnostic> diagnostics)
    {
        var source = new YamlSource(path, text, 0, text.Length);
        YamlMappingNode? root;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(source.Yaml));
            root = stream.Documents.Count > 0 ? stream.Documents[0].RootNode as YamlMappingNode : null;
        }
        catch (Exception e) when (e is YamlDotNet.Core.YamlException or InvalidOperationException or ArgumentException)
        {
            diagnostics.Add(RuleDiagnostic.Create(DiagnosticDescriptors.MalformedFile, source.StartSpan, "YAML", e.Message));
            return null;
        }
        var name = Scalar(root, "FunctionName") ?? Scalar(root, "ParserName");
        var query = Scalar(root, "FunctionQuery") ?? Scalar(root, "ParserQuery");
        if (root is null || name is null || query is null)
        {
            diagnostics.Add(RuleDiagnostic.Create(DiagnosticDescriptors.InvalidProjectFile, source.StartSpan, "workspace function",
                "expected Sentinel's parser YAML: FunctionName (or ParserName), optional FunctionParams (or ParserParams: - Name, Type, Default) and FunctionQuery (or ParserQuery)"));
            return null;
        }
        var aliases = new List<string>();
        foreach (var key in new[] { "FunctionAlias", "EquivalentBuiltInFunction", "EquivalentBuiltInParser" })
            if (Scalar(root, key) is { Length: > 0 } alias && alias != name.Trim() && !aliases.Contains(alias)) aliases.Add(alias.Trim());

        var parameters = new List<WorkspaceFunctionParameter>();
        if ((Child(root, "FunctionParams") ?? Child(root, "ParserParams")) is YamlSequenceNode list)
        {
            foreach (var item in list.Children)
            {
                if (item is not YamlMappingNode parameter || Scalar(parameter, "Name") is not { } parameterName || Scalar(parameter, "Type") is not { } type)
                {
                    diagnostics.Add(RuleDiagnostic.Create(DiagnosticDescriptors.InvalidProjectFile, source.SpanOf(item), $"parameter of {name}", "expected Name, Type and an optional Default"));
                    continue;
                }
                parameters.Add(new WorkspaceFunctionParameter(parameterName.Trim(), type.Trim(), DefaultText(type.Trim(), Scalar(parameter, "Default"))));
            }
        }
        return new WorkspaceFunction(name.Trim(), aliases.ToImmutableArray(), parameters.ToImmutableArray(), query, path);
    }

    /// <summary>
    /// A default as Kusto text. YAML has already unquoted <c>'*'</c>, so a string default that is not a
    /// Kusto string literal itself becomes one; other types are Kusto expressions (<c>datetime(null)</c>).
    /// </summary>
    private static string? DefaultText(string type, string? value)
    {
        if (value is null) return null;
        value = value.Trim();
        if (type != "string" || value.StartsWith("'", StringComparison.Ordinal) || value.StartsWith("\"", StringComparison.Ordinal)) return value;
        return "'" + value.Replace("\\", "\\\\").Replace("'", "\\'") + "'";
    }

    private static YamlNode? Child(YamlMappingNode? map, string key)
    {
        if (map is null) return null;
        foreach (var entry in map.Children)
            if (entry.Key is YamlScalarNode { Value: { } k } && k == key) return entry.Value;
        return null;
    }

    private static string? Scalar(YamlMappingNode? map, string key) => (Child(map, key) as YamlScalarNode)?.Value;
}
