using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace AzureRules.Generators.Esql.Binding;

/// <summary>The columns DISSECT and GROK patterns create.</summary>
internal static class ExtractionPatterns
{
    private static readonly Regex DissectKey = new(@"%\{([^}]*)\}", RegexOptions.CultureInvariant);
    private static readonly Regex GrokReference = new(@"%\{(\w+)(?::([^:}]+))?(?::(\w+))?\}", RegexOptions.CultureInvariant);
    private static readonly Regex NamedGroup = new(@"\(\?<([A-Za-z_][\w.@]*)>", RegexOptions.CultureInvariant);

    /// <summary>
    /// DISSECT keys: <c>%{name}</c>, with the modifiers <c>+</c> (append), <c>?</c> (skip: no column),
    /// <c>-&gt;</c> (right padding) and <c>/n</c> (append order) removed. Every column is a string.
    /// </summary>
    public static IEnumerable<(string Name, EsqlType Type)> DissectColumns(string pattern)
    {
        foreach (Match match in DissectKey.Matches(pattern))
        {
            var key = match.Groups[1].Value;
            if (key.EndsWith("->", System.StringComparison.Ordinal)) key = key.Substring(0, key.Length - 2);
            if (key.Length == 0 || key[0] == '?' || key[0] == '*' || key[0] == '&') continue;
            if (key[0] == '+') key = key.Substring(1);
            var slash = key.LastIndexOf('/');
            if (slash > 0) key = key.Substring(0, slash);
            if (key.Length > 0) yield return (key, EsqlType.Keyword);
        }
    }

    /// <summary>GROK captures: <c>%{SYNTAX:name}</c>, <c>%{SYNTAX:name:int}</c> and <c>(?&lt;name&gt;…)</c>.</summary>
    public static IEnumerable<(string Name, EsqlType Type)> GrokColumns(string pattern)
    {
        foreach (Match match in GrokReference.Matches(pattern))
        {
            if (!match.Groups[2].Success) continue;
            var type = match.Groups[3].Value.ToLowerInvariant() switch
            {
                "int" => EsqlType.Integer,
                "long" => EsqlType.Long,
                "float" or "double" => EsqlType.Double,
                "boolean" => EsqlType.Boolean,
                _ => EsqlType.Keyword,
            };
            yield return (match.Groups[2].Value, type);
        }
        foreach (Match match in NamedGroup.Matches(pattern)) yield return (match.Groups[1].Value, EsqlType.Keyword);
    }
}
