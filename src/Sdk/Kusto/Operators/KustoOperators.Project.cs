namespace AzureRules.Sdk.Kusto.Operators;

public static partial class KustoOperators
{
    /// <summary>
    /// <c>extend a = x, b = y</c>: every expression is evaluated against the operator's input row; a
    /// name that exists replaces that column in place, a new name is appended. Streams.
    /// </summary>
    public static KustoTable Extend(KustoTable input, string[] names, KustoMultiBinder expressions)
    {
        var layout = input.Layout;
        var evaluators = expressions(layout);
        var width = layout.Count;
        var targets = new int[names.Length];
        var outputNames = new List<string>(layout.Names);
        for (var i = 0; i < names.Length; i++)
        {
            var slot = outputNames.IndexOf(names[i]);
            if (slot < 0) { slot = outputNames.Count; outputNames.Add(names[i]); }
            targets[i] = slot;
        }
        var types = KustoColumnTypes.Derived(input.Types, width, targets, new KustoType?[outputNames.Count]);
        return KustoTable.Streaming(outputNames, types, ExtendRows(input.Stream(), width, outputNames.Count, targets, evaluators, types));
    }

    private static IEnumerable<KustoValue[]> ExtendRows(IEnumerable<KustoValue[]> rows, int width, int outputWidth, int[] targets, KustoRowFunction[] evaluators, KustoColumnTypes types)
    {
        foreach (var row in rows)
        {
            var output = new KustoValue[outputWidth];
            Array.Copy(row, output, width);
            for (var i = 0; i < evaluators.Length; i++) output[targets[i]] = evaluators[i](row);
            types.Witness(output);
            yield return output;
        }
    }

    /// <summary><c>project a = x, b</c>: exactly the listed columns, each computed from the input row. Streams.</summary>
    public static KustoTable Project(KustoTable input, string[] names, KustoMultiBinder expressions)
    {
        var evaluators = expressions(input.Layout);
        var types = KustoColumnTypes.Derived(null, 0, [], new KustoType?[names.Length]);
        return KustoTable.Streaming(names, types, ProjectRows(input.Stream(), evaluators, types));
    }

    private static IEnumerable<KustoValue[]> ProjectRows(IEnumerable<KustoValue[]> rows, KustoRowFunction[] evaluators, KustoColumnTypes types)
    {
        foreach (var row in rows)
        {
            var output = new KustoValue[evaluators.Length];
            for (var i = 0; i < evaluators.Length; i++) output[i] = evaluators[i](row);
            types.Witness(output);
            yield return output;
        }
    }

    /// <summary>Keeps the columns at the given slots, in that order (project-away, project-keep, project-reorder).</summary>
    private static KustoTable Select(KustoTable input, IReadOnlyList<int> slots, IReadOnlyList<string>? names = null)
    {
        var columns = slots.Select((s, i) => new KustoColumn(names?[i] ?? input.Columns[s].Name, input.Columns[s].Type)).ToArray();
        var rows = new List<KustoValue[]>(input.RowCount);
        foreach (var row in input.Rows)
        {
            var output = new KustoValue[slots.Count];
            for (var i = 0; i < output.Length; i++) output[i] = row[slots[i]];
            rows.Add(output);
        }
        return new KustoTable(columns, rows);
    }

    /// <summary>Whether a column name matches a project-away/keep/reorder item (a name or a * wildcard).</summary>
    public static bool NameMatches(string pattern, string name)
    {
        if (!pattern.Contains('*')) return pattern == name;
        var regex = "^" + System.Text.RegularExpressions.Regex.Escape(pattern).Replace("\\*", ".*") + "$";
        return Scalars.KustoStrings.Regex(regex).IsMatch(name);
    }

    public static KustoTable ProjectAway(KustoTable input, string[] patterns)
    {
        var slots = Enumerable.Range(0, input.Schema.Count).Where(i => !patterns.Any(p => NameMatches(p, input.Columns[i].Name))).ToList();
        return Select(input, slots);
    }

    public static KustoTable ProjectKeep(KustoTable input, string[] patterns)
    {
        var slots = Enumerable.Range(0, input.Schema.Count).Where(i => patterns.Any(p => NameMatches(p, input.Columns[i].Name))).ToList();
        return Select(input, slots);
    }

    /// <summary><c>project-reorder</c>: the listed columns first (in the order listed), then the rest.</summary>
    /// <param name="directions">Per pattern: 0 keeps the matched columns' order, 1 sorts them by name ascending, -1 descending.</param>
    public static KustoTable ProjectReorder(KustoTable input, string[] patterns, int[]? directions = null)
    {
        var slots = new List<int>();
        for (var p = 0; p < patterns.Length; p++)
        {
            var matched = new List<int>();
            for (var i = 0; i < input.Schema.Count; i++)
            {
                if (!slots.Contains(i) && NameMatches(patterns[p], input.Columns[i].Name)) matched.Add(i);
            }
            var direction = directions is null ? 0 : directions[p];
            if (direction != 0)
                matched.Sort((a, b) => direction * string.CompareOrdinal(input.Columns[a].Name, input.Columns[b].Name));
            slots.AddRange(matched);
        }
        for (var i = 0; i < input.Schema.Count; i++)
        {
            if (!slots.Contains(i)) slots.Add(i);
        }
        return Select(input, slots);
    }

    /// <summary><c>project-rename new = old</c>.</summary>
    public static KustoTable ProjectRename(KustoTable input, string[] newNames, string[] oldNames)
    {
        var names = input.Schema.Names;
        for (var i = 0; i < newNames.Length; i++)
        {
            var slot = input.Schema.Slot(oldNames[i]);
            if (slot >= 0) names[slot] = newNames[i];
        }
        return Select(input, Enumerable.Range(0, names.Length).ToList(), names);
    }
}
