using System.Collections.Generic;

namespace AzureRules.Generators.Esql.Syntax;

/// <summary>A parsed query: its commands in pipeline order. A command that had a syntax error is left out.</summary>
internal sealed class EsqlQuery
{
    public EsqlQuery(IReadOnlyList<EsqlCommand> commands) => Commands = commands;
    public IReadOnlyList<EsqlCommand> Commands { get; }
}

/// <summary>A command; <see cref="Keyword"/> is its name as written (FROM, STATS, INLINE STATS, …).</summary>
internal abstract class EsqlCommand : EsqlNode
{
    protected EsqlCommand(string keyword, int start, int end) : base(start, end) => Keyword = keyword;
    public string Keyword { get; }
}

/// <summary><c>name = expression</c>, or a bare expression whose column is named by its text.</summary>
internal sealed class EsqlField : EsqlNode
{
    public EsqlField(EsqlName? name, EsqlExpression expression, string columnName, EsqlExpression? filter, int end)
        : base(name?.Start ?? expression.Start, end)
    {
        Name = name;
        Expression = expression;
        ColumnName = columnName;
        Filter = filter;
    }

    public EsqlName? Name { get; }
    public EsqlExpression Expression { get; }
    /// <summary>The column the field creates: its name, or the expression's text as ES|QL names it.</summary>
    public string ColumnName { get; }
    /// <summary>STATS' per-aggregate filter: <c>COUNT() WHERE event.outcome == "failure"</c>.</summary>
    public EsqlExpression? Filter { get; }
}

internal sealed class EsqlFrom : EsqlCommand
{
    public EsqlFrom(string keyword, IReadOnlyList<EsqlName> indices, IReadOnlyList<EsqlName> metadata, int start, int end)
        : base(keyword, start, end)
    {
        Indices = indices;
        Metadata = metadata;
    }

    public IReadOnlyList<EsqlName> Indices { get; }
    public IReadOnlyList<EsqlName> Metadata { get; }
}

internal sealed class EsqlRow : EsqlCommand
{
    public EsqlRow(IReadOnlyList<EsqlField> fields, int start, int end) : base("ROW", start, end) => Fields = fields;
    public IReadOnlyList<EsqlField> Fields { get; }
}

internal sealed class EsqlShow : EsqlCommand
{
    public EsqlShow(string item, int start, int end) : base("SHOW", start, end) => Item = item;
    public string Item { get; }
}

internal sealed class EsqlWhere : EsqlCommand
{
    public EsqlWhere(EsqlExpression condition, int start, int end) : base("WHERE", start, end) => Condition = condition;
    public EsqlExpression Condition { get; }
}

internal sealed class EsqlEval : EsqlCommand
{
    public EsqlEval(IReadOnlyList<EsqlField> fields, int start, int end) : base("EVAL", start, end) => Fields = fields;
    public IReadOnlyList<EsqlField> Fields { get; }
}

/// <summary>STATS (or INLINE STATS, which keeps the input rows and adds the aggregates to them).</summary>
internal sealed class EsqlStats : EsqlCommand
{
    public EsqlStats(string keyword, bool isInline, IReadOnlyList<EsqlField> aggregates, IReadOnlyList<EsqlField> groups, int start, int end)
        : base(keyword, start, end)
    {
        IsInline = isInline;
        Aggregates = aggregates;
        Groups = groups;
    }

    public bool IsInline { get; }
    public IReadOnlyList<EsqlField> Aggregates { get; }
    public IReadOnlyList<EsqlField> Groups { get; }
}

/// <summary>KEEP or DROP with their name patterns.</summary>
internal sealed class EsqlProject : EsqlCommand
{
    public EsqlProject(string keyword, bool isDrop, IReadOnlyList<EsqlName> patterns, int start, int end) : base(keyword, start, end)
    {
        IsDrop = isDrop;
        Patterns = patterns;
    }

    public bool IsDrop { get; }
    public IReadOnlyList<EsqlName> Patterns { get; }
}

internal sealed class EsqlRename : EsqlCommand
{
    public EsqlRename(IReadOnlyList<(EsqlName Old, EsqlName New)> renames, int start, int end) : base("RENAME", start, end) => Renames = renames;
    public IReadOnlyList<(EsqlName Old, EsqlName New)> Renames { get; }
}

internal enum EsqlNullsOrder { Default, First, Last }

internal sealed class EsqlOrder : EsqlNode
{
    public EsqlOrder(EsqlExpression expression, bool descending, EsqlNullsOrder nulls, int end) : base(expression.Start, end)
    {
        Expression = expression;
        Descending = descending;
        Nulls = nulls;
    }

