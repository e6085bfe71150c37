namespace AzureRules.Sdk.Engine;

/// <summary>
/// Which executions a replay runs. By default every rule runs on its schedule from the first event
/// until the last event has left its look-back. <see cref="At"/> runs every rule exactly once, as its
/// first execution, at that time (its look-back ending there); <see cref="From"/> and <see cref="To"/>
/// keep only the scheduled executions between them (inclusive).
/// </summary>
public sealed record ReplayBounds
{
    public static ReplayBounds All { get; } = new();

    public DateTimeOffset? At { get; init; }
    public DateTimeOffset? From { get; init; }
    public DateTimeOffset? To { get; init; }

    public static ReplayBounds Once(DateTimeOffset at) => new() { At = at };

    public static ReplayBounds Between(DateTimeOffset? from, DateTimeOffset? to)
    {
        if (from is { } f && to is { } t && t < f) throw new ArgumentException("the end of a replay must not be before its start", nameof(to));
        return new() { From = from, To = to };
    }
}
