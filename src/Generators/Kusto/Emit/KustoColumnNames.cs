using AzureRules.Generators.Kusto.Syntax;

namespace AzureRules.Generators.Kusto.Emit;

/// <summary>
/// The name Kusto gives a result column the query does not name: a column reference keeps its name,
/// a dynamic path joins its parts with '_' (Properties.Name → Properties_Name), bin()/floor() take
/// their first argument's name; anything else is left to the caller (Column1, print_0, …).
/// </summary>
internal static class KustoColumnNames
{
    public static string? Derive(Expression expression) => expression switch
    {
        NameReference name => name.Name,
        ParenthesizedExpression p => Derive(p.Expression),
        PathExpression path => Derive(path.Target) is { } target ? target + "_" + path.Member.Name : path.Member.Name,
        ElementExpression { Index: LiteralExpression { Kind: LiteralKind.String, Value: string member } } element
            => Derive(element.Target) is { } target ? target + "_" + member : member,
        FunctionCallExpression call when call.Arguments.Count > 0 && IsNamePreserving(call.Name.Name) => Derive(call.Arguments[0]),
        _ => null,
    };

    private static bool IsNamePreserving(string function) => function is "bin" or "floor" or "bin_at";
}
