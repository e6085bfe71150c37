namespace AzureRules.Sdk.Kusto;

/// <summary>
/// What one execution of a Kusto query sees: the tables by name and the instant <c>now()</c> returns
/// (fixed for the whole execution, as in Kusto).
/// </summary>
public sealed class KustoContext
{
    private readonly Func<string, KustoTable?> _tables;

    public KustoContext(DateTime now, Func<string, KustoTable?> tables)
    {
        Now = DateTime.SpecifyKind(now, DateTimeKind.Utc);
        _tables = tables;
    }

    public KustoContext(DateTime now, IReadOnlyDictionary<string, KustoTable> tables)
        : this(now, name => tables.TryGetValue(name, out var table) ? table : null) { }

    public DateTime Now { get; }

    /// <summary>Where externaldata URLs resolve to local files (<see cref="KustoExternalData.Default"/> unless set).</summary>
    public KustoExternalData ExternalData { get; init; } = KustoExternalData.Default;

    /// <summary>Where <c>_GetWatchlist</c> reads watchlists (<see cref="KustoWatchlists.Default"/> unless set).</summary>
    public KustoWatchlists Watchlists { get; init; } = KustoWatchlists.Default;

    /// <summary>The table called <paramref name="name"/>; a table the context does not have is empty.</summary>
    public KustoTable Table(string name) => _tables(name) ?? KustoTable.Empty;
}
