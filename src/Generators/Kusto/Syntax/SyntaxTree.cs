// The Kusto syntax tree.
//
// A query parses into one KustoSyntaxTree: the text, a QueryBlock root and the syntax diagnostics.
// Every node is an immutable, value-equatable record whose Span (TextRange) covers the node's whole text
// as offsets into the query; comments and whitespace (trivia) are not nodes.
//
//   QueryBlock          Statements separated by ';'
//   Statement           LetStatement (Name = Expression | FunctionDefinition), SetStatement,
//                       DeclareQueryParametersStatement, ExpressionStatement (the query itself)
//   Expression          scalar and tabular expressions share one hierarchy, as in Kusto:
//     LiteralExpression     string, long, int, real, decimal, bool, datetime, timespan, guid (Kind + Value)
//     DynamicExpression     dynamic(...) holding DynamicArray / DynamicObject / LiteralExpression
//     NameReference         a column, table, variable or $left/$right; WildcardName for T*, Col_*
//     StarExpression        '*' as in count(*) or arg_max(T, *)
//     BinaryExpression      arithmetic, comparison, string operators, and/or (BinaryOperatorKind)
//     InExpression          in, !in, in~, !in~, has_any, has_all with a value list
//     BetweenExpression     between / !between (Low .. High)
//     UnaryExpression       -x, +x
//     ParenthesizedExpression
//     FunctionCallExpression  name(args); not(), count(), materialize(), toscalar() are calls too
//     PathExpression        x.y, $left.X, x.['y'] (member name resolved)
//     ElementExpression     x[0], x['y'], x.[0]
//     NamedExpression       Name = Expression (project, extend, summarize, named arguments)
//     TupleNamedExpression  (A, B) = Expression
//     PipeExpression        Source | Operator | Operator ... (Source may itself be an operator such as
//                           union or print, or absent in a contextual subquery: mv-apply on (take 1))
//     QueryOperator         every tabular operator: WhereOperator, ExtendOperator, JoinOperator, ...
//                           (see QueryOperators.cs); operator options such as kind=inner or
//                           hint.strategy=shuffle are OperatorParameters
//     FunctionDefinition    (a:string, T:(x:long), b:int=5) { statements }, optionally a view
//     MissingExpression     stands in where the parser expected an expression and reported AR0301
//
// Conventions the binder and emitter can rely on:
//   - Spans are [Start, End) offsets into KustoSyntaxTree.Text; QueryBlock root spans the whole text.
//     A node that consumed no text (MissingExpression, an empty name) is zero-width where the last token ended.
//   - LiteralExpression.Value is long for Long, int for Int, double for Real, decimal, bool, string,
//     DateTime (UTC), TimeSpan, Guid; null for typed nulls (long(null), datetime(null)) and JSON null.
//     -5 and -1d are literals; 'a' "b" (adjacent strings) is one literal; datetime(now) is the call now().
//   - x['name'] and x.['name'] are PathExpressions like x.name; x[0] and x.[0] are ElementExpressions.
//   - Join and lookup conditions: `on A, B` and `on $left.A == $right.B and ...` are flattened into a list.
//   - Keywords are contextual, so names are never rejected for being keywords; operator names and
//     options are matched case-sensitively, as Kusto does. Older spellings (mvexpand, projectaway,
//     containscs, notcontains, notbetween) are read as their current forms.
//   - Not every NameReference names a column: PathExpression.Member is a property name, the Name of a
//     FunctionCallExpression a function, OperatorParameter values (kind=inner) and RenderOperator.Chart
//     are words; binders should resolve names through their parents, not by walking all NameReferences.
//   - SyntaxNavigation.ChildNodes()/DescendantNodesAndSelf() walk any node generically.
//
// Entry point: AzureRules.Generators.Kusto.Parsing.KustoParser.Parse(text).

using System.Linq;
using AzureRules.Generators.Diagnostics;
using AzureRules.Generators.Model;

namespace AzureRules.Generators.Kusto.Syntax;

/// <summary>A parsed Kusto query: its text, the root block and the syntax errors found.</summary>
internal sealed record KustoSyntaxTree(string Text, QueryBlock Root, EquatableArray<QueryDiagnostic> Diagnostics)
{
    public bool HasErrors => !Diagnostics.IsEmpty;

    /// <summary>The query's result: the expression of the last expression statement, if there is one.</summary>
    public Expression? Query => Root.Statements.Items.OfType<ExpressionStatement>().LastOrDefault()?.Expression;

    /// <summary>The text a node covers.</summary>
    public string TextOf(SyntaxNode node) => node.Span.Of(Text);
}

/// <summary>A range of the query text: [Start, End) as character offsets.</summary>
internal readonly record struct TextRange(int Start, int End)
{
    public int Length => End - Start;

    public static TextRange Empty(int at) => new(at, at);

    public TextRange Union(TextRange other) => new(System.Math.Min(Start, other.Start), System.Math.Max(End, other.End));

    public string Of(string text)
    {
        var start = System.Math.Max(0, System.Math.Min(Start, text.Length));
        var end = System.Math.Max(start, System.Math.Min(End, text.Length));
        return text.Substring(start, end - start);
    }

    public override string ToString() => $"[{Start}..{End})";
}

/// <summary>The base of every node. Nodes are records, so two trees of the same text compare equal.</summary>
internal abstract record SyntaxNode(TextRange Span);
