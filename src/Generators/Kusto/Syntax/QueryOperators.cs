using AzureRules.Generators.Model;

namespace AzureRules.Generators.Kusto.Syntax;

/// <summary>
/// A tabular operator. It appears after a pipe in a <see cref="PipeExpression"/>, or as the source of
/// one (union, print, range, datatable, externaldata, search, find, evaluate). Options written before
/// the operator's arguments (<c>kind=inner</c>, <c>hint.strategy=shuffle</c>, <c>withsource=T</c>,
/// <c>isfuzzy=true</c>, <c>bagexpansion=array</c>, <c>flags=i</c>) are <see cref="Parameters"/>.
/// </summary>
internal abstract record QueryOperator(TextRange Span, EquatableArray<OperatorParameter> Parameters) : Expression(Span)
{
    /// <summary>The value of the parameter called <paramref name="name"/> (case-insensitive), if written.</summary>
    public Expression? Parameter(string name)
    {
        foreach (var parameter in Parameters)
        {
            if (string.Equals(parameter.Name, name, System.StringComparison.OrdinalIgnoreCase)) return parameter.Value;
        }
        return null;
    }

    /// <summary>The parameter's value as a word (<c>kind=leftouter</c> → "leftouter"), if written.</summary>
    public string? ParameterText(string name) => Parameter(name) switch
    {
        NameReference n => n.Name,
        LiteralExpression { Value: bool b } => b ? "true" : "false",
        LiteralExpression l => System.Convert.ToString(l.Value, System.Globalization.CultureInfo.InvariantCulture),
        _ => null,
    };
}

/// <summary><c>name=value</c> before an operator's arguments; Name may be dotted (<c>hint.strategy</c>).</summary>
internal sealed record OperatorParameter(TextRange Span, string Name, Expression Value) : SyntaxNode(Span);

/// <summary><c>Expression [asc|desc] [nulls first|last]</c> in sort, order and top.</summary>
internal sealed record OrderedExpression(TextRange Span, Expression Expression, SortDirection? Direction, NullsPosition? Nulls) : Expression(Span);

internal enum SortDirection { Ascending, Descending }

internal enum NullsPosition { First, Last }

/// <summary><c>where Predicate</c> (also <c>filter</c>).</summary>
internal sealed record WhereOperator(TextRange Span, EquatableArray<OperatorParameter> Parameters, Expression Predicate) : QueryOperator(Span, Parameters);

/// <summary><c>extend</c>: each item a <see cref="NamedExpression"/>, <see cref="TupleNamedExpression"/> or an expression.</summary>
internal sealed record ExtendOperator(TextRange Span, EquatableArray<OperatorParameter> Parameters, EquatableArray<Expression> Expressions) : QueryOperator(Span, Parameters);

/// <summary><c>project</c>: each item a <see cref="NamedExpression"/> or an expression.</summary>
internal sealed record ProjectOperator(TextRange Span, EquatableArray<OperatorParameter> Parameters, EquatableArray<Expression> Expressions) : QueryOperator(Span, Parameters);

/// <summary><c>project-away</c>, <c>project-keep</c>, <c>project-reorder</c>: names and wildcards
/// (project-reorder items may be <see cref="OrderedExpression"/>s).</summary>
internal sealed record ProjectColumnsOperator(TextRange Span, ProjectColumnsKind Kind, EquatableArray<OperatorParameter> Parameters, EquatableArray<Expression> Columns) : QueryOperator(Span, Parameters);

internal enum ProjectColumnsKind { Away, Keep, Reorder }

/// <summary><c>project-rename New = Old, ...</c>: each item a <see cref="NamedExpression"/>.</summary>
internal sealed record ProjectRenameOperator(TextRange Span, EquatableArray<OperatorParameter> Parameters, EquatableArray<Expression> Renames) : QueryOperator(Span, Parameters);

