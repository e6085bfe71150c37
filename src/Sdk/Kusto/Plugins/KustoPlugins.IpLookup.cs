using AzureRules.Sdk.Kusto.Functions;
using AzureRules.Sdk.Kusto.Operators;
using AzureRules.Sdk.Kusto.Scalars;

namespace AzureRules.Sdk.Kusto.Plugins;

public static partial class KustoPlugins
{
    /// <summary>
    /// <c>evaluate ipv4_lookup(LookupTable, SourceKey, LookupKey [, ExtraKey…] [, return_unmatched])</c> (and
    /// ipv6_lookup): each input row joined with every lookup row whose LookupKey range (an address or a
    /// prefix, <c>10.0.0.0/8</c>) holds the row's SourceKey address and whose extra keys equal the row's. The
    /// result has the input's columns then the lookup table's (an extra key once; a clashing name gets 1, 2, …).
    /// Rows without a match are dropped, or kept with nulls when <paramref name="returnUnmatched"/>.
    /// The lookup table is indexed by prefix length, so a row costs one probe per distinct length.
    /// </summary>
    public static KustoTable IpLookup(KustoTable input, KustoTable lookup, string sourceKey, string lookupKey, string[] extraKeys, bool returnUnmatched)
    {
        var sourceSlot = input.Schema.Slot(sourceKey);
        var lookupSlot = lookup.Schema.Slot(lookupKey);
        if (sourceSlot < 0 || lookupSlot < 0)
            throw new InvalidOperationException($"ip lookup: no column '{(sourceSlot < 0 ? sourceKey : lookupKey)}'");
        var extraSource = extraKeys.Select(input.Schema.Slot).ToArray();
        var extraLookup = extraKeys.Select(lookup.Schema.Slot).ToArray();
        var skip = new HashSet<int>(extraLookup.Where(s => s >= 0));
        var kept = Enumerable.Range(0, lookup.Columns.Count).Where(i => !skip.Contains(i)).ToArray();
        var names = UniqueNames(input.Columns.Select(c => c.Name).Concat(kept.Select(i => lookup.Columns[i].Name)));

        // prefix length → network → lookup rows
        var index = new SortedDictionary<int, Dictionary<UInt128, List<int>>>();
        for (var r = 0; r < lookup.RowCount; r++)
        {
            if (!KustoIpv6Functions.TryParse(KustoStrings.Text(lookup.Rows[r][lookupSlot]), out var network, out var prefix)) continue;
            if (!index.TryGetValue(prefix, out var networks)) index[prefix] = networks = [];
            var masked = network & KustoIpv6Functions.Mask(prefix);
            if (!networks.TryGetValue(masked, out var rows)) networks[masked] = rows = [];
            rows.Add(r);
        }

        var width = input.Columns.Count;
        var output = new List<KustoValue[]>();
        var matches = new List<int>();
        foreach (var row in input.Rows)
        {
            matches.Clear();
            if (KustoIpv6Functions.TryParse(KustoStrings.Text(row[sourceSlot]), out var address, out _))
            {
                foreach (var (prefix, networks) in index)
                    if (networks.TryGetValue(address & KustoIpv6Functions.Mask(prefix), out var rows))
                        foreach (var r in rows)
                            if (ExtraKeysEqual(row, lookup.Rows[r], extraSource, extraLookup)) matches.Add(r);
            }
            matches.Sort();
            foreach (var r in matches)
            {
                var result = new KustoValue[names.Count];
                Array.Copy(row, result, width);
                for (var k = 0; k < kept.Length; k++) result[width + k] = lookup.Rows[r][kept[k]];
                output.Add(result);
            }
            if (matches.Count == 0 && returnUnmatched)
            {
                var result = new KustoValue[names.Count];
                Array.Copy(row, result, width);
                for (var k = 0; k < kept.Length; k++) result[width + k] = KustoValue.NullOf(lookup.Columns[kept[k]].Type);
                output.Add(result);
            }
        }
        var known = input.Columns.Select(c => (KustoType?)c.Type).Concat(kept.Select(i => (KustoType?)lookup.Columns[i].Type)).ToArray();
        return KustoTable.WithInferredTypes(names, output, known);
    }

    private static bool ExtraKeysEqual(KustoValue[] row, KustoValue[] lookupRow, int[] sourceSlots, int[] lookupSlots)
    {
        for (var k = 0; k < sourceSlots.Length; k++)
        {
            if (sourceSlots[k] < 0 || lookupSlots[k] < 0) return false;
            if (KustoComparison.AreEqual(row[sourceSlots[k]], lookupRow[lookupSlots[k]]) != true) return false;
        }
        return true;
    }
}
