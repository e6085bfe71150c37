using System;
using System.Globalization;
using System.Linq;
using AzureRules.Generators.Kusto.Syntax;
using static AzureRules.Generators.Kusto.Emit.KustoRuntimeNames;

namespace AzureRules.Generators.Kusto.Emit;

internal static class CSharpLiteralAlias
{
    public static string String(string value) => Generators.Emit.CSharpLiteral.String(value);
}

/// <summary>C# for Kusto literals; every string from the query goes through CSharpLiteral.</summary>
internal static class KustoLiterals
{
    public static string Of(LiteralExpression literal)
    {
        if (literal.Value is null)
            return literal.Kind == LiteralKind.String ? $"{Value}.EmptyString" : $"{Value}.Null";
        return literal.Kind switch
        {
            LiteralKind.String => $"{Value}.From({CSharpLiteralAlias.String((string)literal.Value)})",
            LiteralKind.Long => $"{Value}.From({Generators.Emit.CSharpLiteral.Long(System.Convert.ToInt64(literal.Value, CultureInfo.InvariantCulture))})",
            LiteralKind.Int => $"{Value}.FromInt({Generators.Emit.CSharpLiteral.Int(System.Convert.ToInt32(literal.Value, CultureInfo.InvariantCulture))})",
            LiteralKind.Real => $"{Value}.From({Generators.Emit.CSharpLiteral.Double(System.Convert.ToDouble(literal.Value, CultureInfo.InvariantCulture))})",
            LiteralKind.Decimal => $"{Value}.From({System.Convert.ToDecimal(literal.Value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture)}m)",
            LiteralKind.Bool => (bool)literal.Value ? $"{Value}.True" : $"{Value}.False",
            LiteralKind.DateTime => $"{Value}.FromTicks({TypeEnum}.DateTime, {Generators.Emit.CSharpLiteral.Long(((DateTime)literal.Value).Ticks)})",
            LiteralKind.TimeSpan => $"{Value}.FromTicks({TypeEnum}.TimeSpan, {Generators.Emit.CSharpLiteral.Long(((TimeSpan)literal.Value).Ticks)})",
            LiteralKind.Guid => $"{Value}.From(new global::System.Guid({CSharpLiteralAlias.String(((Guid)literal.Value).ToString("D"))}))",
            _ => $"{Value}.Null",
        };
    }

    /// <summary>The C# KustoType member for a Kusto type name.</summary>
    public static string TypeOf(string name) => name.ToLowerInvariant() switch
    {
        "bool" or "boolean" => $"{TypeEnum}.Bool",
        "int" or "int32" => $"{TypeEnum}.Int",
        "long" or "int64" => $"{TypeEnum}.Long",
        "real" or "double" or "float" => $"{TypeEnum}.Real",
        "decimal" => $"{TypeEnum}.Decimal",
        "string" => $"{TypeEnum}.String",
        "datetime" or "date" => $"{TypeEnum}.DateTime",
        "timespan" or "time" => $"{TypeEnum}.TimeSpan",
        "guid" or "uniqueid" => $"{TypeEnum}.Guid",
        _ => $"{TypeEnum}.Dynamic",
    };

    public static string Array(System.Collections.Generic.IEnumerable<string> items, string elementType = Value)
    {
        var list = items.ToList();
        return list.Count == 0 ? $"global::System.Array.Empty<{elementType}>()" : $"new {elementType}[] {{ {string.Join(", ", list)} }}";
    }

    public static string Strings(System.Collections.Generic.IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count == 0 ? "global::System.Array.Empty<string>()" : $"new string[] {{ {string.Join(", ", list.Select(CSharpLiteralAlias.String))} }}";
    }
}
