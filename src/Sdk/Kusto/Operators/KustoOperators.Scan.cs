namespace AzureRules.Sdk.Kusto.Operators;

/// <summary>
/// One step of scan, compiled against the scan's combined layout (<see cref="KustoOperators.ScanLayout"/>):
/// its condition, the declared columns it assigns and their values, and whether its matches are output.
/// </summary>
public sealed record KustoScanStep(string Name, bool Output, KustoBinder Condition, string[] Targets, KustoMultiBinder Assignments);

public static partial class KustoOperators
{
    /// <summary>
    /// The columns scan's conditions and assignments read: the current record (the input's columns, then the
    /// declared ones), then for each step <c>s</c> the same columns named <c>s.Column</c>, holding that step's
    /// values in the state the expression is evaluated with (the declared defaults and nulls when it has none).
    /// </summary>
    public static KustoSchema ScanLayout(KustoSchema input, string[] declaredNames, KustoType[] declaredTypes, string[] stepNames)
    {
        var record = RecordColumns(input, declaredNames, declaredTypes);
        var columns = new List<KustoColumn>(record);
        foreach (var step in stepNames) columns.AddRange(record.Select(c => new KustoColumn(step + "." + c.Name, c.Type)));
        return new KustoSchema(columns);
    }

    private static List<KustoColumn> RecordColumns(KustoSchema input, string[] declaredNames, KustoType[] declaredTypes)
    {
        var columns = new List<KustoColumn>(input.Columns);
        for (var d = 0; d < declaredNames.Length; d++)
        {
            var slot = columns.FindIndex(c => c.Name == declaredNames[d]);
            if (slot >= 0) columns[slot] = new KustoColumn(declaredNames[d], declaredTypes[d]);
            else columns.Add(new KustoColumn(declaredNames[d], declaredTypes[d]));
        }
        return columns;
    }

    /// <summary>
    /// <c>scan [with_match_id = Id] [declare (…)] with (step …; …)</c>, as the Kusto documentation's scan logic
    /// defines it: each record is checked against the steps from the last to the first. Check 1: when the
    /// previous step has an active sequence and the record meets this step's condition (with that state), the
    /// previous step's state moves to this step, extended with the record. Check 2 (only when check 1 did not
    /// match): when this step has an active sequence, or is the first step, and the record meets its condition
    /// (with this step's state), the record replaces this step's values in its state; for the first step with no
    /// active sequence a new sequence, with the next match id, begins. A match outputs the extended record
    /// (the input's columns, the declared ones, the match id) unless the step is output=none.
    /// </summary>
    public static KustoTable Scan(KustoTable input, string[] declaredNames, KustoType[] declaredTypes, KustoValue[] defaults, string? matchIdName, KustoScanStep[] steps)
    {
        var inputSchema = input.Schema;
        var layout = ScanLayout(inputSchema, declaredNames, declaredTypes, [.. steps.Select(s => s.Name)]);
        var record = RecordColumns(inputSchema, declaredNames, declaredTypes);
        var width = record.Count;
        var declaredSlots = declaredNames.Select(n => record.FindIndex(c => c.Name == n)).ToArray();
        var conditions = steps.Select(s => s.Condition(layout)).ToArray();
        var assignments = steps.Select(s => s.Assignments(layout)).ToArray();
        var targets = steps.Select(s => s.Targets.Select(t => record.FindIndex(c => c.Name == t)).ToArray()).ToArray();
        var emptyRecord = new KustoValue[width];
        for (var c = 0; c < inputSchema.Count; c++) emptyRecord[c] = KustoValue.NullOf(inputSchema.Columns[c].Type);
        for (var d = 0; d < declaredSlots.Length; d++) emptyRecord[declaredSlots[d]] = defaults[d];

        var states = new ScanState?[steps.Length];
        var nextMatchId = 0L;
        var output = new List<KustoValue[]>();
        var combined = new KustoValue[layout.Count];
        var current = emptyRecord;
        foreach (var row in input.Rows)
        {
            current = (KustoValue[])emptyRecord.Clone();
            Array.Copy(row, current, inputSchema.Count);
            for (var k = steps.Length - 1; k >= 0; k--)
            {
                var matched = false;
                if (k > 0 && states[k - 1] is { } previous && Meets(k, previous))
                {
                    var extended = Extend(k);
                    var promoted = previous with { Records = (KustoValue[]?[])previous.Records.Clone() };
                    promoted.Records[k] = extended;
                    states[k] = promoted;
                    states[k - 1] = null;
                    Emit(k, extended, promoted.MatchId);
                    matched = true;
                }
                if (!matched && (states[k] is not null || k == 0) && Meets(k, states[k]))
                {
                    var extended = Extend(k);
                    if (states[k] is not { } state)
                    {
                        state = states[k] = new ScanState(nextMatchId++, new KustoValue[]?[steps.Length]);
                    }
                    state.Records[k] = extended;
                    Emit(k, extended, state.MatchId);
                }
            }
        }
        var names = record.Select(c => c.Name).ToList();
        var known = record.Select(c => (KustoType?)c.Type).ToList();
        if (matchIdName is not null) { names.Add(matchIdName); known.Add(KustoType.Long); }
        return KustoTable.WithInferredTypes(names, output, known);

        // the record with the state's values laid out behind it, then the step's condition
        bool Meets(int k, ScanState? state)
        {
            Array.Copy(current, combined, width);
            for (var j = 0; j < steps.Length; j++)
                Array.Copy(state?.Records[j] ?? emptyRecord, 0, combined, width * (j + 1), width);
            return conditions[k](combined).IsTrue;
        }

        // the record extended with the step's assignments (computed with the state the condition met)
        KustoValue[] Extend(int k)
        {
            var extended = (KustoValue[])current.Clone();
            for (var a = 0; a < assignments[k].Length; a++)
                if (targets[k][a] >= 0) extended[targets[k][a]] = KustoConvert.To(record[targets[k][a]].Type, assignments[k][a](combined));
            return extended;
        }

        void Emit(int k, KustoValue[] extended, long matchId)
        {
            if (!steps[k].Output) return;
            output.Add(matchIdName is null ? extended : [.. extended, KustoValue.From(matchId)]);
        }
    }

    /// <summary>A step's active sequence: its match id and the records of the steps up to it.</summary>
    private sealed record ScanState(long MatchId, KustoValue[]?[] Records);
}
