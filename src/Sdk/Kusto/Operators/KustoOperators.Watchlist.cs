namespace AzureRules.Sdk.Kusto.Operators;

public static partial class KustoOperators
{
    /// <summary><c>_GetWatchlist('name')</c>: the watchlist's items from <see cref="KustoContext.Watchlists"/>.</summary>
    public static KustoTable Watchlist(KustoContext context, KustoValue name)
    {
        if (name.IsNull) throw new KustoWatchlistException("_GetWatchlist: the watchlist name is null");
        return context.Watchlists.Read(name.AsString);
    }
}
