using System;
using System.Collections.Generic;

namespace AzureRules.Generators.Eql.Syntax;

/// <summary>A parsed EQL query: an event query, a sequence or a sample, then its pipes.</summary>
internal abstract class EqlQuery(int start, IReadOnlyList<EqlPipe> pipes)
{
    public int Start { get; } = start;
    public IReadOnlyList<EqlPipe> Pipes { get; } = pipes;
}

/// <summary><c>category where condition</c>; <see cref="Category"/> is null for <c>any</c>.</summary>
internal sealed class EqlEventFilter(int start, int end, string? category, int categoryStart, int categoryEnd, EqlExpression condition)
{
    public int Start { get; } = start;
    public int End { get; } = end;
    public string? Category { get; } = category;
    public int CategoryStart { get; } = categoryStart;
    public int CategoryEnd { get; } = categoryEnd;
    public EqlExpression Condition { get; } = condition;
}

internal sealed class EqlEventQuery(EqlEventFilter filter, IReadOnlyList<EqlPipe> pipes) : EqlQuery(filter.Start, pipes)
{
    public EqlEventFilter Filter { get; } = filter;
}

/// <summary>One bracketed step of a sequence or sample: <c>[filter] by keys with runs=N</c>, or a missing event <c>![filter]</c>.</summary>
internal sealed class EqlStep(EqlEventFilter filter, IReadOnlyList<EqlExpression> keys, int runs, bool missing)
{
    public EqlEventFilter Filter { get; } = filter;
    public IReadOnlyList<EqlExpression> Keys { get; } = keys;
    public int Runs { get; } = runs;
    public bool IsMissing { get; } = missing;
}

/// <summary>A time span as written (<c>maxspan=30s</c>), with where it stands.</summary>
internal sealed record EqlTimeSpan(TimeSpan Value, string Text, int Start, int End);

internal sealed class EqlSequenceQuery(int start, IReadOnlyList<EqlExpression> keys, EqlTimeSpan? maxSpan,
    IReadOnlyList<EqlStep> steps, EqlStep? until, IReadOnlyList<EqlPipe> pipes) : EqlQuery(start, pipes)
{
    public IReadOnlyList<EqlExpression> Keys { get; } = keys;
    public EqlTimeSpan? MaxSpan { get; } = maxSpan;
    public IReadOnlyList<EqlStep> Steps { get; } = steps;
    public EqlStep? Until { get; } = until;
}

internal sealed class EqlSampleQuery(int start, IReadOnlyList<EqlExpression> keys, IReadOnlyList<EqlStep> steps, IReadOnlyList<EqlPipe> pipes) : EqlQuery(start, pipes)
{
    public IReadOnlyList<EqlExpression> Keys { get; } = keys;
    public IReadOnlyList<EqlStep> Steps { get; } = steps;
}

/// <summary><c>| name arg, …</c> (head, tail, filter, unique, …).</summary>
internal sealed class EqlPipe(int start, int end, string name, IReadOnlyList<EqlExpression> arguments)
{
    public int Start { get; } = start;
    public int End { get; } = end;
    public string Name { get; } = name;
    public IReadOnlyList<EqlExpression> Arguments { get; } = arguments;
}
