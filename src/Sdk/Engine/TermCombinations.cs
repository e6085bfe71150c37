using AzureRules.Sdk.Events;

namespace AzureRules.Sdk.Engine;

/// <summary>
/// The terms an event contributes to an aggregation over several fields, as Elasticsearch's composite
/// aggregation forms them: one combination per element of the cartesian product of the fields' values
/// (an array contributes each element; a missing field contributes no combination). Values compare as a
/// keyword field indexes them; objects are not terms.
/// </summary>
internal static class TermCombinations
{
    /// <summary>Separates values in a combination's key: a control character no keyword value carries in practice.</summary>
    public const char Separator = '\u001f';

    /// <summary>At most this many combinations per event, so that a hostile event of long arrays costs a bounded amount.</summary>
    public const int MaxPerEvent = 1000;

    /// <summary>The distinct combinations' keys (values joined by <see cref="Separator"/>); one empty key when there are no fields.</summary>
    public static string[] Keys(EventView view, int[] slots)
    {
        if (slots.Length == 0) return [""];
        var keys = new List<string> { "" };
        for (var f = 0; f < slots.Length; f++)
        {
            var values = Distinct(view.Values(slots[f]));
            if (values.Count == 0) return [];
            var next = new List<string>(Math.Min(keys.Count * values.Count, MaxPerEvent));
            foreach (var prefix in keys)
            {
                foreach (var value in values)
                {
                    if (next.Count == MaxPerEvent) break;
                    next.Add(f == 0 ? value : prefix + Separator + value);
                }
            }
            keys = next;
        }
        return [.. keys];
    }

    /// <summary>The values of one combination key, in field order.</summary>
    public static string[] Split(string key, int fieldCount) => fieldCount == 0 ? [] : key.Split(Separator);

    public static List<string> Distinct(ReadOnlySpan<FieldValue> values)
    {
        var result = new List<string>(values.Length);
        foreach (var value in values)
        {
            if (value.AsString() is { } text && !result.Contains(text)) result.Add(text);
        }
        return result;
    }
}