/// <summary><c>summarize [hints] Aggregates [by Groups]</c>.</summary>
internal sealed record SummarizeOperator(TextRange Span, EquatableArray<OperatorParameter> Parameters, EquatableArray<Expression> Aggregates, EquatableArray<Expression> By) : QueryOperator(Span, Parameters);

/// <summary><c>join [kind=K] [hints] Right on Conditions</c>. Each condition is a column name, or
/// <c>$left.A == $right.B</c>; conditions joined by <c>and</c> are listed separately.
/// <see cref="Kind"/> is the written kind, lower-cased, or null (Kusto's default: innerunique).</summary>
internal sealed record JoinOperator(TextRange Span, EquatableArray<OperatorParameter> Parameters, Expression Right, EquatableArray<Expression> On) : QueryOperator(Span, Parameters)
{
    public string? Kind => ParameterText("kind")?.ToLowerInvariant();
}

/// <summary><c>lookup [kind=leftouter|inner] Right on Conditions</c>.</summary>
internal sealed record LookupOperator(TextRange Span, EquatableArray<OperatorParameter> Parameters, Expression Right, EquatableArray<Expression> On) : QueryOperator(Span, Parameters);

/// <summary><c>union [kind=] [withsource=] [isfuzzy=] Tables</c>: names, wildcards, calls or subqueries.</summary>
internal sealed record UnionOperator(TextRange Span, EquatableArray<OperatorParameter> Parameters, EquatableArray<Expression> Tables) : QueryOperator(Span, Parameters);

/// <summary>An item of mv-expand or mv-apply: <c>[Name =] Expression [to typeof(Type)]</c>.</summary>
internal sealed record MvExpandItem(TextRange Span, Expression Expression, TypeExpression? ToType) : Expression(Span);

/// <summary><c>mv-expand [bagexpansion=] [with_itemindex=] Items [limit N]</c>.</summary>
internal sealed record MvExpandOperator(TextRange Span, EquatableArray<OperatorParameter> Parameters, EquatableArray<MvExpandItem> Items, Expression? Limit) : QueryOperator(Span, Parameters);

/// <summary><c>mv-apply Items [limit N] on (Subquery)</c>.</summary>
internal sealed record MvApplyOperator(TextRange Span, EquatableArray<OperatorParameter> Parameters, EquatableArray<MvExpandItem> Items, Expression? Limit, Expression Subquery) : QueryOperator(Span, Parameters);

/// <summary><c>parse</c> or <c>parse-where</c> <c>[kind=regex|simple|relaxed] [flags=] Source with Pattern</c>.
/// The pattern is a sequence of string literals, <see cref="StarExpression"/>s and <see cref="ColumnDeclaration"/>s.</summary>
internal sealed record ParseOperator(TextRange Span, bool IsParseWhere, EquatableArray<OperatorParameter> Parameters, Expression Source, EquatableArray<Expression> Pattern) : QueryOperator(Span, Parameters);

/// <summary><c>parse-kv Source as (Keys) [with (name=value, ...)]</c>.</summary>
internal sealed record ParseKvOperator(TextRange Span, EquatableArray<OperatorParameter> Parameters, Expression Source, EquatableArray<ColumnDeclaration> Keys, EquatableArray<OperatorParameter> With) : QueryOperator(Span, Parameters);

/// <summary>An aggregate of make-series: <c>[Name =] Aggregate [default = Value]</c>.</summary>
internal sealed record MakeSeriesAggregate(TextRange Span, Expression Aggregate, Expression? Default) : Expression(Span);

/// <summary><c>make-series Aggregates on Axis [from F] [to T] step S [by Groups]</c>
/// (or the older <c>in range(F, T, S)</c>, given as From/To/Step too).</summary>
internal sealed record MakeSeriesOperator(TextRange Span, EquatableArray<OperatorParameter> Parameters, EquatableArray<MakeSeriesAggregate> Aggregates, Expression Axis, Expression? From, Expression? To, Expression? Step, EquatableArray<Expression> By) : QueryOperator(Span, Parameters);

