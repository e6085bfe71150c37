using System.Collections.Generic;
using System.Linq;
using AzureRules.Generators.Diagnostics;
using AzureRules.Generators.Kusto.Syntax;
using static AzureRules.Generators.Kusto.Emit.KustoRuntimeNames;

namespace AzureRules.Generators.Kusto.Emit;

// parse-kv (the runtime's KustoOperators.ParseKv.cs runs it; the binder adds the key columns as parse's).
internal sealed partial class KustoQueryEmitter
{
    private string ParseKv(ParseKvOperator parseKv, string input)
    {
        string? pair = null, kv = null, regex = null;
        var quotes = new List<string>();
        var escapes = new List<string>();
        var greedy = false;
        foreach (var option in parseKv.With)
        {
            var text = option.Value switch
            {
                LiteralExpression { Value: string s } => s,
                LiteralExpression { Value: bool b } => b ? "true" : "false",
                _ => null,
            };
            if (text is null) return UnsupportedTable(option, DiagnosticDescriptors.KustoUnsupportedConstruct, "A parse-kv option that is not a literal");
            switch (option.Name.ToLowerInvariant())
            {
                case "pair_delimiter": pair = text; break;
                case "kv_delimiter": kv = text; break;
                case "regex": regex = text; break;
                case "quote": quotes.Add(text); break;
                case "escape": escapes.Add(text); break;
                case "greedy": greedy = text == "true"; break;
                default: return UnsupportedTable(option, DiagnosticDescriptors.KustoUnsupportedConstruct, $"The parse-kv option '{option.Name}'");
            }
        }
        if ((pair is null) != (kv is null))
            return UnsupportedTable(parseKv, DiagnosticDescriptors.KustoUnsupportedConstruct, "parse-kv with only one of pair_delimiter and kv_delimiter");
        var keys = parseKv.Keys.Select(k => $"new {Column}({CSharpLiteralAlias.String(k.Name.Name)}, {KustoLiterals.TypeOf(k.Type?.Name ?? "string")})");
        string Text(string? value) => value is null ? "null" : CSharpLiteralAlias.String(value);
        var options = $"new {Namespace}.Operators.KustoParseKvOptions({Text(pair)}, {Text(kv)}, {KustoLiterals.Strings(quotes)}, {KustoLiterals.Strings(escapes)}, {(greedy ? "true" : "false")}, {Text(regex)})";
        return TableLocal($"{Operators}.ParseKv({input}, {Binder(parseKv.Source)}, {KustoLiterals.Array(keys, Column)}, {_constants.Field(options, $"{Namespace}.Operators.KustoParseKvOptions")})");
    }
}
