using AzureRules.Sdk.Events;

namespace AzureRules.Sdk.Eql.Join;

/// <summary>Whether an EQL join query is an ordered <c>sequence</c> or an unordered <c>sample</c>.</summary>
public enum EqlJoinKind : byte { Sequence, Sample }

/// <summary>
/// One join key of a step, as written after <c>by</c>: a field (read with all its values: a
/// multi-valued key joins on each value) or any other expression (one value).
/// <c>?field</c> is optional: a missing optional field joins as null; a missing required one keeps
/// the event out of the step, as Elasticsearch does.
/// </summary>
public sealed class EqlJoinKey
{
    private EqlJoinKey(int slot, bool optional, Func<EventView, EqlValue>? expression)
    {
        Slot = slot;
        IsOptional = optional;
        Expression = expression;
    }

    public int Slot { get; }
    public bool IsOptional { get; }
    public Func<EventView, EqlValue>? Expression { get; }

    public static EqlJoinKey Field(int slot, bool optional) => new(slot, optional, null);
    public static EqlJoinKey Computed(Func<EventView, EqlValue> expression) => new(-1, true, expression);
}

/// <summary>
/// One bracketed step: its compiled filter, its join keys (the query's <c>by</c> keys followed by
/// the step's own, joined positionally), <c>with runs=N</c>, and whether it is a missing event <c>![…]</c>.
/// </summary>
public sealed class EqlJoinStep(Func<EventView, bool> matches, EqlJoinKey[] keys, int runs = 1, bool missing = false)
{
    public Func<EventView, bool> Matches { get; } = matches;
    public EqlJoinKey[] Keys { get; } = keys;
    public int Runs { get; } = runs;
    public bool IsMissing { get; } = missing;
}

/// <summary>The compiled shape of an EQL sequence or sample, generated once per rule class.</summary>
public sealed class EqlJoinDefinition(EqlJoinKind kind, EqlJoinStep[] steps, EqlJoinStep? until = null, TimeSpan? maxSpan = null, EqlPipe[]? pipes = null)
{
    public EqlJoinKind Kind { get; } = kind;
    /// <summary>The steps as written; <see cref="EqlJoinStep.Runs"/> is expanded by the matcher.</summary>
    public EqlJoinStep[] Steps { get; } = steps;
    public EqlJoinStep? Until { get; } = until;
    public TimeSpan? MaxSpan { get; } = maxSpan;
    public EqlPipe[] Pipes { get; } = pipes ?? [];

    /// <summary>The steps followed by <c>until</c>: the filters an event is tested against.</summary>
    public IEnumerable<EqlJoinStep> Filters => Until is null ? Steps : Steps.Append(Until);
}
