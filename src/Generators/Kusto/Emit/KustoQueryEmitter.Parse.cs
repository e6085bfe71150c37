using System.Collections.Generic;
using System.Linq;
using AzureRules.Generators.Diagnostics;
using AzureRules.Generators.Kusto.Binding;
using AzureRules.Generators.Kusto.Syntax;
using static AzureRules.Generators.Kusto.Emit.KustoRuntimeNames;

namespace AzureRules.Generators.Kusto.Emit;

// parse and parse-where (the runtime's KustoOperators.Parse.cs runs them).
internal sealed partial class KustoQueryEmitter
{
    private string Parse(ParseOperator parse, string input)
    {
        var kind = parse.ParameterText("kind")?.ToLowerInvariant() ?? "simple";
        if (kind is not ("simple" or "regex" or "relaxed"))
            return UnsupportedTable(parse, DiagnosticDescriptors.KustoUnsupportedConstruct, $"parse kind={kind}");
        var parts = new List<string>();
        foreach (var part in parse.Pattern)
        {
            switch (part)
            {
                case LiteralExpression { Value: string text }:
                    parts.Add($"{Namespace}.Operators.KustoParsePart.Text({CSharpLiteralAlias.String(text)})");
                    break;
                case StarExpression:
                    parts.Add($"{Namespace}.Operators.KustoParsePart.Any");
                    break;
                case ColumnDeclaration column:
                    parts.Add($"{Namespace}.Operators.KustoParsePart.Column({CSharpLiteralAlias.String(column.Name.Name)}, {KustoLiterals.TypeOf(column.Type?.Name ?? "string")})");
                    break;
                case NameReference name:
                    parts.Add($"{Namespace}.Operators.KustoParsePart.Column({CSharpLiteralAlias.String(name.Name)}, {TypeEnum}.String)");
                    break;
                default:
                    return UnsupportedTable(part, DiagnosticDescriptors.KustoUnsupportedConstruct, "This parse pattern item");
            }
        }
        var method = parse.IsParseWhere ? "ParseWhere" : "Parse";
        return TableLocal($"{Operators}.{method}({input}, {Binder(parse.Source)}, {KustoLiterals.Array(parts, Namespace + ".Operators.KustoParsePart")}, {(kind == "regex" ? "true" : "false")}, {(kind == "relaxed" ? "true" : "false")}, {CSharpLiteralAlias.String(parse.ParameterText("flags") ?? "")})");
    }
}
