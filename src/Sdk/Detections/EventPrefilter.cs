namespace AzureRules.Sdk.Detections;

/// <summary>
/// A condition every event a rule's query matches meets, derived by the compiler from the bound query
/// (never written by hand): the field <see cref="Field"/> holds a string, number or boolean whose text
/// is one of <see cref="Values"/> — compared ordinally, or ignoring case. It is necessary, not
/// sufficient: the engine uses it to offer an event only to the rules that can match it (grouping
/// rules by field and value), and still calls <c>Matches</c> on those.
/// </summary>
public sealed class EventPrefilter
{
    public EventPrefilter(string field, bool ignoreCase, params string[] values)
    {
        Field = field;
        IgnoreCase = ignoreCase;
        Values = values;
    }

    /// <summary>The field's full dotted path (as the query's field slots name it).</summary>
    public string Field { get; }

    /// <summary>Values compare with <see cref="StringComparison.OrdinalIgnoreCase"/> (a <c>.caseless</c> field, EQL's <c>in~</c>/<c>:</c>).</summary>
    public bool IgnoreCase { get; }

    /// <summary>At least one value of the field must equal one of these.</summary>
    public IReadOnlyList<string> Values { get; }

    public override string ToString() => $"{Field} {(IgnoreCase ? "in~" : "in")} ({string.Join(", ", Values)})";
}
