using AzureRules.Sdk.Detections;
using AzureRules.Sdk.Events;

namespace AzureRules.Sdk.Engine;

/// <summary>
/// Which prefilter term (<see cref="EventPrefilter"/>) each rule of a replay is grouped by. A rule's
/// terms are each necessary, so any one will do; the plan takes the one whose values the fewest rules'
/// terms share (<c>process.name: cmd.exe</c> rather than <c>event.category: process</c>, which hundreds
/// of rules need), so an event is offered to as few rules as possible. A rule with no term is offered
/// every event. Built before the first event is read, so every slot it names exists when events are read.
/// </summary>
internal sealed class PrefilterPlan
{
    private readonly Dictionary<IElasticRuleRunner, (int Slot, EventPrefilter Term)> _chosen = [];

    public PrefilterPlan(IReadOnlyList<IElasticRuleRunner> runners, bool enabled)
    {
        if (!enabled) return;
        var shared = new Dictionary<(string Field, bool IgnoreCase, string Value), int>();
        foreach (var runner in runners)
            foreach (var key in runner.Prefilters.SelectMany(Keys).Distinct())
                shared[key] = shared.GetValueOrDefault(key) + 1;
        foreach (var runner in runners)
        {
            EventPrefilter? best = null;
            var bestScore = long.MaxValue;
            foreach (var term in runner.Prefilters)
            {
                long score = Keys(term).Sum(k => (long)shared[k]);
                if (score < bestScore) (best, bestScore) = (term, score);
            }
            if (best is not null) _chosen[runner] = (FieldTable.Slot(best.Field), best);
        }
    }

    // the same value under one case-insensitive term counts once, whatever its case
    private static IEnumerable<(string, bool, string)> Keys(EventPrefilter term)
        => term.Values.Select(v => (term.Field, term.IgnoreCase, term.IgnoreCase ? v.ToUpperInvariant() : v)).Distinct();

    /// <summary>The term the rule is grouped by, or false when it is offered every event.</summary>
    public bool TryGet(IElasticRuleRunner runner, out int slot, out EventPrefilter term)
    {
        var found = _chosen.TryGetValue(runner, out var chosen);
        (slot, term) = chosen;
        return found;
    }
}

/// <summary>
/// The Elastic rules that read one index, grouped by their prefilter term: for an event, the rules
/// it may match are those without a term and those whose term's field holds one of its values —
/// found by one dictionary look-up per value of each grouped field, not by asking every rule.
/// Thread-safe after construction (the caller brings the list the selection goes into).
/// </summary>
internal sealed class PrefilterDispatch<T>
{
    private readonly T[] _targets;
    // positions of the targets offered every event, ascending
    private readonly int[] _unfiltered;
    private readonly FieldGroup[] _groups;

    private sealed class FieldGroup(int slot)
    {
        public readonly int Slot = slot;
        public readonly Dictionary<string, List<int>> Exact = new(StringComparer.Ordinal);
        public readonly Dictionary<string, List<int>> IgnoreCase = new(StringComparer.OrdinalIgnoreCase);
    }

    public PrefilterDispatch(IReadOnlyList<(T Target, IElasticRuleRunner Runner)> targets, PrefilterPlan plan)
    {
        _targets = [.. targets.Select(t => t.Target)];
        var unfiltered = new List<int>();
        var groups = new Dictionary<int, FieldGroup>();
        for (var i = 0; i < targets.Count; i++)
        {
            if (!plan.TryGet(targets[i].Runner, out var slot, out var term))
            {
                unfiltered.Add(i);
                continue;
            }
            if (!groups.TryGetValue(slot, out var group)) groups[slot] = group = new FieldGroup(slot);
            var byValue = term.IgnoreCase ? group.IgnoreCase : group.Exact;
            foreach (var value in term.Values)
            {
                if (!byValue.TryGetValue(value, out var list)) byValue[value] = list = [];
                if (list.Count == 0 || list[^1] != i) list.Add(i);
            }
        }
        _unfiltered = [.. unfiltered];
        _groups = [.. groups.Values];
    }

    public int Count => _targets.Length;

    public T this[int position] => _targets[position];

    /// <summary>Puts into <paramref name="selected"/> the positions of the targets the event may match, ascending.</summary>
    public void Select(EventView view, List<int> selected)
    {
        selected.Clear();
        foreach (var group in _groups)
        {
            foreach (ref readonly var value in view.Values(group.Slot))
            {
                // the keyword comparison of every term: strings, numbers and booleans by their text
                if (value.AsString() is not { } text) continue;
                if (group.Exact.Count > 0 && group.Exact.TryGetValue(text, out var exact)) selected.AddRange(exact);
                if (group.IgnoreCase.Count > 0 && group.IgnoreCase.TryGetValue(text, out var caseless)) selected.AddRange(caseless);
            }
        }
        if (selected.Count == 0)
        {
            selected.AddRange(_unfiltered);
            return;
        }
        selected.AddRange(_unfiltered);
        selected.Sort();
        // drop repeats (a rule reached by several values)
        var kept = 1;
        for (var i = 1; i < selected.Count; i++)
            if (selected[i] != selected[kept - 1]) selected[kept++] = selected[i];
        selected.RemoveRange(kept, selected.Count - kept);
    }
}