/// <summary><c>top Count by Keys</c>.</summary>
internal sealed record TopOperator(TextRange Span, EquatableArray<OperatorParameter> Parameters, Expression Count, EquatableArray<OrderedExpression> By) : QueryOperator(Span, Parameters);

/// <summary>One level of top-nested: <c>top-nested [Count] of Of [with others = Others] by Aggregate [asc|desc]</c>.</summary>
internal sealed record TopNestedClause(TextRange Span, Expression? Count, Expression Of, Expression? Others, OrderedExpression By) : Expression(Span);

internal sealed record TopNestedOperator(TextRange Span, EquatableArray<OperatorParameter> Parameters, EquatableArray<TopNestedClause> Clauses) : QueryOperator(Span, Parameters);

/// <summary><c>top-hitters Count of Of [by By]</c>.</summary>
internal sealed record TopHittersOperator(TextRange Span, EquatableArray<OperatorParameter> Parameters, Expression Count, Expression Of, Expression? By) : QueryOperator(Span, Parameters);

/// <summary><c>sort by Keys</c> (also <c>order by</c>).</summary>
internal sealed record SortOperator(TextRange Span, EquatableArray<OperatorParameter> Parameters, EquatableArray<OrderedExpression> By) : QueryOperator(Span, Parameters);

/// <summary><c>take Count</c> (also <c>limit</c>).</summary>
internal sealed record TakeOperator(TextRange Span, EquatableArray<OperatorParameter> Parameters, Expression Count) : QueryOperator(Span, Parameters);

/// <summary><c>distinct Columns</c> or <c>distinct *</c>.</summary>
internal sealed record DistinctOperator(TextRange Span, EquatableArray<OperatorParameter> Parameters, EquatableArray<Expression> Columns) : QueryOperator(Span, Parameters);

internal sealed record CountOperator(TextRange Span, EquatableArray<OperatorParameter> Parameters) : QueryOperator(Span, Parameters);

/// <summary><c>evaluate [hints] Plugin(args) [: (OutputSchema)]</c>.</summary>
internal sealed record EvaluateOperator(TextRange Span, EquatableArray<OperatorParameter> Parameters, FunctionCallExpression Plugin, SchemaExpression? OutputSchema = null) : QueryOperator(Span, Parameters);

/// <summary><c>as [hint.materialized=true] Name</c>.</summary>
internal sealed record AsOperator(TextRange Span, EquatableArray<OperatorParameter> Parameters, NameDeclaration Name) : QueryOperator(Span, Parameters);

/// <summary><c>invoke Function(args)</c>: calls a function with the pipe's input as its first tabular argument.</summary>
internal sealed record InvokeOperator(TextRange Span, EquatableArray<OperatorParameter> Parameters, FunctionCallExpression Function) : QueryOperator(Span, Parameters);

internal sealed record SerializeOperator(TextRange Span, EquatableArray<OperatorParameter> Parameters, EquatableArray<Expression> Expressions) : QueryOperator(Span, Parameters);

/// <summary><c>render Chart [with (name=value, ...)]</c>.</summary>
internal sealed record RenderOperator(TextRange Span, EquatableArray<OperatorParameter> Parameters, NameReference Chart, EquatableArray<OperatorParameter> With) : QueryOperator(Span, Parameters);

internal sealed record GetSchemaOperator(TextRange Span, EquatableArray<OperatorParameter> Parameters) : QueryOperator(Span, Parameters);

internal sealed record SampleOperator(TextRange Span, EquatableArray<OperatorParameter> Parameters, Expression Count) : QueryOperator(Span, Parameters);

/// <summary><c>sample-distinct Count of Of</c>.</summary>
internal sealed record SampleDistinctOperator(TextRange Span, EquatableArray<OperatorParameter> Parameters, Expression Count, Expression Of) : QueryOperator(Span, Parameters);

