using AzureRules.Sdk.Kusto.Functions;

namespace AzureRules.Sdk.Kusto.Operators;

/// <summary>One key of sort/order by or top: the expression, its direction and where nulls go.</summary>
public sealed record KustoSortKey(KustoBinder Expression, bool Descending, bool? NullsFirst = null)
{
    /// <summary>Kusto's default: nulls first ascending, last descending.</summary>
    public bool EffectiveNullsFirst => NullsFirst ?? !Descending;
}

public static partial class KustoOperators
{
    /// <summary><c>sort by k1 [asc|desc] [nulls first|last], …</c> (stable).</summary>
    public static KustoTable Sort(KustoTable input, KustoSortKey[] keys)
    {
        var evaluators = keys.Select(k => k.Expression(input.Schema)).ToArray();
        var comparers = keys.Select(k => new KustoSortComparer(k.Descending, k.EffectiveNullsFirst)).ToArray();
        var keyed = input.Rows.Select(r => (Row: r, Keys: evaluators.Select(e => e(r)).ToArray())).ToList();
        var sorted = keyed.Select((item, i) => (item, i)).OrderBy(x => x, Comparer<((KustoValue[] Row, KustoValue[] Keys) item, int i)>.Create((a, b) =>
        {
            for (var k = 0; k < comparers.Length; k++)
            {
                var c = comparers[k].Compare(a.item.Keys[k], b.item.Keys[k]);
                if (c != 0) return c;
            }
            return a.i.CompareTo(b.i);
        })).Select(x => x.item.Row).ToList();
        return new KustoTable(input.Schema, sorted);
    }

    /// <summary><c>top n by k [asc|desc]</c>: sort, then take.</summary>
    public static KustoTable Top(KustoTable input, KustoValue count, KustoSortKey[] keys) => Take(Sort(input, keys), count);

    /// <summary><c>distinct c1, c2</c> (or <c>*</c> when <paramref name="columns"/> is null): first row of each distinct combination.</summary>
    public static KustoTable Distinct(KustoTable input, string[]? columns)
    {
        if (columns is not null) input = Select(input, columns.Select(input.Schema.Slot).Where(s => s >= 0).ToList());
        var seen = new HashSet<KustoKey>();
        var rows = input.Rows.Where(r => seen.Add(new KustoKey(r))).ToList();
        return new KustoTable(input.Schema, rows);
    }
}
