using AzureRules.Sdk.Kusto.Operators;

namespace AzureRules.Sdk.Kusto.Plugins;

public static partial class KustoPlugins
{
    /// <summary>The most sequences one sequence_detect returns: more is a query error, not an allocation.</summary>
    public const int MaxSequences = 1_000_000;

    /// <summary>
    /// <c>sequence_detect(Time, MaxSequenceStepWindow, MaxSequenceSpan, Step1 = Predicate, …, Dim…)</c>: within each
    /// combination of the dimensions, every chain of rows, in time order, where row k satisfies step k, each
    /// row follows the previous one by at most MaxSequenceStepWindow and the last follows the first by at most
    /// MaxSequenceSpan. A row per chain: the dimensions, each step's time (<c>Step_Time</c>) and Duration.
    /// </summary>
    public static KustoTable SequenceDetect(KustoTable input, KustoBinder time, string timeName, KustoValue stepWindow, KustoValue span,
        string[] stepNames, KustoMultiBinder steps, string[] dimNames, KustoMultiBinder dims)
    {
        var schema = input.Layout;
        var timeOf = time(schema);
        var stepsOf = steps(schema);
        var dimsOf = dims(schema);
        var maxStep = Ticks(stepWindow, "sequence_detect: MaxSequenceStepWindow");
        var maxSpan = Ticks(span, "sequence_detect: MaxSequenceSpan");
        var groups = new Dictionary<KustoKey, List<(long Ticks, bool[] Steps)>>();
        var order = new List<KustoKey>();
        foreach (var row in input.Stream())
        {
            var t = timeOf(row);
            if (t.Type != KustoType.DateTime) continue;
            var matched = stepsOf.Select(s => s(row).IsTrue).ToArray();
            if (!matched.Any(m => m)) continue;
            var key = new KustoKey([.. dimsOf.Select(d => d(row))]);
            if (!groups.TryGetValue(key, out var rows)) { groups[key] = rows = []; order.Add(key); }
            rows.Add((t.Ticks, matched));
        }
        var output = new List<KustoValue[]>();
        var chain = new long[stepsOf.Length];
        foreach (var key in order)
        {
            var rows = groups[key];
            var sorted = Enumerable.Range(0, rows.Count).OrderBy(i => rows[i].Ticks).ToArray(); // stable
            for (var i = 0; i < sorted.Length; i++)
                if (rows[sorted[i]].Steps[0]) Extend(key, rows, sorted, i, 0);
        }
        return KustoTable.WithInferredTypes(UniqueNames([.. dimNames, .. stepNames.Select(s => s + "_" + timeName), "Duration"]), output,
            [.. dimNames.Select(_ => (KustoType?)null), .. stepNames.Select(_ => (KustoType?)KustoType.DateTime), KustoType.TimeSpan]);

        void Extend(KustoKey key, List<(long Ticks, bool[] Steps)> rows, int[] sorted, int position, int step)
        {
            chain[step] = rows[sorted[position]].Ticks;
            if (step == chain.Length - 1)
            {
                if (output.Count >= MaxSequences) throw new InvalidOperationException($"sequence_detect: more than {MaxSequences} sequences");
                output.Add([.. key.Values, .. chain.Select(t => KustoValue.FromTicks(KustoType.DateTime, t)), KustoValue.FromTicks(KustoType.TimeSpan, chain[^1] - chain[0])]);
                return;
            }
            for (var next = position + 1; next < sorted.Length; next++)
            {
                var t = rows[sorted[next]].Ticks;
                if (t - chain[step] > maxStep || t - chain[0] > maxSpan) break;
                if (rows[sorted[next]].Steps[step + 1]) Extend(key, rows, sorted, next, step + 1);
            }
        }
    }
}
