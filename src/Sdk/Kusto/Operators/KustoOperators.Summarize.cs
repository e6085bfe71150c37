namespace AzureRules.Sdk.Kusto.Operators;

/// <summary>
/// One aggregate of a summarize: its result column names, how to make its per-group state, and its
/// arguments. For <c>arg_max(x, *)</c> the names depend on the input schema: <see cref="StarNames"/>
/// gives them, and <see cref="Arguments"/> returns every input column after x.
/// </summary>
public sealed record KustoAggregate(string[] Names, Func<KustoAccumulator> Create, KustoMultiBinder Arguments, Func<KustoSchema, string[]>? StarNames = null);

public static partial class KustoOperators
{
    /// <summary>
    /// <c>summarize aggregates by keys</c>: one row per distinct key combination (in first-seen order),
    /// the key columns first, then the aggregates' columns. Without keys, exactly one row, also for an
    /// empty input.
    /// </summary>
    public static KustoTable Summarize(KustoTable input, string[] keyNames, KustoMultiBinder keys, KustoAggregate[] aggregates)
    {
        var keyEvaluators = keys(input.Schema);
        var argumentEvaluators = aggregates.Select(a => a.Arguments(input.Schema)).ToArray();
        var aggregateNames = aggregates.Select(a => a.StarNames?.Invoke(input.Schema) ?? a.Names).ToArray();
        var arguments = argumentEvaluators.Select(e => new KustoValue[e.Length]).ToArray();

        var groups = new Dictionary<KustoKey, KustoAccumulator[]>();
        var order = new List<KustoKey>();
        foreach (var row in input.Rows)
        {
            var keyValues = new KustoValue[keyEvaluators.Length];
            for (var k = 0; k < keyEvaluators.Length; k++) keyValues[k] = keyEvaluators[k](row);
            var key = new KustoKey(keyValues);
            if (!groups.TryGetValue(key, out var state))
            {
                groups[key] = state = aggregates.Select(a => a.Create()).ToArray();
                order.Add(key);
            }
            for (var a = 0; a < state.Length; a++)
            {
                var evaluators = argumentEvaluators[a];
                var values = arguments[a];
                for (var i = 0; i < evaluators.Length; i++) values[i] = evaluators[i](row);
                state[a].Add(values);
            }
        }
        if (keyEvaluators.Length == 0 && groups.Count == 0)
        {
            var empty = new KustoKey([]);
            groups[empty] = aggregates.Select(a => a.Create()).ToArray();
            order.Add(empty);
        }

        var names = new List<string>(keyNames);
        foreach (var group in aggregateNames) names.AddRange(group);
        var width = names.Count;
        var rows = new List<KustoValue[]>(order.Count);
        foreach (var key in order)
        {
            var output = new KustoValue[width];
            Array.Copy(key.Values, output, key.Values.Length);
            var offset = key.Values.Length;
            var state = groups[key];
            for (var a = 0; a < state.Length; a++)
            {
                state[a].Write(output, offset);
                offset += aggregateNames[a].Length;
            }
            rows.Add(output);
        }
        return KustoTable.WithInferredTypes(UniqueNames(names), rows);
    }

    /// <summary>Kusto makes result column names unique by appending 1, 2, … to repeats.</summary>
    internal static string[] UniqueNames(List<string> names)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var result = new string[names.Count];
        for (var i = 0; i < names.Count; i++)
        {
            var name = names[i];
            if (!taken.Add(name))
            {
                var n = 1;
                while (!taken.Add(name + n)) n++;
                name += n;
            }
            result[i] = name;
        }
        return result;
    }
}
