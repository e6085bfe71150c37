using System.Text.RegularExpressions;
using AzureRules.Sdk.Events;

namespace AzureRules.Sdk.Engine;

/// <summary>A runner with the field that gives an event's time for its rule.</summary>
internal readonly record struct RuleTarget<T>(T Runner, RuleTimeField Time);

/// <summary>What the stateless stage found for one event, for the runners that may match it.</summary>
internal enum PrematchOutcome : byte
{
    /// <summary>The runner's query does not match: nothing to offer.</summary>
    NoMatch,
    Match,
    /// <summary>Matching ran past the regex timeout: reported, and the event is not matched.</summary>
    RegexTimedOut,
    /// <summary>The runner has no stateless stage: offer the event whole.</summary>
    Offer,
}

/// <summary>An event's index, the Elastic rules that read it, and for each the prefilter let through (by position), the outcome of its query.</summary>
internal sealed class PreparedEvent(string index, PrefilterDispatch<RuleTarget<IElasticRuleRunner>> targets, int[] selected, PrematchOutcome[] outcomes)
{
    public string Index { get; } = index;
    public PrefilterDispatch<RuleTarget<IElasticRuleRunner>> Targets { get; } = targets;
    public int[] Selected { get; } = selected;
    public PrematchOutcome[] Outcomes { get; } = outcomes;
}

/// <summary>
/// The per-event work of the Elastic rules that depends on nothing but the event — which rules read its
/// index, which of those its values let through their prefilters, and whether each one's query matches —
/// so it can run on any thread, ahead of the replay, while the runners' state (look-back windows,
/// thresholds, new terms, sequences) is fed in stream order by the replay alone.
/// </summary>
internal sealed class ElasticMatchStage(IReadOnlyList<IElasticRuleRunner> runners, IReadOnlyDictionary<IRuleRunner, RuleTimeField> timeFields, PrefilterPlan plan)
{
    private static readonly int[] None = [];
    private readonly Dictionary<string, PrefilterDispatch<RuleTarget<IElasticRuleRunner>>> _byIndex = new(StringComparer.Ordinal);
    [ThreadStatic] private static List<int>? t_selected;

    /// <summary>The rules that read an index, grouped by prefilter (built once per index, shared by every thread).</summary>
    public PrefilterDispatch<RuleTarget<IElasticRuleRunner>> For(string index)
    {
        lock (_byIndex)
        {
            if (!_byIndex.TryGetValue(index, out var targets))
                _byIndex[index] = targets = new([.. runners.Where(r => r.AppliesTo(index)).Select(r => (new RuleTarget<IElasticRuleRunner>(r, timeFields[r]), r))], plan);
            return targets;
        }
    }

    /// <summary>Prepares an event whose view holds its fields. Thread-safe; the runners' state is not touched.</summary>
    public PreparedEvent Prepare(EventRecord record, EventView view)
    {
        var index = record.Envelope.ElasticIndex(record.SourceFile);
        var targets = For(index);
        if (targets.Count == 0) return new PreparedEvent(index, targets, None, []);
        var selected = t_selected ??= [];
        targets.Select(view, selected);
        var outcomes = new PrematchOutcome[selected.Count];
        for (var i = 0; i < selected.Count; i++)
        {
            try
            {
                outcomes[i] = targets[selected[i]].Runner.Prematch(view) switch
                {
                    true => PrematchOutcome.Match,
                    false => PrematchOutcome.NoMatch,
                    null => PrematchOutcome.Offer,
                };
            }
            catch (RegexMatchTimeoutException)
            {
                outcomes[i] = PrematchOutcome.RegexTimedOut;
            }
        }
        return new PreparedEvent(index, targets, [.. selected], outcomes);
    }
}
