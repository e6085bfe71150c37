using System.Globalization;
using AzureRules.Sdk.Detections;
using AzureRules.Sdk.Events;

namespace AzureRules.Sdk.Engine;

/// <summary>
/// The time that places an event in an Elastic rule's executions. Kibana searches the rule's
/// <c>timestamp_override</c> field (1,915 of the corpus rules: <c>event.ingested</c>) instead of
/// <c>@timestamp</c> and, unless <c>timestamp_override_fallback_disabled</c>, also the events that
/// lack it by their <c>@timestamp</c> (security_solution <c>utils/build_events_query.ts</c>:
/// the range on the primary timestamp, or on the secondary one where the primary does not exist).
/// </summary>
internal sealed class RuleTimeField
{
    /// <summary>The event's own time (<c>@timestamp</c>): rules without an override.</summary>
    public static readonly RuleTimeField Timestamp = new(-1, fallback: true);

    private readonly int _slot;
    private readonly bool _fallback;

    private RuleTimeField(int slot, bool fallback)
    {
        _slot = slot;
        _fallback = fallback;
    }

    public static RuleTimeField Of(RuleMetadata metadata)
        => metadata.TimestampOverride is { Length: > 0 } field && field != "@timestamp"
            ? new RuleTimeField(FieldTable.Slot(field), !metadata.TimestampOverrideFallbackDisabled)
            : Timestamp;

    /// <summary>Whether the rule reads a field other than the event's timestamp (the view must be loaded).</summary>
    public bool IsOverride => _slot >= 0;

    /// <summary>
    /// The event's time for the rule: the override field's date (ISO 8601 text or epoch milliseconds),
    /// else <paramref name="timestamp"/> when falling back is allowed, else null — the rule's searches
    /// never see the event.
    /// </summary>
    public DateTimeOffset? TimeOf(EventView view, DateTimeOffset timestamp)
    {
        if (_slot < 0) return timestamp;
        var value = view.First(_slot);
        return Parse(value) ?? (_fallback ? timestamp : null);
    }

    private static DateTimeOffset? Parse(FieldValue value)
    {
        switch (value.Kind)
        {
            case FieldKind.String when DateTimeOffset.TryParse(value.Text, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time):
                return time;
            case FieldKind.Number when value.IsInteger
                && value.Integer >= DateTimeOffset.MinValue.ToUnixTimeMilliseconds()
                && value.Integer <= DateTimeOffset.MaxValue.ToUnixTimeMilliseconds():
                return DateTimeOffset.FromUnixTimeMilliseconds(value.Integer);
            default:
                return null; // absent, or not a date: as a date field Elasticsearch could not index
        }
    }
}
