using System;
using System.Collections.Generic;
using System.Linq;

namespace AzureRules.Generators.Pipeline;

/// <summary>
/// Flat chains of one associative operator (<c>a or b or c …</c>) in every query language. Parsers
/// build them as left-deep binary trees, so a 30,000-term chain would be 30,000 levels deep for
/// any recursive walk, and the C# written for it 30,000 levels deep for the C# compiler. Binders and
/// emitters take the operands here without recursion, and emitters write them grouped so the
/// generated expression nests only log(n) levels.
/// </summary>
internal static class ExpressionChains
{
    /// <summary>
    /// The operands of the chain rooted at <paramref name="root"/>, in source order: <paramref name="split"/>
    /// gives a node's two sides when the node is the chain's operator, and null for an operand.
    /// </summary>
    public static List<T> Operands<T>(T root, Func<T, (T Left, T Right)?> split)
    {
        var operands = new List<T>();
        var pending = new Stack<T>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            if (split(node) is { } sides)
            {
                pending.Push(sides.Right);
                pending.Push(sides.Left);
            }
            else operands.Add(node);
        }
        return operands;
    }

    /// <summary>Chains up to this many operands are written as before (nested as parsed); longer ones are grouped.</summary>
    public const int FlatLimit = 16;

    /// <summary>
    /// Joins operand code with an associative operator: groups of <paramref name="fanIn"/> are joined
    /// by <paramref name="join"/>, then the groups, and so on, so the nesting depth is log(n) and the
    /// work linear. Without recursion.
    /// </summary>
    public static string Grouped(IReadOnlyList<string> operands, int fanIn, Func<IReadOnlyList<string>, string> join)
    {
        if (operands.Count == 0) throw new ArgumentException("a chain has operands", nameof(operands));
        var level = operands.ToList();
        while (level.Count > 1)
        {
            var next = new List<string>((level.Count + fanIn - 1) / fanIn);
            for (var i = 0; i < level.Count; i += fanIn)
            {
                var group = level.GetRange(i, Math.Min(fanIn, level.Count - i));
                next.Add(group.Count == 1 ? group[0] : join(group));
            }
            level = next;
        }
        return level[0];
    }
}
