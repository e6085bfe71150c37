namespace AzureRules.Sdk.Engine;

/// <summary>Puts a runner's collected matches in time order for the replay, stably (equal times keep reading order).</summary>
internal static class TimeOrder
{
    /// <summary>
    /// The list itself when it is already in time order (logs usually are), so a large replay does not
    /// hold a second copy; otherwise a stably sorted copy.
    /// </summary>
    public static List<T> Sorted<T>(List<T> items, Func<T, DateTimeOffset> time)
    {
        for (var i = 1; i < items.Count; i++)
        {
            if (time(items[i]) < time(items[i - 1])) return [.. items.OrderBy(time)];
        }
        return items;
    }
}
