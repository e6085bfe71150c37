using AzureRules.Sdk.Kusto.Scalars;

namespace AzureRules.Sdk.Kusto.Functions;

/// <summary>Orders values as sort/order by and top do: nulls first ascending, last descending (Kusto's defaults).</summary>
public sealed class KustoSortComparer(bool descending, bool nullsFirst) : IComparer<KustoValue>
{
    public static readonly KustoSortComparer Ascending = new(false, true);
    public static readonly KustoSortComparer Descending = new(true, false);

    public int Compare(KustoValue x, KustoValue y)
    {
        var xNull = IsNullForSort(x);
        var yNull = IsNullForSort(y);
        if (xNull || yNull)
        {
            if (xNull && yNull) return 0;
            return xNull == nullsFirst ? -1 : 1;
        }
        var c = KustoComparison.SortCompare(x, y);
        return descending ? -c : c;
    }

    private static bool IsNullForSort(KustoValue v) => v.IsNull || (v.Type == KustoType.Real && double.IsNaN(v.AsDouble));
}
