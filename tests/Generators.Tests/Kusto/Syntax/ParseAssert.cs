using AzureRules.Generators.Kusto.Parsing;
using AzureRules.Generators.Kusto.Syntax;
using Xunit;

namespace AzureRules.Generators.Tests.Kusto.Syntax;

/// <summary>Parsing helpers shared by the syntax tests.</summary>
internal static class ParseAssert
{
    /// <summary>Parses text that must be valid, checks the tree's spans, and returns it.</summary>
    public static KustoSyntaxTree Valid(string text)
    {
        var tree = KustoParser.Parse(text);
        Assert.True(tree.Diagnostics.IsEmpty,
            $"unexpected diagnostics for «{text}»: " + string.Join("; ", tree.Diagnostics.Select(d => $"{d.Id} at {d.Start}: {string.Join(", ", d.Arguments)}")));
        SpansAreNested(tree);
        return tree;
    }

    /// <summary>The single expression of a one-statement query.</summary>
    public static Expression Expression(string text)
    {
        var tree = Valid(text);
        var statement = Assert.Single(tree.Root.Statements);
        return Assert.IsType<ExpressionStatement>(statement).Expression;
    }

    /// <summary>The scalar predicate of <c>T | where ...</c>.</summary>
    public static Expression Predicate(string predicate)
    {
        var pipe = Assert.IsType<PipeExpression>(Expression("T | where " + predicate));
        return Assert.IsType<WhereOperator>(Assert.Single(pipe.Operators)).Predicate;
    }

    /// <summary>The last operator of a pipeline.</summary>
    public static T LastOperator<T>(string text) where T : QueryOperator
        => Assert.IsType<T>(Assert.IsType<PipeExpression>(Expression(text)).Operators.Items.Last());

    /// <summary>Every node lies inside the text and inside its parent.</summary>
    public static void SpansAreNested(KustoSyntaxTree tree)
    {
        foreach (var node in tree.Root.DescendantNodesAndSelf())
        {
            Assert.InRange(node.Span.Start, 0, tree.Text.Length);
            Assert.InRange(node.Span.End, node.Span.Start, tree.Text.Length);
            foreach (var child in node.ChildNodes())
            {
                Assert.True(child.Span.Start >= node.Span.Start && child.Span.End <= node.Span.End,
                    $"{child.GetType().Name} {child.Span} is outside its parent {node.GetType().Name} {node.Span} in «{tree.Text}»");
            }
        }
    }
}
