using AzureRules.Sdk.Events;

namespace AzureRules.Sdk.Eql.Join;

/// <summary>
/// Reads the join keys of an event for a step. A multi-valued key field joins on each of its
/// values, so an event has the cartesian product of its key values as keys (Elasticsearch's
/// <c>sequenceWithMultivalue_CartesianProduct</c>); null array members are ignored.
/// </summary>
public static class EqlJoinKeys
{
    private static readonly EqlKey[] NoKeys = [];
    private static readonly EqlKey[] NoneKey = [EqlKey.None];

    /// <summary>The event's keys; empty when a required key is missing (the event takes no part in the step).</summary>
    public static EqlKey[] Read(EventView e, EqlJoinKey[] keys)
    {
        if (keys.Length == 0) return NoneKey;
        var values = new List<string?>[keys.Length];
        var combinations = 1;
        for (var i = 0; i < keys.Length; i++)
        {
            values[i] = ValuesOf(e, keys[i]);
            if (values[i].Count == 0) return NoKeys;
            combinations *= values[i].Count;
        }
        var result = new EqlKey[combinations];
        var parts = new string?[keys.Length];
        var n = 0;
        Fill(0);
        return result;

        void Fill(int position)
        {
            if (position == keys.Length)
            {
                result[n++] = new EqlKey((string?[])parts.Clone());
                return;
            }
            foreach (var value in values[position])
            {
                parts[position] = value;
                Fill(position + 1);
            }
        }
    }

    private static List<string?> ValuesOf(EventView e, EqlJoinKey key)
    {
        var list = new List<string?>(1);
        if (key.Expression is { } expression)
        {
            // a computed key has one value; null joins as null
            list.Add(expression(e).AsString());
            return list;
        }
        foreach (var value in e.Values(key.Slot))
            if (value.AsString() is { } text && !list.Contains(text)) list.Add(text);
        if (list.Count == 0 && key.IsOptional) list.Add(null);
        return list;
    }
}
