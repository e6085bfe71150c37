namespace AzureRules.Sdk.Kusto;

/// <summary>
/// Equality and hashing of dynamic values (arrays and property bags) for grouping, join keys, distinct and
/// in-sets, walked structurally instead of through their JSON text: arrays are equal element by element,
/// bags when they have the same keys in the same order with equal values (what comparing their JSON text
/// meant, without writing it per row). Elements compare as scalars do (int and long alike). Nesting deeper
/// than <see cref="MaxDepth"/> compares as unequal rather than recursing further (event values are attacker-written).
/// </summary>
internal static class KustoDynamicEquality
{
    public const int MaxDepth = 64;

    public static bool Equal(KustoValue a, KustoValue b) => Equal(a, b, 0);

    public static int Hash(KustoValue value) => Hash(value, 0);

    private static bool Equal(KustoValue a, KustoValue b, int depth)
    {
        if (depth > MaxDepth) return false;
        if (a.IsArray && b.IsArray)
        {
            var x = a.AsArray;
            var y = b.AsArray;
            if (x.Length != y.Length) return false;
            for (var i = 0; i < x.Length; i++)
                if (!Element(x[i], y[i], depth)) return false;
            return true;
        }
        if (a.IsBag && b.IsBag)
        {
            var x = a.AsBag;
            var y = b.AsBag;
            if (x.Count != y.Count) return false;
            for (var i = 0; i < x.Count; i++)
            {
                var key = x.Keys[i];
                if (!string.Equals(key, y.Keys[i], StringComparison.Ordinal) || !Element(x[key], y[key], depth)) return false;
            }
            return true;
        }
        return false;
    }

    private static bool Element(KustoValue a, KustoValue b, int depth)
        => a.Type == KustoType.Dynamic && b.Type == KustoType.Dynamic ? Equal(a, b, depth + 1) : a.Equals(b);

    private static int Hash(KustoValue value, int depth)
    {
        if (depth > MaxDepth) return 0;
        var hash = new HashCode();
        if (value.IsArray)
        {
            hash.Add(1);
            foreach (var item in value.AsArray) hash.Add(item.Type == KustoType.Dynamic ? Hash(item, depth + 1) : item.GetHashCode());
        }
        else if (value.IsBag)
        {
            hash.Add(2);
            var bag = value.AsBag;
            foreach (var key in bag.Keys)
            {
                hash.Add(StringComparer.Ordinal.GetHashCode(key));
                var item = bag[key];
                hash.Add(item.Type == KustoType.Dynamic ? Hash(item, depth + 1) : item.GetHashCode());
            }
        }
        return hash.ToHashCode();
    }
}
