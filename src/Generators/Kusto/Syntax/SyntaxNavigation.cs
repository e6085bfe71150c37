using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using AzureRules.Generators.Model;

namespace AzureRules.Generators.Kusto.Syntax;

/// <summary>
/// Generic walking of the tree: the child nodes of any node, in source order, and all descendants.
/// Node types are plain records, so their children are found once per type by reflection over the
/// properties holding nodes or arrays of nodes; adding a node type needs no change here.
/// </summary>
internal static class SyntaxNavigation
{
    private static readonly ConcurrentDictionary<Type, Func<SyntaxNode, IEnumerable<SyntaxNode>>[]> Accessors = new();

    public static IEnumerable<SyntaxNode> ChildNodes(this SyntaxNode node)
    {
        var children = new List<SyntaxNode>();
        foreach (var accessor in Accessors.GetOrAdd(node.GetType(), BuildAccessors))
            children.AddRange(accessor(node));
        children.Sort((a, b) => a.Span.Start != b.Span.Start ? a.Span.Start.CompareTo(b.Span.Start) : b.Span.End.CompareTo(a.Span.End));
        return children;
    }

    /// <summary>The node and everything beneath it, parents before children.</summary>
    public static IEnumerable<SyntaxNode> DescendantNodesAndSelf(this SyntaxNode node)
    {
        var stack = new Stack<SyntaxNode>();
        stack.Push(node);
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            yield return current;
            var children = current.ChildNodes().ToList();
            for (var i = children.Count - 1; i >= 0; i--) stack.Push(children[i]);
        }
    }

    private static Func<SyntaxNode, IEnumerable<SyntaxNode>>[] BuildAccessors(Type type)
    {
        var accessors = new List<Func<SyntaxNode, IEnumerable<SyntaxNode>>>();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.Name == "EqualityContract") continue;
            var propertyType = property.PropertyType;
            if (typeof(SyntaxNode).IsAssignableFrom(propertyType))
            {
                accessors.Add(node => property.GetValue(node) is SyntaxNode child ? new[] { child } : Array.Empty<SyntaxNode>());
            }
            else if (propertyType.IsGenericType && propertyType.GetGenericTypeDefinition() == typeof(EquatableArray<>)
                     && typeof(SyntaxNode).IsAssignableFrom(propertyType.GetGenericArguments()[0]))
            {
                accessors.Add(node => ((System.Collections.IEnumerable)property.GetValue(node)!).Cast<SyntaxNode>());
            }
        }
        return accessors.ToArray();
    }
}
