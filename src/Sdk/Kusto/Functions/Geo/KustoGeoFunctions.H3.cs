using AzureRules.Sdk.Kusto.Scalars;

namespace AzureRules.Sdk.Kusto.Functions;

/// <summary>
/// The H3 cell functions that work on the index alone (learn.microsoft.com/kusto/query/geo-h3cell-*-function): level,
/// parent and children. The ones that need H3's icosahedral projection (points to cells, cell centres and polygons,
/// neighbours, rings, polygon coverings) are not in the runtime yet and say so (AR0351).
/// </summary>
public static partial class KustoGeoFunctions
{
    /// <summary>The most resolutions geo_h3cell_children descends at once (7^5 = 16807 children).</summary>
    private const int MaxChildrenDepth = 5;

    /// <summary>geo_h3cell_level(h3cell): the cell's resolution (0–15); null when the token is not a valid cell.</summary>
    public static KustoValue geo_h3cell_level(KustoValue h3cell)
        => H3Index.TryParse(KustoStrings.Text(h3cell), out var h) ? KustoValue.From((long)H3Index.Resolution(h)) : KustoValue.Null;

    public static KustoValue geo_h3cell_parent(KustoValue h3cell)
        => H3Index.TryParse(KustoStrings.Text(h3cell), out var h) && H3Index.Resolution(h) > 0 ? geo_h3cell_parent(h3cell, KustoValue.From((long)H3Index.Resolution(h) - 1)) : KustoValue.EmptyString;

    /// <summary>geo_h3cell_parent(h3cell, resolution = level − 1): the containing cell's token; empty when the cell is invalid or the resolution (0–14) is finer than the cell's.</summary>
    public static KustoValue geo_h3cell_parent(KustoValue h3cell, KustoValue resolution)
    {
        if (!H3Index.TryParse(KustoStrings.Text(h3cell), out var h) || !TryLevel(resolution, H3Index.MaxResolution - 1, out var r) || r > H3Index.Resolution(h)) return KustoValue.EmptyString;
        return KustoValue.From(H3Index.ToToken(H3Index.Parent(h, r)));
    }

    public static KustoValue geo_h3cell_children(KustoValue h3cell)
        => H3Index.TryParse(KustoStrings.Text(h3cell), out var h) ? geo_h3cell_children(h3cell, KustoValue.From((long)H3Index.Resolution(h) + 1)) : KustoValue.Null;

    /// <summary>geo_h3cell_children(h3cell, resolution = level + 1): the tokens of the cells at that resolution (1–15, at most 5 below) inside this one; null when invalid.</summary>
    public static KustoValue geo_h3cell_children(KustoValue h3cell, KustoValue resolution)
    {
        if (!H3Index.TryParse(KustoStrings.Text(h3cell), out var h) || !TryLevel(resolution, H3Index.MaxResolution, out var r)) return KustoValue.Null;
        var level = H3Index.Resolution(h);
        if (r < 1 || r < level || r - level > MaxChildrenDepth) return KustoValue.Null;
        return KustoValue.Array([.. H3Index.Children(h, r).Select(c => KustoValue.From(H3Index.ToToken(c)))]);
    }
}
