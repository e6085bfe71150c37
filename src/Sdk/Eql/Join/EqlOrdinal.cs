namespace AzureRules.Sdk.Eql.Join;

/// <summary>
/// Where an event stands in a sequence: its timestamp (nanoseconds since the Unix epoch, so
/// nanosecond data keeps its order), then the tiebreaker field, then reading order, as
/// Elasticsearch orders by timestamp, tiebreaker and finally the implicit shard/doc order.
/// </summary>
public readonly record struct EqlOrdinal(long TimeNanos, double Tiebreaker, long Position) : IComparable<EqlOrdinal>
{
    public int CompareTo(EqlOrdinal other)
    {
        var c = TimeNanos.CompareTo(other.TimeNanos);
        if (c != 0) return c;
        c = Tiebreaker.CompareTo(other.Tiebreaker);
        return c != 0 ? c : Position.CompareTo(other.Position);
    }

    public static bool operator <(EqlOrdinal a, EqlOrdinal b) => a.CompareTo(b) < 0;
    public static bool operator >(EqlOrdinal a, EqlOrdinal b) => a.CompareTo(b) > 0;

    public static long ToNanos(DateTimeOffset time) => (time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) * 100;
}

/// <summary>One filter (step or until) an event matched, with the keys it has for that filter.</summary>
public readonly record struct EqlFilterMatch(int Filter, EqlKey[] Keys);

/// <summary>An event that matched at least one filter of a join query, with its payload (the record, an id…).</summary>
public sealed class EqlJoinEvent<T>(EqlOrdinal ordinal, T payload, EqlFilterMatch[] matches)
{
    public EqlOrdinal Ordinal { get; } = ordinal;
    public T Payload { get; } = payload;
    public EqlFilterMatch[] Matches { get; } = matches;

    /// <summary>Tests the event against every filter of the query; null when it matches none.</summary>
    public static EqlFilterMatch[]? Match(EqlJoinDefinition definition, Events.EventView view)
    {
        List<EqlFilterMatch>? matches = null;
        var index = 0;
        foreach (var filter in definition.Filters)
        {
            if (filter.Matches(view))
            {
                var keys = EqlJoinKeys.Read(view, filter.Keys);
                if (keys.Length > 0) (matches ??= []).Add(new EqlFilterMatch(index, keys));
            }
            index++;
        }
        return matches?.ToArray();
    }
}

/// <summary>
/// A completed sequence or sample: its key and one event per stage in stage order (a missing-event
/// stage holds none).
/// </summary>
public sealed class EqlJoinResult<T>(EqlKey key, EqlJoinEvent<T>?[] events)
{
    public EqlKey Key { get; } = key;
    public IReadOnlyList<EqlJoinEvent<T>?> Events { get; } = events;
    public EqlOrdinal Start => Events.First(e => e is not null)!.Ordinal;
    public EqlOrdinal End => Events.Last(e => e is not null)!.Ordinal;
}