    public EsqlExpression Expression { get; }
    public bool Descending { get; }
    public EsqlNullsOrder Nulls { get; }
}

internal sealed class EsqlSort : EsqlCommand
{
    public EsqlSort(IReadOnlyList<EsqlOrder> orders, int start, int end) : base("SORT", start, end) => Orders = orders;
    public IReadOnlyList<EsqlOrder> Orders { get; }
}

internal sealed class EsqlLimit : EsqlCommand
{
    public EsqlLimit(EsqlExpression count, int start, int end) : base("LIMIT", start, end) => Count = count;
    public EsqlExpression Count { get; }
}

/// <summary>DISSECT (with its APPEND_SEPARATOR option) or GROK: extract columns from a string with a pattern.</summary>
internal sealed class EsqlExtract : EsqlCommand
{
    public EsqlExtract(string keyword, bool isGrok, EsqlExpression input, IReadOnlyList<EsqlLiteral> patterns, IReadOnlyList<EsqlField> options, int start, int end)
        : base(keyword, start, end)
    {
        IsGrok = isGrok;
        Input = input;
        Patterns = patterns;
        Options = options;
    }

    public bool IsGrok { get; }
    public EsqlExpression Input { get; }
    public IReadOnlyList<EsqlLiteral> Patterns { get; }
    public IReadOnlyList<EsqlField> Options { get; }
}

internal sealed class EsqlMvExpand : EsqlCommand
{
    public EsqlMvExpand(EsqlName field, int start, int end) : base("MV_EXPAND", start, end) => Field = field;
    public EsqlName Field { get; }
}

/// <summary><c>ENRICH policy [ON field] [WITH [new =] enrich_field, …]</c>.</summary>
internal sealed class EsqlEnrich : EsqlCommand
{
    public EsqlEnrich(EsqlName policy, EsqlName? on, IReadOnlyList<(EsqlName? New, EsqlName Field)>? with, int start, int end)
        : base("ENRICH", start, end)
    {
        Policy = policy;
        On = on;
        With = with;
    }

    public EsqlName Policy { get; }
    public EsqlName? On { get; }
    /// <summary>Null when the command has no WITH: every enrich field of the policy is added.</summary>
    public IReadOnlyList<(EsqlName? New, EsqlName Field)>? With { get; }
}

/// <summary><c>LOOKUP JOIN index ON field, …</c> or <c>LOOKUP JOIN index ON left == right</c>.</summary>
internal sealed class EsqlLookupJoin : EsqlCommand
{
    public EsqlLookupJoin(EsqlName index, IReadOnlyList<EsqlExpression> on, int start, int end) : base("LOOKUP JOIN", start, end)
    {
        Index = index;
        On = on;
    }

    public EsqlName Index { get; }
    /// <summary>Join fields (column references present on both sides) or join conditions.</summary>
    public IReadOnlyList<EsqlExpression> On { get; }
}

/// <summary><c>COMPLETION [column =] prompt WITH { "inference_id": … }</c>: asks an LLM, one call per row.</summary>
internal sealed class EsqlCompletion : EsqlCommand
{
    public EsqlCompletion(string column, EsqlExpression prompt, EsqlExpression? options, int start, int end) : base("COMPLETION", start, end)
    {
        Column = column;
        Prompt = prompt;
        Options = options;
    }

    public string Column { get; }
    public EsqlExpression Prompt { get; }
    public EsqlExpression? Options { get; }
}

/// <summary><c>CHANGE_POINT value [ON key] [AS type_column, pvalue_column]</c>.</summary>
internal sealed class EsqlChangePoint : EsqlCommand
{
    public EsqlChangePoint(EsqlName value, EsqlName? key, string typeColumn, string pvalueColumn, int start, int end) : base("CHANGE_POINT", start, end)
    {
        Value = value;
        Key = key;
        TypeColumn = typeColumn;
        PvalueColumn = pvalueColumn;
    }

    public EsqlName Value { get; }
    public EsqlName? Key { get; }
    public string TypeColumn { get; }
    public string PvalueColumn { get; }
}

/// <summary><c>SAMPLE probability</c>.</summary>
internal sealed class EsqlSample : EsqlCommand
{
    public EsqlSample(EsqlExpression probability, int start, int end) : base("SAMPLE", start, end) => Probability = probability;
    public EsqlExpression Probability { get; }
}

/// <summary>A command this front end does not know (a newer ES|QL command, or a misspelling): its text is
/// skipped to the next pipe, and the columns after it are no longer checked.</summary>
internal sealed class EsqlUnknownCommand : EsqlCommand
{
    public EsqlUnknownCommand(string keyword, int start, int end) : base(keyword, start, end) { }
}
