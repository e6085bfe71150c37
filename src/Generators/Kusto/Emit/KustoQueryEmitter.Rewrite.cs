using System.Collections.Generic;
using AzureRules.Generators.Kusto.Syntax;
using AzureRules.Generators.Model;

namespace AzureRules.Generators.Kusto.Emit;

internal sealed partial class KustoQueryEmitter
{
    /// <summary>
    /// What <see cref="ReplaceCalls"/> does with one call: keep it (and look inside its arguments),
    /// replace it by <see cref="Replacement"/>, or give up (<see cref="Failed"/>: a diagnostic was reported).
    /// </summary>
    private readonly record struct CallReplacement(bool Replaced, Expression? Replacement)
    {
        public static CallReplacement Keep => default;
        public static CallReplacement Failed => new(true, null);
        public static CallReplacement With(Expression replacement) => new(true, replacement);
    }

    /// <summary>
    /// Rebuilds <paramref name="expression"/> with the calls <paramref name="replace"/> picks replaced (an
    /// aggregate inside a summarize item, a window function inside an extend: each by a reference to a
    /// hidden column computed first). Rebuilt nodes keep the binder's facts about the nodes they stand for,
    /// so the rest of the emitter reads them as it would the originals. Null when a replacement failed.
    /// </summary>
    private Expression? ReplaceCalls(Expression expression, System.Func<FunctionCallExpression, CallReplacement> replace)
        => ReplaceNodes(expression, node => node is FunctionCallExpression call ? replace(call) : CallReplacement.Keep);

    /// <summary>As <see cref="ReplaceCalls"/>, offering every node (scan's <c>s1.x</c> state references too) to <paramref name="replace"/> before its parts.</summary>
    private Expression? ReplaceNodes(Expression expression, System.Func<Expression, CallReplacement> replace)
    {
        var decision = replace(expression);
        if (decision.Replaced) return decision.Replacement;
        Expression? Rebuilt(Expression original, Expression? rebuilt)
        {
            if (rebuilt is null || ReferenceEquals(rebuilt, original)) return rebuilt;
            if (_model.ValueOf(_instance, original) is { } value) _model.AddValue(_instance, rebuilt, value);
            return rebuilt;
        }
        switch (expression)
        {
            case FunctionCallExpression call:
            {
                var arguments = new List<Expression>();
                var changed = false;
                foreach (var argument in call.Arguments)
                {
                    var rewritten = ReplaceNodes(argument, replace);
                    if (rewritten is null) return null;
                    changed |= !ReferenceEquals(rewritten, argument);
                    arguments.Add(rewritten);
                }
                if (!changed) return call;
                var rewrittenCall = call with { Arguments = arguments.ToEquatableArray() };
                // the rewritten call means what the original did
                if (_model.FunctionOf(_instance, call) is { } signature) _model.AddFunction(_instance, rewrittenCall, signature);
                if (_model.ReferenceOf(_instance, call) is { } local) _model.AddReference(_instance, rewrittenCall, local);
                if (_model.CallInstance(_instance, call) is { } body) _model.AddCall(_instance, rewrittenCall, body);
                return Rebuilt(call, rewrittenCall);
            }
            case NamedExpression named:
                return ReplaceNodes(named.Value, replace) is { } value ? (ReferenceEquals(value, named.Value) ? named : named with { Value = value }) : null;
            case BinaryExpression b:
            {
                var left = ReplaceNodes(b.Left, replace);
                var right = ReplaceNodes(b.Right, replace);
                if (left is null || right is null) return null;
                return ReferenceEquals(left, b.Left) && ReferenceEquals(right, b.Right) ? b : Rebuilt(b, b with { Left = left, Right = right });
            }
            case UnaryExpression u:
                return ReplaceNodes(u.Operand, replace) is { } operand ? (ReferenceEquals(operand, u.Operand) ? u : Rebuilt(u, u with { Operand = operand })) : null;
            case ParenthesizedExpression p:
                return ReplaceNodes(p.Expression, replace) is { } inner ? (ReferenceEquals(inner, p.Expression) ? p : Rebuilt(p, p with { Expression = inner })) : null;
            case PathExpression path:
                return ReplaceNodes(path.Target, replace) is { } member ? (ReferenceEquals(member, path.Target) ? path : Rebuilt(path, path with { Target = member })) : null;
            case ElementExpression element:
            {
                var target = ReplaceNodes(element.Target, replace);
                var index = ReplaceNodes(element.Index, replace);
                if (target is null || index is null) return null;
                return ReferenceEquals(target, element.Target) && ReferenceEquals(index, element.Index) ? element : Rebuilt(element, element with { Target = target, Index = index });
            }
            case BetweenExpression between:
            {
                var left = ReplaceNodes(between.Left, replace);
                var low = ReplaceNodes(between.Low, replace);
                var high = ReplaceNodes(between.High, replace);
                if (left is null || low is null || high is null) return null;
                return ReferenceEquals(left, between.Left) && ReferenceEquals(low, between.Low) && ReferenceEquals(high, between.High)
                    ? between : Rebuilt(between, between with { Left = left, Low = low, High = high });
            }
            case InExpression @in:
            {
                var left = ReplaceNodes(@in.Left, replace);
                if (left is null) return null;
                return ReferenceEquals(left, @in.Left) ? @in : Rebuilt(@in, @in with { Left = left });
            }
            default:
                return expression;
        }
    }

    /// <summary>Whether <paramref name="expression"/> holds a call <paramref name="match"/> picks (not looking into subqueries).</summary>
    private static bool ContainsCall(Expression expression, System.Func<FunctionCallExpression, bool> match) => expression switch
    {
        FunctionCallExpression call => match(call) || Any(call.Arguments, match),
        NamedExpression n => ContainsCall(n.Value, match),
        BinaryExpression b => ContainsCall(b.Left, match) || ContainsCall(b.Right, match),
        UnaryExpression u => ContainsCall(u.Operand, match),
        ParenthesizedExpression p => ContainsCall(p.Expression, match),
        PathExpression p => ContainsCall(p.Target, match),
        ElementExpression e => ContainsCall(e.Target, match) || ContainsCall(e.Index, match),
        BetweenExpression b => ContainsCall(b.Left, match) || ContainsCall(b.Low, match) || ContainsCall(b.High, match),
        InExpression i => ContainsCall(i.Left, match),
        _ => false,
    };

    private static bool Any(IEnumerable<Expression> expressions, System.Func<FunctionCallExpression, bool> match)
    {
        foreach (var e in expressions) if (ContainsCall(e, match)) return true;
        return false;
    }
}
