namespace AzureRules.Sdk.Esql;

/// <summary>
/// The state of one aggregate for one group. <see cref="Add"/> gets the call's argument values for a
/// row; constant arguments (PERCENTILE's percentile, TOP's limit) arrive with every row and are read
/// from the first. Aggregates see every value of a multi-valued argument and skip nulls.
/// </summary>
public abstract class EsqlAggregator
{
    public abstract void Add(object?[] arguments);

    public abstract object? Result();

    /// <summary>The single values of a cell: none for null, each one of a multi-value.</summary>
    protected static IEnumerable<object> Values(object? cell) => cell switch
    {
        null => [],
        EsqlMulti multi => multi.Items,
        _ => [cell],
    };
}

/// <summary>Aggregators that keep every value of the group and compute at the end (medians, percentiles, TOP, VALUES).</summary>
public abstract class EsqlCollectingAggregator : EsqlAggregator
{
    protected List<object> Collected { get; } = [];
    protected object?[]? Constants { get; private set; }

    public override void Add(object?[] arguments)
    {
        Constants ??= arguments;
        Collected.AddRange(Values(arguments[0]));
    }
}
