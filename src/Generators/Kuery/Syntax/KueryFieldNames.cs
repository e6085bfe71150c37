using System.Collections.Generic;

namespace AzureRules.Generators.Kuery.Syntax;

/// <summary>The fields a query reads, with nested queries' fields under their nested path (a.b:{ c:1 } reads a.b and a.b.c).</summary>
internal static class KueryFieldNames
{
    public static IReadOnlyCollection<string> Collect(KueryNode root)
    {
        var names = new SortedSet<string>(System.StringComparer.Ordinal);
        Visit(root, "", names);
        return names;
    }

    private static void Visit(KueryNode node, string scope, SortedSet<string> names)
    {
        switch (node)
        {
            case KueryOr or:
                foreach (var operand in or.Operands) Visit(operand, scope, names);
                break;
            case KueryAnd and:
                foreach (var operand in and.Operands) Visit(operand, scope, names);
                break;
            case KueryNot not:
                Visit(not.Operand, scope, names);
                break;
            case KueryIs { Field: { } field }:
                names.Add(scope + field.Name);
                break;
            case KueryRange range:
                names.Add(scope + range.Field.Name);
                break;
            case KueryNested nested:
                names.Add(scope + nested.Field.Name);
                Visit(nested.Query, scope + nested.Field.Name + ".", names);
                break;
        }
    }
}