/// <summary><c>search [kind=] [in (Tables)] Predicate</c>.</summary>
internal sealed record SearchOperator(TextRange Span, EquatableArray<OperatorParameter> Parameters, EquatableArray<Expression> Tables, Expression Predicate) : QueryOperator(Span, Parameters);

/// <summary><c>find [in (Tables)] where Predicate [project Columns | project-smart]</c>.</summary>
internal sealed record FindOperator(TextRange Span, EquatableArray<OperatorParameter> Parameters, EquatableArray<Expression> Tables, Expression Predicate, EquatableArray<Expression> Project) : QueryOperator(Span, Parameters);

/// <summary><c>fork ([Name =] (Subquery)) ...</c>: each branch a subquery, possibly a <see cref="NamedExpression"/>.</summary>
internal sealed record ForkOperator(TextRange Span, EquatableArray<OperatorParameter> Parameters, EquatableArray<Expression> Branches) : QueryOperator(Span, Parameters);

/// <summary><c>facet by Columns [with (Subquery)]</c>.</summary>
internal sealed record FacetOperator(TextRange Span, EquatableArray<OperatorParameter> Parameters, EquatableArray<Expression> Columns, Expression? With) : QueryOperator(Span, Parameters);

/// <summary><c>partition [hints] by Column (Subquery)</c>.</summary>
internal sealed record PartitionOperator(TextRange Span, EquatableArray<OperatorParameter> Parameters, Expression By, Expression Subquery) : QueryOperator(Span, Parameters);

/// <summary><c>print [Name =] Expression, ...</c>.</summary>
internal sealed record PrintOperator(TextRange Span, EquatableArray<OperatorParameter> Parameters, EquatableArray<Expression> Expressions) : QueryOperator(Span, Parameters);

/// <summary><c>range Name from From to To step Step</c>.</summary>
internal sealed record RangeOperator(TextRange Span, EquatableArray<OperatorParameter> Parameters, NameDeclaration Name, Expression From, Expression To, Expression Step) : QueryOperator(Span, Parameters);

/// <summary><c>datatable (Schema) [Values]</c>: values row-major, Schema.Columns.Count per row.</summary>
internal sealed record DataTableOperator(TextRange Span, EquatableArray<OperatorParameter> Parameters, SchemaExpression Schema, EquatableArray<Expression> Values) : QueryOperator(Span, Parameters);

/// <summary><c>externaldata [kind=] (Schema) [Uris] [with (name=value, ...)]</c>.</summary>
internal sealed record ExternalDataOperator(TextRange Span, EquatableArray<OperatorParameter> Parameters, SchemaExpression Schema, EquatableArray<Expression> Uris, EquatableArray<OperatorParameter> With) : QueryOperator(Span, Parameters);

/// <summary>One step of scan: <c>step Name [output = all|last|none] : Condition [=> Column = Value, ...];</c>
/// (<see cref="Output"/> is the written output kind, lower-cased, or null for all).</summary>
internal sealed record ScanStep(TextRange Span, NameDeclaration Name, string? Output, Expression Condition, EquatableArray<NamedExpression> Assignments) : SyntaxNode(Span);

/// <summary><c>scan [with_match_id = Name] [declare (Column:type [= Default], ...)] with (Steps)</c>.</summary>
internal sealed record ScanOperator(TextRange Span, EquatableArray<OperatorParameter> Parameters, EquatableArray<FunctionParameter> Declarations, EquatableArray<ScanStep> Steps) : QueryOperator(Span, Parameters);

/// <summary>An operator the parser only delimits (scan, make-graph, graph-match, reduce, consume, ...):
/// its keyword and the text to the next pipe, kept so later stages can report it as unsupported.</summary>
internal sealed record UnsupportedOperator(TextRange Span, EquatableArray<OperatorParameter> Parameters, string Keyword) : QueryOperator(Span, Parameters);
